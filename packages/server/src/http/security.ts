import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** `Authorization: Bearer …` — a third-party tool's API key, not a browser's ambient cookie. */
export const hasBearer = (authorization: unknown): boolean => typeof authorization === 'string' && /^Bearer\s+\S+$/i.test(authorization);

/**
 * Which browser pages may act with the session cookie. SameSite=Lax sends the cookie from any page of the same
 * *site* (another port of the same host, a sibling subdomain), so the cookie alone does not prove the request
 * came from Vouch's own pages: the Origin header does. Allowed: the configured origins (PUBLIC_URL,
 * ALLOWED_ORIGINS) and the request's own host (same-origin). No Origin at all is a non-browser client —
 * browsers always send it on websocket upgrades and cross-origin POSTs — and `Origin: null` is refused.
 */
export function createOriginCheck(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).origin));
  return (req: Pick<IncomingMessage, 'headers'>): boolean => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (allowed.has(origin)) return true;
    try {
      const host = req.headers.host?.toLowerCase();
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  };
}

/** For /graphql over HTTP: a cross-origin browser request without an API key is refused before it runs. */
export function refuseCrossOrigin(originAllowed: (req: IncomingMessage) => boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (hasBearer(req.headers.authorization) || originAllowed(req)) return next();
    req.log.warn({ origin: req.headers.origin }, 'refused a cross-origin request');
    res.status(403).json({ errors: [{ message: 'Requests from this origin are not allowed.', extensions: { code: 'FORBIDDEN' } }] });
  };
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * Security headers for the SPA and the API (helmet): a Content-Security-Policy that allows only Vouch's own
 * built assets (Vite emits no inline script or style; the favicon is a data: URL), the websocket back to the
 * same host, and no framing; nosniff, Referrer-Policy no-referrer, and the rest of helmet's defaults.
 * /graphql keeps helmet's other headers but not the CSP, so Apollo's landing page (development) still loads.
 */
export function securityHeaders(connectOrigins: readonly string[] = []): RequestHandler {
  const common = {
    referrerPolicy: { policy: 'no-referrer' as const },
    xFrameOptions: { action: 'deny' as const },
  };
  const spa = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // 'self' covers ws(s): in current browsers; the explicit entry is for those that predate CSP 3.
        // connectOrigins: Xero's callback origin, which the Integrations page probes when opened on another host.
        connectSrc: [
          "'self'",
          (req) => {
            const host = String((req as IncomingMessage).headers.host ?? '');
            return HOST.test(host) ? `${(req as Request).secure ? 'wss' : 'ws'}://${host}` : "'self'";
          },
          ...connectOrigins,
        ],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const api = helmet({ ...common, contentSecurityPolicy: false });
  return (req, res, next) => (req.path === '/graphql' || req.path.startsWith('/graphql/') ? api : spa)(req, res, next);
}
