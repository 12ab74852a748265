import { createHash } from 'node:crypto';
import type { Behaviour } from './behaviour.js';
import type { Clock } from './clock.js';
import { ContactStore } from './contacts/contact-store.js';
import type { StoredContact } from './contacts/contact-store.js';
import { generateContact } from './contacts/generate.js';
import { renderContact, renderContactJson } from './contacts/serialize.js';
import type { ContactDetail } from './contacts/serialize.js';
import { compileOrder, compileWhere, WhereParseError } from './contacts/where.js';
import { buildContact, readContactInput, renderErrorElement } from './contacts/write.js';
import type { ContactWriteRules } from './contacts/write.js';
import { msDate, parseHttpOrIsoDate } from './dates.js';
import { FaultRegistry } from './faults.js';
import { RateLimiter } from './api/rate-limit.js';
import { Prng, hashSeed, newId, opaqueToken } from './ids.js';
import { SigningKey, atHash } from './identity/jwt.js';
import type { App, Connection, Contact, ContactInput, Grant, Organisation, RateLimits, RequestLogEntry, User } from './types.js';
import { WebhookDispatcher } from './webhooks.js';

/** An error from a control operation (bad input or unknown id), with the HTTP status the control API uses. */
export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface TokenResponse {
  id_token?: string;
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  refresh_token?: string;
  scope: string;
}

interface RefreshTokenRecord {
  grantId: string;
  issuedMs: number;
  supersededMs?: number;
  /** The pair issued when this token was rotated out (for graceReuse 'same-pair'). */
  successor?: TokenResponse;
}

export interface AuthCode {
  code: string;
  grantId: string;
  clientId: string;
  redirectUri: string;
  expiresMs: number;
  used: boolean;
  nonce?: string;
  codeChallenge?: { challenge: string; method: 'S256' | 'plain' };
}

export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** state exactly as it appeared (still percent-encoded) in the authorize URL, or undefined. */
  rawState: string | undefined;
  createdMs: number;
  /** Echoed into the id_token when the client sent one (xero-node never does). */
  nonce?: string;
  codeChallenge?: { challenge: string; method: 'S256' | 'plain' };
}

export type TokenError = {
  error: 'invalid_grant' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_request' | 'unauthorized_client' | 'invalid_scope';
  status: number;
  description?: string;
};

export type AccessCheck =
  | { ok: true; grant: Grant; payload: Record<string, unknown> }
  | { ok: false; reason: 'missing' | 'invalid' | 'revoked' }
  | { ok: false; reason: 'expired'; expiredAtMs: number };

export interface SeedContact extends Partial<Omit<Contact, 'UpdatedDateUTC'>> {
  /** ISO string, /Date(ms)/ or epoch ms; defaults to the clock's now. */
  UpdatedDateUTC?: string | number;
}

export interface ContactQuery {
  ifModifiedSince?: number;
  where?: string;
  order?: string;
  ids?: string[];
  page?: number;
  pageSize?: number;
  includeArchived?: boolean;
  summaryOnly?: boolean;
  searchTerm?: string;
}

export interface ContactQueryResult {
  contacts: Array<Record<string, unknown>>;
  pagination?: { page: number; pageSize: number; pageCount: number; itemCount: number };
}

/** What a contacts query matched, before rendering: the stored contacts and the detail to render them in. */
export interface ContactQueryMatch {
  stored: StoredContact[];
  detail: ContactDetail;
  pagination?: ContactQueryResult['pagination'];
}

export type WriteMode = 'create' | 'upsert' | 'update';

export interface WriteResult {
  status: number;
  body: Record<string, unknown>;
}

const SCOPE_ALL = new Set([
  'openid',
  'profile',
  'email',
  'offline_access',
  'accounting.contacts',
  'accounting.contacts.read',
  'accounting.settings',
  'accounting.settings.read',
  'accounting.transactions',
  'accounting.transactions.read',
  'accounting.invoices',
  'accounting.invoices.read',
  'accounting.payments',
  'accounting.payments.read',
  'accounting.banktransactions',
  'accounting.banktransactions.read',
  'accounting.manualjournals',
  'accounting.manualjournals.read',
  'accounting.reports.read',
  'accounting.journals.read',
  'accounting.budgets.read',
  'accounting.attachments',
  'accounting.attachments.read',
]);

export function isKnownScope(scope: string): boolean {
  return SCOPE_ALL.has(scope) || /^accounting\.reports\.[a-z0-9]+\.read$/.test(scope);
}

