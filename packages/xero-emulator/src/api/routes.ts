import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { EmulatorCore, WriteMode } from '../core.js';
import { WhereParseError } from '../contacts/where.js';
import { renderContact } from '../contacts/serialize.js';
import { isoNoZone, msDate, parseHttpOrIsoDate } from '../dates.js';
import { applyFaults, delay, header } from '../http.js';
import { readBody } from './read-body.js';
import { isUuid, newId } from '../ids.js';
import type { App, Grant } from '../types.js';

interface ApiContext {
  app: App;
  grant: Grant;
  tenantId: string;
}

type ApiRequest = Request & { xero?: ApiContext };

const NOT_FOUND_TEXT = "The resource you're looking for cannot be found";

/** The identity layer's problem-details body (401/403), as captured from Xero; not the Accounting Error schema. */
function problem(status: number, title: string, detail: string): Record<string, unknown> {
  return { Type: null, Title: title, Status: status, Detail: detail, Instance: newId(), Extensions: {} };
}

/**
 * A 400 from the Accounting API in the spec's `Error` shape ({ErrorNumber, Type, Message}). For refusals whose
 * exact ErrorNumber/Type Xero does not document (idempotency), the emulator answers as a ValidationException.
 */
function accountingError(message: string, errorNumber = 10, type = 'ValidationException'): Record<string, unknown> {
  return { ErrorNumber: errorNumber, Type: type, Message: message };
}

/** Formats like Xero's TokenExpired detail: MM/DD/YYYY HH:mm:ss (UTC). */
function usDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function lowerQuery(req: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(req.query)) {
    const v = Array.isArray(value) ? value.join(',') : value;
    if (typeof v === 'string') out.set(key.toLowerCase(), v);
  }
  return out;
}

function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return value.toLowerCase() === 'true';
}

