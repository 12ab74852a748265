import 'reflect-metadata';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type ValidationRule } from 'graphql';
import { hitRateLimit } from './common/rate-limiter.js';
import { WebSocketServer } from 'ws';
import { deviceTokenFor } from './accounts/sessions-device-cookie.js';
import { createLogger, type Logger } from './common/logger.js';
import { armPausePoints } from './common/pause-point.js';
import type { Config } from './config/env.js';
import { createDatabase, databaseExists, migrate } from './db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { ormConfig } from './db/orm.config.js';
import { buildVouchSchema } from './schema/build-schema.js';
import type { GraphQLContext } from './graphql/context.js';
import type { Viewer } from './accounts/viewer.js';
import { createFormatError } from './graphql/format-error.js';
import { createOperationGuard, requestFailure } from './graphql/operation-guard.js';
import { createLiveSockets } from './graphql/live-sockets.js';
import { createPgEventBus } from './graphql/pg-pubsub.js';
import { authenticate, authenticated, type ViewerLookup } from './http/authenticate.js';
import { healthRoutes } from './http/health.js';
import { requestContext } from './http/request-context.js';
import { createOriginCheck, hasBearer, refuseCrossOrigin, securityHeaders } from './http/security.js';
import { startScheduler, type Scheduler } from './scheduler.js';
import { createServices, type Services } from './services.js';
import { xeroRoutes } from './xero/xero.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { brandingRoutes } from './branding/branding.routes.js';

export interface VouchApp {
  url: string;
  port: number;
  databaseUrl: string;
  orm: MikroORM;
  services: Services;
  log: Logger;
  close(): Promise<void>;
}

export const REPO_ROOT = path.resolve(
  import.meta.dirname,
  existsSync(path.resolve(import.meta.dirname, '../../../pnpm-workspace.yaml')) ? '../../..' : '../../../..',
);

async function connectDatabase(config: Config, log: Logger): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const dir = path.resolve(REPO_ROOT, config.dataDir, 'pg');
  log.info({ dir }, 'starting embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres(dir, { persistent: true, onLog: (line) => log.debug({ pg: line }) });
  const admin = embedded.url('postgres');
  if (!(await databaseExists(admin, 'vouch'))) await createDatabase(admin, 'vouch');
  return { url: embedded.url('vouch'), embedded };
}

