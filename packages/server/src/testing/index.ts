/**
 * Test helpers shared by the server's tests and the web package's browser tests. Real PostgreSQL only:
 * a per-run server (vitest globalSetup) with a migrated template, cloned into one database per test file.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import net from 'node:net';
import { inject } from 'vitest';
import { hashPassword } from '../accounts/password.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { createApp, type VouchApp } from '../app.js';
import { loadConfig, type Config } from '../config/env.js';
import { createDatabase, migrate, startScratchPostgres, TEMPLATE_DATABASE } from '../db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** A fresh, migrated database: cloned from the run's template when there is one, else on a scratch server. */
export async function createTestDatabase(): Promise<{ url: string; dispose(): Promise<void> }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  let adminUrl: string | undefined;
  try {
    adminUrl = inject('pgAdminUrl');
  } catch {
    adminUrl = undefined; // outside vitest (benchmarks): use a scratch server
  }
  if (adminUrl) return { url: await createDatabase(adminUrl, name, TEMPLATE_DATABASE), dispose: async () => {} };
  const pg = await startScratchPostgres();
  const url = await createDatabase(pg.url('postgres'), name);
  await migrate(url);
  return {
    url,
    async dispose() {
      await pg.stop();
      rmSync(pg.dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sign-up signs in at once here even when a test configures SMTP for invites (signUpBuyer seeds accounts that
 * way), and is not rate-limited per IP (every test client is 127.0.0.1); tests of those set them explicitly.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    SIGN_UP_EMAIL_CONFIRMATION: 'false',
    SIGN_UP_MAX_PER_IP: '100000',
    // Suites written before step-up seed bank changes and API keys through the API; step-up's own suites
    // (accounts/two-factor, the browser journeys) turn it on with STEP_UP_MINUTES.
    STEP_UP_MINUTES: '0',
    ...overrides,
  });
}

/** A TCP socket listening on a port the system chose (port 0), for a server to take over. */
export async function listenOnAnyPort(host: string): Promise<net.Server> {
  const socket = net.createServer();
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.listen(0, host, resolve);
  });
  return socket;
}

export interface TestApp extends VouchApp {
  close(): Promise<void>;
  /** Set when started with a Xero emulator: the app registered for this server in it. */
  xero?: { clientId: string; clientSecret: string; webhookKey: string };
}

/** The slice of the emulator this helper needs (structural, so the server does not depend on its types). */
export interface EmulatorLike {
  identityUrl: string;
  apiUrl: string;
  control: {
    /** May answer a promise (an emulator in another process, driven over HTTP); it is awaited. */
    registerApp(input: { clientId: string; clientSecret: string; redirectUris: string[]; webhookUrl?: string; webhookKey?: string; name?: string }): unknown;
  };
}

/**
 * Boots the real server (HTTP, websockets, GraphQL, jobs) on a port the system picks, against a fresh database. With
 * `xeroEmulator`, registers an app for this server there (redirect URI and webhook URL on its port) and
 * points Vouch's Xero configuration at the emulator, with background jobs working.
 */
