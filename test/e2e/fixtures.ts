// Every e2e story imports `test` and `expect` from here. Each Playwright worker starts a browser
// harness of its own (the real main-process services on the demo fleet, in a sandbox cloud of
// its own), and every story file starts from the pristine demo — a fresh sandbox world and an
// empty data folder — whatever ran before it in that worker. So files can run in any order and on
// parallel workers; the stories inside one file may still build on each other.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { stopHarness } from './ownHarness';
import { READONLY_DO_TOKEN, SENTINEL_DO_TOKEN, useWorkerHarness } from './support';

export { expect } from '@playwright/test';
export type { Browser, Locator, Page } from '@playwright/test';

interface WorkerHarness {
  url: string;
  dataDir: string;
  /** Starts the harness over on the pristine demo when `file` is not the file it last served. */
  startOverFor(file: string): Promise<void>;
}

async function startHarness(id: number): Promise<{ url: string; dataDir: string; process: ChildProcess }> {
  const dataDir = `test-results/harness-data-${id}`;
  const urlFile = `test-results/harness-url-${id}.txt`;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(urlFile, { force: true });
  mkdirSync(dataDir, { recursive: true });
  const log = openSync(`test-results/harness-${id}.log`, 'w');
  // One process (no npx or tsx wrapper in between), so stopping it stops the harness.
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'src-main/harness/index.ts', '--port', '0', '--url-file', urlFile, '--data-dir', dataDir],
      // The stories reload pages much faster than a person; the 250/min limit has its own tests.
      ...['--rate-limit-per-minute', '2000'],
      // Real contexts talk to the sandbox, which also accepts these tokens (accounts and leak stories).
      ...['--accounts-api', 'sandbox', '--grant-token', `${SENTINEL_DO_TOKEN}:digitalocean:read-write`],
      ...['--grant-token', `${READONLY_DO_TOKEN}:digitalocean:read-only`],
      // Faults, the inventory, the requests the cloud saw, and starting over (see sandboxControls.ts).
      '--sandbox-controls',
    ],
    { stdio: ['ignore', log, log] },
  );
  // The harness writes its URL (with this run's token) once it listens.
  for (;;) {
    const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : '';
    if (url) return { url, dataDir, process: child };
    if (child.exitCode !== null)
      throw new Error(`the harness exited (${child.exitCode}): test-results/harness-${id}.log`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const test = base.extend<{ pristineDemo: void }, { harness: WorkerHarness }>({
  harness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from this pattern; it uses none.
    async ({}, use, workerInfo) => {
      const started = await startHarness(workerInfo.workerIndex);
      // A new worker's harness is pristine: the first file it serves needs no reset.
      let lastFile: string | undefined;
      const harness: WorkerHarness = {
        url: started.url,
        dataDir: started.dataDir,
        startOverFor: async (file) => {
          if (lastFile !== undefined && lastFile !== file) {
            const control = new URL('/sandbox-controls/reset', started.url);
            control.searchParams.set('token', new URL(started.url).searchParams.get('token') ?? '');
            const response = await fetch(control, { method: 'POST' });
            if (!response.ok) throw new Error(`the harness did not start over: ${response.status}`);
          }
          lastFile = file;
        },
      };
      useWorkerHarness(harness);
      try {
        await use(harness);
      } finally {
        await stopHarness(started.process);
      }
    },
    { scope: 'worker', auto: true, timeout: 60_000 },
  ],
  pristineDemo: [
    async ({ harness }, use, testInfo) => {
      await harness.startOverFor(testInfo.file);
      await use();
    },
    { auto: true },
  ],
});
