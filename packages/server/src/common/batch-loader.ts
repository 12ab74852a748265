/**
 * Batch loading for GraphQL field resolvers: every `load(key)` made while one list is being resolved becomes
 * one query for all the keys (graphql-js calls a list's field resolvers back to back, so they land in the
 * same tick). A loader lives for one request: it is bound to that request's EntityManager (see `loaderFor`),
 * and caches what it loaded, like the EntityManager's identity map does.
 *
 * Dispatch waits for the promise jobs already queued and then one `process.nextTick` (as DataLoader does), so
 * resolvers behind async middleware (auth checks) still join the batch.
 */
export class BatchLoader<K, V> {
  private queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  private readonly cache = new Map<K, Promise<V>>();

  constructor(
    /** Loads many keys at once; keys missing from the answer get `missing`. */
    private readonly batch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: () => V,
  ) {}

  load(key: K): Promise<V> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      if (!this.queue.length) void Promise.resolve().then(() => process.nextTick(() => void this.dispatch()));
      this.queue.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async dispatch(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    try {
      const found = await this.batch([...new Set(queue.map((q) => q.key))]);
      for (const q of queue) q.resolve(found.has(q.key) ? found.get(q.key)! : this.missing());
    } catch (error) {
      for (const q of queue) {
        this.cache.delete(q.key);
        q.reject(error);
      }
    }
  }
}

const scopes = new WeakMap<object, Map<string, BatchLoader<unknown, unknown>>>();

/** The loader named `name` for this scope (a request's EntityManager), made on first use. */
export function loaderFor<K, V>(scope: object, name: string, make: () => BatchLoader<K, V>): BatchLoader<K, V> {
  let loaders = scopes.get(scope);
  if (!loaders) scopes.set(scope, (loaders = new Map()));
  let loader = loaders.get(name);
  if (!loader) loaders.set(name, (loader = make() as BatchLoader<unknown, unknown>));
  return loader as BatchLoader<K, V>;
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
