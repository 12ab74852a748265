import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/env.js';

try {
  const app = await createApp(loadConfig());
  app.log.info({ web: app.url, graphql: `${app.url}/graphql`, subscriptions: app.url.replace(/^http/, 'ws') + '/graphql' }, 'Vouch is running');
  console.log(`\nVouch is running\n  Web:            ${app.url}\n  GraphQL:        ${app.url}/graphql\n  Subscriptions:  ${app.url.replace(/^http/, 'ws')}/graphql\n  Health:         ${app.url}/healthz  ${app.url}/readyz\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.close().then(
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
