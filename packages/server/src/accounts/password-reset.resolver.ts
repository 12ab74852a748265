import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput } from './password-reset.input.js';
import { requirePersonSession } from './sessions.service.js';

@ObjectType({ description: 'The answer to requestPasswordReset: the same whether or not the address has an account.' })
export class PasswordResetRequestPayload {
  @Field(() => String, { description: 'Where a link was sent, if that address has an account.' }) sentTo!: string;
}

@ObjectType({ description: 'A password set from a reset link. Not signed in: sign in with the new password.' })
export class ResetPasswordPayload {
  @Field(() => String, { description: 'The account’s email, to fill in on the sign-in form.' }) email!: string;
}

@ObjectType({ description: 'A password changed from Settings.' })
export class ChangePasswordPayload {
  @Field(() => Int, { description: 'Your other sessions that were signed out.' }) otherSessionsEnded!: number;
}

@Resolver()
export class PasswordResetResolver {
  @Mutation(() => PasswordResetRequestPayload, {
    description: 'Emails a link to set a new password (45 minutes, once) when the address has an account; answers the same either way.',
  })
  async requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput) input: RequestPasswordResetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PasswordResetRequestPayload> {
    const sentTo = await ctx.services.passwordReset.request(ctx.em, input.email, ctx);
    return Object.assign(new PasswordResetRequestPayload(), { sentTo });
  }

  @Mutation(() => ResetPasswordPayload, { description: 'Sets a new password from a reset link; every session of the account is signed out.' })
  async resetPassword(@Arg('input', () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() ctx: GraphQLContext): Promise<ResetPasswordPayload> {
    const user = await ctx.services.passwordReset.reset(ctx.em, input.token, input.password, ctx);
    return Object.assign(new ResetPasswordPayload(), { email: user.email });
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, { description: 'Changes your password (needs the current one); your other sessions are signed out.' })
  async changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: GraphQLContext): Promise<ChangePasswordPayload> {
    const viewer = requirePersonSession(requireViewer(ctx));
    const otherSessionsEnded = await ctx.services.passwordReset.change(ctx.em, viewer, input.currentPassword, input.newPassword, ctx);
    return Object.assign(new ChangePasswordPayload(), { otherSessionsEnded });
  }
}
