import express, { type Router } from 'express';
import { readCookie, SESSION_COOKIE } from '../accounts/session-cookie.js';
import { maskBankRecord } from '../common/bank-masking.js';
import type { Services } from '../services.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { AuditEvent } from './audit-event.entity.js';

/** One CSV cell: quoted, and defused against spreadsheet formula injection. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** GET /api/suppliers/:id/audit.csv — the supplier's whole timeline (bank numbers masked), for the signed-in buyer. */
export function auditRoutes(services: Services): Router {
  const router = express.Router();
  router.get('/api/suppliers/:id/audit.csv', async (req, res) => {
    const viewer = await services.accounts.viewerForSession(services.em(), readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!viewer) {
      res.status(401).json({ error: 'Sign in to continue.' });
      return;
    }
    const id = String(req.params.id);
    const em = services.em(viewer.organisationId);
    const supplier = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(Supplier, { id }) : null;
    if (!supplier) {
      res.status(404).json({ error: 'Not found.' });
      return;
    }
    const events = await em.find(AuditEvent, { supplier: supplier.id }, { orderBy: { id: 'asc' } });
    const lines = [
      ['time', 'kind', 'actor_type', 'actor', 'summary', 'before', 'after'].map(csvCell).join(','),
      ...events.map((e) => [e.createdAt.toISOString(), e.kind, e.actorType, e.actorLabel, e.summary, maskBankRecord(e.before), maskBankRecord(e.after)].map(csvCell).join(',')),
    ];
    const filename = `${supplier.name.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'supplier'}-audit.csv`;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(`${lines.join('\r\n')}\r\n`);
  });
  return router;
}
