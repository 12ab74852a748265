import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { clearSessionCookie } from './session-cookie.js';
import type { Session } from './session.entity.js';
import { requirePersonSession } from './sessions.service.js';
import { describeUserAgent } from './sessions-user-agent.js';

@ObjectType('ActiveSession', { description: 'One of your signed-in browsers (Settings → Sessions).' })
export class ActiveSessionType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The browser and system in words, e.g. "Chrome on macOS".' }) browser!: string;
  @Field(() => String, { nullable: true, description: 'The IP address it signed in from.' }) ip!: string | null;
  @Field(() => GraphQLDateTimeISO) signedInAt!: Date;
  @Field(() => GraphQLDateTimeISO, { description: 'When it was last used (to the minute).' }) lastSeenAt!: Date;
  @Field(() => Boolean, { description: 'True for the session making this request.' }) current!: boolean;

  static from(session: Session, currentId: string): ActiveSessionType {
    return Object.assign(new ActiveSessionType(), {
      id: session.id,
      browser: describeUserAgent(session.userAgent),
      ip: session.ip,
      signedInAt: session.createdAt,
      lastSeenAt: session.lastSeenAt ?? session.createdAt,
      current: session.id === currentId,
    });
  }
}

@Resolver()
export class SessionsResolver {
  @Authorized()
  @Query(() => [ActiveSessionType], { description: 'Your sessions that are still signed in, this one first.' })
  async mySessions(@Ctx() ctx: GraphQLContext): Promise<ActiveSessionType[]> {
    const viewer = requirePersonSession(requireViewer(ctx));
    return (await ctx.services.sessions.list(ctx.em, viewer)).map((s) => ActiveSessionType.from(s, viewer.sessionId));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Signs out one of your sessions at once (ending this one signs you out here).' })
  async endSession(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const viewer = requirePersonSession(requireViewer(ctx));
    const user = await ctx.services.accounts.viewerUser(ctx.em, viewer);
    await ctx.services.sessions.end(ctx.em, viewer, id, user);
    if (id === viewer.sessionId && ctx.http) clearSessionCookie(ctx.http.req, ctx.http.res, ctx.services.config.cookieSecure);
    return true;
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Signs out every other session of yours at once; returns how many ended.' })
  async endOtherSessions(@Ctx() ctx: GraphQLContext): Promise<number> {
    const viewer = requirePersonSession(requireViewer(ctx));
    const user = await ctx.services.accounts.viewerUser(ctx.em, viewer);
    return await ctx.services.sessions.endOthers(ctx.em, viewer, user);
  }
}
