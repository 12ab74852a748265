/** Import pages fetched at once (the bulk lane's share of Xero's 5 concurrent calls is 4). */
export const IMPORT_FETCH_CONCURRENCY = 4;
/**
 * Import pages held fetched but not yet stored, at most. A minute's worth of Xero budget (60 pages): fetched
 * as fast as Xero allows, the first minute's pages age out of Xero's sliding minute early, and the second
 * minute's calls can start early too. Held mapped (plain objects, ~1 KB a contact).
 */
export const IMPORT_PAGES_AHEAD = 60;

type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Fetches pages ahead of the consumer, up to `concurrency` at once and up to `ahead` pages beyond the lowest
 * page not yet taken, and hands them out as they are answered (the lowest answered first). Not strictly in
 * order: the rate limiter does not queue its waiters, so a page may be let go after the pages behind it, and
 * one late answer must not hold up storing the pages already here.
 *
 * Pages are fetched up to `end`: at first only the page it starts from, until that page's answer says how
 * many there are (`extend`); without that, one page at a time (a fetch past the end would be a wasted call).
 */
export class PagePrefetcher<T> {
  private readonly inFlight = new Set<number>();
  private readonly answered = new Map<number, Answer<T>>();
  private readonly waiting: (() => void)[] = [];
  private nextPage: number;
  private end: number;
  private stopped = false;

  constructor(
    private readonly fetch: (page: number) => Promise<T>,
    from = 1,
    private readonly concurrency = IMPORT_FETCH_CONCURRENCY,
    private readonly ahead = IMPORT_PAGES_AHEAD,
  ) {
    this.nextPage = from;
    this.end = from;
    this.fill();
  }

  /** Pages up to `page` exist (an answer said so, or the last one taken was full): fetch them too. */
  extend(page: number): void {
    if (page <= this.end) return;
    this.end = page;
    this.fill();
  }

  /** Whether nothing is in flight or waiting: every page asked for so far has been taken. */
  get drained(): boolean {
    return !this.answered.size && !this.inFlight.size && this.nextPage > this.end;
  }

  /** Resolves once an answer is waiting to be taken, or nothing more can come (`drained`). */
  async answer(): Promise<void> {
    if (this.answered.size || this.drained) return;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** The lowest page answered, taken (its fetch's error is thrown here); null if none is answered yet. */
  take(): { page: number; value: T } | null {
    if (!this.answered.size) return null;
    const page = Math.min(...this.answered.keys());
    const answer = this.answered.get(page)!;
    this.answered.delete(page);
    this.fill();
    if (!answer.ok) throw answer.error;
    return { page, value: answer.value };
  }

  stop(): void {
    this.stopped = true;
  }

  private fill(): void {
    const lowest = Math.min(this.nextPage, ...this.inFlight, ...this.answered.keys());
    const limit = Math.min(this.end, lowest + this.ahead);
    while (!this.stopped && this.inFlight.size < this.concurrency && this.nextPage <= limit) this.start(this.nextPage++);
  }

  private start(page: number): void {
    this.inFlight.add(page);
    void this.fetch(page).then(
      (value) => this.settle(page, { ok: true, value }),
      (error: unknown) => this.settle(page, { ok: false, error }),
    );
  }

  private settle(page: number, answer: Answer<T>): void {
    this.inFlight.delete(page);
    this.answered.set(page, answer);
    this.fill();
    for (const wake of this.waiting.splice(0)) wake();
  }
}
