import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'tests/clip/**/*.test.ts',
      'tests/conformance/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
