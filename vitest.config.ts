import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Temporary folders go under one per run, removed at its end (test/support/privateTmp.ts).
    globalSetup: ['test/support/privateTmp.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
    ],
  },
});
