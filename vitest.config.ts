import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests (`npm test`): everything they read is in the project. The conformance suite, which reads the jobname
// corpus in ../shared, has its own config (vitest.conformance.config.ts, `npm run test:conformance`).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/clip/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
