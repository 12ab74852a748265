import { defineConfig } from 'vitest/config';

// Browser (e2e) tests only: the SPA has no unit tests yet. `pnpm test` builds dist/ first, and each
// test file boots the real server (embedded Postgres) serving that build.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
