import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { XeroConnectService } from './xero-connect.service.js';

const webhookPayload = z
  .object({
    events: z.array(
      z
        .object({
          resourceId: z.string(),
          tenantId: z.string(),
          eventCategory: z.string(),
          eventType: z.string(),
          eventDateUtc: z.string().optional(),
        })
        .passthrough(),
    ),
  })
  .passthrough();

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

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const hostOf = (origin: string): string => {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
};

/**
 * The page for a Xero callback that arrived without a Vouch session on this host. Usually the buyer started
 * on another address of the same server (127.0.0.1 vs localhost): cookies belong to one host. Says where it
 * came back, where they started, where to open Vouch, and which setting makes their address work.
 */
export function lostSessionPage({ here, startedOrigin, publicOrigin }: { here: string; startedOrigin: string | null; publicOrigin: string }): string {
  const e = escapeHtml;
  const connectAt = `${publicOrigin}/integrations?xeroConnect=1`;
  const elsewhere = startedOrigin !== null && startedOrigin !== here;
  const explanation = elsewhere
    ? `<p>The Xero sign-in came back to <strong>${e(hostOf(here))}</strong>, but you started connecting on <strong>${e(hostOf(startedOrigin))}</strong>. Your browser keeps a separate Vouch sign-in for each address, so Vouch couldn’t tell it was you, and nothing was connected.</p>`
    : `<p>The Xero sign-in came back to <strong>${e(hostOf(here))}</strong>, where this browser isn’t signed in to Vouch, so Vouch couldn’t tell it was you, and nothing was connected.</p>`;
  const setting = elsewhere
    ? `<p>To connect from ${e(startedOrigin)} instead, your administrator can set <code>PUBLIC_URL=${e(startedOrigin)}</code> (or <code>XERO_REDIRECT_URI=${e(startedOrigin)}/xero/callback</code>), add <code>${e(startedOrigin)}/xero/callback</code> as a redirect URI of the Xero app, and restart Vouch.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Xero wasn’t connected · Vouch</title></head>
<body>
<main>
<h1>Xero wasn’t connected</h1>
${explanation}
<p><a href="${e(connectAt)}">Open Vouch at ${e(publicOrigin)}</a> and connect to Xero from there (sign in if asked).</p>
${setting}
</main>
</body>
</html>
`;
}

/** GET /xero/callback (OAuth redirect), GET /xero/origin-check and POST /webhooks/xero. */
/** What the routes need: connecting (callback), the webhook key, and the inbound sync's fetch of one contact. */
export interface XeroRouteDeps {
  connect: Pick<XeroConnectService, 'handleCallback' | 'callbackOrigin'>;
  webhookKey: string | undefined;
  enqueueContactFetch(tenantId: string, contactId: string, eventAt?: string): Promise<void>;
}

export function xeroRoutes(deps: XeroRouteDeps): Router {
  const router = express.Router();

  router.get('/xero/callback', async (req, res) => {
    const viewer = req.viewer ?? null; // session cookie (http/authenticate.ts)
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const here = `${req.protocol}://${req.get('host') ?? ''}`;
    const outcome = await deps.connect.handleCallback(viewer, query, here);
    res.setHeader('Cache-Control', 'no-store');
    if (!('attemptId' in outcome) && !viewer) {
      // Not signed in on this host: the SPA would only show its sign-in page, so explain here, in words.
      res
        .status(400)
        .type('html')
        .send(lostSessionPage({ here, startedOrigin: outcome.startedOrigin ?? null, publicOrigin: deps.connect.callbackOrigin }));
      return;
    }
    const target = 'attemptId' in outcome ? `/integrations?xeroAttempt=${encodeURIComponent(outcome.attemptId)}` : `/integrations?xeroError=${outcome.error}`;
    res.redirect(303, target);
  });

  // Lets a page on another address check that the callback origin serves this Vouch (see useStartXeroConnection).
  router.get('/xero/origin-check', (_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    res.json({ service: 'vouch', callbackOrigin: deps.connect.callbackOrigin });
  });

  // Raw body: the signature is over the exact bytes Xero sent (re-serialised JSON differs).
  router.post('/webhooks/xero', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const key = deps.webhookKey;
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
      await Promise.all(contacts.map((e) => deps.enqueueContactFetch(e.tenantId, e.resourceId, xeroEventTime(e.eventDateUtc))));
    } catch (err) {
      req.log.error({ err }, 'could not enqueue webhook fetches');
      res.status(500).end(); // Xero retries
      return;
    }
    res.status(200).end();
  });

  return router;
}
