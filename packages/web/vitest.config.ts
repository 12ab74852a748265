import { defineConfig } from 'vitest/config';

// Unit tests (pure logic, no I/O) live next to the code as src/**/*.unit.test.ts. Browser tests live in
// e2e/: `pnpm test` builds dist/ first, and each e2e file boots the real server (embedded Postgres)
// serving that build. e2e/*.integration.test.ts drive the SPA's own form code against the real server
// without a browser (breadth of data; the journeys stay in the browser tests).
export default defineConfig({
  test: {
    include: ['src/**/*.unit.test.ts', 'build/**/*.unit.test.ts', 'e2e/**/*.e2e.test.ts', 'e2e/**/*.integration.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
