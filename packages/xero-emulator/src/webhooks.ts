import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.js';
import { isoNoZone } from './dates.js';
import { webhookSignature } from './identity/jwt.js';
import type { App } from './types.js';

export interface WebhookEvent {
  resourceUrl: string;
  resourceId: string;
  eventDateUtc: string;
  eventType: 'CREATE' | 'UPDATE';
  eventCategory: 'CONTACT';
  tenantId: string;
  tenantType: 'ORGANISATION';
}

export interface WebhookDelivery {
  clientId: string;
  url: string;
  attempt: number;
  at: number;
  body: string;
  signature: string;
  status?: number;
  error?: string;
  eventCount: number;
}

export interface IntentToReceiveResult {
  /** True when every correctly signed request got 200 and every badly signed one got 401. */
  ok: boolean;
  results: Array<{ signatureValid: boolean; expectedStatus: 200 | 401; status?: number; error?: string; bodyLength: number; pass: boolean }>;
}

interface Batch {
  body: string;
  eventCount: number;
  attempts: number;
  firstAttemptMs: number;
  nextAttemptMs: number;
}

interface AppQueue {
  pending: WebhookEvent[];
  batch: Batch | undefined;
  sequence: number;
  inFlight: Promise<void> | undefined;
}

const TWENTY_FOUR_HOURS = 86_400_000;
const DELIVERY_TIMEOUT_MS = 5_000;

function entropy(): string {
  return randomBytes(15)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 20)
    .toUpperCase();
}

/**
 * At-least-once, in-order, batched webhook delivery per app. A failed batch is retried on the emulator
 * clock after retryDelaysMs[attempt-1] (the last delay repeats); after 24 hours of failures the app's
 * webhooks are disabled (events keep queueing until re-enabled).
 */
export class WebhookDispatcher {
  private readonly queues = new Map<string, AppQueue>();
  private readonly log: WebhookDelivery[] = [];
  private scheduled = false;

  constructor(
    private readonly clock: Clock,
    private readonly retryDelaysMs: number[],
    private readonly apps: (clientId: string) => App | undefined,
    /** True when a duplicate-webhook fault says to send the batch just delivered once more. */
    private readonly takeDuplicate: () => boolean = () => false,
  ) {}

  private queue(clientId: string): AppQueue {
    let queue = this.queues.get(clientId);
    if (!queue) {
      queue = { pending: [], batch: undefined, sequence: 0, inFlight: undefined };
      this.queues.set(clientId, queue);
    }
    return queue;
  }

