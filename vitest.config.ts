import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['analytics/**/*.test.ts', 'build/**/*.test.ts', 'samples/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    // DuckDB is a native addon: separate processes keep each test file's databases apart.
    pool: 'forks',
    globalSetup: ['analytics/test/global-setup.ts', 'electron/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
