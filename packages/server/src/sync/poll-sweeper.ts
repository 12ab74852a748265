import type { Logger } from '../common/logger.js';
import type { PollClaim, PollClaims } from './poll-claims.js';
import type { XeroSyncService } from './xero-sync.service.js';

/** How often an idle sweep looks for due polls (a poll is late by at most about this). */
export const POLL_SWEEP_TICK_MS = 500;

/**
 * Polls every connected organisation on schedule, in-process: each instance that works jobs runs one sweep,
 * which claims the connections due now (one statement for a batch, never one another instance holds: see
 * PollClaims) and polls them, up to `concurrency` at once. No job per poll: a thousand organisations at a
 * two-minute interval cost one claim statement per batch instead of a queued, fetched and completed job each.
 */
export class PollSweeper {
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = true;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** The last look filled every free slot: more may be due, look again as soon as a slot frees. */
  private saturated = false;

  constructor(
    private readonly sync: XeroSyncService,
    private readonly claims: PollClaims,
    private readonly concurrency: number,
    private readonly log: Logger,
    private readonly tickMs = POLL_SWEEP_TICK_MS,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.sync.onPollRequested = () => this.wake();
    this.loop = this.run();
  }

  /** Looks again now (a poll was asked for, or a slot freed). */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * One look: claims as many due connections as there are free slots and starts their polls (not awaited).
   * Returns how many it claimed. Tests call this with a clock instead of running the loop.
   */
  async runOnce(now = new Date()): Promise<number> {
    const free = this.concurrency - this.inFlight.size;
    const claimed = await this.claims.claimDue(free, now);
    this.saturated = free > 0 && claimed.length === free;
    for (const claim of claimed) {
      const log = this.log.child({ job: 'xero.poll', connectionId: claim.connectionId });
      const poll: Promise<void> = this.pollAndRelease(claim, log).finally(() => {
        this.inFlight.delete(poll);
        if (this.saturated) this.wake();
      });
      this.inFlight.add(poll);
    }
    return claimed.length;
  }

  private async pollAndRelease(claim: PollClaim, log: Logger): Promise<void> {
    let failed = true;
    try {
      await this.sync.pollClaimed(claim.connectionId, log, claim.dueAt ?? undefined);
      failed = false;
    } catch (err) {
      log.warn({ err }, 'poll failed; the next one tries again');
    } finally {
      await this.claims.release(claim, failed).catch((err: unknown) => log.warn({ err }, 'poll claim not released; it lapses'));
    }
  }

  /** Waits for the polls started so far (tests). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled(this.inFlight);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.runOnce();
      } catch (err) {
        this.log.warn({ err }, 'poll sweep failed; it looks again shortly');
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.tickMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  /** Stops looking, and lets the polls in flight finish (each releases its claim). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.sync.onPollRequested = undefined;
    this.wake();
    await this.loop;
    await this.settled();
  }
}