/** All emulator state and the operations on it. HTTP routes and the control object both call into this. */
export class EmulatorCore {
  readonly key = new SigningKey();
  readonly apps = new Map<string, App>();
  readonly users = new Map<string, User>();
  readonly organisations = new Map<string, Organisation>();
  readonly connections = new Map<string, Connection>();
  readonly grants = new Map<string, Grant>();
  private readonly grantsByAuthEvent = new Map<string, string>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, AuthCode>();
  readonly sessions = new Map<string, string>();
  readonly pendingAuthorizations = new Map<string, PendingAuthorization>();
  private readonly contactStores = new Map<string, ContactStore>();
  private readonly idempotency = new Map<string, { fingerprint: string; status: number; body: unknown; expiresMs: number }>();
  readonly requestLog: RequestLogEntry[] = [];
  readonly faults = new FaultRegistry();
  readonly limiter: RateLimiter;
  readonly webhooks: WebhookDispatcher;
  issuer = '';
  apiBase = '';

  constructor(
    readonly clock: Clock,
    readonly behaviour: Behaviour,
    readonly limits: RateLimits,
    webhookRetryDelaysMs: number[],
  ) {
    this.limiter = new RateLimiter(limits);
    this.webhooks = new WebhookDispatcher(
      clock,
      webhookRetryDelaysMs,
      (clientId) => this.apps.get(clientId),
      () => this.faults.take({ area: 'webhook', method: 'POST', path: '' }, ['duplicate-webhook']) !== undefined,
    );
    clock.onChange(() => void this.webhooks.tick());
  }

  private get rules(): ContactWriteRules {
    return {
      contactArrays: this.behaviour.contactArrays,
      rejectArchivedEdits: this.behaviour.rejectArchivedEdits,
      maxContactPersons: this.behaviour.maxContactPersons,
    };
  }

  // ---------------------------------------------------------------- apps, users, organisations

  registerApp(input: {
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
    webhookUrl?: string;
    webhookKey?: string;
    name?: string;
    customConnection?: { tenantId: string; scopes?: string[] };
  }): App {
    // An empty clientSecret registers a PKCE app ("Auth Code with PKCE": no secret, code_challenge required).
    if (!input.clientId || typeof input.clientSecret !== 'string') throw new EmulatorControlError(400, 'clientId and clientSecret are required');
    if (!Array.isArray(input.redirectUris)) throw new EmulatorControlError(400, 'redirectUris must be a list');
    if (input.redirectUris.length > 50) throw new EmulatorControlError(400, 'Xero allows at most 50 redirect URIs per app');
    if (input.webhookUrl && !input.webhookKey) throw new EmulatorControlError(400, 'webhookKey is required with webhookUrl');
    if (input.customConnection && !this.organisations.has(input.customConnection.tenantId.toLowerCase())) {
      throw new EmulatorControlError(404, 'customConnection.tenantId is not an organisation');
    }
    const app: App = {
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      redirectUris: [...input.redirectUris],
      name: input.name ?? 'Xero API Partner',
      webhooksDisabled: false,
    };
    if (input.webhookUrl) app.webhookUrl = input.webhookUrl;
    if (input.webhookKey) app.webhookKey = input.webhookKey;
    if (input.customConnection) {
      app.customConnectionTenantId = input.customConnection.tenantId.toLowerCase();
      app.customConnectionScopes = input.customConnection.scopes ?? ['accounting.contacts', 'accounting.settings'];
    }
    this.apps.set(app.clientId, app);
    return app;
  }

  createUser(input: { email: string; password: string; name?: string }): { userId: string; email: string; name: string } {
    if (!input.email || !input.password) throw new EmulatorControlError(400, 'email and password are required');
    const email = input.email.trim().toLowerCase();
    if (this.users.has(email)) throw new EmulatorControlError(409, `A user with email ${email} already exists`);
    const name = input.name ?? email.split('@')[0] ?? email;
    const [givenName = name, ...rest] = name.split(' ');
    const user: User = {
      userId: newId(),
      sub: newId().replace(/-/g, ''),
      email,
      password: input.password,
      givenName,
      familyName: rest.join(' '),
    };
    this.users.set(email, user);
    return { userId: user.userId, email, name };
  }

  userById(userId: string): User | undefined {
    for (const user of this.users.values()) if (user.userId === userId) return user;
    return undefined;
  }

  createOrganisation(input: { name: string; userEmails?: string[]; shortCode?: string; countryCode?: string; tenantId?: string }): {
    tenantId: string;
    name: string;
    shortCode: string;
    countryCode: string;
  } {
    if (!input.name) throw new EmulatorControlError(400, 'name is required');
    const tenantId = (input.tenantId ?? newId()).toLowerCase();
    const userIds = new Set<string>();
    for (const email of input.userEmails ?? []) {
      const user = this.users.get(email.trim().toLowerCase());
      if (!user) throw new EmulatorControlError(404, `No user with email ${email}`);
      userIds.add(user.userId);
    }
    const countryCode = input.countryCode ?? 'NZ';
    const org: Organisation = {
      tenantId,
      name: input.name,
      shortCode:
        input.shortCode ??
        `!${opaqueToken(4)
          .replace(/[^A-Za-z0-9]/g, 'x')
          .slice(0, 5)}`,
      countryCode,
      baseCurrency: { NZ: 'NZD', AU: 'AUD', GB: 'GBP', US: 'USD' }[countryCode] ?? 'NZD',
      createdMs: this.clock.now(),
      userIds,
    };
    this.organisations.set(tenantId, org);
    this.contactStores.set(tenantId, new ContactStore({ caseInsensitiveNames: this.behaviour.caseInsensitiveNames }));
    return { tenantId, name: org.name, shortCode: org.shortCode, countryCode };
  }

