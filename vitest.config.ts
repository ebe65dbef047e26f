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
    // Test files share a worker's module cache: loading Apollo, graphql and the stack once per worker instead of once
    // per file halves the suite (150 s → 75 s on this machine). Files keep no state in modules (every stack, nock
    // scope and registry is made per file); the suite passes with the files in shuffled order too.
    isolate: false,
  },
});