  enqueue(clientId: string, event: Omit<WebhookEvent, 'eventDateUtc'> & { atMs: number }): void {
    const { atMs, ...rest } = event;
    this.queue(clientId).pending.push({ ...rest, eventDateUtc: isoNoZone(atMs) });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.tick();
    });
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((d) => ({ ...d }));
  }

  pendingCount(clientId?: string): number {
    let total = 0;
    for (const [id, queue] of this.queues) {
      if (clientId !== undefined && id !== clientId) continue;
      total += queue.pending.length + (queue.batch?.eventCount ?? 0);
    }
    return total;
  }

  /** Attempts every due delivery now and waits for the attempts to finish. */
  async flush(): Promise<void> {
    for (let round = 0; round < 1000; round += 1) {
      await this.tick();
      const inFlight = [...this.queues.values()].map((q) => q.inFlight).filter((p): p is Promise<void> => p !== undefined);
      if (inFlight.length > 0) {
        await Promise.all(inFlight);
        continue;
      }
      if (!this.hasDue()) return;
    }
  }

  private hasDue(): boolean {
    const now = this.clock.now();
    for (const [clientId, queue] of this.queues) {
      const app = this.apps(clientId);
      if (!app?.webhookUrl || !app.webhookKey || app.webhooksDisabled) continue;
      if (queue.batch ? queue.batch.nextAttemptMs <= now : queue.pending.length > 0) return true;
    }
    return false;
  }

  tick(): Promise<void> {
    const now = this.clock.now();
    const attempts: Array<Promise<void>> = [];
    for (const [clientId, queue] of this.queues) {
      if (queue.inFlight) continue;
      const app = this.apps(clientId);
      if (!app?.webhookUrl || !app.webhookKey || app.webhooksDisabled) continue;
      if (!queue.batch && queue.pending.length > 0) {
        const events = queue.pending.splice(0, queue.pending.length);
        const first = queue.sequence + 1;
        queue.sequence += events.length;
        queue.batch = {
          body: JSON.stringify({ events, firstEventSequence: first, lastEventSequence: queue.sequence, entropy: entropy() }),
          eventCount: events.length,
          attempts: 0,
          firstAttemptMs: now,
          nextAttemptMs: now,
        };
      }
      const batch = queue.batch;
      if (!batch || batch.nextAttemptMs > now) continue;
      const attempt = this.attempt(app, queue, batch).finally(() => {
        queue.inFlight = undefined;
        if (queue.pending.length > 0 || (queue.batch && queue.batch.nextAttemptMs <= this.clock.now())) this.schedule();
      });
      queue.inFlight = attempt;
      attempts.push(attempt);
    }
    return Promise.all(attempts).then(() => undefined);
  }

  private async attempt(app: App, queue: AppQueue, batch: Batch): Promise<void> {
    batch.attempts += 1;
    const delivery = await this.post(app, batch, batch.attempts);
    if (delivery.status === 200) {
      queue.batch = undefined;
      if (this.takeDuplicate()) await this.post(app, batch, batch.attempts);
      return;
    }
    const now = this.clock.now();
    if (now - batch.firstAttemptMs >= TWENTY_FOUR_HOURS) {
      app.webhooksDisabled = true;
      return;
    }
    const delay = this.retryDelaysMs[Math.min(batch.attempts - 1, this.retryDelaysMs.length - 1)] ?? 15 * 60_000;
    batch.nextAttemptMs = now + delay;
  }

  private async post(app: App, batch: Batch, attempt: number): Promise<WebhookDelivery> {
    const url = app.webhookUrl ?? '';
    const signature = webhookSignature(batch.body, app.webhookKey ?? '');
    const delivery: WebhookDelivery = {
      clientId: app.clientId,
      url,
      attempt,
      at: this.clock.now(),
      body: batch.body,
      signature,
      eventCount: batch.eventCount,
    };
    this.log.push(delivery);
    if (this.log.length > 10_000) this.log.splice(0, this.log.length - 10_000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xero-signature': signature, 'user-agent': 'Xero-Webhooks (emulator)' },
        body: batch.body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      delivery.status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    return delivery;
  }

  /**
   * Xero's "Intent to Receive" check: several POSTs with empty events, some correctly and some
   * deliberately wrongly signed. The receiver must answer 200 to good and 401 to bad signatures.
   */
  async intentToReceive(app: App, rounds = 4): Promise<IntentToReceiveResult> {
    const results: IntentToReceiveResult['results'] = [];
    for (let i = 0; i < rounds; i += 1) {
      const signatureValid = i % 2 === 0;
      // Xero's ITR body has irregular spacing; receivers must hash the raw bytes.
      const body = `{"events":[],"firstEventSequence": 0,"lastEventSequence": 0, "entropy": "${entropy()}"}`;
      const good = webhookSignature(body, app.webhookKey ?? '');
      const signature = signatureValid ? good : `${good.slice(0, 5)}${good.charAt(5) === 'A' ? 'B' : 'A'}${good.slice(6)}`;
      const expectedStatus = signatureValid ? 200 : 401;
      try {
        const response = await fetch(app.webhookUrl ?? '', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-xero-signature': signature },
          body,
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        });
        const text = await response.text();
        results.push({ signatureValid, expectedStatus, status: response.status, bodyLength: text.length, pass: response.status === expectedStatus });
      } catch (error) {
        results.push({ signatureValid, expectedStatus, error: error instanceof Error ? error.message : String(error), bodyLength: 0, pass: false });
      }
    }
    return { ok: results.every((r) => r.pass), results };
  }
}
