import express, { type Router } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readLogo } from './branding.service.js';
import { isUuid } from '../common/ids.js';

/**
 * GET /api/organisations/:id/logo — the logo suppliers see on invite pages (no sign-in: they have no account).
 * Served with the type read from its bytes when stored (PNG, JPEG or WebP only), nosniff, inline, and a
 * sandboxing CSP; cached for a year when the URL names the current version (`?v=` from `logoUrl`), else
 * revalidated by ETag.
 */
export function brandingRoutes(em: () => EntityManager): Router {
  const router = express.Router();
  router.get('/api/organisations/:id/logo', async (req, res) => {
    const id = String(req.params.id);
    const logo = isUuid(id) ? await readLogo(em(), id) : null;
    if (!logo) {
      res.status(404).setHeader('Cache-Control', 'no-cache').json({ error: 'not_found' });
      return;
    }
    const etag = `"${logo.sha256}"`;
    const version = typeof req.query.v === 'string' ? req.query.v : '';
    res.setHeader('Content-Type', logo.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `inline; filename="logo.${logo.contentType.slice('image/'.length)}"`);
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', version && logo.sha256.startsWith(version) && version.length >= 16 ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.send(logo.bytes);
  });
  return router;
}
