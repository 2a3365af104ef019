import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PDF and worker tests are CPU-heavy on 2-core machines; generous limits avoid flaky timeouts.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
