import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit.service.js';
import { recordSyncFailed } from '../webhooks/webhook-events.js';
import type { Logger } from '../common/logger.js';
import { pausePoint } from '../common/pause-point.js';
import type { EventBus } from '../graphql/pubsub.js';
import { TOPICS } from '../graphql/pubsub.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { OutboxStatus } from './outbox/outbox-status.js';
import { refreshSupplierFlags } from '../suppliers/supplier-flags.js';
import { mapXeroContact } from '../xero/map-xero-contact.js';
import { describeFields, sameFieldValue } from '../suppliers/canonical-fields.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { SupplierDrift } from '../suppliers/supplier-drift.entity.js';
import { reconcileDrift, xeroNameKey } from './contact-ingest.service.js';
import { XeroConnection, XeroConnectionStatus } from '../xero/xero-connection.entity.js';
import { XeroError } from '../xero/classify-xero-failure.js';
import type { XeroGateway, XeroContact } from '../xero/xero.gateway.js';
import type { XeroTokenStore } from '../xero/xero-token-store.js';
import { toXeroContact, type PushPayload } from './map-to-xero.js';
import { retryTemporary } from './retry.js';
import type { TenantRateLimiter } from '../xero/xero-rate-limiter.js';
import { unscoped } from '../common/unscoped.js';

export const PUSH_SUPPLIERS = 'xero.push-suppliers';
export const BATCH_SIZE = 50;
/**
 * A SYNCING claim is a lease: the worker sending the request renews it (every third of the lease) until it has
 * settled. One not renewed for this long belongs to a dead worker, and the same request (same key) is re-sent.
 */
export const SYNCING_LEASE_MS = 30_000;
const MAX_TEMPORARY_ATTEMPTS = 8;
/** Batches whose settle may still be running while the next batch's call goes out. */
const MAX_SETTLING = 2;

interface EntryRow {
  id: string;
  supplier_id: string;
  payload: PushPayload;
  idempotency_key: string;
  request_key: string | null;
  attempts: number;
  xero_contact_id: string | null;
}

/** The fields of the payload whose values Xero does not hold after the write (canonical comparison). */
export function readBackMismatches(payload: PushPayload, held: XeroContact): string[] {
  const owned = mapXeroContact(held).owned as Record<string, unknown>;
  return Object.keys(payload).filter((f) => !sameFieldValue(f, (payload as Record<string, unknown>)[f], owned[f]));
}

/**
 * Outbound sync: consumes the transactional outbox. Per tenant, serial (one pg-boss job per organisation at a
 * time); per supplier, in acceptance order. Every Xero write carries an Idempotency-Key derived from the outbox
 * rows, and the rows are marked SYNCING (with that key) before the call, so a crash between the call and the
 * commit is retried with the very same request and Xero applies it once.
 */
export class PushService {
  constructor(
    private readonly orm: MikroORM,
    private readonly gateway: XeroGateway,
    private readonly tokens: XeroTokenStore,
    private readonly jobs: JobQueue,
    private readonly pubsub: EventBus,
    private readonly log: Logger,
    private readonly limiter?: TenantRateLimiter,
    private readonly leaseMs: number = SYNCING_LEASE_MS,
  ) {}

  /**
   * Runs the organisation's push now, or at `at` (a claim's lease running out). A deferred wake-up has its own
   * singleton key, so it neither blocks nor is blocked by the immediate ones of new acceptances.
   */
  async wake(organisationId: string, at?: Date): Promise<void> {
    if (at && at.getTime() > Date.now()) {
      await this.jobs.send(PUSH_SUPPLIERS, { organisationId }, { singletonKey: `${organisationId}:lease`, startAfter: at });
      return;
    }
    await this.jobs.send(PUSH_SUPPLIERS, { organisationId }, { singletonKey: organisationId });
  }

