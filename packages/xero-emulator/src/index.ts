import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { apiRouter } from './api/routes.js';
import { DEFAULT_BEHAVIOUR } from './behaviour.js';
import type { Behaviour } from './behaviour.js';
import { Clock } from './clock.js';
import { createControl, controlRouter } from './control.js';
import type { EmulatorControl } from './control.js';
import { EmulatorCore } from './core.js';
import { seedDemo } from './demo-seed.js';
import { identityRouter } from './identity/routes.js';
import type { RateLimits, RequestLogEntry } from './types.js';

export type { Behaviour } from './behaviour.js';
export { DEFAULT_BEHAVIOUR } from './behaviour.js';
export type { EmulatorClock } from './clock.js';
export type { ConnectionInfo, ContactCounts, EmulatorControl, OrganisationInfo, RegisterAppInput, RevokeConnectionInput } from './control.js';
export type { SeedContact } from './core.js';
export { EmulatorControlError } from './core.js';
export { DEMO } from './demo-seed.js';
export type { ActiveFault, FaultArea, FaultKind, FaultSpec } from './faults.js';
export { IDENTITY_PATHS } from './identity/routes.js';
export { webhookSignature } from './identity/jwt.js';
export type { Address, Contact, ContactPerson, ContactStatus, Phone, RateLimits, RequestLogEntry } from './types.js';
export type { IntentToReceiveResult, WebhookDelivery, WebhookEvent } from './webhooks.js';

export interface XeroEmulatorOptions {
  /** 0 / undefined = a random free port on 127.0.0.1. */
  port?: number;
  /** Host to bind (default 127.0.0.1). */
  host?: string;
  /**
   * The base URL the emulator advertises (issuer, discovery endpoints, `url`), e.g. http://localhost:4010 when
   * apps are configured with localhost. Default `http://<host>:<port>`.
   */
  publicUrl?: string;
  seed?: 'demo' | 'none';
  /** Initial clock ms (default Date.now()). The clock then ticks with real time unless freezeClock. */
  now?: number;
  /** Start with the clock frozen (it only moves with control.clock.advance/set). */
  freezeClock?: boolean;
  limits?: Partial<RateLimits>;
  /** Random added latency per Accounting API call, [min, max] ms. */
  latencyMs?: [number, number];
  /** Delays between webhook delivery attempts; the last one repeats until 24 h have passed. */
  webhookRetryDelaysMs?: number[];
  /** Switches for behaviour docs/xero-facts.md marks UNKNOWN, and Xero's constants. */
  behaviour?: Partial<Behaviour>;
}

export interface XeroEmulator {
  /** e.g. http://127.0.0.1:4010 — everything is served on this one origin. */
  url: string;
  /** Issuer; `${identityUrl}/.well-known/openid-configuration` is the discovery document. */
  identityUrl: string;
  /** Base for `${apiUrl}/connections` and `${apiUrl}/api.xro/2.0/...`. */
  apiUrl: string;
  close(): Promise<void>;
  control: EmulatorControl;
}

export const DEFAULT_LIMITS: RateLimits = { concurrent: 5, perMinute: 60, perDay: 5000, appPerMinute: 10_000 };
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS: number[] = [0, 60_000, 15 * 60_000];

function logEntry(req: Request, path: string, status: number, at: number): RequestLogEntry {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value === 'string') query[name] = value;
    else if (Array.isArray(value)) query[name] = value.join(',');
  }
  const entry: RequestLogEntry = { method: req.method, path, query, headers, status, at };
  if (req.body !== undefined && !(typeof req.body === 'object' && req.body !== null && Object.keys(req.body as object).length === 0))
    entry.body = req.body as unknown;
  return entry;
}

export async function startXeroEmulator(options: XeroEmulatorOptions = {}): Promise<XeroEmulator> {
  const clock = new Clock(options.now ?? Date.now(), options.freezeClock === true);
  const behaviour: Behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const limits: RateLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const core = new EmulatorCore(clock, behaviour, limits, options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS);
  const control = createControl(core);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/__emulator')) {
      next();
      return;
    }
    const at = clock.now();
    const path = req.path;
    let logged = false;
    const record = (): void => {
      if (logged) return;
      logged = true;
      core.requestLog.push(logEntry(req, path, res.headersSent ? res.statusCode : 0, at));
      if (core.requestLog.length > 10_000) core.requestLog.splice(0, core.requestLog.length - 10_000);
    };
    res.on('finish', record);
    res.on('close', record);
    next();
  });
  app.use('/__emulator', controlRouter(control));
  app.use(identityRouter(core));
  app.use(apiRouter(core, options.latencyMs));
  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain').send("The resource you're looking for cannot be found");
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
    if (status >= 500) console.error('[xero-emulator]', error);
    res.status(status).json({ error: error instanceof Error ? error.message : 'error' });
  });

  const server = createServer(app);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = options.publicUrl?.replace(/\/+$/, '') ?? `http://${host}:${port}`;
  core.issuer = url;
  core.apiBase = url;
  if (options.seed === 'demo') seedDemo(control);

  const ticker = setInterval(() => void core.webhooks.tick(), 1000);
  ticker.unref();

  return {
    url,
    identityUrl: url,
    apiUrl: url,
    control,
    close: async () => {
      clearInterval(ticker);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
