import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, signUpBuyer, startTestApp } from '../testing/index.js';

describe('health and readiness', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reports the process up and the database ready', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', events: 'listening' });
    expect(ready.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('is not ready when a migration is pending', async () => {
    await app.orm.em.getConnection().execute(`delete from mikro_orm_migrations where id = (select max(id) from mikro_orm_migrations)`);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'migrations-pending' });
  });
});

describe('shutdown', () => {
  it('SIGTERM finishes in-flight requests, closes websockets and jobs, then exits 0', async () => {
    const db = await createTestDatabase();
    const main = fileURLToPath(new URL('../main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', '@oxc-node/core/register', main], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        JOBS_ENABLED: 'true',
        TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        XERO_CLIENT_ID: 'test-client',
        XERO_CLIENT_SECRET: 'test-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // PORT=0: the system picks the port, and the server says which.
      await expect.poll(() => /Web:\s+(http:\/\/\S+)/.exec(output)?.[1], { timeout: 30_000, interval: 100 }).toBeDefined();
      const url = /Web:\s+(http:\/\/\S+)/.exec(output)![1]!;
      // A sign-up hashes a password with scrypt, so it is still in flight when the signal lands.
      const inFlight = signUpBuyer(url);
      await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGTERM');
      const { user } = await inFlight;
      expect(user.id).toMatch(/[0-9a-f-]{36}/);
      expect(await exited).toBe(0);
      expect(output).toContain('shutdown complete');
      expect(output).not.toMatch(/password|correct horse/i);
    } finally {
      child.kill('SIGKILL');
      await db.dispose();
    }
  });
});
