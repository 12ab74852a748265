import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('has working local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, env: 'development', databaseUrl: undefined, dataDir: '.data', jobsEnabled: true });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', JOBS_ENABLED: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'JOBS_ENABLED']) expect(problems).toContain(name);
    expect((error as ConfigError).message).not.toContain('mysql://x');
  });

  it('requires Xero id and secret together, and 32-byte token keys', () => {
    expect(() => loadConfig({ XERO_CLIENT_ID: 'abc' })).toThrow(/XERO_CLIENT_SECRET/);
    expect(() => loadConfig({ TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` })).toThrow(/TOKEN_ENCRYPTION_KEYS/);
  });

  it('requires an external database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/vouch' })).toThrow(/TOKEN_ENCRYPTION_KEYS/);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/vouch',
      TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/vouch');
    expect(config.tokenKeys).toEqual([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
  });
});
