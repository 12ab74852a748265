import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { EmulatorClock } from './clock.js';
import { EmulatorControlError } from './core.js';
import type { EmulatorCore, SeedContact } from './core.js';
import type { ActiveFault, FaultSpec } from './faults.js';
import type { App, Contact, RequestLogEntry } from './types.js';
import type { IntentToReceiveResult, WebhookDelivery } from './webhooks.js';

export interface RegisterAppInput {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  webhookUrl?: string;
  webhookKey?: string;
  name?: string;
  /** Makes this a custom connection: client_credentials tokens reach this one organisation. */
  customConnection?: { tenantId: string; scopes?: string[] };
}

export interface OrganisationInfo {
  tenantId: string;
  name: string;
  shortCode: string;
  countryCode: string;
}

export interface ConnectionInfo {
  id: string;
  clientId: string;
  userEmail: string;
  tenantId: string;
  tenantName: string;
  authEventId: string;
  createdMs: number;
  updatedMs: number;
}

export interface ContactCounts {
  total: number;
  /** IsSupplier. */
  suppliers: number;
  /** IsCustomer and not IsSupplier: what an app importing suppliers leaves out. */
  customerOnly: number;
}

export interface RevokeConnectionInput {
  /** A connection id, or tenantId (+ optional clientId / userEmail) to remove every matching connection. */
  connectionId?: string;
  tenantId?: string;
  clientId?: string;
  userEmail?: string;
}

/** Operations for tests and demos; each is also served as JSON under /__emulator (see README). */
export interface EmulatorControl {
  /** Registering an existing clientId again replaces its settings; its grants and connections stay. */
  registerApp(input: RegisterAppInput): { clientId: string; name: string };
  /** Changes some settings of a registered app (e.g. the webhookUrl once the receiver's port is known). */
  updateApp(clientId: string, patch: Partial<Omit<RegisterAppInput, 'clientId' | 'customConnection'>>): { clientId: string; name: string };
  createUser(input: { email: string; password: string; name?: string }): { userId: string; email: string; name: string };
  createOrganisation(input: { name: string; userEmails?: string[]; shortCode?: string; countryCode?: string; tenantId?: string }): OrganisationInfo;
  /** Adds an existing user to an organisation (so it appears on their consent screen). */
  addUserToOrganisation(tenantId: string, email: string): void;
  listOrganisations(): OrganisationInfo[];
  seedContacts(tenantId: string, input: { count: number; seed?: number } | { contacts: SeedContact[] }): Contact[];
  listContacts(tenantId: string): Contact[];
  /** How many contacts an organisation has, without the contacts (100,000 of them are ~140 MB of JSON). */
  countContacts(tenantId: string): ContactCounts;
  /** Renders every contact as paged GET /Contacts shows it (sorted by `order` if given) ahead of requests: see core. */
  prerenderContacts(tenantId: string, input?: { order?: string }): { rendered: number };
  getContact(tenantId: string, contactId: string): Contact;
  /** An edit by a person in Xero: bumps UpdatedDateUTC and fires an UPDATE webhook. */
  editContact(tenantId: string, contactId: string, patch: Partial<Contact>): Contact;
  /** What a bill/invoice does: no UpdatedDateUTC bump, no webhook. */
  setContactFlags(tenantId: string, contactId: string, flags: { isSupplier?: boolean; isCustomer?: boolean }): Contact;
  injectFault(spec: FaultSpec): ActiveFault;
  listFaults(): ActiveFault[];
  clearFaults(id?: string): void;
  clock: EmulatorClock;
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  listConnections(): ConnectionInfo[];
  /** A disconnect made from Xero's Connected Apps screen. Returns how many connections were removed. */
  revokeConnection(input: RevokeConnectionInput): number;
  /** Alias of revokeConnection. */
  disconnect(input: RevokeConnectionInput): number;
  /** Ends every grant of user × app (refresh → invalid_grant) and removes its connections. */
  revokeGrant(input: { clientId: string; userEmail: string }): number;
  webhooks: {
    deliveries(): WebhookDelivery[];
    /** Attempts every due delivery (after advancing the clock, say) and waits for them. */
    flush(): Promise<void>;
    pending(clientId?: string): number;
    intentToReceive(clientId: string): Promise<IntentToReceiveResult>;
    /** Re-enables an app's webhooks after 24 h of failures disabled them. */
    enable(clientId: string): void;
  };
}