  organisation(tenantId: string): Organisation {
    const org = this.organisations.get(tenantId.toLowerCase());
    if (!org) throw new EmulatorControlError(404, `No organisation ${tenantId}`);
    return org;
  }

  contactsOf(tenantId: string): ContactStore {
    const store = this.contactStores.get(tenantId.toLowerCase());
    if (!store) throw new EmulatorControlError(404, `No organisation ${tenantId}`);
    return store;
  }

  // ---------------------------------------------------------------- contacts (control side)

  seedContacts(tenantId: string, input: { count: number; seed?: number } | { contacts: SeedContact[] }): Contact[] {
    const store = this.contactsOf(tenantId);
    const now = this.clock.now();
    const created: StoredContact[] = [];
    if ('count' in input) {
      const prng = new Prng(input.seed ?? hashSeed(`${tenantId}:${store.size}`));
      const offset = store.size;
      for (let i = 0; i < input.count; i += 1) {
        // Spread UpdatedDateUTC over the past ~2 years, oldest first.
        const updatedMs = now - Math.floor(((input.count - i) / input.count) * 730 * 86_400_000) - prng.int(0, 3_600_000);
        const { updatedMs: at, ...data } = generateContact(prng, offset + i, updatedMs);
        if (store.activeNameOwner(data.Name) !== undefined) data.Name = `${data.Name} (${data.ContactID.slice(0, 4)})`;
        if (data.AccountNumber && store.accountNumberOwner(data.AccountNumber)) delete data.AccountNumber;
        if (data.ContactNumber && store.contactNumberOwner(data.ContactNumber)) delete data.ContactNumber;
        created.push(store.put(data, at));
      }
    } else {
      for (const seed of input.contacts) {
        const { UpdatedDateUTC, ...rest } = seed;
        // GDPRREQUEST cannot be written through the API; seed it as ARCHIVED (not name-unique) and set it after.
        const seedStatus = rest.ContactStatus === 'GDPRREQUEST' ? 'ARCHIVED' : rest.ContactStatus;
        const { input: contactInput, errors } = readContactInput({ ...rest, ContactStatus: seedStatus } as Record<string, unknown>);
        if (errors.length > 0) throw new EmulatorControlError(400, errors.join(' '));
        const built = buildContact(store, contactInput, undefined, (seed.ContactID ?? newId()).toLowerCase(), { ...this.rules, rejectArchivedEdits: false });
        if (!built.ok) throw new EmulatorControlError(400, built.errors.join(' '));
        const data = built.data;
        data.IsSupplier = seed.IsSupplier ?? false;
        data.IsCustomer = seed.IsCustomer ?? false;
        if (seed.ContactStatus) data.ContactStatus = seed.ContactStatus;
        if (seed.Balances) data.Balances = structuredClone(seed.Balances);
        if (seed.Website) data.Website = seed.Website;
        if (seed.Discount !== undefined) data.Discount = seed.Discount;
        if (seed.MergedToContactID) data.MergedToContactID = seed.MergedToContactID;
        let at = now;
        if (typeof UpdatedDateUTC === 'number') at = UpdatedDateUTC;
        else if (typeof UpdatedDateUTC === 'string') {
          const ms = /\/Date\((-?\d+)/.exec(UpdatedDateUTC)?.[1];
          at = ms !== undefined ? Number(ms) : (parseHttpOrIsoDate(UpdatedDateUTC) ?? now);
        }
        created.push(store.put(data, at));
      }
    }
    // Rendered once here, as a stored contact (renderContactJson): paged reads join the JSON rather than render
    // every contact they answer with (CPU a remote Xero would not spend on the caller's machine).
    for (const stored of created) renderContactJson(stored, 'full');
    return created.map((stored) => this.toContact(stored));
  }

  toContact(stored: StoredContact): Contact {
    return renderContact(stored, 'full') as unknown as Contact;
  }

  listContacts(tenantId: string): Contact[] {
    return this.contactsOf(tenantId)
      .sortedByName()
      .map((stored) => this.toContact(stored));
  }

  getContact(tenantId: string, contactId: string): Contact {
    const stored = this.contactsOf(tenantId).get(contactId);
    if (!stored) throw new EmulatorControlError(404, `No contact ${contactId}`);
    return this.toContact(stored);
  }

  /** An edit made by a person in Xero's UI: bumps UpdatedDateUTC and fires an UPDATE webhook. */
  editContact(tenantId: string, contactId: string, patch: Partial<Contact>): Contact {
    const store = this.contactsOf(tenantId);
    const existing = store.get(contactId);
    if (!existing) throw new EmulatorControlError(404, `No contact ${contactId}`);
    const { input, errors } = readContactInput(patch as unknown as Record<string, unknown>);
    if (errors.length > 0) throw new EmulatorControlError(400, errors.join(' '));
    const built = buildContact(store, input, existing.data, existing.data.ContactID, { ...this.rules, rejectArchivedEdits: false });
    if (!built.ok) throw new EmulatorControlError(400, built.errors.join(' '));
    if (patch.Balances) built.data.Balances = structuredClone(patch.Balances);
    if (patch.Website !== undefined) built.data.Website = patch.Website;
    const now = this.clock.now();
    const stored = store.put(built.data, now);
    this.emitContactEvent(tenantId, stored.data.ContactID, 'UPDATE', now);
    return this.toContact(stored);
  }

  /** What an invoice or bill does: flips IsCustomer/IsSupplier without bumping UpdatedDateUTC or firing a webhook. */
  setContactFlags(tenantId: string, contactId: string, flags: { isSupplier?: boolean; isCustomer?: boolean }): Contact {
    const store = this.contactsOf(tenantId);
    const existing = store.get(contactId);
    if (!existing) throw new EmulatorControlError(404, `No contact ${contactId}`);
    const data = structuredClone(existing.data);
    if (flags.isSupplier !== undefined) data.IsSupplier = flags.isSupplier;
    if (flags.isCustomer !== undefined) data.IsCustomer = flags.isCustomer;
    return this.toContact(store.put(data, undefined));
  }

  emitContactEvent(tenantId: string, contactId: string, eventType: 'CREATE' | 'UPDATE', atMs: number): void {
    const clientIds = new Set<string>();
    for (const connection of this.connections.values()) {
      if (connection.tenantId === tenantId.toLowerCase()) clientIds.add(connection.clientId);
    }
    for (const app of this.apps.values()) {
      if (app.customConnectionTenantId === tenantId.toLowerCase()) clientIds.add(app.clientId);
    }
    for (const clientId of clientIds) {
      const app = this.apps.get(clientId);
      if (!app?.webhookUrl) continue;
      this.webhooks.enqueue(clientId, {
        resourceUrl: `https://api.xero.com/api.xro/2.0/Contacts/${contactId}`,
        resourceId: contactId,
        eventType,
        eventCategory: 'CONTACT',
        tenantId,
        tenantType: 'ORGANISATION',
        atMs,
      });
    }
  }

  // ---------------------------------------------------------------- grants, codes, tokens

  authenticateUser(email: string, password: string): User | undefined {
    const user = this.users.get(email.trim().toLowerCase());
    return user && user.password === password ? user : undefined;
  }

  /** Completes a consent: records the grant, (re)connects the chosen organisations, returns a code. */
  approveAuthorization(pending: PendingAuthorization, user: User, tenantIds: string[]): AuthCode {
    const now = this.clock.now();
    // Xero: "scopes are additive across consents" — a new consent keeps what the user already granted the app.
    const scopes = [...pending.scopes];
    if (this.behaviour.additiveScopes) {
      for (const previous of this.grants.values()) {
        if (previous.clientId !== pending.clientId || previous.userId !== user.userId || previous.revoked) continue;
        for (const scope of previous.scopes) if (!scopes.includes(scope)) scopes.push(scope);
      }
    }
    const grant: Grant = {
      grantId: newId(),
      clientId: pending.clientId,
      userId: user.userId,
      scopes,
      authEventId: newId(),
      authTimeMs: now,
      sessionId: opaqueToken(16),
      revoked: false,
    };
    this.grants.set(grant.grantId, grant);
    this.grantsByAuthEvent.set(grant.authEventId, grant.grantId);
    for (const tenantId of tenantIds) {
      const existing = [...this.connections.values()].find((c) => c.clientId === pending.clientId && c.userId === user.userId && c.tenantId === tenantId);
      if (existing) {
        existing.authEventId = grant.authEventId;
        existing.updatedMs = now;
      } else {
        const connection: Connection = {
          id: newId(),
          clientId: pending.clientId,
          userId: user.userId,
          tenantId,
          authEventId: grant.authEventId,
          createdMs: now,
          updatedMs: now,
        };
        this.connections.set(connection.id, connection);
      }
    }
    const code: AuthCode = {
      code: opaqueToken(32),
      grantId: grant.grantId,
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      expiresMs: now + this.behaviour.codeTtlMs,
      used: false,
      ...(pending.nonce === undefined ? {} : { nonce: pending.nonce }),
      ...(pending.codeChallenge === undefined ? {} : { codeChallenge: pending.codeChallenge }),
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** Client authentication; a PKCE app (registered with an empty secret) authenticates by client_id alone. */
  authenticateClient(clientId: string | undefined, clientSecret: string | undefined): App | TokenError {
    const app = clientId === undefined ? undefined : this.apps.get(clientId);
    if (app && app.clientSecret === '' && (clientSecret === undefined || clientSecret === '')) return app;
    if (!app || clientSecret === undefined || app.clientSecret === '' || app.clientSecret !== clientSecret) {
      return { error: 'invalid_client', status: this.behaviour.invalidClientStatus };
    }
    return app;
  }

  private issueTokens(grant: Grant, withIdToken: boolean, nonce?: string): TokenResponse {
    const now = this.clock.now();
    const seconds = Math.floor(now / 1000);
    const user = grant.userId === undefined ? undefined : this.userById(grant.userId);
    const accessPayload: Record<string, unknown> = {
      nbf: seconds,
      exp: seconds + this.behaviour.accessTokenTtlSeconds,
      iss: this.issuer,
      aud: `${this.issuer}/resources`,
      client_id: grant.clientId,
    };
    if (user) {
      Object.assign(accessPayload, {
        sub: user.sub,
        auth_time: Math.floor(grant.authTimeMs / 1000),
        idp: 'xero',
        xero_userid: user.userId,
        global_session_id: grant.sessionId,
        sid: grant.sessionId,
      });
    }
    Object.assign(accessPayload, {
      jti: opaqueToken(16),
      authentication_event_id: grant.authEventId,
      scope: grant.scopes,
    });
    if (user) accessPayload.amr = ['pwd'];
    const accessToken = this.key.sign(accessPayload);
    let idToken: string | undefined;
    if (withIdToken && user && grant.scopes.includes('openid')) {
      const idPayload: Record<string, unknown> = {
        ...(this.behaviour.idTokenNbf ? { nbf: seconds } : {}),
        exp: seconds + this.behaviour.idTokenTtlSeconds,
        iss: this.issuer,
        aud: grant.clientId,
        iat: seconds,
        at_hash: atHash(accessToken),
        sid: grant.sessionId,
        sub: user.sub,
        auth_time: Math.floor(grant.authTimeMs / 1000),
        idp: 'xero',
        xero_userid: user.userId,
        global_session_id: grant.sessionId,
      };
      if (grant.scopes.includes('email')) {
        idPayload.preferred_username = user.email;
        idPayload.email = user.email;
      }
      if (grant.scopes.includes('profile')) {
        idPayload.given_name = user.givenName;
        idPayload.family_name = user.familyName;
      }
      idPayload.amr = ['pwd'];
      if (nonce !== undefined) idPayload.nonce = nonce;
      idToken = this.key.sign(idPayload);
    }
    // Field order as Xero: id_token, access_token, expires_in, token_type, refresh_token, scope.
    const response: TokenResponse = {
      ...(idToken === undefined ? {} : { id_token: idToken }),
      access_token: accessToken,
      expires_in: this.behaviour.accessTokenTtlSeconds,
      token_type: 'Bearer',
      scope: '',
    };
    if (grant.scopes.includes('offline_access') && user) {
      const refreshToken = opaqueToken(32);
      this.refreshTokens.set(refreshToken, { grantId: grant.grantId, issuedMs: now });
      response.refresh_token = refreshToken;
    }
    delete (response as Partial<TokenResponse>).scope;
    response.scope = grant.scopes.join(' ');
    return response;
  }

  exchangeCode(app: App, code: string | undefined, redirectUri: string | undefined, codeVerifier?: string): TokenResponse | TokenError {
    const record = code === undefined ? undefined : this.codes.get(code);
    const now = this.clock.now();
    if (!record || record.used || record.clientId !== app.clientId || record.expiresMs <= now) {
      return { error: 'invalid_grant', status: 400 };
    }
    if (redirectUri !== record.redirectUri) return { error: 'invalid_grant', status: 400 };
    if (record.codeChallenge) {
      const { challenge, method } = record.codeChallenge;
      const computed =
        codeVerifier === undefined ? undefined : method === 'S256' ? createHash('sha256').update(codeVerifier).digest('base64url') : codeVerifier;
      if (computed !== challenge) return { error: 'invalid_grant', status: 400 };
    } else if (app.clientSecret === '') {
      return { error: 'invalid_grant', status: 400 };
    }
    record.used = true;
    const grant = this.grants.get(record.grantId);
    if (!grant || grant.revoked) return { error: 'invalid_grant', status: 400 };
    return this.issueTokens(grant, true, record.nonce);
  }

  /** Refresh with rotation, 60-day idle expiry and a 30-minute grace for rotated-out tokens. */
  refresh(app: App, refreshToken: string | undefined): TokenResponse | TokenError {
    const record = refreshToken === undefined ? undefined : this.refreshTokens.get(refreshToken);
    const now = this.clock.now();
    const invalid: TokenError = { error: 'invalid_grant', status: 400 };
    if (!record) return invalid;
    const grant = this.grants.get(record.grantId);
    if (!grant || grant.revoked || grant.clientId !== app.clientId) return invalid;
    if (now - record.issuedMs > this.behaviour.refreshIdleExpiryMs) return invalid;
    if (record.supersededMs !== undefined) {
      if (now - record.supersededMs > this.behaviour.refreshGraceMs) return invalid;
      if (this.behaviour.graceReuse === 'same-pair' && record.successor) return record.successor;
      const pair = this.issueTokens(grant, this.behaviour.idTokenOnRefresh);
      return pair;
    }
    record.supersededMs = now;
    const pair = this.issueTokens(grant, this.behaviour.idTokenOnRefresh);
    record.successor = pair;
    return pair;
  }

  clientCredentials(app: App, requestedScopes: string[]): TokenResponse | TokenError {
    if (!app.customConnectionTenantId) return { error: 'unauthorized_client', status: 400 };
    const allowed = app.customConnectionScopes ?? [];
    const scopes = requestedScopes.length > 0 ? requestedScopes : allowed;
    if (scopes.some((s) => !allowed.includes(s))) return { error: 'invalid_scope', status: 400 };
    const grant: Grant = {
      grantId: newId(),
      clientId: app.clientId,
      userId: undefined,
      scopes,
      authEventId: newId(),
      authTimeMs: this.clock.now(),
      sessionId: opaqueToken(16),
      revoked: false,
      customTenantId: app.customConnectionTenantId,
    };
    this.grants.set(grant.grantId, grant);
    this.grantsByAuthEvent.set(grant.authEventId, grant.grantId);
    return this.issueTokens(grant, false);
  }

  /** Revocation endpoint: ends the grant behind a refresh token and removes all the user's connections to the app. */
  revokeRefreshToken(app: App, token: string | undefined): void {
    const record = token === undefined ? undefined : this.refreshTokens.get(token);
    if (!record) return;
    const grant = this.grants.get(record.grantId);
    if (!grant || grant.clientId !== app.clientId) return;
    this.endGrants(grant.clientId, grant.userId);
  }

  /** The grant behind a refresh token or an access token, if any. */
  grantOfToken(token: string | undefined): Grant | undefined {
    if (token === undefined) return undefined;
    const record = this.refreshTokens.get(token);
    if (record) return this.grants.get(record.grantId);
    const payload = this.key.verify(token);
    const grantId = typeof payload?.authentication_event_id === 'string' ? this.grantsByAuthEvent.get(payload.authentication_event_id) : undefined;
    return grantId === undefined ? undefined : this.grants.get(grantId);
  }

  /** Ends every grant of user × app (refresh → invalid_grant) and removes their connections. */
  endGrants(clientId: string, userId: string | undefined): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (grant.clientId === clientId && grant.userId === userId && !grant.revoked) {
        grant.revoked = true;
        count += 1;
      }
    }
    for (const [id, connection] of this.connections) {
      if (connection.clientId === clientId && connection.userId === userId) this.connections.delete(id);
    }
    return count;
  }

  /** A disconnect made from Xero (Connected Apps screen) or DELETE /connections/{id}. */
  removeConnection(connectionId: string): boolean {
    const connection = this.connections.get(connectionId.toLowerCase());
    if (!connection) return false;
    this.connections.delete(connection.id);
    if (this.behaviour.revokeGrantWithLastConnection) {
      const remaining = [...this.connections.values()].some((c) => c.clientId === connection.clientId && c.userId === connection.userId);
      if (!remaining) this.endGrants(connection.clientId, connection.userId);
    }
    return true;
  }

  verifyAccessToken(token: string | undefined): AccessCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const payload = this.key.verify(token);
    if (!payload) return { ok: false, reason: 'invalid' };
    const grantId = typeof payload.authentication_event_id === 'string' ? this.grantsByAuthEvent.get(payload.authentication_event_id) : undefined;
    const grant = grantId === undefined ? undefined : this.grants.get(grantId);
    if (!grant) return { ok: false, reason: 'invalid' };
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
    if (exp <= this.clock.now()) return { ok: false, reason: 'expired', expiredAtMs: exp };
    if (grant.revoked) return { ok: false, reason: 'revoked' };
    return { ok: true, grant, payload };
  }

