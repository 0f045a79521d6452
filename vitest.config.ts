import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: fast unit tests in Node (jsdom per file where DOM is needed, WXT's fake
// browser for extension APIs) and end-to-end tests against the built extension in real
// Chromium and Firefox. `npm test` builds first, then runs both: unit tests first, then the
// browsers (sequence.groupOrder), so no unit test competes for the cores while a browser test
// measures how long the page was blocked.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/fold-builder-setup.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One browser at a time: the machine has two cores and the timings in these tests matter.
          fileParallelism: false,
        },
      },
    ],
  },
});