export function createControl(core: EmulatorCore): EmulatorControl {
  const appOf = (clientId: string): App => {
    const app = core.apps.get(clientId);
    if (!app) throw new EmulatorControlError(404, `No app ${clientId}`);
    return app;
  };
  const userOf = (email: string) => {
    const user = core.users.get(email.trim().toLowerCase());
    if (!user) throw new EmulatorControlError(404, `No user ${email}`);
    return user;
  };
  const revokeConnection = (input: RevokeConnectionInput): number => {
    const userId = input.userEmail === undefined ? undefined : userOf(input.userEmail).userId;
    const ids = [...core.connections.values()]
      .filter(
        (c) =>
          (input.connectionId === undefined || c.id === input.connectionId.toLowerCase()) &&
          (input.tenantId === undefined || c.tenantId === input.tenantId.toLowerCase()) &&
          (input.clientId === undefined || c.clientId === input.clientId) &&
          (userId === undefined || c.userId === userId),
      )
      .map((c) => c.id);
    if (input.connectionId === undefined && input.tenantId === undefined && input.clientId === undefined && userId === undefined) {
      throw new EmulatorControlError(400, 'Say which connection: connectionId, tenantId, clientId or userEmail');
    }
    for (const id of ids) core.removeConnection(id);
    return ids.length;
  };
  const orgInfo = (tenantId: string): OrganisationInfo => {
    const org = core.organisation(tenantId);
    return { tenantId: org.tenantId, name: org.name, shortCode: org.shortCode, countryCode: org.countryCode };
  };
  return {
    registerApp: (input) => {
      const app = core.registerApp(input);
      return { clientId: app.clientId, name: app.name };
    },
    updateApp: (clientId, patch) => {
      const app = appOf(clientId);
      const next = {
        clientId,
        clientSecret: patch.clientSecret ?? app.clientSecret,
        redirectUris: patch.redirectUris ?? app.redirectUris,
        name: patch.name ?? app.name,
        ...((patch.webhookUrl ?? app.webhookUrl) ? { webhookUrl: patch.webhookUrl ?? app.webhookUrl } : {}),
        ...((patch.webhookKey ?? app.webhookKey) ? { webhookKey: patch.webhookKey ?? app.webhookKey } : {}),
        ...(app.customConnectionTenantId
          ? { customConnection: { tenantId: app.customConnectionTenantId, ...(app.customConnectionScopes ? { scopes: app.customConnectionScopes } : {}) } }
          : {}),
      };
      const updated = core.registerApp(next);
      return { clientId: updated.clientId, name: updated.name };
    },
    createUser: (input) => core.createUser(input),
    createOrganisation: (input) => core.createOrganisation(input),
    addUserToOrganisation: (tenantId, email) => {
      core.organisation(tenantId).userIds.add(userOf(email).userId);
    },
    listOrganisations: () => [...core.organisations.keys()].map(orgInfo),
    seedContacts: (tenantId, input) => core.seedContacts(tenantId, input),
    listContacts: (tenantId) => core.listContacts(tenantId),
    countContacts: (tenantId) => {
      const counts: ContactCounts = { total: 0, suppliers: 0, customerOnly: 0 };
      for (const c of core.listContacts(tenantId)) {
        counts.total++;
        if (c.IsSupplier) counts.suppliers++;
        else if (c.IsCustomer) counts.customerOnly++;
      }
      return counts;
    },
    prerenderContacts: (tenantId, input) => ({ rendered: core.prerenderContacts(tenantId, input?.order) }),
    getContact: (tenantId, contactId) => core.getContact(tenantId, contactId),
    editContact: (tenantId, contactId, patch) => core.editContact(tenantId, contactId, patch),
    setContactFlags: (tenantId, contactId, flags) => core.setContactFlags(tenantId, contactId, flags),
    injectFault: (spec) => {
      const kinds = ['latency', 'status', 'hang', 'rate-limit', 'refresh-response-lost', 'invalid-grant', 'duplicate-webhook', 'revoke-grant'];
      if (!kinds.includes(spec.kind)) throw new EmulatorControlError(400, `kind must be one of ${kinds.join(', ')}`);
      return core.faults.add(spec);
    },
    listFaults: () => core.faults.list(),
    clearFaults: (id) => core.faults.clear(id),
    clock: core.clock,
    requestLog: () => core.requestLog.map((entry) => ({ ...entry })),
    clearRequestLog: () => {
      core.requestLog.length = 0;
    },
    listConnections: () =>
      [...core.connections.values()].map((c) => ({
        id: c.id,
        clientId: c.clientId,
        userEmail: core.userById(c.userId)?.email ?? '',
        tenantId: c.tenantId,
        tenantName: core.organisations.get(c.tenantId)?.name ?? '',
        authEventId: c.authEventId,
        createdMs: c.createdMs,
        updatedMs: c.updatedMs,
      })),
    revokeConnection,
    disconnect: revokeConnection,
    revokeGrant: (input) => {
      appOf(input.clientId);
      return core.endGrants(input.clientId, userOf(input.userEmail).userId);
    },
    webhooks: {
      deliveries: () => core.webhooks.deliveries(),
      flush: () => core.webhooks.flush(),
      pending: (clientId) => core.webhooks.pendingCount(clientId),
      intentToReceive: async (clientId) => {
        const app = appOf(clientId);
        if (!app.webhookUrl || !app.webhookKey) throw new EmulatorControlError(400, `App ${clientId} has no webhookUrl/webhookKey`);
        return core.webhooks.intentToReceive(app);
      },
      enable: (clientId) => {
        appOf(clientId).webhooksDisabled = false;
        void core.webhooks.tick();
      },
    },
  };
}

type Handler = (req: Request) => unknown;

