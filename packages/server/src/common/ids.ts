import { v7 } from 'uuid';

/** UUID version 7 (RFC 9562): time-ordered, so primary keys double as stable, index-friendly cursors. */
export function uuidv7(now: number = Date.now()): string {
  return v7({ msecs: now });
}
