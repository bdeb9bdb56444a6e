/** The browser tests: `npm run test:e2e` (builds the web app first). Not part of `npm test`. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // The demo server the specs start inherits it: its request log stays out of the test output.
    env: { AMITY_LOG_LEVEL: process.env.AMITY_LOG_LEVEL ?? 'warn' },
    hookTimeout: 180_000,
  },
});
