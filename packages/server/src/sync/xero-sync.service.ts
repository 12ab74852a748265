import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/env.js';
import type { Logger } from '../common/logger.js';
import type { EventBus } from '../graphql/pubsub.js';
import { TOPICS } from '../graphql/pubsub.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { mapXeroContact, type MappedContact } from '../xero/map-xero-contact.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { ImportStatus, XeroConnection, XeroConnectionStatus, type ImportProgressData } from '../xero/xero-connection.entity.js';
import { XeroError } from '../xero/classify-xero-failure.js';
import type { XeroGateway } from '../xero/xero.gateway.js';
import type { RateLimitHeaders } from '../xero/xero-rate-limiter.js';
import type { XeroTokenStore } from '../xero/xero-token-store.js';
import type { ContactIngestService, IngestResult } from './contact-ingest.service.js';
import { retryTemporary } from './retry.js';
import { pausePoint } from '../common/pause-point.js';
import { unscoped } from '../common/unscoped.js';
import { PollClaims, pollLeaseMs, type PollClaim } from './poll-claims.js';
import { formatDayTime } from '../common/format-date.js';
import { PagePrefetcher } from './page-prefetcher.js';

/** Job names (the jobs live in ./jobs and import these, as PUSH_SUPPLIERS in push.service.ts). */
export const IMPORT_CONTACTS = 'xero.import-contacts';
export const FETCH_CONTACT = 'xero.fetch-contact';

export const PAGE_SIZE = 1000;
/** Polls re-read this much before the cursor: clock skew and same-millisecond writes cannot slip past. */
export const CURSOR_OVERLAP_MS = 2 * 60_000;

const EMPTY_PROGRESS: ImportProgressData = { pages: 0, seen: 0, created: 0, skipped: 0, archived: 0 };

/** The outbound side's answer to "which of our creates are still unsettled?" (PushService). */
export interface PendingCreates {
  settlePendingCreates(organisationId: string, log: Logger): Promise<ReadonlySet<string>>;
}

function earlier(a: Date | null, b: Date | null): Date | null {
  return a && b ? (a < b ? a : b) : (a ?? b);
}

/** Import pages being stored at once (each in its own transaction; progress is recorded in page order). Three keep
 * PostgreSQL busy on the second core while this thread maps and sends (bench:import: 68.5 s with 3, 70–73 s with 2). */
export const IMPORT_STORE_CONCURRENCY = 3;

interface FetchedPage {
  contacts: MappedContact[];
  headers: RateLimitHeaders;
  pageCount: number | null;
}

interface StoredPage {
  contacts: MappedContact[];
  headers: RateLimitHeaders;
  result: IngestResult;
  page: number;
}

