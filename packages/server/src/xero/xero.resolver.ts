import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { TOPICS, type XeroConnectionEvent } from '../graphql/pubsub.js';
import { PendingXeroConnection, StartXeroConnectionPayload, XeroConnectionType } from './xero.types.js';

@Resolver()
export class XeroResolver {
  @Authorized()
  @Query(() => XeroConnectionType, { nullable: true, description: 'Your organisation’s Xero connection, if ever made.' })
  async xeroConnection(@Ctx() ctx: GraphQLContext): Promise<XeroConnectionType | null> {
    const connection = await ctx.services.xeroConnect.current(ctx.em);
    return connection ? XeroConnectionType.from(connection) : null;
  }

  @Authorized(Role.ADMIN)
  @Query(() => PendingXeroConnection, { description: 'The Xero organisations granted in a connect attempt, to choose from.' })
  async pendingXeroConnection(@Arg('attemptId', () => ID) attemptId: string, @Ctx() ctx: GraphQLContext): Promise<PendingXeroConnection> {
    return await ctx.services.xeroConnect.pending(ctx.em, requireViewer(ctx), attemptId);
  }

  @Authorized()
  @Query(() => ID, {
    nullable: true,
    description:
      'A connect attempt of this browser session still waiting for its choice of Xero organisation (ADMIN; null otherwise), to pick up after a reload.',
  })
  async xeroConnectionAwaitingChoice(@Ctx() ctx: GraphQLContext): Promise<string | null> {
    const viewer = requireViewer(ctx);
    if (viewer.role !== Role.ADMIN || viewer.apiKeyId) return null;
    return await ctx.services.xeroConnect.awaitingChoice(ctx.em, viewer);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Leaves a connect attempt without choosing: it is not offered again, and Xero’s grant is released.' })
  async cancelXeroConnection(@Arg('attemptId', () => ID) attemptId: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.xeroConnect.cancel(ctx.em, requireViewer(ctx), attemptId);
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => StartXeroConnectionPayload, { description: 'Starts Connect to Xero (OAuth 2.0); also used to reconnect.' })
  async startXeroConnection(@Ctx() ctx: GraphQLContext): Promise<StartXeroConnectionPayload> {
    const req = ctx.http?.req;
    const from = {
      browserOrigin: req?.headers.origin,
      requestOrigin: req ? `${req.protocol}://${req.get('host') ?? ''}` : undefined,
    };
    return { authorizeUrl: await ctx.services.xeroConnect.start(ctx.em, requireViewer(ctx), from) };
  }

  @Authorized()
  @Query(() => String, {
    description:
      'The web origin Xero returns the browser to after sign-in (from XERO_REDIRECT_URI, else PUBLIC_URL). Connect to Xero must start on a page of this origin: the session cookie belongs to one host.',
  })
  xeroCallbackOrigin(@Ctx() ctx: GraphQLContext): string {
    return ctx.services.xeroConnect.callbackOrigin;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => XeroConnectionType, {
    description: 'Connects the chosen Xero organisation, permanently, and starts the import.',
  })
  async confirmXeroTenant(
    @Arg('attemptId', () => ID) attemptId: string,
    @Arg('tenantId', () => String) tenantId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<XeroConnectionType> {
    return XeroConnectionType.from(await ctx.services.xeroConnect.confirm(ctx.em, requireViewer(ctx), attemptId, tenantId));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => XeroConnectionType, { description: 'Revokes Vouch’s access in Xero and stops all sync.' })
  async disconnectXero(@Ctx() ctx: GraphQLContext): Promise<XeroConnectionType> {
    return XeroConnectionType.from(await ctx.services.xeroConnect.disconnect(ctx.em, requireViewer(ctx)));
  }

  @Authorized()
  @Subscription(() => XeroConnectionType, {
    topics: TOPICS.XERO_CONNECTION_UPDATED,
    filter: ({ payload, context }: { payload: XeroConnectionEvent; context: GraphQLContext }) => payload.organisationId === context.viewer?.organisationId,
    description: 'Status and import progress, live.',
  })
  async xeroConnectionUpdated(@Root() event: XeroConnectionEvent, @Ctx() ctx: GraphQLContext): Promise<XeroConnectionType> {
    const viewer = requireViewer(ctx);
    const connection = await ctx.services.xeroConnect.current(ctx.services.em(viewer.organisationId));
    if (!connection) throw new Error(`connection ${event.connectionId} vanished`);
    return XeroConnectionType.from(connection);
  }
}
