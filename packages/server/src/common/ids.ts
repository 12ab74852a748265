import { v7 } from 'uuid';

/** UUID version 7 (RFC 9562): time-ordered, so primary keys double as stable, index-friendly cursors. */
export function uuidv7(now: number = Date.now()): string {
  return v7({ msecs: now });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a client-given id can be a UUID at all: checked before it reaches a query, so a malformed id is
 * "not found" (or a field error), never a PostgreSQL cast error.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
