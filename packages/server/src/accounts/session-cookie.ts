import type { Request, Response } from 'express';
import { setDeviceCookie } from './sessions-device-cookie.js';

export const SESSION_COOKIE = 'vouch_session';

function secure(req: Request, configured: boolean | undefined): boolean {
  return configured ?? req.secure;
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date, configuredSecure: boolean | undefined): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req, configuredSecure),
    path: '/',
    expires: expiresAt,
  });
  // The browser's id goes with every session, so its next sign-in is recognised (sessions-device-cookie.ts).
  setDeviceCookie(req, res, secure(req, configuredSecure));
}

export function clearSessionCookie(req: Request, res: Response, configuredSecure: boolean | undefined): void {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req, configuredSecure),
    path: '/',
  });
}
