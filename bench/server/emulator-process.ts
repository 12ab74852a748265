/**
 * The Xero emulator in a process of its own, for benchmarks: real Xero is a remote service, so the CPU it spends
 * answering must not be counted against (or compete on one thread with) the Vouch server being measured.
 *
 * Run as a script (what `startEmulatorProcess` spawns): starts the emulator with the options given as JSON in
 * argv[2], prints `{ url, identityUrl, apiUrl }` as one JSON line on stdout, and exits when its stdin closes (the
 * parent ended, however it ended) or on SIGTERM / SIGINT.
 *
 * Imported: `startEmulatorProcess(options)` spawns it and returns its URLs and a client of the control API
 * (JSON over HTTP under /__emulator), with the operations the benchmarks use.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { XeroEmulatorOptions } from '../../packages/xero-emulator/src/index.js';
import type { ContactCounts, OrganisationInfo, RegisterAppInput, RequestLogEntry } from '../../packages/xero-emulator/src/index.js';

export interface EmulatorProcess {
  url: string;
  identityUrl: string;
  apiUrl: string;
  pid: number;
  control: {
    registerApp(input: RegisterAppInput): Promise<{ clientId: string; name: string }>;
    createUser(input: { email: string; password: string; name?: string }): Promise<{ userId: string; email: string; name: string }>;
    createOrganisation(input: { name: string; userEmails?: string[] }): Promise<OrganisationInfo>;
    /** Seeds and answers the organisation's counts (not the contacts: 100,000 of them are ~140 MB of JSON). */
    seedContacts(tenantId: string, input: { count: number; seed?: number }): Promise<ContactCounts & { seeded: number }>;
    countContacts(tenantId: string): Promise<ContactCounts>;
    /** Renders the contacts as pages show them (sorted by `order`) ahead of the import: Xero's CPU is not Vouch's. */
    prerenderContacts(tenantId: string, input: { order?: string }): Promise<{ rendered: number }>;
    requestLog(): Promise<RequestLogEntry[]>;
    clearRequestLog(): Promise<void>;
  };
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  close(): Promise<void>;
}

export async function startEmulatorProcess(options: Omit<XeroEmulatorOptions, 'port' | 'host' | 'publicUrl'> = {}): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', '@oxc-node/core/register', fileURLToPath(import.meta.url), JSON.stringify(options)], {
    cwd: fileURLToPath(new URL('../../packages/server', import.meta.url)),
    // stdin stays open as a lifeline: the child exits when it closes, even if this process is SIGKILLed.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process ends without close() (an uncaught error, process.exit), the child goes too.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const info = await new Promise<{ url: string; identityUrl: string; apiUrl: string }>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      child.stdout.off('data', onData);
      resolve(JSON.parse(line) as { url: string; identityUrl: string; apiUrl: string });
    };
    child.stdout.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the emulator process ended before it was ready (${signal ?? code})`)));
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${info.url}/__emulator${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  return {
    ...info,
    pid: child.pid!,
    control: {
      registerApp: (input) => call('POST', '/apps', input),
      createUser: (input) => call('POST', '/users', input),
      createOrganisation: (input) => call('POST', '/organisations', input),
      seedContacts: (tenantId, input) => call('POST', `/organisations/${encodeURIComponent(tenantId)}/contacts/seed?respond=counts`, input),
      countContacts: (tenantId) => call('GET', `/organisations/${encodeURIComponent(tenantId)}/contact-counts`),
      prerenderContacts: (tenantId, input) => call('POST', `/organisations/${encodeURIComponent(tenantId)}/contacts/prerender`, input),
      requestLog: () => call('GET', '/requests'),
      clearRequestLog: () => call('DELETE', '/requests'),
    },
    close: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

// ---- the child ----
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { startXeroEmulator } = await import('../../packages/xero-emulator/src/index.js');
  const emulator = await startXeroEmulator(JSON.parse(process.argv[2] ?? '{}') as XeroEmulatorOptions);
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(0), 3000).unref();
    void emulator.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
  console.log(JSON.stringify({ url: emulator.url, identityUrl: emulator.identityUrl, apiUrl: emulator.apiUrl }));
}
