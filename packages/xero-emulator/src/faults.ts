import { newId } from './ids.js';

/**
 * A fault injected into the emulator. Each matches requests by area (and optionally method, path prefix,
 * tenant) and affects `times` calls (default 1; 'always' until cleared); a call spends one use of it.
 * - latency: delay the call once by latencyMs, then serve it (another, answering fault may still apply)
 * - status: answer with `status` (500, 503, …) and a Xero-like body
 * - hang: never answer (the socket stays open until the client gives up or the emulator closes)
 * - rate-limit: answer 429 with X-Rate-Limit-Problem `problem` and Retry-After `retryAfterSeconds`
 * - refresh-response-lost: perform the refresh (the old token is rotated out) and then drop the connection
 * - invalid-grant: the token endpoint answers 400 {"error":"invalid_grant"} without changing state
 * - duplicate-webhook: the next successful webhook delivery is sent a second time (at-least-once)
 * - revoke-grant: the user revokes the app in Xero just before the matching call (API, connections or token):
 *   the grant ends, its connections go, and the call then fails as a revoked grant does
 */
export type FaultKind = 'latency' | 'status' | 'hang' | 'rate-limit' | 'refresh-response-lost' | 'invalid-grant' | 'duplicate-webhook' | 'revoke-grant';
export type FaultArea = 'api' | 'connections' | 'token' | 'revocation' | 'authorize' | 'discovery' | 'webhook' | 'any';

export interface FaultSpec {
  kind: FaultKind;
  /** Which part of Xero it hits. Defaults: 'token' for refresh-response-lost / invalid-grant, else 'api'. */
  area?: FaultArea;
  method?: string;
  /** Matches when the request path starts with this (e.g. '/api.xro/2.0/Contacts'). */
  pathPrefix?: string;
  /** Matches when the request's query has each of these parameters with this value (e.g. { page: '2' }). */
  query?: Record<string, string>;
  tenantId?: string;
  /** Token faults: only for this grant type (e.g. 'refresh_token'). */
  grantType?: string;
  status?: number;
  body?: string;
  latencyMs?: number;
  problem?: 'minute' | 'day' | 'concurrent' | 'appminute';
  retryAfterSeconds?: number;
  times?: number | 'always';
}

export interface ActiveFault extends FaultSpec {
  id: string;
  remaining: number;
  fired: number;
}

export interface FaultMatch {
  area: FaultArea;
  method: string;
  path: string;
  query?: Record<string, unknown>;
  tenantId?: string;
  grantType?: string;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): ActiveFault {
    const remaining = spec.times === 'always' ? Number.POSITIVE_INFINITY : (spec.times ?? 1);
    const area =
      spec.area ?? (spec.kind === 'refresh-response-lost' || spec.kind === 'invalid-grant' ? 'token' : spec.kind === 'duplicate-webhook' ? 'webhook' : 'api');
    const fault: ActiveFault = { ...spec, area, id: newId(), remaining, fired: 0 };
    // A lost response is about refreshes unless the spec says otherwise.
    if (spec.kind === 'refresh-response-lost' && spec.grantType === undefined) fault.grantType = 'refresh_token';
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(id?: string): void {
    this.faults = id === undefined ? [] : this.faults.filter((f) => f.id !== id);
  }

  /** Takes (consumes one use of) the first fault matching the request and any of `kinds`. */
  take(match: FaultMatch, kinds: readonly FaultKind[]): ActiveFault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        kinds.includes(f.kind) &&
        (f.area === 'any' || f.area === match.area) &&
        (f.method === undefined || f.method.toUpperCase() === match.method.toUpperCase()) &&
        (f.pathPrefix === undefined || match.path.toLowerCase().startsWith(f.pathPrefix.toLowerCase())) &&
        (f.query === undefined || Object.entries(f.query).every(([name, value]) => String(match.query?.[name]) === value)) &&
        (f.tenantId === undefined || f.tenantId.toLowerCase() === match.tenantId?.toLowerCase()) &&
        (f.grantType === undefined || f.grantType === match.grantType),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.fired += 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault;
  }
}