  /** Drains the organisation's outbox. */
  async pushAll(organisationId: string, log: Logger = this.log): Promise<void> {
    const connection = await this.orm.em.fork().findOne(XeroConnection, { organisation: organisationId }, unscoped('named organisation'));
    if (!connection || connection.status !== XeroConnectionStatus.CONNECTED) {
      log.info({ organisationId }, 'outbox parked: Xero not connected');
      return;
    }
    // Pipelined: a batch's settle (read-back comparison, outbox and supplier rows, drift, audit) runs while the
    // next batch's call is out, so the calls never wait on the database. Per supplier order still holds: a
    // supplier whose entry is settling is SYNCING, which the next claim skips.
    const settling = new Set<Promise<void>>();
    let backlog = false;
    for (let round = 0; round < 10_000; round++) {
      // Wait for Xero budget before gathering the batch: what arrives meanwhile rides along. A backlog (the
      // last claim was a full batch) goes unpaced: it is bound by Xero's minute anyway, and pacing would only
      // hold back part of it.
      await this.limiter?.waitForSlot(connection.tenantId, undefined, 'INTERACTIVE', !backlog);
      while (settling.size >= MAX_SETTLING) await Promise.race(settling);
      const batch = await this.claim(organisationId);
      if (!batch.length) break;
      backlog = batch.length === BATCH_SIZE;
      const { settled } = await this.send(connection, batch, log, !backlog);
      settling.add(settled);
      void settled.finally(() => settling.delete(settled));
    }
    await Promise.all(settling);
    // A claim still held here is a dead worker's (this organisation is pushed by one job at a time): come back
    // the moment its lease runs out rather than at the next sweep.
    const lapse = await this.nextLeaseLapse(organisationId);
    if (lapse) await this.wake(organisationId, lapse);
  }