  /** Connections visible to a grant (user × app), newest first like Xero. */
  connectionsForGrant(grant: Grant): Connection[] {
    if (grant.customTenantId) {
      const org = this.organisations.get(grant.customTenantId);
      if (!org) return [];
      return [
        {
          id: grant.grantId,
          clientId: grant.clientId,
          userId: '',
          tenantId: org.tenantId,
          authEventId: grant.authEventId,
          createdMs: grant.authTimeMs,
          updatedMs: grant.authTimeMs,
        },
      ];
    }
    return [...this.connections.values()]
      .filter((c) => c.clientId === grant.clientId && c.userId === grant.userId && this.organisations.has(c.tenantId))
      .sort((a, b) => b.updatedMs - a.updatedMs);
  }

  // ---------------------------------------------------------------- contacts (API side)

  queryContacts(tenantId: string, query: ContactQuery): ContactQueryResult {
    const { stored, detail, pagination } = this.matchContacts(tenantId, query);
    return { contacts: stored.map((s) => renderContact(s, detail)), ...(pagination ? { pagination } : {}) };
  }

  /**
   * Renders every contact of an organisation as a page of GET /Contacts shows it (and, given an `order`, sorts
   * them that way), now rather than on first request. Benchmarks use it: Xero is a remote service, and the CPU the
   * emulator would spend rendering 100,000 contacts during an import is not Xero's to spend on the caller's machine.
   * Answers nothing differently (the same cache a page fills on first request). Returns how many were rendered.
   */
  prerenderContacts(tenantId: string, order?: string): number {
    const store = this.contactsOf(tenantId);
    if (order !== undefined) {
      let compare: ReturnType<typeof compileOrder>;
      try {
        compare = compileOrder(order);
      } catch (error) {
        if (error instanceof WhereParseError) throw new EmulatorControlError(400, error.message);
        throw error;
      }
      store.sortedBy(order, compare);
    }
    for (const stored of store.all()) renderContactJson(stored, 'full');
    return store.size;
  }

