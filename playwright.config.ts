// e2e: the built renderer in Debian's Chromium, against a browser harness per worker (real
// main-process services on the demo fleet in a sandbox cloud of its own), which
// test/e2e/fixtures.ts starts; each story file begins on the pristine demo, so files run in any
// order and on parallel workers.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/support/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Ceilings, not waits: a story waits on what the page shows. Two workers on two CPUs (and a cold
  // runtime per file) can make a page take several seconds; at 30 s and 5 s, stories failed that way.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Files in parallel; the stories inside a file in order, in one worker.
  fullyParallel: false,
  // Two by default, by measurement on a 2-CPU machine: the suite takes ~6 min instead of ~11, and
  // four workers starve the CPUs. The stories that lost races with two workers on a busy machine
  // lost them in the app (the log list read a clamped scroll as the reader scrolling up; the
  // unfinished onboardings read a run once and never heard it fail) or in the story (the DNS
  // story counted records the page still showed from before; it now waits for the re-read).
  // FLEETDECK_E2E_WORKERS sets another count (1 to run the files one after another).
  workers: Number(process.env.FLEETDECK_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
});
