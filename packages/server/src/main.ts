import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';

/**
 * With no Xero credentials outside production, run the local Xero emulator (demo seed) and point Vouch at
 * it, so a newcomer can connect, import and sync without a Xero account. Same code path as real Xero.
 */
async function withLocalXero(config: Config): Promise<{ config: Config; close?: () => Promise<void>; banner?: string }> {
  if (config.xero.clientId || config.env === 'production') return { config };
  const { startXeroEmulator, DEMO } = await import('@vouch/xero-emulator');
  const emulator = await startXeroEmulator({ port: config.xero.emulatorPort, host: '127.0.0.1', seed: 'demo' });
  // The demo app knows port 4000; register this server's own callback and webhook URLs too (PORT may differ).
  const origin = new URL(config.xero.redirectUri).origin;
  emulator.control.updateApp(DEMO.clientId, {
    redirectUris: [...new Set([...DEMO.redirectUris, config.xero.redirectUri])],
    webhookUrl: `${origin}/webhooks/xero`,
  });
  return {
    config: {
      ...config,
      xero: {
        ...config.xero,
        clientId: DEMO.clientId,
        clientSecret: DEMO.clientSecret,
        webhookKey: config.xero.webhookKey ?? DEMO.webhookKey,
        identityUrl: emulator.identityUrl,
        apiUrl: emulator.apiUrl,
      },
    },
    close: emulator.close,
    banner: `  Xero emulator:  ${emulator.url}  (log in as ${DEMO.userEmail} / ${DEMO.userPassword})\n`,
  };
}

try {
  const local = await withLocalXero(loadConfig());
  const app = await createApp(local.config);
  app.log.info({ web: app.url, graphql: `${app.url}/graphql` }, 'Vouch is running');
  console.log(
    `\nVouch is running\n  Web:            ${app.url}\n  GraphQL:        ${app.url}/graphql\n  Subscriptions:  ${app.url.replace(/^http/, 'ws')}/graphql\n  Health:         ${app.url}/healthz  ${app.url}/readyz\n${local.banner ?? ''}`,
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app
        .close()
        .then(() => local.close?.())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            app.log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
