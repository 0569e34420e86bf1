/** Three test tiers: unit (pure), int (real SQL via app.inject, a database per file), e2e (real server + Chromium); int and e2e files share their worker's imports (decision 0071). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'int',
          include: ['test/int/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // Each file still gets its own database; only the app's modules are imported once per worker, not once per file
          // (about a second and a half of every file's time). Tests must leave no process state behind (docs/decisions/0071).
          isolate: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
