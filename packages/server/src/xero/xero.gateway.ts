/**
 * The ONLY module that imports xero-node. Real Xero and the emulator differ only in configuration (client id,
 * secret, identity and API base URLs): the emulator is reached through exactly the code paths real Xero is.
 */
import { createRequire } from 'node:module';
import { XeroClient, type TokenSet, type TokenSetParameters } from 'xero-node';
import type { Contact, Contacts } from 'xero-node';
import type { XeroConfig } from '../config/env.js';
import type { Logger } from '../common/logger.js';
import { markAnswered, type Lane, type RateLimitHeaders, type TenantRateLimiter } from './xero-rate-limiter.js';
import { classifyXeroFailure, XeroError } from './classify-xero-failure.js';
import type { GrantedTenant } from './xero-oauth-attempt.entity.js';

export const XERO_SCOPES = ['openid', 'profile', 'email', 'offline_access', 'accounting.contacts', 'accounting.settings.read'];

/** What we persist (sealed): openid-client's TokenSet JSON, with expires_at in epoch seconds. */
export interface TokenSetData {
  access_token: string;
  refresh_token: string;
  id_token?: string;
  token_type?: string;
  scope?: string;
  expires_at: number;
}

export interface ApiResult<T> {
  body: T;
  headers: RateLimitHeaders;
}

export type XeroContact = Contact;
/** The Contact model sent on writes (same shape). */
export type XeroContactInput = Contact;

const XERO_API_HOST = 'https://api.xero.com';
const XERO_IDENTITY_HOST = 'https://identity.xero.com';

// xero-node's CommonJS copies: an ESM import would be a different axios instance (docs/toolchain.md §6).
const requireFromXeroNode = createRequire(createRequire(import.meta.url).resolve('xero-node'));

interface OpenIdModule {
  Issuer: { discover(url: string): Promise<{ Client: new (metadata: Record<string, unknown>) => XeroClient['openIdClient'] }> };
  custom: { http_options: symbol; setHttpOptionsDefaults(options: Record<string, unknown>): void };
}

interface AxiosLike {
  interceptors: {
    request: { use(onFulfilled: (config: { url?: string; timeout?: number; signal?: unknown }) => { url?: string }): number };
    response: { use(onFulfilled: (response: unknown) => unknown, onRejected: (error: unknown) => unknown): number };
  };
}

let hostRewrite: { apiUrl: string; identityUrl: string; timeout: number } | undefined;
let interceptorInstalled = false;

/**
 * xero-node hard-codes https://api.xero.com/connections and https://identity.xero.com/connect/token, and sends
 * every call through its own axios copy with axios's default timeout of 0 (wait for ever). This interceptor
 * reroutes the hard-coded hosts and gives every call to Xero (or the configured stand-in) a deadline: an idle
 * socket timeout, and an overall abort one so a slowly dripping answer cannot hold a worker either. A response
 * interceptor tells the rate limiter when an answer arrived (markAnswered).
 */
function routeHardCodedHosts(config: XeroConfig): void {
  hostRewrite = { apiUrl: config.apiUrl, identityUrl: config.identityUrl, timeout: config.httpTimeoutMs };
  if (interceptorInstalled) return;
  interceptorInstalled = true;
  const axios = requireFromXeroNode('axios') as AxiosLike;
  // The answer is in (before xero-node turns it into models): the limiter counts the call from here.
  axios.interceptors.response.use(
    (response) => {
      markAnswered();
      return response;
    },
    (error) => {
      markAnswered();
      throw error;
    },
  );
  axios.interceptors.request.use((request) => {
    const target = hostRewrite;
    if (target && typeof request.url === 'string') {
      if (request.url.startsWith(XERO_API_HOST)) request.url = target.apiUrl + request.url.slice(XERO_API_HOST.length);
      else if (request.url.startsWith(XERO_IDENTITY_HOST)) request.url = target.identityUrl + request.url.slice(XERO_IDENTITY_HOST.length);
      if (request.url.startsWith(target.apiUrl) || request.url.startsWith(target.identityUrl)) {
        // axios merges its default (0) in before interceptors run, so `??=` would never apply.
        if (!request.timeout) request.timeout = target.timeout;
        request.signal ??= AbortSignal.timeout(request.timeout + 1000);
      }
    }
    return request;
  });
}

function readRateHeaders(headers: unknown): RateLimitHeaders {
  const h = (headers ?? {}) as Record<string, unknown>;
  const num = (name: string): number | null => {
    const value = h[name] ?? h[name.toLowerCase()];
    const n = Number(value);
    return value === undefined || value === null || !Number.isFinite(n) ? null : n;
  };
  return { minRemaining: num('x-minlimit-remaining'), dayRemaining: num('x-daylimit-remaining'), appMinRemaining: num('x-appminlimit-remaining') };
}

