import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // node-sqlite3 is a native module: separate processes are the safe pool.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
