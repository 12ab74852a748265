import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TwoFactorEnrolmentRequired } from '../accounts/two-factor/two-factor.errors.js';
import type { Viewer } from '../accounts/viewer.js';
import { NotAuthenticated } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';
import type { Services } from '../services.js';

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
