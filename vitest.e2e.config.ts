import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in headless Chromium (see tests/e2e/harness.ts).
// Run with `npm run test:e2e`, which builds first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file launches its own Chromium; on a 2-core machine one at a time is the fastest.
    fileParallelism: false,
  },
});
