// e2e (`--sandbox-controls`): the harness's runtime can start over, so each story file begins on
// the pristine demo whatever ran before it. Cheaper than a new process: the old runtime's pages
// are closed and it is disposed, its data folder emptied, and a fresh runtime (a new sandbox cloud
// on the seeded demo fleet) serves the same URL and token.
import { mkdir, rm } from 'node:fs/promises';
import type { Runtime } from '../runtime';
import type { RunningHarness } from './server';

type Pages = Pick<RunningHarness, 'closePages' | 'replaceDispatcher'>;

export interface ResettableRuntime {
  /** The runtime serving now (a reset replaces it). */
  current: () => Runtime;
  /** The harness whose pages a reset closes and hands to the fresh runtime. */
  serveOn: (pages: Pages) => void;
  /** Starts over; resets asked for at once run one after another. */
  reset: () => Promise<void>;
  dispose: () => Promise<void>;
}

/** `dataDir` is the folder `start` gives its runtimes, emptied at each reset (none: each makes its own). */
export async function startResettableRuntime(
  start: () => Promise<Runtime>,
  dataDir?: string,
): Promise<ResettableRuntime> {
  let runtime = await start();
  let pages: Pages | undefined;
  let resetting = Promise.resolve();
  return {
    current: () => runtime,
    serveOn: (harness) => {
      pages = harness;
    },
    reset: () =>
      // A failed reset does not stop the next one from trying.
      (resetting = resetting
        .catch(() => undefined)
        .then(async () => {
          // Closed first, so no page calls into a runtime being disposed.
          pages?.closePages();
          await runtime.dispose();
          if (dataDir) {
            await rm(dataDir, { recursive: true, force: true });
            await mkdir(dataDir, { recursive: true });
          }
          runtime = await start();
          pages?.replaceDispatcher(runtime.dispatcher);
        })),
    dispose: async () => {
      await resetting.catch(() => undefined);
      await runtime.dispose();
    },
  };
}
