import type { AuthChecker } from 'type-graphql';
import { NotAllowed, NotAuthenticated } from '../common/app-error.js';
import type { Role } from '../accounts/role.js';
import { TwoFactorEnrolmentRequired } from '../accounts/two-factor/two-factor.errors.js';
import type { GraphQLContext } from './context.js';

/** `@Authorized()` needs a viewer; `@Authorized(Role.ADMIN, …)` also needs one of those roles. */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new NotAuthenticated();
  if (context.viewer.mustEnrolTwoFactor) throw new TwoFactorEnrolmentRequired();
  if (roles.length && !roles.includes(context.viewer.role)) throw new NotAllowed();
  return true;
};
