import { defineConfig } from 'vitest/config'

// Three kinds of test share one runner:
// - unit: pure code, no database, colocated `name.test.ts`;
// - db-*: integration tests (`name.db.test.ts`) run once on embedded PGlite
//   and, when TEST_DATABASE_URL names a PostgreSQL server, once more there;
// - e2e: Playwright drives Debian's Chromium against the real server.
const DB_TESTS = ['server/**/*.db.test.ts', 'db/**/*.db.test.ts']
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL)

const dbProject = (name: string, testDatabase: string) => ({
  test: {
    name,
    include: DB_TESTS,
    env: { TEST_DB: testDatabase },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  },
})

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'server/**/*.test.ts',
            'db/**/*.test.ts',
            'web/**/*.test.ts',
          ],
          exclude: [...DB_TESTS, '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      dbProject('db-pglite', 'pglite'),
      ...(hasPostgres ? [dbProject('db-postgres', 'postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          pool: 'forks' as const,
        },
      },
    ],
  },
})