export function apiRouter(core: EmulatorCore, latencyMs: [number, number] | undefined): Router {
  const router = express.Router({ caseSensitive: false });

  /** Bearer → grant. Problem-details bodies as captured from Xero. */
  const authenticate = (req: ApiRequest, res: Response): Grant | undefined => {
    const auth = header(req, 'authorization');
    const token = auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : undefined;
    const area = req.path.toLowerCase().startsWith('/connections') ? 'connections' : 'api';
    if (core.faults.take({ area, method: req.method, path: req.path }, ['revoke-grant'])) {
      const grant = core.grantOfToken(token);
      if (grant) core.endGrants(grant.clientId, grant.userId);
    }
    const check = core.verifyAccessToken(token);
    res.setHeader('Xero-Correlation-Id', newId());
    if (check.ok) return check.grant;
    if (check.reason === 'expired') {
      res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="The token expired at '${usDateTime(check.expiredAtMs)}'"`);
      res.status(401).json(problem(401, 'Unauthorized', `TokenExpired: token expired at ${usDateTime(check.expiredAtMs)}`));
      return undefined;
    }
    res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    res.status(401).json(problem(401, 'Unauthorized', 'AuthenticationUnsuccessful'));
    return undefined;
  };

  // ------------------------------------------------------------------ /connections (identity API, no tenant)
  router.get('/connections', async (req: ApiRequest, res) => {
    if (await applyFaults(core, 'connections', req, res)) return;
    const grant = authenticate(req, res);
    if (!grant) return;
    const authEventId = typeof req.query.authEventId === 'string' ? req.query.authEventId.toLowerCase() : undefined;
    const list = core
      .connectionsForGrant(grant)
      .filter((c) => authEventId === undefined || c.authEventId === authEventId)
      .map((c) => {
        const org = core.organisations.get(c.tenantId);
        return {
          id: c.id,
          authEventId: c.authEventId,
          tenantId: c.tenantId,
          tenantType: 'ORGANISATION',
          tenantName: org?.name ?? '',
          createdDateUtc: isoNoZone(c.createdMs, 7),
          updatedDateUtc: isoNoZone(c.updatedMs, 7),
        };
      });
    res.json(list);
  });

  router.delete('/connections/:id', async (req: ApiRequest, res) => {
    if (await applyFaults(core, 'connections', req, res)) return;
    const grant = authenticate(req, res);
    if (!grant) return;
    const id = String(req.params.id ?? '').toLowerCase();
    const mine = core.connectionsForGrant(grant).some((c) => c.id === id);
    if (!mine || !core.removeConnection(id)) {
      res.status(404).end();
      return;
    }
    res.status(204).end();
  });

  // ------------------------------------------------------------------ Accounting API
  const accounting = express.Router({ caseSensitive: false });

  accounting.use(async (req: ApiRequest, res: Response, next: NextFunction) => {
    const grant = authenticate(req, res);
    if (!grant) return;
    const app = core.apps.get(grant.clientId);
    const tenantId = header(req, 'xero-tenant-id')?.trim().toLowerCase();
    const connected = tenantId !== undefined && core.connectionsForGrant(grant).some((c) => c.tenantId === tenantId);
    if (!app || tenantId === undefined || !connected) {
      res.setHeader('X-AppMinLimit-Remaining', core.limiter.headers(grant.clientId, undefined, core.clock.now())['X-AppMinLimit-Remaining']);
      res.status(403).json(problem(403, 'Forbidden', 'AuthenticationUnsuccessful'));
      return;
    }
    const acquired = core.limiter.acquire(app.clientId, tenantId, core.clock.now());
    for (const [name, value] of Object.entries(acquired.headers)) res.setHeader(name, value);
    if (!acquired.ok) {
      res.status(429);
      if (acquired.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(acquired.retryAfterSeconds));
      res.setHeader('X-Rate-Limit-Problem', acquired.problem);
      res.type('text/plain').send('');
      return;
    }
    res.on('close', acquired.release);
    // Faults run inside the rate-limit slot: a hanging call keeps counting as in flight.
    if (await applyFaults(core, 'api', req, res, tenantId)) return;
    if (latencyMs) {
      const [min, max] = latencyMs;
      await delay(min + Math.random() * Math.max(0, max - min));
    }
    req.xero = { app, grant, tenantId };
    next();
  });

  /** Scope check: 401 (or 403) with WWW-Authenticate: insufficient_scope, as captured from Xero. */
  const requireScope =
    (...anyOf: string[]) =>
    (req: ApiRequest, res: Response, next: NextFunction): void => {
      const scopes = req.xero?.grant.scopes ?? [];
      if (anyOf.some((s) => scopes.includes(s))) {
        next();
        return;
      }
      const status = core.behaviour.missingScopeStatus;
      res.setHeader('WWW-Authenticate', 'insufficient_scope');
      res.status(status).json(problem(status, status === 401 ? 'Unauthorized' : 'Forbidden', 'AuthorizationUnsuccessful'));
    };

  const ctx = (req: ApiRequest): ApiContext => {
    if (!req.xero) throw new Error('API context missing');
    return req.xero;
  };

  accounting.get('/Organisation', requireScope('accounting.settings', 'accounting.settings.read'), (req: ApiRequest, res) => {
    const { app, tenantId } = ctx(req);
    const org = core.organisation(tenantId);
    res.json(
      core.envelope(app, {
        Organisations: [
          {
            APIKey: tenantId.replace(/-/g, '').slice(0, 30).toUpperCase(),
            Name: org.name,
            LegalName: org.name,
            PaysTax: true,
            Version: (['AU', 'NZ', 'UK', 'US'] as const).find((v) => v === (org.countryCode === 'GB' ? 'UK' : org.countryCode)) ?? 'GLOBAL',
            OrganisationType: 'COMPANY',
            BaseCurrency: org.baseCurrency,
            CountryCode: org.countryCode,
            IsDemoCompany: false,
            OrganisationStatus: 'ACTIVE',
            FinancialYearEndDay: 31,
            FinancialYearEndMonth: 3,
            SalesTaxBasis: 'PAYMENTS',
            SalesTaxPeriod: 'TWOMONTHS',
            DefaultSalesTax: 'Tax Exclusive',
            DefaultPurchasesTax: 'Tax Exclusive',
            CreatedDateUTC: msDate(org.createdMs),
            OrganisationEntityType: 'COMPANY',
            Timezone: 'NEWZEALANDSTANDARDTIME',
            ShortCode: org.shortCode,
            OrganisationID: org.tenantId,
            Edition: 'BUSINESS',
            Class: 'PREMIUM',
            Addresses: [],
            Phones: [],
            ExternalLinks: [],
            PaymentTerms: {},
          },
        ],
      }),
    );
  });

  accounting.get('/Contacts', requireScope('accounting.contacts', 'accounting.contacts.read'), (req: ApiRequest, res) => {
    const { app, tenantId } = ctx(req);
    const q = lowerQuery(req);
    const imsHeader = header(req, 'if-modified-since');
    let ifModifiedSince: number | undefined;
    if (imsHeader !== undefined && imsHeader.trim() !== '') {
      ifModifiedSince = parseHttpOrIsoDate(imsHeader);
      if (ifModifiedSince === undefined) {
        res
          .status(400)
          .json({ ErrorNumber: 14, Type: 'PostDataInvalidException', Message: `The If-Modified-Since header value '${imsHeader}' is not a valid date.` });
        return;
      }
    }
    const pageText = q.get('page');
    const pageSizeText = q.get('pagesize');
    const page = pageText === undefined ? undefined : Number.parseInt(pageText, 10);
    const pageSize = pageSizeText === undefined ? undefined : Number.parseInt(pageSizeText, 10);
    const ids = q.get('ids');
    const where = q.get('where');
    const order = q.get('order');
    const searchTerm = q.get('searchterm');
    const includeArchived = parseBool(q.get('includearchived'));
    const summaryOnly = parseBool(q.get('summaryonly'));
    try {
      const json = core.queryContactsJson(app, tenantId, {
        ...(ifModifiedSince === undefined ? {} : { ifModifiedSince }),
        ...(where === undefined || where === '' ? {} : { where }),
        ...(order === undefined || order === '' ? {} : { order }),
        ...(ids === undefined
          ? {}
          : {
              ids: ids
                .split(',')
                .map((id) => id.trim().replace(/^"|"$/g, ''))
                .filter((id) => id !== ''),
            }),
        ...(page === undefined || Number.isNaN(page) ? {} : { page }),
        ...(pageSize === undefined || Number.isNaN(pageSize) ? {} : { pageSize }),
        ...(includeArchived === undefined ? {} : { includeArchived }),
        ...(summaryOnly === undefined ? {} : { summaryOnly }),
        ...(searchTerm === undefined || searchTerm === '' ? {} : { searchTerm }),
      });
      res.type('json').send(json);
    } catch (error) {
      if (error instanceof WhereParseError) {
        res.status(400).json({ ErrorNumber: 16, Type: 'QueryParseException', Message: error.message });
        return;
      }
      throw error;
    }
  });

  accounting.get('/Contacts/:idOrNumber', requireScope('accounting.contacts', 'accounting.contacts.read'), (req: ApiRequest, res) => {
    const { app, tenantId } = ctx(req);
    const key = String(req.params.idOrNumber ?? '');
    const store = core.contactsOf(tenantId);
    const stored = isUuid(key) ? store.get(key) : store.findByContactNumber(key);
    if (!stored) {
      res.status(404).type('text/plain').send(NOT_FOUND_TEXT);
      return;
    }
    res.json(core.envelope(app, { Contacts: [renderContact(stored, 'full')] }));
  });

  /** Runs a write with Idempotency-Key replay/conflict handling; only a request that arrived whole. */
  const write = (mode: WriteMode) => async (req: ApiRequest, res: Response) => {
    const { app, tenantId } = ctx(req);
    const read = await readBody(req, core.behaviour.maxBodyBytes);
    if (read.kind === 'incomplete') {
      // The client is gone mid-body: Xero never received this request, so nothing runs and nothing is cached.
      res.destroy();
      return;
    }
    if (read.kind === 'too-large') {
      res.status(413).type('text/plain').send('Request Entity Too Large');
      return;
    }
    if (read.kind === 'malformed') {
      res.status(400).json({ ErrorNumber: 14, Type: 'PostDataInvalidException', Message: 'Invalid Json data' });
      return;
    }
    req.body = read.body;
    const urlId = mode === 'update' ? String(req.params.contactId ?? '') : undefined;
    const key = header(req, 'idempotency-key');
    if (key !== undefined && key.length > 128) {
      res.status(400).json(accountingError('Idempotency-Key must be 128 characters or fewer.'));
      return;
    }
    const q = lowerQuery(req);
    const summarizeErrors = parseBool(q.get('summarizeerrors'));
    const fingerprint = JSON.stringify([req.method, req.path.toLowerCase(), [...q.entries()].sort(), req.body ?? null]);
    const scopeKey = `${app.clientId}|${tenantId}|${key ?? ''}`;
    if (key !== undefined) {
      const cached = core.idempotencyLookup(scopeKey, fingerprint);
      if (cached === 'conflict') {
        res.status(400).json(accountingError(`Idempotency Key: ${key} is used with a different request.`));
        return;
      }
      if (cached) {
        res.status(cached.status).json(cached.body);
        return;
      }
    }
    let status: number;
    let body: unknown;
    const payload = req.body as unknown;
    const elements: unknown[] | undefined =
      typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? Array.isArray((payload as Record<string, unknown>).Contacts)
          ? ((payload as Record<string, unknown>).Contacts as unknown[])
          : Object.keys(payload).length > 0 && (payload as Record<string, unknown>).Contacts === undefined
            ? [payload]
            : undefined
        : undefined;
    if (mode === 'update' && !(isUuid(urlId ?? '') && core.contactsOf(tenantId).get(urlId ?? ''))) {
      status = 404;
      body = NOT_FOUND_TEXT;
    } else if (!elements || elements.length === 0) {
      status = 400;
      body = {
        ErrorNumber: 17,
        Type: 'NoDataProcessedException',
        Message: 'No data has been processed for this endpoint. This endpoint is expecting Contact data to be specifed in the request body.',
      };
    } else {
      const result = core.writeContacts(app, tenantId, mode === 'update' ? elements.slice(0, 1) : elements, mode, urlId, summarizeErrors);
      status = result.status;
      body = result.body;
    }
    if (key !== undefined) core.idempotencyStore(scopeKey, fingerprint, status, body);
    if (typeof body === 'string') res.status(status).type('text/plain').send(body);
    else res.status(status).json(body);
  };

  accounting.put('/Contacts', requireScope('accounting.contacts'), write('create'));
  accounting.post('/Contacts', requireScope('accounting.contacts'), write('upsert'));
  accounting.post('/Contacts/:contactId', requireScope('accounting.contacts'), write('update'));

  accounting.use((_req, res) => {
    res.status(404).type('text/plain').send(NOT_FOUND_TEXT);
  });

  router.use('/api.xro/2.0', accounting);
  return router;
}
