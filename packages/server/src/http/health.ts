import type { Router } from 'express';
import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';

/** /healthz: the process is up. /readyz: the database answers and no migration is pending. */
export function healthRoutes(orm: MikroORM, isShuttingDown: () => boolean): Router {
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
      res.json({ status: 'ready' });
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'database-unreachable' });
    }
  });
  return router;
}