  /** The answer to GET /Contacts as JSON text: the envelope, then each contact's cached JSON (renderContactJson). */
  queryContactsJson(app: App, tenantId: string, query: ContactQuery): string {
    const { stored, detail, pagination } = this.matchContacts(tenantId, query);
    const head = JSON.stringify(this.envelope(app, pagination ? { pagination } : {}));
    return `${head.slice(0, -1)},"Contacts":[${stored.map((s) => renderContactJson(s, detail)).join(',')}]}`;
  }

  private matchContacts(tenantId: string, query: ContactQuery): ContactQueryMatch {
    const store = this.contactsOf(tenantId);
    const where = query.where ? compileWhere(query.where) : undefined;
    const order = query.order ? compileOrder(query.order) : undefined;
    const ids = query.ids && query.ids.length > 0 ? new Set(query.ids.map((id) => id.toLowerCase())) : undefined;
    const term = query.searchTerm?.toLowerCase();
    const usingIms = query.ifModifiedSince !== undefined;
    // Ordered pages of a whole organisation come from a sorted copy cached until the next write (the ordering is
    // a stable sort of the name order, as re-sorting every page was): not re-sorted for every page.
    const presorted = !usingIms && order !== undefined && query.order !== undefined;
    const source = usingIms
      ? store.modifiedSince(query.ifModifiedSince ?? 0, this.behaviour.ifModifiedSinceExclusive)
      : presorted
        ? store.sortedBy(query.order!, order!)
        : store.sortedByName();
    // Nothing to filter out (a whole organisation's pages, archived included): the cached order itself, not a copy
    // of 100,000 contacts per page. Never sorted in place below (only the If-Modified-Since list is, its own copy).
    const everything = query.includeArchived === true && !ids && term === undefined && !where && !usingIms;
    let matched = everything
      ? source
      : source.filter((stored) => {
          const c = stored.data;
          if (!query.includeArchived && c.ContactStatus !== 'ACTIVE') return false;
          if (ids && !ids.has(c.ContactID.toLowerCase())) return false;
          if (term !== undefined) {
            const hay = [c.Name, c.FirstName, c.LastName, c.ContactNumber, c.EmailAddress];
            if (!hay.some((v) => v !== undefined && v.toLowerCase().includes(term))) return false;
          }
          return where ? where(stored) : true;
        });
    if (order && !presorted) matched = [...matched].sort(order);
    else if (usingIms)
      matched.sort((a, b) =>
        a.data.Name.toLowerCase() < b.data.Name.toLowerCase()
          ? -1
          : a.data.Name.toLowerCase() > b.data.Name.toLowerCase()
            ? 1
            : a.data.ContactID < b.data.ContactID
              ? -1
              : 1,
      );
    const paged = query.page !== undefined || (query.summaryOnly === true && this.behaviour.summaryOnlyForcesPaging);
    const detail: ContactDetail = query.summaryOnly ? 'summary' : paged ? 'full' : 'unpaged';
    if (!paged) return { stored: matched, detail };
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(this.behaviour.maxPageSize, Math.max(1, query.pageSize ?? 100));
    const start = (page - 1) * pageSize;
    return {
      stored: matched.slice(start, start + pageSize),
      detail,
      pagination: { page, pageSize, pageCount: Math.ceil(matched.length / pageSize), itemCount: matched.length },
    };
  }

