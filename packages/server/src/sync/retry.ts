import { XeroError } from '../xero/classify-xero-failure.js';

/**
 * Retries Xero's passing failures (5xx, timeouts, network) in place, with exponential backoff, so one blip does
 * not cost a whole job retry. Rate limits are the limiter's business; everything else is final here.
 */
export async function retryTemporary<T>(
  call: () => Promise<T>,
  options: { attempts?: number; baseDelayMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof XeroError) || error.kind !== 'TEMPORARY' || attempt >= attempts) throw error;
      await sleep(base * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
    }
  }
}
