// The specs service wired like a session: a real client against the sandbox cloud, the real
// deploys domain (applySpec, audit, follower), drafts in a temporary data folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger, type Logger } from '../../src-main/logging/logger';
import { InstanceSizeCache } from '../../src-main/services/apps/instanceSizeCache';
import { SpecsService, type SpecsDeps } from '../../src-main/services/specs';
import { PendingSecrets } from '../../src-main/services/specs/secrets';
import { deploysWithSandbox } from './sandbox';

export const FIXTURES = fileURLToPath(new URL('../unit/specs/fixtures', import.meta.url));
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export async function specsWithSandbox(options: { log?: Logger; draftStore?: SpecsDeps['draftStore'] } = {}) {
  const setup = await deploysWithSandbox();
  const pendingSecrets = new PendingSecrets();
  const make = (context = 'Demo fleet', secrets = pendingSecrets) =>
    new SpecsService({
      client: setup.client,
      sizes: new InstanceSizeCache(setup.client),
      deploys: setup.deploys,
      dataDir: setup.dataDir,
      context,
      log: options.log ?? silentLogger,
      pendingSecrets: secrets,
      ...(options.draftStore ? { draftStore: options.draftStore } : {}),
    });
  /** Every file under the data folder, as text: what a crash would leave behind. */
  const filesOnDisk = () => readTree(setup.dataDir);
  return { ...setup, specs: make(), make, pendingSecrets, filesOnDisk };
}

function readTree(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? readTree(path) : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

/** Waits (without timing assertions) until a condition holds, polling the real system. */
export async function eventually<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the condition never held');
}
