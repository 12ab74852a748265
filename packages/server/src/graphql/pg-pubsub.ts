import pg from 'pg';
import type { Logger } from '../common/logger.js';
import { createEventBus, type EventBus } from './pubsub.js';

const CHANNEL = 'vouch_events';

export type ListenerState = 'listening' | 'reconnecting' | 'closed';

export interface PgEventBus {
  bus: EventBus;
  /** Whether this instance is receiving events; /readyz reports it. */
  listenerState(): ListenerState;
  close(): Promise<void>;
}

export interface ReconnectPolicy {
  /** First retry after this long; doubles per failure (with jitter) up to maxDelayMs. */
  minDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RECONNECT: ReconnectPolicy = { minDelayMs: 250, maxDelayMs: 10_000 };

/**
 * GraphQL subscriptions across server instances: publish sends a PostgreSQL NOTIFY; every instance (the
 * publisher too) LISTENs and hands the event to its local subscribers. Events carry ids only (NOTIFY payloads
 * are capped at 8 kB), and subscribers load rows through their own organisation-scoped EntityManager.
 *
 * The LISTEN connection is re-opened whenever it is lost (database restart, failover, a terminated backend),
 * retrying with capped exponential backoff for as long as the database stays away; until it is back, the
 * instance reports itself not ready. Events sent while it was down are not replayed.
 */
export async function createPgEventBus(connectionString: string, log: Logger, reconnect: ReconnectPolicy = DEFAULT_RECONNECT): Promise<PgEventBus> {
  const local = createEventBus();
  let closed = false;
  let listener: pg.Client | undefined;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  const publisher = new pg.Pool({ connectionString, max: 2 });
  publisher.on('error', (err) => log.warn({ err: err.message }, 'event publisher connection lost'));

  const scheduleReconnect = (): void => {
    if (closed || retry) return;
    const ceiling = Math.min(reconnect.maxDelayMs, reconnect.minDelayMs * 2 ** failures);
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      void listen().catch(() => scheduleReconnect());
    }, delay);
    retry.unref();
  };

  const lost = (client: pg.Client, err?: Error): void => {
    if (listener !== client) return;
    listener = undefined;
    log.warn({ err: err?.message }, 'event listener connection lost; reconnecting');
    client.end().catch(() => {});
    scheduleReconnect();
  };

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
        (local.publish as (topic: string, payload: unknown) => void)(topic, payload);
      } catch (err) {
        log.warn({ err }, 'ignored a malformed event notification');
      }
    });
    client.on('error', (err) => lost(client, err));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      client.end().catch(() => {});
      if (failures > 0) log.warn({ err: (err as Error).message, attempt: failures }, 'event listener could not reconnect yet');
      throw err;
    }
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    if (failures > 0) log.info({ attempts: failures }, 'event listener reconnected');
    failures = 0;
    listener = client;
  };
  // The first connection must work: the database was just migrated through the same URL.
  await listen();

  const bus = {
    publish: async (topic: string, payload: unknown) => {
      await publisher.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic, payload })]);
    },
    subscribe: local.subscribe.bind(local),
  } as unknown as EventBus;

  return {
    bus,
    listenerState: () => (closed ? 'closed' : listener ? 'listening' : 'reconnecting'),
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => {});
      await publisher.end();
    },
  };
}
