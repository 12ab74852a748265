import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { requirePersonSession } from './sessions.service.js';

@Resolver()
export class EmailVerificationResolver {
  @Authorized()
  @Mutation(() => String, { description: 'Emails you a link that verifies your address (24 hours). Returns the address.' })
  async sendEmailVerification(@Ctx() ctx: GraphQLContext): Promise<string> {
    return await ctx.services.emailVerification.send(ctx.em, requirePersonSession(requireViewer(ctx)));
  }

  @Mutation(() => String, { description: 'Opens an email verification link (signed in or not). Returns the verified address.' })
  async verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return await ctx.services.emailVerification.verify(ctx.em, token.slice(0, 2000), ctx.ip);
  }
}
