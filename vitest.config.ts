import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machine has two cores; end-to-end files start whole stacks.
    maxWorkers: 2,
  },
});
