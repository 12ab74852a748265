import type { Request, Response } from 'express';
import type { EmulatorCore } from './core.js';
import type { FaultArea, FaultKind } from './faults.js';

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function header(req: Request, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const GENERIC_FAULTS: readonly FaultKind[] = ['latency', 'status', 'hang', 'rate-limit'];

/** Plain-text bodies Xero uses for outages. */
function faultBody(status: number): string {
  if (status === 503) return 'The Xero API is currently offline for maintenance';
  if (status === 500) return 'An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.';
  return 'Error';
}

/**
 * Applies the injected faults for this request. Returns true when the fault answered (or swallowed) the
 * request, so the route must stop. Each matching fault spends one of its `times` on this call: a latency fault
 * delays it once (a `times: 3` latency delays three calls), then one answering fault may still apply.
 */
export async function applyFaults(
  core: EmulatorCore,
  area: FaultArea,
  req: Request,
  res: Response,
  tenantId?: string,
  kinds: readonly FaultKind[] = GENERIC_FAULTS,
): Promise<boolean> {
  const match = { area, method: req.method, path: req.path, query: req.query as Record<string, unknown>, ...(tenantId === undefined ? {} : { tenantId }) };
  if (kinds.includes('latency')) {
    const latency = core.faults.take(match, ['latency']);
    if (latency) await delay(latency.latencyMs ?? 1000);
  }
  const fault = core.faults.take(
    match,
    kinds.filter((kind) => kind !== 'latency'),
  );
  if (!fault) return false;
  if (fault.kind === 'hang') return true;
  if (fault.kind === 'rate-limit') {
    const problem = fault.problem ?? 'minute';
    res.status(429);
    if (problem !== 'concurrent' || fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds ?? 60));
    res.setHeader('X-Rate-Limit-Problem', problem);
    if (problem === 'minute') res.setHeader('X-MinLimit-Remaining', '0');
    if (problem === 'day') res.setHeader('X-DayLimit-Remaining', '0');
    if (problem === 'appminute') res.setHeader('X-AppMinLimit-Remaining', '0');
    res.type('text/plain').send('');
    return true;
  }
  const status = fault.status ?? 500;
  res
    .status(status)
    .type('text/plain')
    .send(fault.body ?? faultBody(status));
  return true;
}

/** The raw (still percent-encoded) value of a query parameter, as it appeared in the URL. */
export function rawQueryParam(originalUrl: string, name: string): string | undefined {
  const queryStart = originalUrl.indexOf('?');
  if (queryStart < 0) return undefined;
  for (const part of originalUrl.slice(queryStart + 1).split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    let decoded: string;
    try {
      decoded = decodeURIComponent(key.replace(/\+/g, ' '));
    } catch {
      decoded = key;
    }
    if (decoded === name) return eq < 0 ? '' : part.slice(eq + 1);
  }
  return undefined;
}

export function parseCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

export function stringParam(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