/** Inbound sync: initial import, polling, and webhook-triggered fetches. Never overwrites a Vouch supplier. */
export class XeroSyncService {
  /** Claims on polls, shared with every instance (one poll of a connection at a time); the sweep takes them. */
  readonly pollClaims: PollClaims;
  /** Set by the poll sweep of this process: a poll asked for now starts without waiting for its next look. */
  onPollRequested: (() => void) | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly gateway: XeroGateway,
    private readonly tokens: XeroTokenStore,
    private readonly ingest: ContactIngestService,
    private readonly jobs: JobQueue,
    private readonly pubsub: EventBus,
    /** Settles our own creates before an unknown contact is taken for a new supplier (see `ingestPage`). */
    private readonly creates?: PendingCreates,
  ) {
    this.pollClaims = new PollClaims(orm, pollLeaseMs(config.xero.pollIntervalMs));
  }

  /**
   * Ingests one page. First our own creates whose answer was lost are settled (re-sent with their key, so Xero
   * names the contact it made): their contact then arrives as known instead of as a second supplier. Any
   * still unsettled hold back the unknown contacts bearing their name; `deferred` tells the caller.
   */
  private async ingestPage(orgId: string, contacts: MappedContact[], announce: boolean, log: Logger): Promise<IngestResult> {
    const holdBack = contacts.length && this.creates ? await this.creates.settlePendingCreates(orgId, log) : undefined;
    const scoped = this.orm.em.fork();
    scoped.setFilterParams('organisation', { id: orgId });
    const result = await this.ingest.ingest(scoped, orgId, contacts, { announce, ...(holdBack?.size ? { holdBack } : {}) });
    if (result.deferred) log.info({ deferred: result.deferred }, 'contacts held back behind our own unsettled create');
    return result;
  }

  async startImport(connectionId: string): Promise<void> {
    await this.jobs.send(IMPORT_CONTACTS, { connectionId }, { singletonKey: connectionId });
  }

  /**
   * At start-up: imports left RUNNING (perhaps by a process that was killed) are queued again. Their job is
   * taken up the moment the dead one's heartbeat lapses, and resumes after the last page that was stored.
   */
  async resumeImports(): Promise<number> {
    const running = await this.orm.em
      .fork()
      .find(XeroConnection, { status: XeroConnectionStatus.CONNECTED, importStatus: ImportStatus.RUNNING }, { ...unscoped('job'), fields: ['id'] });
    for (const { id } of running) await this.startImport(id);
    return running.length;
  }

  private async load(connectionId: string): Promise<XeroConnection | null> {
    return await this.orm.em.fork().findOne(XeroConnection, { id: connectionId }, unscoped('job'));
  }

  private async update(connection: XeroConnection, changes: Partial<XeroConnection>, headers?: RateLimitHeaders): Promise<void> {
    const em = this.orm.em.fork();
    const data: Record<string, unknown> = { ...changes };
    if (headers && (headers.minRemaining !== null || headers.dayRemaining !== null)) {
      data.rateLimit = { ...headers, at: new Date().toISOString() };
    }
    await em.nativeUpdate(XeroConnection, { id: connection.id }, data, unscoped('job'));
    await this.pubsub.publish(TOPICS.XERO_CONNECTION_UPDATED, { organisationId: connection.organisation.id, connectionId: connection.id });
  }

  async importContacts(connectionId: string, log: Logger): Promise<void> {
    const connection = await this.load(connectionId);
    if (!connection || connection.status !== XeroConnectionStatus.CONNECTED) {
      log.info({ connectionId }, 'import skipped: not connected (it resumes on reconnect)');
      return;
    }
    if (connection.importStatus === ImportStatus.DONE) return; // a duplicate wake-up (e.g. start-up resume + retry)
    const orgId = connection.organisation.id;
    // Contacts changed while we page are caught by the first poll: its cursor starts when the import first did
    // (kept across resumes).
    const progress: ImportProgressData = { ...EMPTY_PROGRESS, startedAt: new Date().toISOString(), ...connection.importProgress };
    const startedAt = new Date(progress.startedAt!);
    if (connection.importStatus !== ImportStatus.RUNNING) await this.update(connection, { importStatus: ImportStatus.RUNNING });
    let heldFrom = null as Date | null; // (assigned in record(), below)
    // Pages are fetched ahead, several at once, while earlier ones are stored: the import is bound by Xero's
    // minute, not by our own round trips.
    const pages = new PagePrefetcher<FetchedPage>(async (page) => {
      const { body, headers, pageCount } = await retryTemporary(() =>
        this.tokens.withAccess(connectionId, (t) => this.gateway.getContactsPage(t, connection.tenantId, { page, pageSize: PAGE_SIZE, includeArchived: true })),
      );
      return { contacts: body.map(mapXeroContact), headers, pageCount };
    }, progress.pages + 1);
    // Pages are also stored a few at a time, as they arrive: a page's insert is mostly PostgreSQL's work (on
    // another core), so while one page waits for it the next is mapped and sent. Progress is recorded in page
    // order, so progress.pages stays a high-water mark below which every page is stored; a page stored beyond
    // it when the process dies is simply read again on resume (storing is idempotent: its contacts are then known).
    const storing = new Map<number, Promise<void>>();
    const stored = new Map<number, StoredPage>();
    let lastPage: number | null = null; // the first page known to be the last
    const record = async ({ contacts, headers, result, page }: StoredPage) => {
      heldFrom = earlier(heldFrom, result.deferredFrom);
      progress.pages = page;
      progress.seen += contacts.length;
      progress.created += result.created;
      progress.skipped += result.skipped;
      progress.archived += result.archived;
      await this.update(connection, { importProgress: { ...progress } }, headers);
      log.info({ page, ...progress }, 'import page done');
    };
    try {
      for (;;) {
        for (let done = stored.get(progress.pages + 1); done; done = stored.get(progress.pages + 1)) {
          stored.delete(done.page);
          await record(done);
        }
        if (lastPage !== null && progress.pages >= lastPage) break;
        const taken = storing.size < IMPORT_STORE_CONCURRENCY ? pages.take() : null;
        if (taken) {
          const { page, value } = taken;
          const { contacts, headers, pageCount } = value;
          // Xero's pagination says when this was the last page, saving an empty final call.
          if (contacts.length < PAGE_SIZE || (pageCount !== null && page >= pageCount)) lastPage = Math.min(lastPage ?? page, page);
          else pages.extend(Math.max(page + 1, pageCount ?? 0));
          await pausePoint(`import.page-${page}`, connection.tenantId);
          const storingPage = this.ingestPage(orgId, contacts, false, log).then((result) => {
            storing.delete(page);
            stored.set(page, { contacts, headers, result, page });
          });
          storingPage.catch(() => undefined); // surfaced by the race below; never an unhandled rejection meanwhile
          storing.set(page, storingPage);
          continue;
        }
        if (!storing.size && pages.drained) throw new Error(`import: page ${progress.pages + 1} was never fetched`);
        // Until a store ends or, with a store free, a page arrives (if one still can).
        const arrival = storing.size < IMPORT_STORE_CONCURRENCY && !pages.drained ? [pages.answer()] : [];
        await Promise.race([...storing.values(), ...arrival]);
      }
      // Pages past the last one may still be storing (an earlier answer promised more): done before DONE.
      await Promise.all(storing.values());
      pages.stop();
      // A contact held back (our own create unsettled) must come again: the first poll starts before it.
      const cursor = earlier(connection.pollCursor ?? new Date(startedAt.getTime()), heldFrom ? new Date(heldFrom.getTime() - 1) : null);
      await this.update(connection, {
        importStatus: ImportStatus.DONE,
        pollCursor: cursor,
        lastSupplierSweepAt: startedAt, // the import itself saw every contact's flags
        lastSuccessfulPollAt: new Date(),
        lastPollAt: new Date(),
        nextPollAt: new Date(Date.now() + this.config.xero.pollIntervalMs),
        lastError: null,
      });
    } catch (error) {
      pages.stop();
      await Promise.allSettled(storing.values()); // nothing of this run still writing once it reports
      const failure = error instanceof XeroError ? error : null;
      log.warn({ kind: failure?.kind ?? 'UNKNOWN', message: failure?.message }, 'import interrupted; it resumes from the last page');
      if (failure?.kind === 'RATE_LIMITED') {
        // Out of Xero budget (e.g. the daily limit): wait for it, do not fail. Resumes from the next page.
        const waitMs = failure.retryAfterMs ?? 60_000;
        await this.update(connection, { lastError: `Waiting for Xero's API limit; the import resumes at ${formatDayTime(new Date(Date.now() + waitMs))}.` });
        await this.jobs.send(IMPORT_CONTACTS, { connectionId }, { singletonKey: connectionId, startAfter: new Date(Date.now() + waitMs) });
        return;
      }
      await this.update(connection, { lastError: failure ? `Import paused: ${failure.message}` : 'Import paused: unexpected error' });
      if (failure?.kind === 'AUTH') return; // parked until reconnect, which re-enqueues the import
      throw error;
    }
  }

  /**
   * One poll, outside the sweep (asked for by hand, or a test): it claims the connection first — waiting while
   * a poll another instance (or the sweep) runs holds it — so one connection is never polled twice at once.
   * `dueAt`: the slot this poll serves; if the connection was polled since (its next poll moved past dueAt),
   * it does nothing. Without dueAt it always polls.
   */
  async poll(connectionId: string, log: Logger, dueAt?: Date): Promise<void> {
    const until = Date.now() + 2 * this.pollClaims.leaseMs;
    let claim: PollClaim | null = await this.pollClaims.claimOne(connectionId);
    while (!claim) {
      if (Date.now() > until) {
        log.warn({ connectionId }, 'poll skipped: another poll of this connection is still running');
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
      claim = await this.pollClaims.claimOne(connectionId);
    }
    let failed = true;
    try {
      await this.pollClaimed(connectionId, log, dueAt);
      failed = false;
    } finally {
      await this.pollClaims.release(claim, failed);
    }
  }

  /**
   * One poll of a connection the caller has claimed (the sweep, or `poll` above), which releases it after.
   * `dueAt`: the slot it serves; if the connection was polled since (its next poll moved past dueAt), nothing.
   */
  async pollClaimed(connectionId: string, log: Logger, dueAt?: Date): Promise<void> {
    const connection = await this.load(connectionId);
    if (!connection || connection.status !== XeroConnectionStatus.CONNECTED || connection.importStatus !== ImportStatus.DONE) return;
    if (dueAt && connection.nextPollAt && connection.nextPollAt.getTime() > dueAt.getTime()) {
      log.info({ connectionId }, 'poll skipped: already polled since it was scheduled');
      return;
    }
    const orgId = connection.organisation.id;
    const since = connection.pollCursor ? new Date(connection.pollCursor.getTime() - CURSOR_OVERLAP_MS) : undefined;
    const startedAt = new Date();
    let maxSeen = connection.pollCursor;
    const totals = { seen: 0, created: 0, drifted: 0 };
    let lastHeaders: RateLimitHeaders | undefined;
    let heldFrom: Date | null = null;
    try {
      for (let page = 1; ; page++) {
        const { body, headers, pageCount } = await retryTemporary(() =>
          this.tokens.withAccess(connectionId, (t) =>
            this.gateway.getContactsPage(t, connection.tenantId, {
              page,
              pageSize: PAGE_SIZE,
              includeArchived: true,
              ...(since ? { ifModifiedSince: since } : {}),
            }),
          ),
        );
        lastHeaders = headers;
        const result = await this.ingestPage(orgId, body.map(mapXeroContact), true, log);
        heldFrom = earlier(heldFrom, result.deferredFrom);
        totals.seen += body.length;
        totals.created += result.created;
        totals.drifted += result.drifted;
        if (result.maxUpdatedAt && (!maxSeen || result.maxUpdatedAt > maxSeen)) maxSeen = result.maxUpdatedAt;
        if (body.length < PAGE_SIZE || (pageCount !== null && page >= pageCount)) break;
      }
    } catch (error) {
      // The cursor stays where it was: the next poll asks for the same window again.
      const failure = error instanceof XeroError ? error : null;
      const next = this.nextPollAfter(connection, startedAt);
      await this.update(connection, {
        lastPollAt: startedAt,
        nextPollAt: next,
        lastError: `Last check failed: ${failure?.message ?? 'unexpected error'}`,
      });
      if (failure?.kind === 'AUTH' || failure?.kind === 'RATE_LIMITED') return; // the next poll tries again
      throw error;
    }
    // IsSupplier/IsCustomer flips do not bump UpdatedDateUTC, so If-Modified-Since never shows a customer
    // who has since become a supplier. Every few hours, sweep the contacts that are both (the only ones a
    // customer-only skip could have missed): ceil(n/1000) calls.
    // A contact held back must be read again by the next poll: the cursor stays before it.
    if (heldFrom) maxSeen = earlier(maxSeen, new Date(heldFrom.getTime() - 1));
    const next = this.nextPollAfter(connection, startedAt);
    let sweptAt = connection.lastSupplierSweepAt;
    if (!sweptAt || Date.now() - sweptAt.getTime() >= this.config.xero.supplierSweepMs) {
      try {
        totals.created += await this.sweepNewSuppliers(connection, log);
        sweptAt = new Date();
      } catch (error) {
        log.warn({ kind: error instanceof XeroError ? error.kind : 'UNKNOWN' }, 'supplier sweep failed; retried next poll');
      }
    }
    await this.update(
      connection,
      {
        lastSupplierSweepAt: sweptAt,
        pollCursor: maxSeen,
        lastPollAt: startedAt,
        lastSuccessfulPollAt: new Date(),
        nextPollAt: next,
        lastError: null,
      },
      lastHeaders,
    );
    log.info({ connectionId, ...totals }, 'poll done');
  }

  private async sweepNewSuppliers(connection: XeroConnection, log: Logger): Promise<number> {
    let created = 0;
    for (let page = 1; ; page++) {
      const { body, pageCount } = await retryTemporary(() =>
        this.tokens.withAccess(connection.id, (t) =>
          this.gateway.getContactsPage(t, connection.tenantId, {
            page,
            pageSize: PAGE_SIZE,
            includeArchived: false,
            where: 'IsSupplier==true AND IsCustomer==true',
          }),
        ),
      );
      created += (await this.ingestPage(connection.organisation.id, body.map(mapXeroContact), true, log)).created;
      if (body.length < PAGE_SIZE || (pageCount !== null && page >= pageCount)) return created;
    }
  }

  /**
   * The next poll keeps the cadence of the schedule (the slot this one was due in, plus the interval), not of
   * when it finished: otherwise every poll would slip by its own duration plus the wait for the next tick.
   * Behind by more than half an interval (an outage, a backlog): this poll caught up, and the cadence starts
   * again from now — never two polls of one organisation within half an interval.
   */
  private nextPollAfter(connection: XeroConnection, startedAt: Date): Date {
    const interval = this.config.xero.pollIntervalMs;
    const slot = connection.nextPollAt && connection.nextPollAt.getTime() <= startedAt.getTime() ? connection.nextPollAt.getTime() : startedAt.getTime();
    const next = slot + interval;
    return new Date(next >= Date.now() + interval / 2 ? next : Date.now() + interval);
  }

  /**
   * A poll asked for now (a person, a reconnect): due at once (the cadence restarts from it), taken by the next
   * look of any instance's sweep; asked for while a poll runs, it runs again once that one is done.
   */
  async pollNow(connectionId: string): Promise<void> {
    await this.orm.em.fork().getConnection().execute(
      // The request on the database's clock, as claims are stamped (PollClaim.claimedAt): strictly ordered with them.
      // Due now, or sooner if it already was (least() skips a null next_poll_at).
      'update xero_connections set poll_requested_at = clock_timestamp(), next_poll_at = least(next_poll_at, ?) where id = ?',
      [new Date(), connectionId],
      'run',
    );
    this.onPollRequested?.();
  }

  async enqueueContactFetch(tenantId: string, contactId: string, eventAt?: string): Promise<void> {
    // Keyed by the event too: repeats of one event collapse, but a newer event is never dropped behind a
    // queued older one (whose time would let the fetch skip as an echo).
    await this.jobs.send(
      FETCH_CONTACT,
      { tenantId, contactId, ...(eventAt ? { eventAt } : {}) },
      { singletonKey: `${tenantId}:${contactId}:${eventAt ?? ''}` },
    );
  }

  async fetchContact(tenantId: string, contactId: string, log: Logger, eventAt?: string): Promise<void> {
    const connection = await this.orm.em.fork().findOne(XeroConnection, { tenantId, status: XeroConnectionStatus.CONNECTED }, unscoped('job'));
    if (!connection) {
      log.info({ tenantId }, 'webhook for a tenant with no active connection: ignored');
      return;
    }
    if (eventAt) {
      // Our own pushes come back as webhooks. Every version Vouch records in xeroUpdatedAt was compared in full
      // (a poll, a fetch, or a push's read-back, which holds Xero's whole contact), so an event no newer than
      // it is already accounted for and costs no API call. Anything newer — even by a millisecond — is
      // fetched, and its content decides: an echo matches Vouch, a real edit becomes drift.
      const known = await this.orm.em
        .fork()
        .findOne(
          Supplier,
          { organisation: connection.organisation.id, xeroContactId: contactId, xeroUpdatedAt: { $gte: new Date(eventAt) } },
          { ...unscoped('named organisation'), fields: ['id'] },
        );
      if (known) return;
    }
    const { body } = await this.tokens.withAccess(connection.id, (t) => this.gateway.getContact(t, tenantId, contactId));
    if (!body) return;
    const result = await this.ingestPage(connection.organisation.id, [mapXeroContact(body)], true, log);
    if (result.deferred) {
      // Possibly the contact our unsettled create made: look again once that create has had its answer.
      await this.jobs.send(
        FETCH_CONTACT,
        { tenantId, contactId, ...(eventAt ? { eventAt } : {}) },
        { singletonKey: `${tenantId}:${contactId}:${eventAt ?? ''}:later`, startAfter: 15 },
      );
      return;
    }
    log.info({ contactId, created: result.created, drifted: result.drifted }, 'webhook contact fetched');
  }
}
