import { describe, expect, it } from 'vitest';
import { PagePrefetcher } from './page-prefetcher.js';

/** A fetch whose answers the test gives, page by page, in any order. */
function controlledFetch() {
  const calls: number[] = [];
  const answers = new Map<number, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  const fetch = (page: number) => {
    calls.push(page);
    return new Promise<string>((resolve, reject) => answers.set(page, { resolve, reject }));
  };
  const answer = async (page: number, error?: Error) => {
    const pending = answers.get(page);
    if (!pending) throw new Error(`page ${page} was not asked for`);
    if (error) pending.reject(error);
    else pending.resolve(`page ${page}`);
    await new Promise((r) => setImmediate(r));
  };
  return { fetch, calls, answer };
}

/** A prefetcher whose first page was answered and taken, and which was then told the pages run up to `end`. */
async function pastFirstPage(concurrency: number, ahead: number, end: number) {
  const f = controlledFetch();
  const pages = new PagePrefetcher(f.fetch, 1, concurrency, ahead);
  await f.answer(1);
  pages.take();
  pages.extend(end);
  return { f, pages };
}

describe('PagePrefetcher', () => {
  it('asks for the first page alone, then up to the end it is told, a few at a time', async () => {
    const f = controlledFetch();
    const pages = new PagePrefetcher(f.fetch, 1, 2, 10);
    expect(f.calls).toEqual([1]);
    await f.answer(1);
    expect(pages.take()).toEqual({ page: 1, value: 'page 1' });
    pages.extend(5);
    expect(f.calls).toEqual([1, 2, 3]); // two at once
    await f.answer(3);
    expect(f.calls).toEqual([1, 2, 3, 4]);
  });

  it('hands out a page that is answered while an earlier one is still out, lowest first', async () => {
    const { f, pages } = await pastFirstPage(4, 10, 5);
    expect(f.calls).toEqual([1, 2, 3, 4, 5]);
    expect(pages.take()).toBeNull();
    await f.answer(4);
    await f.answer(3);
    // Page 2 is late: 3 and 4 are not held up behind it, and come lowest first.
    expect(pages.take()).toEqual({ page: 3, value: 'page 3' });
    expect(pages.take()).toEqual({ page: 4, value: 'page 4' });
    const waiting = pages.answer();
    await f.answer(2);
    await waiting;
    expect(pages.take()).toEqual({ page: 2, value: 'page 2' });
    await f.answer(5);
    expect(pages.take()).toEqual({ page: 5, value: 'page 5' });
    expect(pages.drained).toBe(true);
    await pages.answer(); // nothing more can come: resolves at once
  });

  it('fetches at most `ahead` pages beyond the lowest page not yet taken', async () => {
    const { f, pages } = await pastFirstPage(10, 3, 20);
    expect(f.calls).toEqual([1, 2, 3, 4, 5]); // the lowest not taken is 2: up to 2 + 3
    await f.answer(3);
    pages.take(); // page 3 taken, page 2 still out: the window stays at 2 + 3
    expect(f.calls).toEqual([1, 2, 3, 4, 5]);
    await f.answer(2);
    pages.take();
    expect(f.calls).toEqual([1, 2, 3, 4, 5, 6, 7]); // now from 4: up to 7
  });

  it('starts from a later page (a resumed import) and gives a failed fetch’s error when that page is taken', async () => {
    const f = controlledFetch();
    const pages = new PagePrefetcher(f.fetch, 7, 4, 10);
    expect(f.calls).toEqual([7]);
    await f.answer(7, new Error('Xero is down'));
    expect(() => pages.take()).toThrow('Xero is down');
  });

  it('asks for nothing more once stopped', async () => {
    const f = controlledFetch();
    const pages = new PagePrefetcher(f.fetch, 1, 2, 10);
    await f.answer(1);
    pages.take();
    pages.stop();
    pages.extend(5);
    expect(f.calls).toEqual([1]);
  });
});
