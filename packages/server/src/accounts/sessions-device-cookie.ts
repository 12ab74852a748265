import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookie } from '../common/cookies.js';

/** The long-lived cookie that tells a browser this user has signed in from before (docs/decisions/2026-11-30-team-and-sessions.md). */
export const DEVICE_COOKIE = 'vouch_device';
/** Chrome caps cookie lifetimes at 400 days; the cookie is renewed at every sign-in. */
export const DEVICE_COOKIE_MAX_AGE_MS = 400 * 86_400_000;

const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Whether a cookie value looks like a device id Vouch issued. */
export function isDeviceToken(value: string | undefined): value is string {
  return Boolean(value && DEVICE_TOKEN.test(value));
}

/**
 * This request's browser id: the `vouch_device` cookie it sent, or a new random one (kept for the rest of the
 * request in `res.locals`, and set as a cookie when a session cookie is).
 */
export function deviceTokenFor(req: Request, res: Response): string {
  const known: unknown = res.locals.deviceToken;
  if (typeof known === 'string') return known;
  const sent = readCookie(req.headers.cookie, DEVICE_COOKIE);
  const token = isDeviceToken(sent) ? sent : randomBytes(32).toString('base64url');
  res.locals.deviceToken = token;
  return token;
}

/** Set (renewed) with every session cookie. httpOnly and SameSite=Lax; it grants nothing by itself. */
export function setDeviceCookie(req: Request, res: Response, secure: boolean): void {
  res.cookie(DEVICE_COOKIE, deviceTokenFor(req, res), { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: DEVICE_COOKIE_MAX_AGE_MS });
}
