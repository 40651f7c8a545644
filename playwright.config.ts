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
  // One by default, by measurement on a 2-CPU machine: two workers take the suite from ~13 to
  // ~8.5 min, but on a busy machine two stories lose races there (the log list stops following
  // when the line detail opens as lines arrive; an unfinished onboarding still reads Running) and
  // four starve the CPUs. FLEETDECK_E2E_WORKERS=2 runs files in parallel; each has its own harness.
  workers: Number(process.env.FLEETDECK_E2E_WORKERS ?? 1),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
});