export function toTokenSetData(tokenSet: TokenSet): TokenSetData {
  if (!tokenSet.access_token || !tokenSet.refresh_token || !tokenSet.expires_at) {
    throw new XeroError('AUTH', 'Xero returned an incomplete token set (was offline_access granted?)');
  }
  return {
    access_token: tokenSet.access_token,
    refresh_token: tokenSet.refresh_token,
    ...(tokenSet.id_token ? { id_token: tokenSet.id_token } : {}),
    token_type: tokenSet.token_type ?? 'Bearer',
    ...(tokenSet.scope ? { scope: tokenSet.scope } : {}),
    expires_at: tokenSet.expires_at,
  };
}

export class XeroGateway {
  private issuerClient: Promise<XeroClient['openIdClient']> | undefined;

  constructor(
    private readonly config: XeroConfig,
    private readonly log: Logger,
    /** Every Accounting API call goes through the tenant's limiter. */
    private readonly limiter: TenantRateLimiter,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.clientId && this.config.clientSecret);
  }

  private requireCredentials(): { clientId: string; clientSecret: string } {
    if (!this.config.clientId || !this.config.clientSecret) {
      throw new XeroError('AUTH', 'Xero is not configured (XERO_CLIENT_ID / XERO_CLIENT_SECRET)');
    }
    return { clientId: this.config.clientId, clientSecret: this.config.clientSecret };
  }

  /** Discovery once per process (xero-node would re-discover per client; Xero 403s repeated discovery). */
  private async openIdClient(): Promise<XeroClient['openIdClient']> {
    const { clientId, clientSecret } = this.requireCredentials();
    this.issuerClient ??= (async () => {
      const openid = requireFromXeroNode('openid-client') as OpenIdModule;
      openid.custom.setHttpOptionsDefaults({ timeout: this.config.httpTimeoutMs });
      const issuer = await openid.Issuer.discover(this.config.identityUrl);
      return new issuer.Client({ client_id: clientId, client_secret: clientSecret, redirect_uris: [this.config.redirectUri] });
    })();
    try {
      return await this.issuerClient;
    } catch (error) {
      this.issuerClient = undefined; // retry discovery next time
      throw classifyXeroFailure(error);
    }
  }

  /** A fresh client per use: XeroClient is stateful (one token set), never shared between tenants or calls. */
  private async client(state?: string, tokens?: TokenSetData): Promise<XeroClient> {
    const { clientId, clientSecret } = this.requireCredentials();
    routeHardCodedHosts(this.config);
    const xero = new XeroClient({
      clientId,
      clientSecret,
      redirectUris: [this.config.redirectUri],
      scopes: XERO_SCOPES,
      httpTimeout: this.config.httpTimeoutMs,
      ...(state ? { state } : {}),
    });
    xero.openIdClient = await this.openIdClient();
    xero.accountingApi.basePath = `${this.config.apiUrl}/api.xro/2.0`;
    if (tokens) xero.setTokenSet(tokens as unknown as TokenSetParameters);
    return xero;
  }

  async buildConsentUrl(state: string): Promise<string> {
    return await (await this.client(state)).buildConsentUrl();
  }

  /** Checks state and the ID token (signature, iss, aud, exp, at_hash), exchanges the code. */
  async exchangeCode(callbackUrl: string, state: string): Promise<TokenSetData> {
    try {
      const xero = await this.client(state);
      return toTokenSetData(await xero.apiCallback(callbackUrl));
    } catch (error) {
      throw classifyXeroFailure(error);
    }
  }

  async listTenants(tokens: TokenSetData): Promise<GrantedTenant[]> {
    try {
      const xero = await this.client(undefined, tokens);
      const tenants = (await xero.updateTenants(false)) as { id: string; tenantId: string; tenantName: string; tenantType: string }[];
      return tenants.map((t) => ({ tenantId: t.tenantId, tenantName: t.tenantName, tenantType: t.tenantType, connectionId: t.id }));
    } catch (error) {
      throw classifyXeroFailure(error);
    }
  }

  async disconnectTenant(tokens: TokenSetData, connectionId: string): Promise<void> {
    try {
      await (await this.client(undefined, tokens)).disconnect(connectionId);
    } catch (error) {
      const failure = classifyXeroFailure(error);
      if (failure.kind !== 'NOT_FOUND') throw failure;
    }
  }

  async refresh(tokens: TokenSetData): Promise<TokenSetData> {
    try {
      const xero = await this.client(undefined, tokens);
      return toTokenSetData(await xero.refreshToken());
    } catch (error) {
      throw classifyXeroFailure(error);
    }
  }

  async revoke(tokens: TokenSetData): Promise<void> {
    try {
      await (await this.client(undefined, tokens)).revokeToken();
    } catch (error) {
      const failure = classifyXeroFailure(error);
      this.log.warn({ kind: failure.kind, status: failure.status }, 'Xero token revocation failed');
      if (failure.kind !== 'AUTH') throw failure;
    }
  }

  /**
   * One page of contacts. Ordered by ContactID: edits in Xero during paging cannot move a contact between pages
   * (ordering by name or date could, and a contact could be skipped); new contacts can only cause a re-read.
   */
  async getContactsPage(
    tokens: TokenSetData,
    tenantId: string,
    options: { page: number; pageSize: number; ifModifiedSince?: Date; includeArchived: boolean; where?: string; lane?: Lane },
  ): Promise<ApiResult<XeroContact[]> & { pageCount: number | null }> {
    return await this.api(
      tokens,
      tenantId,
      async (xero) =>
        xero.accountingApi.getContacts(
          tenantId,
          options.ifModifiedSince,
          options.where,
          'ContactID ASC',
          undefined,
          options.page,
          options.includeArchived,
          undefined,
          undefined,
          options.pageSize,
        ),
      options.lane ?? 'BULK',
    ).then((r) => ({
      body: (r.body as Contacts).contacts ?? [],
      headers: r.headers,
      pageCount: (r.body as Contacts).pagination?.pageCount ?? null,
    }));
  }

  async getContact(tokens: TokenSetData, tenantId: string, contactId: string): Promise<ApiResult<XeroContact | null>> {
    try {
      const r = await this.api(tokens, tenantId, async (xero) => xero.accountingApi.getContact(tenantId, contactId), 'BULK');
      return { body: (r.body as Contacts).contacts?.[0] ?? null, headers: r.headers };
    } catch (error) {
      if (error instanceof XeroError && error.kind === 'NOT_FOUND') return { body: null, headers: readRateHeaders(error.headers) };
      throw error;
    }
  }

  /** POST /Contacts/{ContactID}: one contact, partial update (arrays sent are replaced whole). */
  async updateContact(
    tokens: TokenSetData,
    tenantId: string,
    contactId: string,
    contact: Contact,
    idempotencyKey: string,
  ): Promise<ApiResult<XeroContact | null>> {
    const r = await this.api(tokens, tenantId, async (xero) =>
      xero.accountingApi.updateContact(tenantId, contactId, { contacts: [contact] } as Contacts, idempotencyKey),
    );
    return { body: (r.body as Contacts).contacts?.[0] ?? null, headers: r.headers };
  }

  /** POST /Contacts with summarizeErrors=false: a batch; each element carries its own status and errors. */
  async updateContacts(tokens: TokenSetData, tenantId: string, contacts: Contact[], idempotencyKey: string, paced = true): Promise<ApiResult<XeroContact[]>> {
    const r = await this.api(
      tokens,
      tenantId,
      async (xero) => xero.accountingApi.updateOrCreateContacts(tenantId, { contacts } as Contacts, false, idempotencyKey),
      'INTERACTIVE',
      paced,
    );
    return { body: (r.body as Contacts).contacts ?? [], headers: r.headers };
  }

  /** PUT /Contacts: creates a contact (Xero assigns the ContactID). */
  async createContact(tokens: TokenSetData, tenantId: string, contact: Contact, idempotencyKey: string): Promise<ApiResult<XeroContact | null>> {
    const r = await this.api(tokens, tenantId, async (xero) =>
      xero.accountingApi.createContacts(tenantId, { contacts: [contact] } as Contacts, true, idempotencyKey),
    );
    return { body: (r.body as Contacts).contacts?.[0] ?? null, headers: r.headers };
  }

  /**
   * Every Accounting call, through the tenant's limiter. Reads are BULK unless a caller says otherwise; writes
   * (accepted changes a person waits for) are INTERACTIVE and get the budget first.
   */
  private async api<T>(
    tokens: TokenSetData,
    tenantId: string,
    call: (xero: XeroClient) => Promise<{ response: { headers: unknown }; body: T }>,
    lane: Lane = 'INTERACTIVE',
    paced = true,
  ): Promise<ApiResult<T>> {
    const xero = await this.client(undefined, tokens);
    return await this.limiter.run(
      tenantId,
      async () => {
        try {
          const result = await call(xero);
          return { body: result.body, headers: readRateHeaders(result.response.headers) };
        } catch (error) {
          throw classifyXeroFailure(error);
        }
      },
      { lane, paced },
    );
  }
}

export { readRateHeaders };
