import express, { type Router } from 'express';
import { AppError, NotAllowed } from '../common/app-error.js';
import { maskBankRecord } from '../common/bank-masking.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Supplier } from '../suppliers/supplier.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { auditWhere, requireAuditReader } from './organisation-audit.js';
import { isUuid } from '../common/ids.js';

/**
 * One CSV cell: quoted, and defused against spreadsheet formula injection (OWASP): a cell that would start
 * with = + - @, a tab or a line break (or their full-width forms, which some spreadsheets also read as
 * formulas) starts with ' instead.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A CSV answer: every cell through csvCell (quoted, formula-defused), CRLF lines, never cached. */
function sendCsv(res: express.Response, filename: string, header: string[], rows: unknown[][]): void {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(`${lines.join('\r\n')}\r\n`);
}

/** Rows in one organisation CSV export; past this, narrow the filters (the API pages without limit). */
export const ORG_AUDIT_CSV_MAX_ROWS = 50_000;

/**
 * GET /api/suppliers/:id/audit.csv — the supplier's whole timeline (bank numbers masked), for the signed-in buyer.
 * GET /api/audit.csv?actorId=&kind=&from=&to= — the organisation's audit log with the same filters as the
 * `organisationAuditEvents` query, for admins and approvers (session cookie) and API keys (Bearer).
 */
export function auditRoutes(em: (organisationId: string) => EntityManager): Router {
  const router = express.Router();
  router.get('/api/audit.csv', async (req, res) => {
    const viewer = req.viewer ?? null; // session cookie or API key (http/authenticate.ts)
    if (!viewer) {
      res.status(401).json({ error: 'Sign in to continue.' });
      return;
    }
    const param = (name: string) => (typeof req.query[name] === 'string' && req.query[name] ? (req.query[name] as string) : null);
    const date = (name: string) => (param(name) ? new Date(param(name)!) : null);
    try {
      if (viewer.mustEnrolTwoFactor) throw new NotAllowed('Set up two-factor sign-in first.');
      requireAuditReader(viewer);
      const scoped = em(viewer.organisationId);
      const where = auditWhere({ actorId: param('actorId'), kind: param('kind'), from: date('from'), to: date('to') });
      const events = await scoped.find(AuditEvent, where, { orderBy: { id: 'desc' }, limit: ORG_AUDIT_CSV_MAX_ROWS, populate: ['supplier'] });
      sendCsv(
        res,
        `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
        ['time', 'kind', 'actor_type', 'actor', 'supplier', 'summary', 'before', 'after'],
        events.map((e) => [
          e.createdAt.toISOString(),
          e.kind,
          e.actorType,
          e.actorLabel,
          e.supplier?.name ?? '',
          e.summary,
          maskBankRecord(e.before),
          maskBankRecord(e.after),
        ]),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(error.code === 'FORBIDDEN' ? 403 : 400).json({ error: error.userMessage, code: error.code, fields: error.extra.fields ?? [] });
    }
  });
  router.get('/api/suppliers/:id/audit.csv', async (req, res) => {
    const viewer = req.viewer ?? null; // session cookie (http/authenticate.ts)
    if (!viewer) {
      res.status(401).json({ error: 'Sign in to continue.' });
      return;
    }
    const id = String(req.params.id);
    const scoped = em(viewer.organisationId);
    const supplier = isUuid(id) ? await scoped.findOne(Supplier, { id }) : null;
    if (!supplier) {
      res.status(404).json({ error: 'Not found.' });
      return;
    }
    const events = await scoped.find(AuditEvent, { supplier: supplier.id }, { orderBy: { id: 'asc' } });
    const filename = `${supplier.name.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'supplier'}-audit.csv`;
    sendCsv(
      res,
      filename,
      ['time', 'kind', 'actor_type', 'actor', 'summary', 'before', 'after'],
      events.map((e) => [e.createdAt.toISOString(), e.kind, e.actorType, e.actorLabel, e.summary, maskBankRecord(e.before), maskBankRecord(e.after)]),
    );
  });
  return router;
}
