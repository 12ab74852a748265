import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createDatabase, migrate, startScratchPostgres, TEMPLATE_DATABASE } from '../src/db/database.js';

/** One PostgreSQL per test run, with a migrated template that each test file clones. */
export default async function setup(project: TestProject) {
  const pg = await startScratchPostgres();
  const adminUrl = pg.url('postgres');
  await migrate(await createDatabase(adminUrl, TEMPLATE_DATABASE));
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await pg.stop();
    rmSync(pg.dir, { recursive: true, force: true });
  };
}
