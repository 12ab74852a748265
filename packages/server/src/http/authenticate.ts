import type { RequestHandler } from 'express';
import { SESSION_COOKIE } from '../accounts/session-cookie.js';
import type { Viewer } from '../accounts/viewer.js';
import { readCookie } from '../common/cookies.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who is asking (null: nobody signed in); set by `authenticated()` on the routes that need it. */
      viewer?: Viewer | null;
      /** A Bearer key was given and is not valid (or was revoked): /graphql answers UNAUTHENTICATED. */
      apiKeyRefused?: boolean;
    }
  }
}

/** How a credential becomes a viewer (accounts: sessions; api-keys: keys). */
export interface ViewerLookup {
  bySession(token: string | undefined): Promise<Viewer | null>;
  byApiKey(secret: string): Promise<Viewer | null>;
}

export interface Authentication {
  viewer: Viewer | null;
  apiKeyRefused: boolean;
}

/**
 * The one rule for every transport: `Authorization: Bearer <key>` (third-party tools, where keys are accepted),
 * else the session cookie (the SPA). A key that is given but not valid never falls back to the cookie.
 */
export async function authenticate(
  lookup: ViewerLookup,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  options: { apiKeys: boolean },
): Promise<Authentication> {
  const bearer = options.apiKeys ? /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] : undefined;
  if (!bearer) return { viewer: await lookup.bySession(readCookie(headers.cookie, SESSION_COOKIE)), apiKeyRefused: false };
  const viewer = await lookup.byApiKey(bearer);
  return { viewer, apiKeyRefused: viewer === null };
}

/**
 * Express middleware: sets `req.viewer` for the routes after it (/graphql, the audit CSVs, the Xero callback).
 * It refuses nothing itself: each route says what a missing viewer means there (401, a page, UNAUTHENTICATED).
 */
export function authenticated(lookup: ViewerLookup, options: { apiKeys: boolean }): RequestHandler {
  return (req, _res, next) => {
    authenticate(lookup, req.headers, options).then(({ viewer, apiKeyRefused }) => {
      req.viewer = viewer;
      req.apiKeyRefused = apiKeyRefused;
      next();
    }, next);
  };
}
