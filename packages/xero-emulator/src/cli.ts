import { DEMO, startXeroEmulator } from './index.js';

function portFromArgs(argv: string[]): number | undefined {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index < 0) return undefined;
  const arg = argv[index] ?? '';
  const value = arg.includes('=') ? arg.split('=')[1] : argv[index + 1];
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 ? port : undefined;
}

const port = portFromArgs(process.argv.slice(2)) ?? (process.env.XERO_EMULATOR_PORT ? Number(process.env.XERO_EMULATOR_PORT) : 4010);
const publicUrl = process.env.XERO_EMULATOR_PUBLIC_URL;
const emulator = await startXeroEmulator({ port, seed: 'demo', ...(publicUrl ? { publicUrl } : {}) });

console.log(`Xero emulator listening on ${emulator.url}
  Discovery     ${emulator.identityUrl}/.well-known/openid-configuration
  Authorize     ${emulator.identityUrl}/identity/connect/authorize
  Token         ${emulator.identityUrl}/connect/token
  Revocation    ${emulator.identityUrl}/connect/revocation
  Connections   ${emulator.apiUrl}/connections
  Accounting    ${emulator.apiUrl}/api.xro/2.0
  Control API   ${emulator.url}/__emulator

Demo app      client_id ${DEMO.clientId}  client_secret ${DEMO.clientSecret}
              redirect URIs ${DEMO.redirectUris.join(', ')}
              webhook ${DEMO.webhookUrl}  key ${DEMO.webhookKey}
Demo login    ${DEMO.userEmail} / ${DEMO.userPassword}
Organisations ${DEMO.organisations.map((o) => `${o.name} (${o.tenantId}, ${o.contacts} contacts)`).join('; ')}`);

const shutdown = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
