// e2e: the built renderer in Debian's Chromium, against the browser harness that the config
// starts (real main-process services on the demo fleet in the sandbox cloud).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/support/chromium';
import { E2E_PORT, HARNESS_DATA_DIR, READONLY_DO_TOKEN, SENTINEL_DO_TOKEN } from './test/e2e/support';

const port = E2E_PORT;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    // The URL carries a per-run token; the harness writes it where the tests can read it.
    command: [
      // A fresh data folder each run: the stories start with no accounts and no activity.
      `rm -rf ${HARNESS_DATA_DIR} && tsx src-main/harness/index.ts --port ${port} --url-file test-results/harness-url-${port}.txt`,
      `--data-dir ${HARNESS_DATA_DIR}`,
      // The stories reload pages much faster than a person; the 250/min limit has its own tests.
      `--rate-limit-per-minute 2000`,
      // Real contexts talk to the sandbox, which also accepts these tokens (accounts and leak stories).
      `--accounts-api sandbox --grant-token ${SENTINEL_DO_TOKEN}:digitalocean:read-write`,
      `--grant-token ${READONLY_DO_TOKEN}:digitalocean:read-only`,
      // The onboarding fault story fails one request of the sandbox and counts what it holds.
      `--sandbox-controls`,
    ].join(' '),
    url: `http://127.0.0.1:${port}/harness.html`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
