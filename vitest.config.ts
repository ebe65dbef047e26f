import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: the Apollo packages load the CommonJS build, so our code must too ("Duplicate graphql modules").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machine has two cores; end-to-end files start whole stacks.
    maxWorkers: 2,
  },
});
