// A harness of a story's own, beside the worker's (fixtures.ts): for stories that need one started
// differently — slowed, on a synthetic fleet, started twice over one data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

export interface OwnHarness {
  url: string;
  process: ChildProcess;
}

/** Starts `src-main/harness/index.ts` with `args` (besides its URL file and data folder); waits for its URL. */
export async function startOwnHarness(urlFile: string, dataDir: string, args: string[] = []): Promise<OwnHarness> {
  rmSync(urlFile, { force: true });
  // One process (no npx or tsx wrapper in between), so stopping it stops the harness.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/harness/index.ts', '--url-file', urlFile, '--data-dir', dataDir, ...args],
    { stdio: 'ignore' },
  );
  // The harness writes its URL (with this run's token) once it listens.
  for (const started = Date.now(); Date.now() - started < 30_000;) {
    const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : '';
    if (url) return { url, process: child };
    if (child.exitCode !== null) throw new Error(`the harness exited (${child.exitCode}) before it listened`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopHarness(child);
  throw new Error('the harness did not listen within 30 s');
}

/** Stops a harness process and waits for it to exit. */
export async function stopHarness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
