import { defineConfig } from 'vitest/config';

const globalSetup = ['src/server/testing/global-setup.ts'];
/** The servers the tests start (and the commands they spawn, which inherit it) log nothing unless asked. */
const AMITY_LOG_LEVEL = process.env.AMITY_LOG_LEVEL ?? 'silent';

/**
 * Every test runs on embedded PGlite; when TEST_DATABASE_URL names a PostgreSQL server, the tests
 * under src/server run a second time against it (project "postgres").
 *
 * Test files share their worker's modules (isolate: false): each file still gets a database of its
 * own (createTestDb), and what the modules keep between calls is either built from shipped files
 * (reference data, fonts) or keyed by database handle or token hash. Re-importing the app for every
 * file cost about two seconds a file, more than half of the whole run.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    isolate: false,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts'],
          env: { AMITY_TEST_DRIVER: 'pglite', AMITY_LOG_LEVEL },
          globalSetup,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/server/**/*.test.ts'],
                env: { AMITY_TEST_DRIVER: 'postgres', AMITY_LOG_LEVEL },
                globalSetup,
              },
            },
          ]
        : []),
    ],
  },
});
