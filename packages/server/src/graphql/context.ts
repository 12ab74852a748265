import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../accounts/role.js';
import { AppError, NotAuthenticated } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';
import type { Services } from '../services.js';

export interface Viewer {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  /** Set when the caller is a third-party tool using an API key. */
  apiKeyId?: string;
  /** Bank numbers are shown in full only to ADMIN/APPROVER users and to keys with that grant. */
  canReadBankDetails?: boolean;
  /** When this session last proved a second factor (step-up looks at it); null if never. */
  secondFactorAt?: Date | null;
  /** The organisation requires two-factor and this session has none yet: only enrolment (and sign-out) work. */
  mustEnrolTwoFactor?: boolean;
}

export function seesBankDetails(viewer: Viewer | null): boolean {
  if (!viewer) return false;
  if (viewer.apiKeyId) return viewer.canReadBankDetails === true;
  return viewer.role !== 'VIEWER';
}

export interface GraphQLContext {
  /** Forked per request; the organisation filter is bound to the viewer's organisation. */
  em: EntityManager;
  viewer: Viewer | null;
  services: Services;
  log: Logger;
  requestId: string;
  ip: string;
  userAgent: string;
  /** The browser's `vouch_device` id (HTTP only): recognises browsers a user signed in from before. */
  deviceToken?: string;
  /** HTTP only (cookies); absent on websocket operations. */
  http?: { req: Request; res: Response };
}

export function requireViewer(ctx: GraphQLContext): Viewer {
  if (!ctx.viewer) throw new NotAuthenticated();
  if (ctx.viewer.mustEnrolTwoFactor) throw new TwoFactorEnrolmentRequired();
  return ctx.viewer;
}

/** A session that must set up two-factor first may only do that (accounts/two-factor) and sign out. */
export class TwoFactorEnrolmentRequired extends AppError {
  constructor() {
    super('FORBIDDEN', 'TWO_FACTOR_ENROLMENT_REQUIRED', 'Your organisation requires two-factor sign-in. Set up an authenticator app or a passkey to continue.');
  }
}
