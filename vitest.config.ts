import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure unit tests, and the same integration tests against PGlite and against a real
 * PostgreSQL (TEST_DATABASE_URL). scripts/test.mjs decides which run and says what it could not run.
 */
const integration = (db: 'pglite' | 'postgres') => ({
  test: {
    name: db,
    include: ['tests/integration/**/*.test.ts'],
    env: { TEST_DB: db, NODE_ENV: 'test' },
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks' as const,
    // Each worker loads the server's modules once, not once per file: the files open their own database and app, and
    // none mocks a module. 24 PGlite files: 203 s isolated, 109 s not, all green (docs/PERFORMANCE.md "Test suite").
    isolate: false,
  },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine, which leaves a core idle
    // while a file waits on PostgreSQL. Two files at a time halved the integration run here (4 files × 2 databases:
    // 759 s with one worker, 375 s with two, at the same load; docs/PERFORMANCE.md "Test suite").
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' } },
      integration('pglite'),
      integration('postgres'),
    ],
  },
});
