import type { Router } from 'express';
import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ListenerState } from '../graphql/pg-pubsub.js';

/**
 * /healthz: the process is up. /readyz: the database answers, no migration is pending, and the live-update
 * listener (PostgreSQL LISTEN) is connected — without it, subscribers of this instance silently miss events.
 */
export function healthRoutes(orm: MikroORM, isShuttingDown: () => boolean, eventsListener: () => ListenerState): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    try {
      await orm.em.getConnection().execute('select 1');
      const pending = await orm.migrator.getPending();
      if (pending.length) {
        res.status(503).json({ status: 'migrations-pending', pending: pending.length });
        return;
      }
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'database-unreachable', events: eventsListener() });
      return;
    }
    const events = eventsListener();
    if (events !== 'listening') {
      res.status(503).json({ status: 'events-listener-down', events });
      return;
    }
    res.json({ status: 'ready', events });
  });
  return router;
}
