import type { MikroORM } from '@mikro-orm/postgresql';
import { uuidv7 } from '../common/ids.js';

/** A connection's poll, claimed by this instance. */
export interface PollClaim {
  connectionId: string;
  /** The slot the poll serves (the connection's next_poll_at when claimed; null: never scheduled). */
  dueAt: Date | null;
  /**
   * When the claim was taken, on the database's clock to the microsecond (timestamptz text): a poll asked for after
   * this one began is not served by it. `pollNow` stamps requests on the same clock; both are updates of the
   * connection's row, so they are strictly ordered (milliseconds were not: a claim and a click in the same one
   * made the click look served).
   */
  claimedAt: string;
}

type Execute = ReturnType<MikroORM['em']['getConnection']>['execute'];

/** How long a claim holds without renewal: a killed instance's polls are taken by another within this. */
export function pollLeaseMs(pollIntervalMs: number): number {
  return Math.round(Math.min(30_000, Math.max(5_000, pollIntervalMs / 4)));
}

/**
 * Claims on polls, shared by every instance through the connection rows (`poll_claimed_by`, `poll_claimed_until`):
 * one poll of a connection at a time across all instances. A claim is a lease this instance renews while the
 * poll runs; an instance that dies (SIGKILL, OOM) stops renewing, and its claims lapse within one lease, when any
 * instance may take them again. Clocks are passed in (`now`) so tests can move time instead of sleeping.
 */
export class PollClaims {
  /** This process: claims name it, so renewals and releases touch only its own. */
  readonly instanceId = uuidv7();
  private readonly held = new Map<string, PollClaim>();
  private renewTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    readonly leaseMs: number,
  ) {}

  private get execute(): Execute {
    const conn = this.orm.em.fork().getConnection();
    return conn.execute.bind(conn) as Execute;
  }

  /**
   * Claims up to `limit` connections whose poll is due (earliest first), skipping those another instance holds
   * or is claiming at this moment (SKIP LOCKED): two instances never claim one connection.
   */
  async claimDue(limit: number, now = new Date()): Promise<PollClaim[]> {
    if (limit <= 0) return [];
    const rows = await this.execute<{ id: string; next_poll_at: Date | null; claimed_at: string }[]>(
      `update xero_connections c set poll_claimed_by = ?, poll_claimed_until = ?
        where c.id in (select d.id from xero_connections d
                        where d.status = 'CONNECTED' and d.import_status = 'DONE'
                          and (d.next_poll_at is null or d.next_poll_at <= ?)
                          and (d.poll_claimed_until is null or d.poll_claimed_until <= ?)
                        order by d.next_poll_at nulls first
                        limit ? for update skip locked)
       returning c.id, c.next_poll_at, clock_timestamp()::text as claimed_at`,
      [this.instanceId, new Date(now.getTime() + this.leaseMs), now, now, limit],
      'all',
    );
    return rows
      .map((r) => this.hold({ connectionId: r.id, dueAt: r.next_poll_at ? new Date(r.next_poll_at) : null, claimedAt: r.claimed_at }))
      .sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0));
  }

  /** Claims one connection whatever its schedule (a poll asked for by hand); null while another poll holds it. */
  async claimOne(connectionId: string, now = new Date()): Promise<PollClaim | null> {
    const [row] = await this.execute<{ next_poll_at: Date | null; claimed_at: string }[]>(
      `update xero_connections set poll_claimed_by = ?, poll_claimed_until = ?
        where id = ? and (poll_claimed_until is null or poll_claimed_until <= ?)
       returning next_poll_at, clock_timestamp()::text as claimed_at`,
      [this.instanceId, new Date(now.getTime() + this.leaseMs), connectionId, now],
      'all',
    );
    return row ? this.hold({ connectionId, dueAt: row.next_poll_at ? new Date(row.next_poll_at) : null, claimedAt: row.claimed_at }) : null;
  }

  /**
   * Ends a claim. A poll asked for while this one ran stays asked for, and due at once; one asked for before it
   * began was served (see `claimedAt`). `failed`: the poll broke before it could schedule the next one (say, the
   * database went away): the connection rests for a lease instead of being claimed again at once.
   */
  async release(claim: PollClaim, failed = false, now = new Date()): Promise<void> {
    this.held.delete(claim.connectionId);
    if (!this.held.size) this.stopRenewing();
    await this.execute(
      `update xero_connections set poll_claimed_by = null, poll_claimed_until = ?,
              next_poll_at = case when poll_requested_at > ?::timestamptz then least(next_poll_at, poll_requested_at) else next_poll_at end,
              poll_requested_at = case when poll_requested_at > ?::timestamptz then poll_requested_at else null end
        where id = ? and poll_claimed_by = ?`,
      [failed ? new Date(now.getTime() + this.leaseMs) : null, claim.claimedAt, claim.claimedAt, claim.connectionId, this.instanceId],
      'run',
    );
  }

  /** Extends every claim this instance holds by a lease from now (called on a timer while polls run). */
  async renew(now = new Date()): Promise<void> {
    if (!this.held.size) return;
    await this.execute(
      `update xero_connections set poll_claimed_until = ? where id = any(?::uuid[]) and poll_claimed_by = ?`,
      [new Date(now.getTime() + this.leaseMs), `{${[...this.held.keys()].join(',')}}`, this.instanceId],
      'run',
    );
  }

  /** Claims held now (for shutdown and tests). */
  get holding(): number {
    return this.held.size;
  }

  /** Stops renewing (shutdown; tests simulating a killed instance). */
  stopRenewing(): void {
    clearInterval(this.renewTimer);
    this.renewTimer = undefined;
  }

  private hold(claim: PollClaim): PollClaim {
    this.held.set(claim.connectionId, claim);
    if (!this.renewTimer) {
      this.renewTimer = setInterval(() => void this.renew().catch(() => undefined), Math.max(1000, Math.floor(this.leaseMs / 3)));
      this.renewTimer.unref();
    }
    return claim;
  }
}