/** The control API as JSON over HTTP under /__emulator. */
export function controlRouter(control: EmulatorControl): Router {
  const router = express.Router();
  router.use(express.json({ limit: '50mb' }));
  const body = (req: Request): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
  const p = (req: Request, name: string): string => String(req.params[name] ?? '');
  const route = (method: 'get' | 'post' | 'patch' | 'delete', path: string, handler: Handler) => {
    router[method](path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const result = await handler(req);
        if (result === undefined) res.status(204).end();
        else res.json(result);
      } catch (error) {
        next(error);
      }
    });
  };
  route('get', '/', () => ({
    organisations: control.listOrganisations(),
    connections: control.listConnections(),
    faults: control.listFaults(),
    now: control.clock.now(),
  }));
  route('post', '/apps', (req) => control.registerApp(body(req) as unknown as RegisterAppInput));
  route('patch', '/apps/:clientId', (req) => control.updateApp(p(req, 'clientId'), body(req) as Partial<RegisterAppInput>));
  route('post', '/users', (req) => control.createUser(body(req) as unknown as { email: string; password: string; name?: string }));
  route('get', '/organisations', () => control.listOrganisations());
  route('post', '/organisations', (req) => control.createOrganisation(body(req) as unknown as { name: string }));
  route('post', '/organisations/:tenantId/users', (req) => {
    control.addUserToOrganisation(p(req, 'tenantId'), String(body(req).email ?? ''));
    return undefined;
  });
  route('post', '/organisations/:tenantId/contacts/seed', (req) => {
    const seeded = control.seedContacts(p(req, 'tenantId'), body(req) as unknown as { count: number } | { contacts: SeedContact[] });
    // ?respond=counts: the organisation's counts instead of every seeded contact (a large seed is a large answer).
    return req.query.respond === 'counts' ? { seeded: seeded.length, ...control.countContacts(p(req, 'tenantId')) } : seeded;
  });
  route('get', '/organisations/:tenantId/contact-counts', (req) => control.countContacts(p(req, 'tenantId')));
  route('post', '/organisations/:tenantId/contacts/prerender', (req) => {
    const order = body(req).order;
    return control.prerenderContacts(p(req, 'tenantId'), typeof order === 'string' ? { order } : {});
  });
  route('get', '/organisations/:tenantId/contacts', (req) => control.listContacts(p(req, 'tenantId')));
  route('get', '/organisations/:tenantId/contacts/:contactId', (req) => control.getContact(p(req, 'tenantId'), p(req, 'contactId')));
  route('patch', '/organisations/:tenantId/contacts/:contactId', (req) =>
    control.editContact(p(req, 'tenantId'), p(req, 'contactId'), body(req) as Partial<Contact>),
  );
  route('post', '/organisations/:tenantId/contacts/:contactId/flags', (req) =>
    control.setContactFlags(p(req, 'tenantId'), p(req, 'contactId'), body(req) as { isSupplier?: boolean; isCustomer?: boolean }),
  );
  route('get', '/faults', () => control.listFaults());
  route('post', '/faults', (req) => control.injectFault(body(req) as unknown as FaultSpec));
  route('delete', '/faults', () => {
    control.clearFaults();
    return undefined;
  });
  route('delete', '/faults/:id', (req) => {
    control.clearFaults(p(req, 'id'));
    return undefined;
  });
  route('get', '/clock', () => ({ now: control.clock.now(), iso: new Date(control.clock.now()).toISOString() }));
  route('post', '/clock/advance', (req) => {
    control.clock.advance(Number(body(req).ms ?? 0));
    return { now: control.clock.now() };
  });
  route('post', '/clock/set', (req) => {
    control.clock.set(Number(body(req).ms ?? control.clock.now()));
    return { now: control.clock.now() };
  });
  route('post', '/clock/freeze', () => {
    control.clock.freeze();
    return { now: control.clock.now() };
  });
  route('post', '/clock/resume', () => {
    control.clock.resume();
    return { now: control.clock.now() };
  });
  route('get', '/requests', () => control.requestLog());
  route('delete', '/requests', () => {
    control.clearRequestLog();
    return undefined;
  });
  route('get', '/connections', () => control.listConnections());
  route('post', '/connections/revoke', (req) => ({ removed: control.revokeConnection(body(req) as RevokeConnectionInput) }));
  route('post', '/grants/revoke', (req) => ({ revoked: control.revokeGrant(body(req) as unknown as { clientId: string; userEmail: string }) }));
  route('get', '/webhooks/deliveries', () => control.webhooks.deliveries());
  route('post', '/webhooks/flush', async () => {
    await control.webhooks.flush();
    return { pending: control.webhooks.pending() };
  });
  route('post', '/webhooks/intent-to-receive', (req) => control.webhooks.intentToReceive(String(body(req).clientId ?? '')));
  route('post', '/webhooks/enable', (req) => {
    control.webhooks.enable(String(body(req).clientId ?? ''));
    return undefined;
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof EmulatorControlError) {
      res.status(error.status).json({ error: error.message });
      return;
    }
    next(error);
  });
  return router;
}