export async function startTestApp(
  options: {
    webDist?: string;
    env?: Record<string, string>;
    xeroEmulator?: EmulatorLike;
    /** The host of PUBLIC_URL (and of the Xero callback): `localhost` to test a buyer browsing 127.0.0.1. */
    publicHost?: string;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const env: Record<string, string> = { DATABASE_URL: db.url, ...(options.webDist ? { WEB_DIST: options.webDist } : {}) };
  let xero: TestApp['xero'];
  let socket: net.Server | undefined;
  if (options.xeroEmulator) {
    // Listen first, on port 0 (the system picks), then name that port in Vouch's config and in the emulator's
    // app; the app serves on this very socket, so no other process can take the port in between.
    socket = await listenOnAnyPort('127.0.0.1');
    const port = (socket.address() as net.AddressInfo).port;
    const origin = `http://${options.publicHost ?? '127.0.0.1'}:${port}`;
    xero = {
      clientId: `vouch-test-${randomBytes(4).toString('hex')}`,
      clientSecret: randomBytes(16).toString('hex'),
      webhookKey: randomBytes(16).toString('base64'),
    };
    try {
      await options.xeroEmulator.control.registerApp({
        ...xero,
        redirectUris: [`${origin}/xero/callback`],
        webhookUrl: `${origin}/webhooks/xero`,
        name: 'Vouch (test)',
      });
    } catch (error) {
      socket.close();
      throw error;
    }
    Object.assign(env, {
      PORT: String(port),
      PUBLIC_URL: origin,
      JOBS_ENABLED: 'true',
      XERO_CLIENT_ID: xero.clientId,
      XERO_CLIENT_SECRET: xero.clientSecret,
      XERO_WEBHOOK_KEY: xero.webhookKey,
      XERO_IDENTITY_URL: options.xeroEmulator.identityUrl,
      XERO_API_URL: options.xeroEmulator.apiUrl,
    });
  }
  const app = await createApp(testConfig({ ...env, ...options.env }), socket ? { listenOn: socket } : {}).catch((error: unknown) => {
    socket?.close();
    throw error;
  });
  return {
    ...app,
    ...(xero ? { xero } : {}),
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

/** A GraphQL-over-HTTP client that keeps its session cookie, like one browser. */
export function graphqlClient(baseUrl: string, init: { ip?: string; headers?: Record<string, string> } = {}) {
  let cookie: string | undefined;
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    async request<T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
      extraHeaders: Record<string, string> = {},
    ): Promise<GraphQLResponse<T>> {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(cookie ? { cookie } : {}),
          ...(init.ip ? { 'x-forwarded-for': init.ip } : {}),
          ...init.headers,
          ...extraHeaders,
        },
        body: JSON.stringify({ query, variables }),
      });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) {
        const pair = setCookie.split(';')[0]!;
        cookie = pair.endsWith('=') ? undefined : pair;
      }
      const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
      return { status: res.status, headers: res.headers, ...body };
    },
  };
}

export { startTestSmtp, type CapturedMail, type TestSmtp } from './smtp.js';
export { connectXero, startXeroAttempt } from './xero.js';

export const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        email
        name
        role
        organisation {
          id
          name
        }
      }
    }
  }
`;

export function uniqueEmail(prefix = 'buyer'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.com`;
}

/** Signs up a new organisation through the API and returns a client signed in as its ADMIN. */
export async function signUpBuyer(baseUrl: string, overrides: Partial<{ organisationName: string; name: string; email: string; password: string }> = {}) {
  const client = graphqlClient(baseUrl);
  const input = {
    organisationName: `Org ${randomBytes(3).toString('hex')}`,
    name: 'Ada Buyer',
    email: uniqueEmail(),
    password: 'correct horse battery',
    ...overrides,
  };
  const res = await client.request<{ signUp: { user: { id: string; organisation: { id: string } } | null } }>(SIGN_UP, { input });
  if (!res.data?.signUp) throw new Error(`sign-up failed: ${JSON.stringify(res.errors)}`);
  // With SIGN_UP_EMAIL_CONFIRMATION on, sign-up only emails a link: open it with confirmSignUp instead.
  if (!res.data.signUp.user) throw new Error('sign-up sent a confirmation email instead of signing in (SIGN_UP_EMAIL_CONFIRMATION is on)');
  return { client, input, user: res.data.signUp.user };
}

/**
 * A second person in an existing organisation, written straight to the database (seeding before a journey):
 * `role` is 'ADMIN', 'APPROVER' or 'VIEWER'. Returns what they sign in with.
 */
export async function addColleague(
  app: VouchApp,
  organisationId: string,
  input: { role: keyof typeof Role; name: string; email?: string; password?: string },
): Promise<{ id: string; email: string; password: string; name: string }> {
  const email = input.email ?? uniqueEmail(input.role.toLowerCase());
  const password = input.password ?? 'colleague password';
  const em = app.services.em(organisationId);
  const user = em.create(User, { organisation: organisationId, email, name: input.name, role: Role[input.role], passwordHash: await hashPassword(password) });
  await em.flush();
  return { id: user.id, email, password, name: input.name };
}

/** A colleague (as addColleague) signed in through the API: their own client, with its session cookie. */
export async function signedInColleague(
  app: VouchApp & { url: string },
  organisationId: string,
  input: { role: keyof typeof Role; name: string },
): Promise<{ id: string; email: string; client: ReturnType<typeof graphqlClient> }> {
  const colleague = await addColleague(app, organisationId, input);
  const client = graphqlClient(app.url);
  const res = await client.request('mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', {
    i: { email: colleague.email, password: colleague.password },
  });
  if (res.errors?.length) throw new Error(`the colleague could not sign in: ${JSON.stringify(res.errors)}`);
  return { id: colleague.id, email: colleague.email, client };
}
