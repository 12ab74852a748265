import { randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { ValidationFailed } from '../common/app-error.js';
import { maskBankDetails } from '../common/bank-masking.js';
import type { Logger } from '../common/logger.js';
import type { Mailer } from '../common/mailer.js';
import { pausePoint } from '../common/pause-point.js';
import type { WebhooksConfig } from '../config/env.js';
import type { Viewer } from '../accounts/viewer.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { checkUrlForm, DeliveryFailed, postSafely, resolveTarget, UnsafeTarget } from './safe-http.js';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { WebhookEndpoint, WebhookEndpointStatus } from './webhook-endpoint.entity.js';
import { recordEvent, TEST_EVENT_NAME, wireName, type WebhookEventType } from './webhook-events.js';
import { TooManyWebhookEndpoints, WebhookDeliveryNotFound, WebhookEndpointDisabled, WebhookEndpointNotFound } from './webhooks.errors.js';
import { unscoped } from '../common/unscoped.js';
import { isUuid } from '../common/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { User } from '../accounts/user.entity.js';

export const DELIVER_WEBHOOKS = 'webhooks.deliver';
export const MAX_ENDPOINTS = 20;
/** How long the secret before a rotation keeps signing beside the new one. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60_000;

/** Standard Webhooks secrets: `whsec_` + base64 of 24–64 random bytes. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The `webhook-signature` header's value: one or more space-separated `v1,<base64>` signatures. */
interface Signer {
  sign(id: string, at: Date, body: string): string;
}
/** Events (and their deliveries) are kept this long for the delivery log and redelivery. */
export const RETENTION_DAYS = 30;
/** Seals the signing secrets at rest (the token keys' AES-256-GCM). */
export interface Sealer {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
}

interface ClaimedRow {
  id: string;
  attempts: number;
  type: string;
  data: Record<string, unknown>;
  event_id: string;
  event_at: Date;
}

interface Outcome {
  row: ClaimedRow;
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

/** Control characters out, length capped: a receiver's answer is shown in the delivery log. */
const printable = (text: string, max: number) =>
  Array.from(text.slice(0, max * 2))
    .filter((c) => c === '\t' || c === '\n' || c === '\r' || (c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127))
    .join('')
    .slice(0, max);

/**
 * Outbound webhooks to the Standard Webhooks specification: endpoints (ADMIN), and delivery. Events are
 * written by `recordEvent` in the business transaction and fanned out into `webhook_deliveries` by a trigger;
 * each insert NOTIFYs at commit, which wakes `webhooks.deliver` (one pg-boss job per endpoint at a time).
 * A delivery is claimed DELIVERING with a lease, sent (signed, same webhook-id on every attempt), and settled:
 * SUCCEEDED on a 2xx, else retried after the configured delays (about 25 hours), then FAILED. An endpoint
 * failing for 24 hours is disabled and its admins are emailed. One supplier's events reach an endpoint in the
 * order they were recorded: a delivery waits while an earlier one of the same supplier is unsettled.
 */
export class WebhooksService {
  private readonly waking = new Map<string, Promise<void>>();
  private readonly wakeAgain = new Set<string>();
  /** Endpoints this process is draining now: a notification only marks them to look again before stopping. */
  private readonly draining = new Map<string, { dirty: boolean }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly config: WebhooksConfig,
    private readonly sealer: Sealer,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly log: Logger,
  ) {}

  // ---------------------------------------------------------------- endpoints (the em is the viewer's)

  async list(em: EntityManager): Promise<WebhookEndpoint[]> {
    return await em.find(WebhookEndpoint, {}, { orderBy: { createdAt: 'desc' } });
  }

  async get(em: EntityManager, id: string): Promise<WebhookEndpoint> {
    const endpoint = isUuid(id) ? await em.findOne(WebhookEndpoint, { id }) : null;
    if (!endpoint) throw new WebhookEndpointNotFound();
    return endpoint;
  }

  /** Checks a URL an admin typed: its form, and in production that it resolves to public addresses only. */
  async checkUrl(raw: string): Promise<string> {
    try {
      const url = checkUrlForm(raw, this.config.policy);
      await resolveTarget(url, this.config.policy);
      return url.toString();
    } catch (err) {
      if (err instanceof UnsafeTarget) throw new ValidationFailed([{ field: 'url', message: err.userMessage }]);
      throw err;
    }
  }

  /** The checked, normalised form of what an admin typed for an endpoint; every problem at once. */
  async checkEndpointInput(input: {
    url: string;
    description?: string | null;
    eventTypes: WebhookEventType[];
  }): Promise<{ url: string; description: string | null; eventTypes: string[] }> {
    const problems: { field: string; message: string }[] = [];
    let url = '';
    try {
      url = await this.checkUrl(input.url);
    } catch (err) {
      if (!(err instanceof ValidationFailed)) throw err;
      problems.push(...(err.extra.fields ?? []));
    }
    const eventTypes = [...new Set(input.eventTypes)];
    if (!eventTypes.length) problems.push({ field: 'eventTypes', message: 'Choose at least one event to send.' });
    const description = input.description?.trim() || null;
    if (description && description.length > 200) problems.push({ field: 'description', message: 'Keep the description under 200 characters.' });
    if (problems.length) throw new ValidationFailed(problems);
    return { url, description, eventTypes: eventTypes.map(wireName) };
  }

  async create(
    em: EntityManager,
    viewer: Viewer,
    input: { url: string; description?: string | null; eventTypes: WebhookEventType[]; canReadBankDetails: boolean },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const checked = await this.checkEndpointInput(input);
    if ((await em.count(WebhookEndpoint, {})) >= MAX_ENDPOINTS) throw new TooManyWebhookEndpoints(MAX_ENDPOINTS);
    const secret = newSecret();
    const endpoint = em.create(WebhookEndpoint, {
      organisation: viewer.organisationId,
      ...checked,
      sealedSecret: this.sealer.encrypt(secret),
      canReadBankDetails: input.canReadBankDetails,
      createdBy: viewer.userId,
    });
    await this.audit(
      em,
      viewer,
      'WEBHOOK_ENDPOINT_ADDED',
      `added the webhook endpoint ${endpoint.url}${endpoint.canReadBankDetails ? ' (bank numbers in full)' : ''}`,
    );
    await em.flush();
    return { endpoint, secret };
  }

  /** Changes where and what an endpoint receives; its secret and delivery log stay. */
  async update(
    em: EntityManager,
    viewer: Viewer,
    id: string,
    input: { url: string; description?: string | null; eventTypes: WebhookEventType[]; canReadBankDetails: boolean },
  ): Promise<WebhookEndpoint> {
    const endpoint = await this.get(em, id);
    const checked = await this.checkEndpointInput(input);
    const changes = [
      checked.url !== endpoint.url ? `URL ${endpoint.url} → ${checked.url}` : null,
      checked.description !== endpoint.description ? 'description' : null,
      [...checked.eventTypes].sort().join() !== [...endpoint.eventTypes].sort().join() ? `events: ${checked.eventTypes.join(', ')}` : null,
      input.canReadBankDetails !== endpoint.canReadBankDetails ? (input.canReadBankDetails ? 'bank numbers in full' : 'bank numbers masked') : null,
    ].filter(Boolean);
    if (!changes.length) return endpoint;
    Object.assign(endpoint, checked, { canReadBankDetails: input.canReadBankDetails });
    await this.audit(em, viewer, 'WEBHOOK_ENDPOINT_CHANGED', `changed the webhook endpoint ${endpoint.url}: ${changes.join('; ')}`);
    await em.flush();
    return endpoint;
  }

  /**
   * A new signing secret, shown this once. For the next 24 hours every delivery carries two signatures (new and
   * old), so the receiver can switch to the new secret whenever it likes without refusing a delivery.
   */
  async rotateSecret(em: EntityManager, viewer: Viewer, id: string): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const endpoint = await this.get(em, id);
    const secret = newSecret();
    Object.assign(endpoint, {
      previousSealedSecret: endpoint.sealedSecret,
      previousSecretUntil: new Date(Date.now() + SECRET_OVERLAP_MS),
      sealedSecret: this.sealer.encrypt(secret),
    });
    await this.audit(
      em,
      viewer,
      'WEBHOOK_SECRET_ROTATED',
      `rotated the signing secret of the webhook endpoint ${endpoint.url} (the old one signs too for 24 hours)`,
    );
    await em.flush();
    return { endpoint, secret };
  }

  private async audit(em: EntityManager, viewer: Viewer, kind: string, what: string): Promise<void> {
    const user = await em.findOneOrFail(User, { id: viewer.userId });
    recordAudit(em, { organisationId: viewer.organisationId, actor: { type: 'USER', id: user.id, label: user.name }, kind, summary: `${user.name} ${what}` });
  }

  /** Disabling stops sending (deliveries wait); enabling resumes them at once, in order. */
  async setEnabled(em: EntityManager, id: string, enabled: boolean): Promise<WebhookEndpoint> {
    const endpoint = await this.get(em, id);
    if (enabled && endpoint.status !== WebhookEndpointStatus.ENABLED) {
      Object.assign(endpoint, { status: WebhookEndpointStatus.ENABLED, disabledAt: null, disabledReason: null, failingSince: null });
      await em.flush();
      await em.getConnection().execute(`update webhook_deliveries set next_attempt_at = now() where endpoint_id = ? and status = 'PENDING'`, [endpoint.id]);
      await this.wake(endpoint.id);
    } else if (!enabled && endpoint.status !== WebhookEndpointStatus.DISABLED) {
      Object.assign(endpoint, { status: WebhookEndpointStatus.DISABLED, disabledAt: new Date(), disabledReason: 'Disabled by an admin' });
      await em.flush();
    }
    return endpoint;
  }

  async remove(em: EntityManager, viewer: Viewer, id: string): Promise<boolean> {
    const endpoint = await this.get(em, id);
    await em.transactional(async (tx) => {
      await tx.nativeDelete(WebhookEndpoint, { id: endpoint.id });
      await this.audit(tx, viewer, 'WEBHOOK_ENDPOINT_REMOVED', `deleted the webhook endpoint ${endpoint.url} and its delivery log`);
      await tx.flush();
    });
    return true;
  }

  /** The endpoint's most recent deliveries, newest first, with their events. */
  async deliveries(em: EntityManager, endpointId: string, first: number): Promise<WebhookDelivery[]> {
    if (first < 1 || first > 100) throw new ValidationFailed([{ field: 'first', message: 'first must be between 1 and 100.' }]);
    const endpoint = await this.get(em, endpointId);
    return await em.find(WebhookDelivery, { endpoint: endpoint.id }, { orderBy: { createdAt: 'desc', seq: 'desc' }, limit: first, populate: ['event'] });
  }

  /** Sends the delivery's event to its endpoint again, as a new delivery with the same webhook-id. */
  async redeliver(em: EntityManager, deliveryId: string): Promise<WebhookDelivery> {
    const original = isUuid(deliveryId) ? await em.findOne(WebhookDelivery, { id: deliveryId }, { populate: ['event', 'endpoint'] }) : null;
    if (!original) throw new WebhookDeliveryNotFound();
    if (original.endpoint.status !== WebhookEndpointStatus.ENABLED) throw new WebhookEndpointDisabled();
    const copy = em.create(WebhookDelivery, {
      organisation: original.organisation,
      event: original.event,
      endpoint: original.endpoint,
      seq: original.seq,
      orderingKey: null,
      status: WebhookDeliveryStatus.PENDING,
      nextAttemptAt: new Date(),
      redeliveryOf: original.id,
    });
    await em.flush(); // the insert NOTIFYs the workers at commit
    return copy;
  }

  /** A `webhook.test` event to this endpoint only. */
  async sendTest(em: EntityManager, viewer: Viewer, endpointId: string): Promise<WebhookDelivery> {
    const endpoint = await this.get(em, endpointId);
    if (endpoint.status !== WebhookEndpointStatus.ENABLED) throw new WebhookEndpointDisabled();
    const event = recordEvent(em, {
      organisationId: viewer.organisationId,
      type: TEST_EVENT_NAME,
      targetEndpointId: endpoint.id,
      data: { message: 'A test event from Vouch. Verify its signature and answer 2xx.', endpointId: endpoint.id },
    });
    await em.flush(); // the trigger made its one delivery
    return await em.findOneOrFail(WebhookDelivery, { event: event.id, endpoint: endpoint.id }, { populate: ['event'] });
  }

  // ---------------------------------------------------------------- delivery

  /**
   * Called for every NOTIFY of new deliveries (from any instance): asks pg-boss to run the endpoint's drain.
   * Coalesced: while a send for this endpoint is in flight, later notifications make just one more send.
   */
  onDeliveriesDue(endpointId: string): void {
    const running = this.draining.get(endpointId);
    if (running) {
      running.dirty = true; // the running drain claims again before it stops: no job needed
      return;
    }
    if (this.waking.has(endpointId)) {
      this.wakeAgain.add(endpointId);
      return;
    }
    const sending = this.wake(endpointId)
      .catch((err: unknown) => this.log.warn({ err, endpointId }, 'could not wake webhook delivery'))
      .finally(() => {
        this.waking.delete(endpointId);
        if (this.wakeAgain.delete(endpointId)) this.onDeliveriesDue(endpointId);
      });
    this.waking.set(endpointId, sending);
  }

  /** Runs the endpoint's drain now, or at `at` (a retry coming due). */
  async wake(endpointId: string, at?: Date): Promise<void> {
    if (at && at.getTime() > Date.now()) {
      // One deferred job per second of due time: an earlier retry is never hidden behind a later one.
      await this.jobs.send(DELIVER_WEBHOOKS, { endpointId }, { singletonKey: `${endpointId}:at:${Math.ceil(at.getTime() / 1000)}`, startAfter: at });
      return;
    }
    await this.jobs.send(DELIVER_WEBHOOKS, { endpointId }, { singletonKey: endpointId });
  }

  /** Delivers everything due for the endpoint, batch by batch; then arranges a wake-up for the next retry. */
  async drain(endpointId: string, log: Logger = this.log): Promise<void> {
    const endpoint = await this.orm.em.fork().findOne(WebhookEndpoint, { id: endpointId }, unscoped('job'));
    if (!endpoint || endpoint.status !== WebhookEndpointStatus.ENABLED) return;
    const signer = this.signerFor(endpoint);
    if (this.draining.has(endpoint.id)) {
      this.draining.get(endpoint.id)!.dirty = true;
      return; // another job of this process is on it
    }
    const state = { dirty: false };
    this.draining.set(endpoint.id, state);
    try {
      if (await this.drainClaimed(endpoint, signer, state, log)) return;
    } finally {
      this.draining.delete(endpoint.id);
    }
    const next = await this.nextDue(endpoint.id);
    if (next) await this.wake(endpoint.id, next);
  }

  /** The drain's loop; true when the endpoint was disabled on the way. */
  private async drainClaimed(endpoint: WebhookEndpoint, signer: Signer, state: { dirty: boolean }, log: Logger): Promise<boolean> {
    const endpointId = endpoint.id;
    for (let round = 0; round < 100_000; round++) {
      state.dirty = false;
      // Up to four rounds of requests per claim (one query to claim, one to settle), at most
      // WEBHOOK_REQUESTS_PER_ENDPOINT of them in flight.
      const batch = await this.claim(endpoint.id, this.config.requestsPerEndpoint * 4);
      if (!batch.length) {
        // Checked with no await since the claim: a notification that came during it means look again.
        if (state.dirty) continue;
        return false;
      }
      await pausePoint('webhooks.before-send', endpoint.id);
      const outcomes: Outcome[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(this.config.requestsPerEndpoint, batch.length) }, async () => {
          while (next < batch.length) {
            const row = batch[next++]!;
            outcomes.push(await this.attempt(endpoint, signer, row));
          }
        }),
      );
      await pausePoint('webhooks.after-send', endpoint.id);
      const disabled = await this.settle(endpoint, outcomes);
      if (disabled) {
        log.warn({ endpointId }, 'webhook endpoint disabled after failing for too long');
        await this.tellAdmins(endpoint);
        return true;
      }
    }
    return false;
  }

  /**
   * Claims up to `limit` due deliveries of the endpoint (retries due, or leases of a dead worker lapsed), at
   * most one per supplier and none behind an unsettled earlier delivery of the same supplier.
   */
  private async claim(endpointId: string, limit: number): Promise<ClaimedRow[]> {
    // An attempt ends within the timeout; past this, its worker is dead and the delivery is retried.
    const leaseSeconds = Math.ceil(this.config.timeoutMs / 1000) + 5;
    return await this.orm.em
      .fork()
      .getConnection()
      .execute<ClaimedRow[]>(
        `with due as (
         select d.id from webhook_deliveries d
          where d.endpoint_id = ? and d.status in ('PENDING', 'DELIVERING')
            and case when d.status = 'PENDING' then d.next_attempt_at <= now() else d.lease_until < now() end
            -- disabled meanwhile (by an admin, or by another worker's failures): stop at the next claim
            and exists (select 1 from webhook_endpoints en where en.id = d.endpoint_id and en.status = 'ENABLED')
            and not exists (
              select 1 from webhook_deliveries x
               where x.endpoint_id = d.endpoint_id and x.ordering_key = d.ordering_key
                 and x.status in ('PENDING', 'DELIVERING') and x.seq < d.seq)
          order by d.seq, d.id
          limit ? for update skip locked)
       update webhook_deliveries w
          set status = 'DELIVERING', attempts = w.attempts + 1, lease_until = now() + make_interval(secs => ?),
              last_attempt_at = now(), updated_at = now()
         from due, webhook_events e
        where w.id = due.id and e.id = w.event_id
       returning w.id, w.attempts, e.type, e.data, e.id as event_id, e.created_at as event_at`,
        [endpointId, limit, leaseSeconds],
      );
  }

  /** Signs with the endpoint's secret, and during a rotation's overlap with the previous one too. */
  private signerFor(endpoint: WebhookEndpoint): Signer {
    const secrets = [endpoint.sealedSecret];
    if (endpoint.previousSealedSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil.getTime() > Date.now()) {
      secrets.push(endpoint.previousSealedSecret);
    }
    const webhooks = secrets.map((sealed) => new Webhook(this.sealer.decrypt(sealed)));
    return { sign: (id, at, body) => webhooks.map((w) => w.sign(id, at, body)).join(' ') };
  }

  /** One signed POST. The body is the same on every attempt; the timestamp and signature are fresh. */
  private async attempt(endpoint: WebhookEndpoint, signer: Signer, row: ClaimedRow): Promise<Outcome> {
    const data = endpoint.canReadBankDetails ? row.data : (maskBankDetails(row.data) as Record<string, unknown>);
    const body = JSON.stringify({ type: row.type, timestamp: new Date(row.event_at).toISOString(), data });
    const now = new Date();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Vouch-Webhooks/1.0',
      'webhook-id': row.event_id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signer.sign(row.event_id, now, body),
    };
    try {
      const res = await postSafely(endpoint.url, body, headers, {
        policy: this.config.policy,
        timeoutMs: this.config.timeoutMs,
        maxResponseBytes: this.config.maxResponseBytes,
      });
      const ok = res.status >= 200 && res.status < 300;
      const error = ok ? null : res.status >= 300 && res.status < 400 ? `Redirect (${res.status}) not followed: use the final URL` : `HTTP ${res.status}`;
      return { row, ok, status: res.status, body: printable(res.body, 1024), error, durationMs: res.durationMs };
    } catch (err) {
      const failed = err instanceof DeliveryFailed ? err : new DeliveryFailed('Unexpected error', 0);
      return { row, ok: false, status: null, body: null, error: failed.message, durationMs: failed.durationMs };
    }
  }

  /** Records the batch's outcomes and the endpoint's health in one transaction; true if it was just disabled. */
  private async settle(endpoint: WebhookEndpoint, outcomes: Outcome[]): Promise<boolean> {
    const delays = this.config.retryDelaysMs;
    return await this.orm.em.fork().transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      // One statement for the whole batch.
      const rows = outcomes.map((o) => {
        const giveUp = !o.ok && o.row.attempts > delays.length;
        return {
          id: o.row.id,
          status: o.ok ? WebhookDeliveryStatus.SUCCEEDED : giveUp ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING,
          next: (!o.ok && !giveUp ? new Date(Date.now() + delays[o.row.attempts - 1]!) : new Date()).toISOString(),
          response: o.status,
          body: o.body,
          error: o.error?.slice(0, 500) ?? null,
          duration: o.durationMs,
          delivered: o.ok ? new Date().toISOString() : null,
        };
      });
      await conn.execute(
        `update webhook_deliveries d
            set status = r.status::webhook_delivery_status, next_attempt_at = r.next, lease_until = null, response_status = r.response,
                response_body = r.body, last_error = r.error, duration_ms = r.duration, delivered_at = r.delivered, updated_at = now()
           from jsonb_to_recordset(?::jsonb) as r(id uuid, status text, next timestamptz, response int, body text, error text, duration int, delivered timestamptz)
          where d.id = r.id and d.status = 'DELIVERING'`,
        [JSON.stringify(rows)],
        'run',
        ctx,
      );
      if (outcomes.some((o) => o.ok)) {
        // Written at most every few seconds while all is well (a busy endpoint settles many batches a second).
        await conn.execute(
          `update webhook_endpoints set failing_since = null, last_success_at = now()
            where id = ? and (failing_since is not null or last_success_at is null or last_success_at < now() - interval '5 seconds')`,
          [endpoint.id],
          'run',
          ctx,
        );
        return false;
      }
      const [row] = await conn.execute<{ failing_since: Date }[]>(
        `update webhook_endpoints set failing_since = coalesce(failing_since, now()) where id = ? returning failing_since`,
        [endpoint.id],
        'all',
        ctx,
      );
      if (!row || Date.now() - new Date(row.failing_since).getTime() < this.config.disableAfterMs) return false;
      const hours = Math.round(this.config.disableAfterMs / 360_000) / 10;
      const disabled = (await conn.execute(
        `update webhook_endpoints set status = 'DISABLED', disabled_at = now(), disabled_reason = ?, updated_at = now() where id = ? and status = 'ENABLED'`,
        [`Every delivery failed for ${hours} hours (last: ${outcomes[0]?.error ?? 'error'})`.slice(0, 300), endpoint.id],
        'run',
        ctx,
      )) as unknown as { affectedRows: number };
      return disabled.affectedRows > 0;
    });
  }

  /** When the endpoint's next retry (or a lapsed lease) comes due; null if nothing is waiting. */
  private async nextDue(endpointId: string): Promise<Date | null> {
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ next: Date | null }[]>(
        `select min(case when status = 'PENDING' then next_attempt_at else lease_until end) as next
         from webhook_deliveries where endpoint_id = ? and status in ('PENDING', 'DELIVERING')`,
        [endpointId],
      );
    return row?.next ? new Date(new Date(row.next).getTime() + 50) : null;
  }

  private async tellAdmins(endpoint: WebhookEndpoint): Promise<void> {
    if (!this.mailer.enabled) return;
    const conn = this.orm.em.fork().getConnection();
    const admins = await conn.execute<{ email: string }[]>(`select email from users where organisation_id = ? and role = 'ADMIN'`, [endpoint.organisation.id]);
    for (const admin of admins) {
      await this.mailer
        .send({
          to: admin.email,
          subject: 'Vouch stopped sending events to a webhook endpoint',
          text:
            `Every delivery to your webhook endpoint ${endpoint.url} has failed for ${Math.round(this.config.disableAfterMs / 360_000) / 10} hours, so Vouch has disabled it.\n\n` +
            'Events that were not delivered are kept. Fix the receiver, then enable the endpoint again in Settings → Webhooks: ' +
            'the waiting events are sent in order, and the delivery log shows each attempt.',
        })
        .catch((err: unknown) => this.log.error({ err: err instanceof Error ? err.message : 'error' }, 'webhook disable email failed'));
    }
  }

  /**
   * Cron (every minute) and start-up: wakes endpoints with deliveries due now — including those a dead
   * process had claimed — and arranges wake-ups for later retries. Drops events past retention.
   */
  async sweep(): Promise<number> {
    const conn = this.orm.em.fork().getConnection();
    const rows = await conn.execute<{ endpoint_id: string; due: boolean; next: Date | null }[]>(
      `select d.endpoint_id,
              bool_or(case when d.status = 'PENDING' then d.next_attempt_at <= now() else d.lease_until < now() end) as due,
              min(case when d.status = 'PENDING' then d.next_attempt_at else d.lease_until end) as next
         from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id and e.status = 'ENABLED'
        where d.status in ('PENDING', 'DELIVERING')
        group by d.endpoint_id`,
    );
    let woken = 0;
    for (const r of rows) {
      if (r.due) {
        await this.wake(r.endpoint_id);
        woken++;
      } else if (r.next) {
        await this.wake(r.endpoint_id, new Date(new Date(r.next).getTime() + 50));
      }
    }
    await conn.execute(
      `delete from webhook_events where id in (
         select ev.id from webhook_events ev
          where ev.created_at < now() - make_interval(days => ?)
            and not exists (select 1 from webhook_deliveries d where d.event_id = ev.id and d.status in ('PENDING', 'DELIVERING'))
          limit 5000)`,
      [RETENTION_DAYS],
    );
    return woken;
  }
}
