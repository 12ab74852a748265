import { Authorized, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { TOPICS } from '../graphql/pubsub.js';
import { Attention, countAttention } from './attention.js';

@Resolver()
export class AttentionResolver {
  @Authorized()
  @Query(() => Attention, { description: 'What needs someone: submissions to review (with their risk), failed syncs, Xero, invites, payment holds.' })
  async attention(@Ctx() ctx: GraphQLContext): Promise<Attention> {
    return await countAttention(ctx.em, requireViewer(ctx).organisationId);
  }

  @Authorized()
  @Subscription(() => Attention, {
    topics: [TOPICS.ATTENTION_CHANGED, TOPICS.SYNC_UPDATED, TOPICS.XERO_CONNECTION_UPDATED],
    filter: ({ payload, context }: { payload: { organisationId: string }; context: GraphQLContext }) =>
      payload.organisationId === context.viewer?.organisationId,
    description: 'The attention counts again, whenever something they count may have moved (from any server instance).',
  })
  async attentionUpdated(@Root() _event: { organisationId: string }, @Ctx() ctx: GraphQLContext): Promise<Attention> {
    const viewer = requireViewer(ctx);
    return await countAttention(ctx.services.em(viewer.organisationId), viewer.organisationId);
  }
}