export interface CreateAppOptions {
  /**
   * A socket already listening (tests bind port 0 first, so the port Vouch's config names is theirs from the
   * start): the app serves on it instead of listening on `config.port`.
   */
  listenOn?: net.Server;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<VouchApp> {
  const log = createLogger(config.logLevel);
  armPausePoints(config.testPausePoints, log);
  const { url: databaseUrl, embedded } = await connectDatabase(config, log);
  const applied = await migrate(databaseUrl);
  if (applied.length) log.info({ applied }, 'applied migrations');

  // A per-statement deadline in PostgreSQL: no single query (however it was built) can hold a connection for long.
  const orm = await MikroORM.init(ormConfig(databaseUrl, { driverOptions: { statement_timeout: config.dbStatementTimeoutMs } }));
  const events = await createPgEventBus(databaseUrl, log);
  const pubsub = events.bus;
  const services = createServices(config, orm, pubsub, log);
  const schema = await buildVouchSchema(pubsub);

  let shuttingDown = false;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestContext(log));
  app.use(securityHeaders([new URL(config.xero.redirectUri).origin]));
  const originAllowed = createOriginCheck(config.allowedOrigins);
  app.use(healthRoutes(orm, () => shuttingDown, events.listenerState));
  // Who is asking, in one place (http/authenticate.ts): the routes below and /graphql read `req.viewer`.
  const viewers: ViewerLookup = {
    bySession: (token) => services.accounts.viewerForSession(services.em(), token),
    byApiKey: (secret) => services.apiKeys.viewerForKey(secret),
  };
  app.get(['/xero/callback', '/api/suppliers/:id/audit.csv'], authenticated(viewers, { apiKeys: false }));
  app.get('/api/audit.csv', authenticated(viewers, { apiKeys: true }));
  app.use(
    xeroRoutes({
      connect: services.xeroConnect,
      webhookKey: config.xero.webhookKey,
      enqueueContactFetch: (tenantId, contactId, eventAt) => services.xeroSync.enqueueContactFetch(tenantId, contactId, eventAt),
    }),
  );
  app.use(auditRoutes((organisationId) => services.em(organisationId)));
  app.use(brandingRoutes(() => services.em()));

  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });

  const contextFor = (viewer: Viewer | null, base: Omit<GraphQLContext, 'em' | 'viewer' | 'services'>): GraphQLContext => ({
    ...base,
    em: services.em(viewer?.organisationId),
    viewer,
    services,
  });

  /** Per-key budget, shared by instances (PostgreSQL) and by transports (HTTP and websocket operations). */
  const keyBudget = async (apiKeyId: string) => {
    const limit = config.apiKeyRequestsPerMinute;
    return { limit, hit: await hitRateLimit(services.em(), `api-key:${apiKeyId}`, limit, 60_000) };
  };
  const rateLimited = (retryAfterSeconds: number) =>
    requestFailure(`Too many requests for this API key. Try again in ${retryAfterSeconds} seconds.`, {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429 },
    });
  /** HTTP: the budget, with RateLimit headers on every keyed response. */
  const rateLimitKey = async (apiKeyId: string, res: express.Response): Promise<void> => {
    const { limit, hit } = await keyBudget(apiKeyId);
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - hit.count)));
    res.setHeader('RateLimit-Reset', String(hit.retryAfterSeconds));
    res.setHeader('RateLimit-Policy', `${limit};w=60`);
    if (!hit.allowed) {
      res.setHeader('Retry-After', String(hit.retryAfterSeconds));
      throw rateLimited(hit.retryAfterSeconds);
    }
  };

  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    // Priced by our own rule (operation-guard.ts): armor's reads only literal `first:` and prices nested lists at 1.
    costLimit: { enabled: false },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    // These two hook Apollo's parser from graphql-armor's CommonJS build, whose GraphQLError is not the ESM
    // one Apollo checks for: a parse error became a 500. Body size caps the tokens instead, and
    // formatError strips field suggestions.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const guard = createOperationGuard(schema, armor.validationRules as unknown as ValidationRule[]);

  const formatError = createFormatError(log);
  const liveSockets = createLiveSockets(pubsub, log);
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer | null }>(
    {
      schema,
      // Subscription and websocket-operation errors get the same codes and messages as HTTP ones.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onConnect: async (ctx) => {
        // Authenticate once, on connect, from the session cookie of the upgrade request; refuse (4403) without.
        const params = (ctx.connectionParams ?? {}) as { authorization?: unknown; Authorization?: unknown };
        const auth = String(params.authorization ?? params.Authorization ?? ctx.extra.request.headers.authorization ?? '') || undefined;
        // Cross-site websocket hijacking: a page on another origin of the same site would carry the cookie.
        if (!hasBearer(auth) && !originAllowed(ctx.extra.request)) {
          log.warn({ origin: ctx.extra.request.headers.origin }, 'refused a cross-origin websocket');
          return false;
        }
        ctx.extra.viewer = await authenticate(viewers, { authorization: auth, cookie: ctx.extra.request.headers.cookie }, { apiKeys: true }).then(
          (a) => a.viewer,
          () => null,
        );
        if (ctx.extra.viewer) liveSockets.track(ctx.extra.socket, ctx.extra.viewer);
        return ctx.extra.viewer !== null;
      },
      onClose: (ctx) => liveSockets.untrack(ctx.extra.socket),
      // Every websocket operation passes the same gate as HTTP: the key's budget, validation rules and cost.
      onSubscribe: async (ctx, _id, payload) => {
        const apiKeyId = ctx.extra.viewer?.apiKeyId;
        if (apiKeyId) {
          const { hit } = await keyBudget(apiKeyId);
          if (!hit.allowed) return [rateLimited(hit.retryAfterSeconds)];
        }
        const prepared = guard.prepare(payload.query, payload.operationName, payload.variables);
        if ('errors' in prepared) return prepared.errors;
        return { schema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx) =>
        contextFor(ctx.extra.viewer ?? null, {
          log,
          requestId: `ws-${ctx.extra.request.socket.remotePort ?? 0}`,
          ip: ctx.extra.request.socket.remoteAddress ?? 'unknown',
          userAgent: String(ctx.extra.request.headers['user-agent'] ?? ''),
        }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    stopOnTerminationSignals: false, // main.ts owns shutdown: drain everything, then exit 0
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    plugins: [
      // graphql-armor's typings point at Apollo's CJS build; the plugins are the same at runtime.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      guard.plugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
    formatError,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  app.use(
    '/graphql',
    refuseCrossOrigin(originAllowed),
    express.json({ limit: '256kb' }),
    authenticated(viewers, { apiKeys: true }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        if (req.apiKeyRefused)
          throw new GraphQLError('The API key is not valid or was revoked.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        const viewer = req.viewer ?? null;
        if (viewer?.apiKeyId) await rateLimitKey(viewer.apiKeyId, res);
        return contextFor(viewer, {
          log: req.log,
          requestId: req.id,
          ip: req.ip ?? 'unknown',
          userAgent: String(req.headers['user-agent'] ?? ''),
          deviceToken: deviceTokenFor(req, res),
          http: { req, res },
        });
      },
    }),
  );

  const webDist = config.webDist ? path.resolve(config.webDist) : path.resolve(REPO_ROOT, 'packages/web/dist');
  if (existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: any other GET that accepts HTML gets the SPA.
    app.get(/^\/(?!graphql|healthz|readyz|xero\/callback|webhooks|api\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(path.join(webDist, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } });
    });
  } else {
    log.warn({ webDist }, 'SPA not built; serving the API only (run `pnpm --filter @vouch/web build`)');
  }
  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof err === 'object' && err && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 500) req.log.error({ err }, 'unhandled HTTP error');
    res.status(status).json({
      errors: [
        {
          message: status === 413 ? 'Request too large.' : status < 500 ? 'Bad request.' : 'Internal server error',
          extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  });

  // pg-boss always starts so any instance can enqueue; JOBS_ENABLED decides whether this one works jobs.
  const scheduler: Scheduler = await startScheduler(databaseUrl, services, log, config.jobsEnabled);

  await new Promise<void>((resolve) =>
    options.listenOn ? httpServer.listen(options.listenOn, resolve) : httpServer.listen(config.port, config.host, resolve),
  );
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Where this process listens (tests and logs); links sent to people use config.publicUrl when set.
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      shuttingDown = true;
      log.info('shutting down: draining HTTP, websockets and jobs');
      await apollo.stop(); // stops accepting, drains HTTP and (via the plugin) websockets
      await scheduler.stop();
      await liveSockets.stop();
      services.mailer.close();
      await events.close();
      await orm.close(true);
      await embedded?.stop();
      log.info('shutdown complete');
    })());

  return { url, port, databaseUrl, orm, services, log, close };
}
