import { createRequire } from 'node:module';
import { XeroClient } from 'xero-node';

/**
 * Wiring for the real xero-node 20 SDK against the emulator (see docs/xero-facts.md §3.2):
 * - openIdClient: an openid-client 5 Client from Issuer.discover(identityUrl), using xero-node's own copy;
 * - accountingApi.basePath = apiUrl + '/api.xro/2.0';
 * - an interceptor on xero-node's CommonJS axios instance rewrites the hard-coded
 *   https://api.xero.com (connections) and https://identity.xero.com (connect/token) to the emulator.
 */
const requireFromXeroNode = createRequire(createRequire(import.meta.url).resolve('xero-node'));

interface AxiosLike {
  interceptors: { request: { use(onFulfilled: (config: { url?: string }) => { url?: string }): number } };
}

interface OpenIdClientModule {
  Issuer: { discover(url: string): Promise<{ Client: new (metadata: Record<string, unknown>) => unknown }> };
  custom: { clock_tolerance: symbol; http_options: symbol };
}

export interface EmulatorUrls {
  identityUrl: string;
  apiUrl: string;
}

let target: EmulatorUrls | undefined;
let interceptorInstalled = false;

/** The axios instance xero-node uses (its CommonJS copy). */
export function xeroNodeAxios(): AxiosLike {
  return requireFromXeroNode('axios') as AxiosLike;
}

export function xeroNodeOpenIdClient(): OpenIdClientModule {
  return requireFromXeroNode('openid-client') as OpenIdClientModule;
}

/**
 * Points xero-node's hard-coded Xero hosts at the emulator for this process. Returns a function that
 * stops the redirection. Calling it again re-targets (one emulator at a time).
 */
export function redirectXeroHosts(urls: EmulatorUrls): () => void {
  target = urls;
  if (!interceptorInstalled) {
    interceptorInstalled = true;
    xeroNodeAxios().interceptors.request.use((config) => {
      const current = target;
      if (current && typeof config.url === 'string') {
        if (config.url.startsWith('https://api.xero.com')) config.url = current.apiUrl + config.url.slice('https://api.xero.com'.length);
        else if (config.url.startsWith('https://identity.xero.com')) config.url = current.identityUrl + config.url.slice('https://identity.xero.com'.length);
      }
      return config;
    });
  }
  return () => {
    if (target === urls) target = undefined;
  };
}

export interface EmulatorXeroClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
  state?: string;
  /** 'client_credentials' for custom connections (then use xero.getClientCredentialsToken()). */
  grantType?: string;
  /** openid-client clock tolerance in seconds (xero-node's default is 5). */
  clockToleranceSeconds?: number;
}

/** A XeroClient wired to the emulator. Never call xero.initialize() on it: that re-discovers identity.xero.com. */
export async function createXeroClientForEmulator(emulator: EmulatorUrls, config: EmulatorXeroClientConfig): Promise<XeroClient> {
  redirectXeroHosts(emulator);
  const xero = new XeroClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUris: config.redirectUris,
    scopes: config.scopes,
    ...(config.state === undefined ? {} : { state: config.state }),
    ...(config.grantType === undefined ? {} : { grantType: config.grantType }),
  });
  const { Issuer, custom } = xeroNodeOpenIdClient();
  const issuer = await Issuer.discover(emulator.identityUrl);
  const client = new issuer.Client({
    client_id: config.clientId,
    client_secret: config.clientSecret,
    redirect_uris: config.redirectUris,
    response_types: ['code'],
  }) as Record<symbol, unknown>;
  client[custom.clock_tolerance] = config.clockToleranceSeconds ?? 5;
  (xero as unknown as { openIdClient: unknown }).openIdClient = client;
  xero.accountingApi.basePath = `${emulator.apiUrl}/api.xro/2.0`;
  return xero;
}
