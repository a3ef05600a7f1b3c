import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Conformance tests (`npm run test:conformance`): the importer, exporter and lint over the real jobname corpus in
// ../shared/jobname. Skipped with a notice when the corpus is missing; under CI its absence is a failure.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
