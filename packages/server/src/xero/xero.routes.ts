import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import { readCookie, SESSION_COOKIE } from '../accounts/session-cookie.js';
import type { Services } from '../services.js';

const webhookPayload = z.object({
  events: z.array(
    z.object({
      resourceId: z.string(),
      tenantId: z.string(),
      eventCategory: z.string(),
      eventType: z.string(),
      eventDateUtc: z.string().optional(),
    }).passthrough(),
  ),
}).passthrough();

/** base64(HMAC-SHA256(raw body, key)) compared in constant time. */
export function validXeroSignature(rawBody: Buffer, header: string | undefined, key: string): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', key).update(rawBody).digest();
  let given: Buffer;
  try {
    given = Buffer.from(header, 'base64');
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Xero's eventDateUtc has no zone suffix (e.g. 2024-06-21T01:15:39.902); it is UTC. */
export function xeroEventTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** GET /xero/callback (OAuth redirect) and POST /webhooks/xero. */
export function xeroRoutes(services: Services): Router {
  const router = express.Router();

  router.get('/xero/callback', async (req, res) => {
    const viewer = await services.accounts.viewerForSession(services.em(), readCookie(req.headers.cookie, SESSION_COOKIE));
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const outcome = await services.xeroConnect.handleCallback(viewer, query);
    const target = 'attemptId' in outcome ? `/integrations?xeroAttempt=${encodeURIComponent(outcome.attemptId)}` : `/integrations?xeroError=${outcome.error}`;
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, target);
  });

  // Raw body: the signature is over the exact bytes Xero sent (re-serialised JSON differs).
  router.post('/webhooks/xero', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const key = services.config.xero.webhookKey;
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!key || !validXeroSignature(raw, req.header('x-xero-signature'), key)) {
      res.status(401).end();
      return;
    }
    let parsed: z.infer<typeof webhookPayload>;
    try {
      parsed = webhookPayload.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      res.status(200).end(); // signed but not understood: acknowledge, nothing to do
      return;
    }
    // Intent-to-receive has no events. Otherwise enqueue a fetch per contact (deduplicated per contact) and
    // answer at once, with no body; polling stays the safety net.
    const contacts = parsed.events.filter((e) => e.eventCategory === 'CONTACT');
    try {
      await Promise.all(contacts.map((e) => services.xeroSync.enqueueContactFetch(e.tenantId, e.resourceId, xeroEventTime(e.eventDateUtc))));
    } catch (err) {
      req.log.error({ err }, 'could not enqueue webhook fetches');
      res.status(500).end(); // Xero retries
      return;
    }
    res.status(200).end();
  });

  return router;
}
