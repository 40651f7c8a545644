// Vitest's global setup: every temporary folder a test makes (data folders, drafts, accounts)
// goes under one folder of this run's own, removed when the run ends. TMPDIR is set before the
// test workers start, so os.tmpdir() in them points there; a run beside another never touches
// the other's folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const own = mkdtempSync(join(previous ?? tmpdir(), 'fleetdeck-vitest-'));
  process.env.TMPDIR = own;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(own, { recursive: true, force: true });
  };
}
