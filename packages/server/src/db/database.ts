import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';
import { ormConfig } from './orm.config.js';

/** Migrated once per test run; each test file's database is a copy of it. */
export const TEMPLATE_DATABASE = 'vouch_template';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(url: string, name: string, template?: string): Promise<string> {
  await adminQuery(url, `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
  return withDatabase(url, name);
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Applies every committed migration. Returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig(url));
  try {
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

/** A throwaway PostgreSQL in a temp folder, for tooling and tests. */
export async function startScratchPostgres(): Promise<EmbeddedDatabase & { dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vouch-pg-'));
  const db = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false, fast: true });
  return { ...db, dir };
}
