import { defineConfig } from 'vitest/config';

// Two projects: unit tests (pure, *.unit.test.ts) run without a database; integration tests
// (*.integration.test.ts: real PostgreSQL, the emulator, child processes) share one PostgreSQL per run, started
// by the global setup, with a migrated template database each test file clones.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.unit.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['src/**/*.integration.test.ts', 'test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