  envelope(app: App, extra: Record<string, unknown>): Record<string, unknown> {
    return { Id: newId(), Status: 'OK', ProviderName: app.name, DateTimeUTC: msDate(this.clock.now()), ...extra };
  }

  writeContacts(
    app: App,
    tenantId: string,
    elements: unknown[],
    mode: WriteMode,
    urlContactId: string | undefined,
    summarizeErrors: boolean | undefined,
  ): WriteResult {
    const store = this.contactsOf(tenantId);
    const now = this.clock.now();
    const undo: Array<{ id: string; previous: StoredContact | undefined }> = [];
    let events: Array<{ id: string; type: 'CREATE' | 'UPDATE' }> = [];
    const results: Array<{ ok: true; stored: StoredContact } | { ok: false; raw: Record<string, unknown>; errors: string[]; id: string | undefined }> = [];
    for (const element of elements) {
      const raw = typeof element === 'object' && element !== null && !Array.isArray(element) ? (element as Record<string, unknown>) : {};
      const { input, errors } = readContactInput(raw);
      let existing: StoredContact | undefined;
      if (mode === 'update') {
        existing = urlContactId === undefined ? undefined : store.get(urlContactId);
      } else if (mode === 'upsert') {
        if (input.ContactID !== undefined) {
          existing = store.get(input.ContactID);
          if (!existing) errors.push('The contact could not be found. Check the ContactID is correct.');
        } else if (input.ContactNumber !== undefined) {
          existing = store.findByContactNumber(input.ContactNumber);
        }
      } else if (input.ContactID !== undefined && input.ContactID !== '00000000-0000-0000-0000-000000000000') {
        errors.push('ContactID cannot be specified when creating a contact. Use POST to update an existing contact.');
      }
      if (mode === 'upsert' && input.ContactID === undefined && input.Name === undefined && input.ContactNumber === undefined) {
        errors.push('The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber');
      }
      if (errors.length > 0) {
        results.push({ ok: false, raw, errors, id: existing?.data.ContactID });
        continue;
      }
      const built = buildContact(store, input as ContactInput, existing?.data, newId(), this.rules);
      if (!built.ok) {
        results.push({ ok: false, raw, errors: built.errors, id: existing?.data.ContactID });
        continue;
      }
      undo.push({ id: built.data.ContactID, previous: existing });
      const stored = store.put(built.data, now);
      events.push({ id: stored.data.ContactID, type: existing ? 'UPDATE' : 'CREATE' });
      results.push({ ok: true, stored });
    }
    const failed = results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
    if (failed.length > 0 && summarizeErrors !== false) {
      if (!this.behaviour.persistValidOnBatchError) {
        for (const { id, previous } of undo.reverse()) {
          if (previous) store.put(previous.data, previous.updatedMs);
          else store.remove(id);
        }
        events = [];
      }
      this.emitAll(tenantId, events, now);
      return {
        status: 400,
        body: {
          ErrorNumber: 10,
          Type: 'ValidationException',
          Message: 'A validation exception occurred',
          Elements: failed.map((f) => renderErrorElement(f.raw, f.id, f.errors)),
        },
      };
    }
    this.emitAll(tenantId, events, now);
    const contacts = results.map((r) => {
      if (r.ok) {
        const rendered = renderContact(r.stored, 'full');
        return summarizeErrors === false ? { ...rendered, StatusAttributeString: 'OK' } : rendered;
      }
      return { ...renderErrorElement(r.raw, r.id, r.errors), StatusAttributeString: 'ERROR' };
    });
    return { status: 200, body: this.envelope(app, { Contacts: contacts }) };
  }

  private emitAll(tenantId: string, events: Array<{ id: string; type: 'CREATE' | 'UPDATE' }>, now: number): void {
    for (const event of events) this.emitContactEvent(tenantId, event.id, event.type, now);
  }

  // ---------------------------------------------------------------- idempotency

  idempotencyLookup(scopeKey: string, fingerprint: string): { status: number; body: unknown } | 'conflict' | undefined {
    const entry = this.idempotency.get(scopeKey);
    if (!entry) return undefined;
    if (entry.expiresMs <= this.clock.now()) {
      this.idempotency.delete(scopeKey);
      return undefined;
    }
    if (entry.fingerprint !== fingerprint) return 'conflict';
    return { status: entry.status, body: entry.body };
  }

  idempotencyStore(scopeKey: string, fingerprint: string, status: number, body: unknown): void {
    this.idempotency.set(scopeKey, { fingerprint, status, body, expiresMs: this.clock.now() + this.behaviour.idempotencyTtlMs });
  }
}