  /** When the earliest live SYNCING claim of the organisation lapses (null: none). */
  private async nextLeaseLapse(organisationId: string): Promise<Date | null> {
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ oldest: Date | null }[]>(
        `select min(started_at) as oldest from outbox_entries
        where organisation_id = ? and status = 'SYNCING' and request_key is not null and next_attempt_at is null`,
        [organisationId],
      );
    return row?.oldest ? new Date(new Date(row.oldest).getTime() + this.leaseMs + 250) : null;
  }

  /**
   * Inbound sync asks this before taking an unknown Xero contact for a new supplier: a create of ours whose
   * answer was lost (the process died after Xero applied it) would otherwise come back by webhook or poll as
   * a second supplier. Each such create is settled first — re-sent as the very same request (same
   * Idempotency-Key: Xero answers with the contact it already made) once its claim is free, or awaited while
   * a live worker holds it. Returns the names (see `xeroNameKey`) of the creates still unsettled after that:
   * contacts bearing them must wait.
   */
  async settlePendingCreates(organisationId: string, log: Logger = this.log, waitMs = this.leaseMs * 2): Promise<Set<string>> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const pending = await this.orm.em
        .fork()
        .getConnection()
        .execute<{ name: string; payload: PushPayload; waiting: boolean }[]>(
          `select s.name, o.payload, (o.next_attempt_at is not null and o.next_attempt_at > now()) as waiting
           from outbox_entries o join suppliers s on s.id = o.supplier_id
          where o.organisation_id = ? and o.status = 'SYNCING' and o.request_key is not null and s.xero_contact_id is null`,
          [organisationId],
        );
      if (!pending.length) return new Set();
      const names = new Set(pending.flatMap((p) => [p.name, p.payload.name].filter((n): n is string => typeof n === 'string').map(xeroNameKey)));
      const connection = await this.orm.em.fork().findOne(XeroConnection, { organisation: organisationId }, unscoped('named organisation'));
      if (!connection || connection.status !== XeroConnectionStatus.CONNECTED) return names;
      const batch = await this.claim(organisationId, { createsOnly: true });
      if (batch.length) {
        await (
          await this.send(connection, batch, log)
        ).settled;
        continue;
      }
      // Held by a live worker (wait for its answer), or waiting out a backoff (do not hammer Xero: report).
      if (pending.every((p) => p.waiting) || Date.now() >= deadline) return names;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Claims the next request's worth of entries: re-sends an abandoned request as it was, else the oldest
   * PENDING entry of each supplier that has nothing in flight — up to 50 linked contacts, or one to create.
   */
  private async claim(organisationId: string, options: { createsOnly?: boolean } = {}): Promise<EntryRow[]> {
    const em = this.orm.em.fork();
    return await em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const select = `select o.id, o.supplier_id, o.payload, o.idempotency_key, o.request_key, o.attempts, s.xero_contact_id
                        from outbox_entries o join suppliers s on s.id = o.supplier_id`;
      // Resumable: a retry whose time has come, or (no retry scheduled) a claim whose lease lapsed.
      const resumed = await conn.execute<EntryRow[]>(
        `${select} where o.organisation_id = ? and o.status = 'SYNCING' and o.request_key is not null
            and (case when o.next_attempt_at is not null then o.next_attempt_at <= now() else o.started_at < ? end)
            ${options.createsOnly ? 'and s.xero_contact_id is null' : ''}
          order by o.started_at, o.id limit 1 for update of o skip locked`,
        [organisationId, new Date(Date.now() - this.leaseMs)],
        'all',
        ctx,
      );
      if (resumed.length) {
        const same = await conn.execute<EntryRow[]>(
          `${select} where o.request_key = ? and o.status = 'SYNCING' order by o.id for update of o`,
          [resumed[0]!.request_key],
          'all',
          ctx,
        );
        await conn.execute(
          `update outbox_entries set attempts = attempts + 1, started_at = now(), next_attempt_at = null where request_key = ? and status = 'SYNCING'`,
          [resumed[0]!.request_key],
          'run',
          ctx,
        );
        return same;
      }
      if (options.createsOnly) return [];
      const due = `o.organisation_id = ? and o.status = 'PENDING' and (o.next_attempt_at is null or o.next_attempt_at <= now())
            and not exists (select 1 from outbox_entries x where x.supplier_id = o.supplier_id and x.status in ('SYNCING', 'FAILED'))
            and not exists (select 1 from outbox_entries y where y.supplier_id = o.supplier_id and y.status = 'PENDING' and y.sequence < o.sequence)`;
      // Suppliers first, then their outbox rows: the order an accept takes them in (queueForXero locks the
      // supplier, then supersedes its pending rows). Taking the rows first and the suppliers after (their flags,
      // below) let a claim and an accept of the same supplier deadlock.
      const suppliers = await conn.execute<{ id: string }[]>(
        `select s.id from suppliers s
          where s.id in (select o.supplier_id from outbox_entries o where ${due} order by o.id limit ${BATCH_SIZE})
          order by s.id for update of s`,
        [organisationId],
        'all',
        ctx,
      );
      if (!suppliers.length) return [];
      const candidates = await conn.execute<EntryRow[]>(
        `${select}
          where ${due} and o.supplier_id = any(?::uuid[])
          order by o.id limit ${BATCH_SIZE} for update of o skip locked`,
        [organisationId, `{${suppliers.map((r) => r.id).join(',')}}`],
        'all',
        ctx,
      );
      if (!candidates.length) return [];
      const unlinked = candidates.find((c) => !c.xero_contact_id);
      const chosen = unlinked ? [unlinked] : candidates;
      const requestKey =
        chosen.length === 1
          ? chosen[0]!.idempotency_key
          : `vouch-batch-${createHash('sha256')
              .update(
                chosen
                  .map((c) => c.id)
                  .sort()
                  .join(','),
              )
              .digest('hex')
              .slice(0, 48)}`;
      await conn.execute(
        `update outbox_entries set status = 'SYNCING', request_key = ?, started_at = now(), attempts = attempts + 1, updated_at = now()
          where id in (${chosen.map(() => '?').join(', ')})`,
        [requestKey, ...chosen.map((c) => c.id)],
        'run',
        ctx,
      );
      await refreshSupplierFlags(
        tx,
        chosen.map((c) => c.supplier_id),
      );
      return chosen.map((c) => ({ ...c, request_key: requestKey }));
    });
  }

  /**
   * Makes the call for a claimed batch. A failed call is dealt with before this returns; a successful one
   * returns its settle still running (`settled`), the claim's lease renewed until that is done.
   */
  private async send(connection: XeroConnection, batch: EntryRow[], log: Logger, paced = true): Promise<{ settled: Promise<void> }> {
    const key = batch[0]!.request_key!;
    // Hold the claim while this worker lives; a killed one stops renewing and its request is re-sent.
    const renewal = setInterval(
      () => {
        this.orm.em
          .fork()
          .getConnection()
          .execute(`update outbox_entries set started_at = now() where request_key = ? and status = 'SYNCING' and next_attempt_at is null`, [key])
          .catch((err: unknown) => log.warn({ err }, 'outbox lease renewal failed'));
      },
      Math.max(100, Math.floor(this.leaseMs / 3)),
    );
    let results: [EntryRow, XeroContact | null][];
    try {
      await pausePoint('push.before-call', connection.tenantId);
      if (batch.length === 1 && !batch[0]!.xero_contact_id) {
        const entry = batch[0]!;
        const { body } = await retryTemporary(() =>
          this.tokens.withAccess(connection.id, (t) => this.gateway.createContact(t, connection.tenantId, toXeroContact(entry.payload), key)),
        );
        results = [[entry, body]];
      } else if (batch.length === 1) {
        const entry = batch[0]!;
        const { body } = await retryTemporary(() =>
          this.tokens.withAccess(connection.id, (t) =>
            this.gateway.updateContact(t, connection.tenantId, entry.xero_contact_id!, toXeroContact(entry.payload, entry.xero_contact_id), key),
          ),
        );
        results = [[entry, body]];
      } else {
        const { body } = await retryTemporary(() =>
          this.tokens.withAccess(connection.id, (t) =>
            this.gateway.updateContacts(
              t,
              connection.tenantId,
              batch.map((e) => toXeroContact(e.payload, e.xero_contact_id)),
              key,
              paced,
            ),
          ),
        );
        // Per-element results, matched by ContactID (Xero echoes them in order).
        results = batch.map((e, i) => [e, body.find((c) => c.contactID === e.xero_contact_id) ?? body[i] ?? null]);
      }
      await pausePoint('push.after-call', connection.tenantId);
    } catch (error) {
      clearInterval(renewal);
      await this.failed(connection, batch, error instanceof XeroError ? error : null, log);
      return { settled: Promise.resolve() };
    }
    const settled = this.settle(connection, results)
      .catch(async (error: unknown) => await this.failed(connection, batch, error instanceof XeroError ? error : null, log))
      .catch((err: unknown) => log.error({ err }, 'push settle failed; the claim lapses and the same request is re-sent'))
      .finally(() => clearInterval(renewal));
    return { settled };
  }

  /**
   * Records each result: SYNCED with a read-back receipt, or FAILED with Xero's message. One transaction, and a
   * fixed number of statements per batch (not per entry): suppliers and their open drift are read at once,
   * the outbox rows updated by one statement per outcome, new rows inserted in batches by the flush.
   */
  private async settle(connection: XeroConnection, results: [EntryRow, XeroContact | null][]): Promise<void> {
    const orgId = connection.organisation.id;
    await this.orm.em.fork().transactional(async (tx) => {
      tx.setFilterParams('organisation', { id: orgId });
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const supplierIds = [...new Set(results.map(([e]) => e.supplier_id))];
      // Locked in id order, as a poll or a webhook fetch comparing the same contacts locks them (contact-ingest):
      // the two take turns over a supplier's drift instead of both recording it, and never wait on each other in
      // a cycle.
      await conn.execute('select id from suppliers where id = any(?::uuid[]) order by id for update', [`{${supplierIds.join(',')}}`], 'all', ctx);
      const suppliers = new Map((await tx.find(Supplier, { id: { $in: supplierIds } })).map((s) => [s.id, s]));
      const openDrift = new Map(
        (await tx.find(SupplierDrift, { supplier: { $in: supplierIds }, resolvedAt: null })).map((d) => [`${d.supplier.id}:${d.field}`, d]),
      );
      const failures: { id: string; reason: string; source: 'XERO' | 'VOUCH' }[] = [];
      const synced: { id: string; receipt: string }[] = [];
      for (const [entry, held] of results) {
        const errors = ((held as { validationErrors?: { message?: string }[] } | null)?.validationErrors ?? []).map((v) => v.message ?? '').filter(Boolean);
        if (!held || errors.length || (held as { statusAttributeString?: string }).statusAttributeString === 'ERROR') {
          const reason = errors.join(' ') || 'Xero did not return the contact';
          const source = errors.length ? 'XERO' : 'VOUCH';
          failures.push({ id: entry.id, reason: reason.slice(0, 1000), source });
          recordAudit(tx, {
            organisationId: orgId,
            supplierId: entry.supplier_id,
            actor: { type: 'XERO' },
            kind: 'SYNC_FAILED',
            summary: `Xero refused the update: ${reason}`,
          });
          recordSyncFailed(tx, orgId, entry.supplier_id, reason, source);
          continue;
        }
        const mismatches = readBackMismatches(entry.payload, held);
        if (mismatches.length) {
          const reason = `After the write Xero holds different values for: ${mismatches.join(', ')}`;
          // Vouch's own finding (the read-back), not Xero's words.
          failures.push({ id: entry.id, reason, source: 'VOUCH' });
          recordAudit(tx, { organisationId: orgId, supplierId: entry.supplier_id, actor: { type: 'XERO' }, kind: 'SYNC_FAILED', summary: reason });
          recordSyncFailed(tx, orgId, entry.supplier_id, reason, 'VOUCH');
          continue;
        }
        const updated = held.updatedDateUTC ? new Date(held.updatedDateUTC as unknown as string) : null;
        const written = Object.keys(entry.payload);
        const receipt = {
          contactId: held.contactID,
          updatedDateUtc: updated?.toISOString() ?? null,
          idempotencyKey: entry.request_key,
          verifiedFields: written,
        };
        synced.push({ id: entry.id, receipt: JSON.stringify(receipt) });
        const supplier = suppliers.get(entry.supplier_id);
        if (!supplier) throw new Error(`supplier ${entry.supplier_id} of outbox entry ${entry.id} not found`);
        supplier.xeroContactId ??= held.contactID ?? null;
        if (updated && (!supplier.xeroUpdatedAt || updated > supplier.xeroUpdatedAt)) supplier.xeroUpdatedAt = updated;
        // The write's answer is Xero's whole stored contact: compare all of it with Vouch. Drift on the fields
        // written closes (the read-back confirmed them); a Xero edit to any other field, made just before this
        // write, is recorded now, so no webhook of it can be mistaken for our own echo.
        const { closed } = await reconcileDrift(tx, orgId, supplier, mapXeroContact(held).owned, openDrift, new Date());
        const overwritten = closed.filter((d) => written.includes(d.field));
        recordAudit(tx, {
          organisationId: orgId,
          supplierId: entry.supplier_id,
          actor: { type: 'SYSTEM' },
          kind: 'SYNCED',
          summary:
            `Xero now holds the approved ${describeFields(written)} (read back and confirmed)` +
            (overwritten.length ? `; this replaced what Xero held for ${describeFields(overwritten.map((d) => d.field))}` : ''),
          after: { fieldsWritten: written },
          ...(overwritten.length ? { before: Object.fromEntries(overwritten.map((d) => [d.field, d.xeroValue])) } : {}),
        });
      }
      if (failures.length) {
        await conn.execute(
          `update outbox_entries o set status = 'FAILED', last_error = v.reason, last_error_source = v.source, updated_at = now()
             from (values ${failures.map(() => '(?::uuid, ?::text, ?::text)').join(', ')}) as v(id, reason, source) where o.id = v.id`,
          failures.flatMap((f) => [f.id, f.reason, f.source]),
          'run',
          ctx,
        );
      }
      if (synced.length) {
        await conn.execute(
          `update outbox_entries o set status = 'SYNCED', receipt = v.receipt::jsonb, synced_at = now(), last_error = null, updated_at = now()
             from (values ${synced.map(() => '(?::uuid, ?::text)').join(', ')}) as v(id, receipt) where o.id = v.id`,
          synced.flatMap((e) => [e.id, e.receipt]),
          'run',
          ctx,
        );
      }
      await tx.flush();
      await refreshSupplierFlags(tx, supplierIds);
      await pausePoint('push.mid-settle', connection.tenantId); // crash tests: written, not yet committed
    });
    await this.pubsub.publish(TOPICS.SYNC_UPDATED, { organisationId: orgId, supplierIds: results.map(([e]) => e.supplier_id) });
  }

  private async failed(connection: XeroConnection, batch: EntryRow[], error: XeroError | null, log: Logger): Promise<void> {
    const orgId = connection.organisation.id;
    const ids = batch.map((e) => e.id);
    const conn = this.orm.em.fork().getConnection();
    const place = ids.map(() => '?').join(', ');
    let adopted = false;
    if (error?.kind === 'VALIDATION' && batch.length === 1 && !batch[0]!.xero_contact_id && batch[0]!.attempts > 0) {
      try {
        adopted = await this.adoptOwnCreate(connection, batch[0]!, error, log);
      } catch (lookup) {
        // Could not look (rate limit, Xero unavailable): keep the claim and try the whole thing again later.
        return await this.failed(connection, batch, lookup instanceof XeroError && lookup.kind !== 'VALIDATION' ? lookup : null, log);
      }
    }
    if (adopted) {
      // A create re-sent after Xero's idempotency window: our first attempt had made the contact.
    } else if (error?.kind === 'VALIDATION' || error?.kind === 'NOT_FOUND') {
      // Xero said no (duplicate name, field limits, archived contact…): stop and show its words.
      const reason = (error.validationMessages.join(' ') || error.message).slice(0, 1000);
      await conn.execute(`update outbox_entries set status = 'FAILED', last_error = ?, last_error_source = ?, updated_at = now() where id in (${place})`, [
        reason,
        error.kind === 'VALIDATION' ? 'XERO' : 'VOUCH',
        ...ids,
      ]);
      const em = this.orm.em.fork();
      for (const e of batch)
        recordAudit(em, {
          organisationId: orgId,
          supplierId: e.supplier_id,
          actor: { type: 'XERO' },
          kind: 'SYNC_FAILED',
          summary: `Xero refused the update: ${reason}`,
        });
      for (const e of batch) recordSyncFailed(em, orgId, e.supplier_id, reason, error.kind === 'VALIDATION' ? 'XERO' : 'VOUCH');
      await em.flush();
    } else if (error?.kind === 'AUTH') {
      // Parked until reconnect; nothing is lost. The same request (same key) goes out after reconnecting.
      await conn.execute(
        `update outbox_entries set status = 'SYNCING', next_attempt_at = now(), last_error = ?, last_error_source = 'VOUCH', updated_at = now() where id in (${place})`,
        ['Waiting for Xero to be reconnected', ...ids],
      );
      log.warn({ organisationId: orgId }, 'push parked: Xero access lost');
    } else {
      const attempts = Math.max(...batch.map((e) => e.attempts + 1));
      const delayMs = Math.min(15 * 60_000, 1000 * 2 ** Math.min(attempts, 10));
      const giveUp = attempts >= MAX_TEMPORARY_ATTEMPTS && error?.kind !== 'RATE_LIMITED';
      // The request key stays: the retry must be the same request, so Xero cannot apply it twice.
      await conn.execute(
        `update outbox_entries set status = ?, next_attempt_at = ?, last_error = ?, last_error_source = 'VOUCH', updated_at = now() where id in (${place})`,
        [giveUp ? OutboxStatus.FAILED : OutboxStatus.SYNCING, new Date(Date.now() + delayMs), (error?.message ?? 'Unexpected error').slice(0, 1000), ...ids],
      );
      log.warn({ organisationId: orgId, kind: error?.kind ?? 'UNKNOWN', attempts }, 'push failed; will retry');
      // A separate singleton key: a deferred retry must not block the immediate wake-ups of new acceptances.
      if (!giveUp)
        await this.jobs.send(PUSH_SUPPLIERS, { organisationId: orgId }, { singletonKey: `${orgId}:retry`, startAfter: new Date(Date.now() + delayMs) });
    }
    await refreshSupplierFlags(
      this.orm.em.fork(),
      batch.map((e) => e.supplier_id),
    );
    await this.pubsub.publish(TOPICS.SYNC_UPDATED, { organisationId: orgId, supplierIds: batch.map((e) => e.supplier_id) });
  }

  /**
   * A create re-sent once Xero's idempotency window (minutes) had passed — e.g. the server was down longer —
   * is refused because its first attempt already made the contact: "name already assigned". If Xero's
   * contact of exactly that name is linked to no Vouch supplier, it is that contact (names are unique among
   * Xero's active contacts): link it and write the approved values to it as an update, with a fresh key.
   */
  private async adoptOwnCreate(connection: XeroConnection, entry: EntryRow, error: XeroError, log: Logger): Promise<boolean> {
    if (!/already assigned/i.test([error.message, ...error.validationMessages].join(' '))) return false;
    const orgId = connection.organisation.id;
    const conn = this.orm.em.fork().getConnection();
    const [supplier] = await conn.execute<{ name: string }[]>(`select name from suppliers where id = ?`, [entry.supplier_id]);
    const name = typeof entry.payload.name === 'string' ? entry.payload.name : supplier?.name;
    if (!name) return false;
    const { body } = await retryTemporary(() =>
      this.tokens.withAccess(connection.id, (t) =>
        this.gateway.getContactsPage(t, connection.tenantId, {
          page: 1,
          pageSize: 10,
          includeArchived: false,
          lane: 'INTERACTIVE',
          where: `Name=="${name.replace(/["\\]/g, '\\$&')}"`,
        }),
      ),
    );
    const matches = body.filter((c) => c.contactID && xeroNameKey(c.name ?? '') === xeroNameKey(name));
    if (matches.length !== 1) return false;
    const contactId = matches[0]!.contactID!;
    const adopted = await this.orm.em.fork().transactional(async (tx) => {
      const c = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const taken = await c.execute<{ id: string }[]>(
        `select id from suppliers where organisation_id = ? and xero_contact_id = ?`,
        [orgId, contactId],
        'all',
        ctx,
      );
      if (taken.length) return false;
      const linked = (await c.execute(
        `update suppliers set xero_contact_id = ?, updated_at = now() where id = ? and xero_contact_id is null`,
        [contactId, entry.supplier_id],
        'run',
        ctx,
      )) as unknown as { affectedRows: number };
      if (!linked.affectedRows) return false;
      // Now an update of that contact: a fresh request (new key), sent by the next claim and read back as usual.
      await c.execute(
        `update outbox_entries set status = 'PENDING', request_key = null, idempotency_key = idempotency_key || '-adopt', next_attempt_at = null, last_error = null, updated_at = now() where id = ?`,
        [entry.id],
        'run',
        ctx,
      );
      recordAudit(tx, {
        organisationId: orgId,
        supplierId: entry.supplier_id,
        actor: { type: 'SYSTEM' },
        kind: 'XERO_LINKED',
        summary: `Linked to the Xero contact "${name}" that an earlier, interrupted attempt had created`,
      });
      await tx.flush();
      return true;
    });
    if (adopted) {
      log.warn({ organisationId: orgId, supplierId: entry.supplier_id }, 'create re-sent after the idempotency window: linked the contact it had made');
      await this.wake(orgId);
    }
    return adopted;
  }

  /** Retry once fixed: a FAILED supplier's latest approved values go out again (a fresh request). */
  async retry(organisationId: string, supplierId: string): Promise<void> {
    const conn = this.orm.em.fork().getConnection();
    await conn.execute(
      `update outbox_entries set status = 'PENDING', request_key = null, idempotency_key = idempotency_key || '-r' || (attempts + 1), attempts = 0, next_attempt_at = null, last_error = null, updated_at = now()
        where supplier_id = ? and organisation_id = ? and status = 'FAILED'`,
      [supplierId, organisationId],
    );
    await refreshSupplierFlags(this.orm.em.fork(), [supplierId]);
    await this.wake(organisationId);
  }

  /**
   * Cron, and once at start-up: wakes organisations with due work (retries, lapsed claims, reconnected
   * tenants) now, and those holding a claim that is still leased — perhaps by a process that just died — for
   * the moment that lease runs out.
   */
  async sweep(): Promise<number> {
    const conn = this.orm.em.fork().getConnection();
    const rows = await conn.execute<{ organisation_id: string; due: boolean; lapse: Date | null }[]>(
      `select o.organisation_id,
              bool_or((o.status = 'PENDING' and (o.next_attempt_at is null or o.next_attempt_at <= now()))
                   or (o.status = 'SYNCING' and case when o.next_attempt_at is not null then o.next_attempt_at <= now() else o.started_at < ? end)) as due,
              min(o.started_at) filter (where o.status = 'SYNCING' and o.next_attempt_at is null) as lapse
         from outbox_entries o join xero_connections c on c.organisation_id = o.organisation_id and c.status = 'CONNECTED'
        where o.status in ('PENDING', 'SYNCING')
        group by o.organisation_id`,
      [new Date(Date.now() - this.leaseMs)],
    );
    let woken = 0;
    for (const r of rows) {
      if (r.due) {
        await this.wake(r.organisation_id);
        woken++;
      } else if (r.lapse) {
        await this.wake(r.organisation_id, new Date(new Date(r.lapse).getTime() + this.leaseMs + 250));
      }
    }
    return woken;
  }
}
