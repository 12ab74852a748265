import pg from 'pg';
import type { Logger } from '../common/logger.js';
import { createEventBus, type EventBus } from './pubsub.js';

const CHANNEL = 'vouch_events';

/**
 * GraphQL subscriptions across server instances: publish sends a PostgreSQL NOTIFY; every instance (the
 * publisher too) LISTENs and hands the event to its local subscribers. Events carry ids only (NOTIFY payloads
 * are capped at 8 kB), and subscribers load rows through their own organisation-scoped EntityManager.
 */
export async function createPgEventBus(connectionString: string, log: Logger): Promise<{ bus: EventBus; close(): Promise<void> }> {
  const local = createEventBus();
  let closed = false;
  let listener: pg.Client | undefined;
  const publisher = new pg.Pool({ connectionString, max: 2 });
  publisher.on('error', (err) => log.warn({ err: err.message }, 'event publisher connection lost'));

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
        (local.publish as (topic: string, payload: unknown) => void)(topic, payload);
      } catch (err) {
        log.warn({ err }, 'ignored a malformed event notification');
      }
    });
    client.on('error', (err) => {
      log.warn({ err: err.message }, 'event listener connection lost; reconnecting');
      client.end().catch(() => {});
      if (!closed) setTimeout(() => void listen().catch(() => {}), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };
  await listen();

  const bus = {
    publish: async (topic: string, payload: unknown) => {
      await publisher.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic, payload })]);
    },
    subscribe: local.subscribe.bind(local),
  } as unknown as EventBus;

  return {
    bus,
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await publisher.end();
    },
  };
}
