// Onboarding runs on disk: one JSON file per run under <dataDir>/onboarding/<context>/, each
// written whole (temp file, fsync, rename), so a crash or kill -9 leaves the last step's outcome.
// Nothing secret is ever in one: the DB password is in the keychain, the API keys in memory.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivityEntry, OnboardingRun, OnboardingStepKind } from '../../../src-preload/contract';
import { writeFileAtomic } from '../../base/atomicFile';

/** A run as kept on disk: the contract's run plus what resume needs to know. */
export interface StoredRun extends OnboardingRun {
  version: 1;
  /** How often each step was started: a step started before may have acted (its answer lost). */
  attempts: Partial<Record<OnboardingStepKind, number>>;
  /** Steps whose last attempt may have acted unseen (stopped mid-step, or no answer came back). */
  uncertain?: OnboardingStepKind[];
  /** The template tenant's Supabase project, where its migrations are read. */
  templateRef: string;
  /** The Activity entry of the step running now: closed as canceled on resume if the process died. */
  openEntry?: ActivityEntry;
}

export class RunStore {
  private readonly folder: string;

  constructor(dataDir: string, context: string) {
    // A context name is the user's text: encoded, it is one folder name and never a path.
    this.folder = join(dataDir, 'onboarding', encodeURIComponent(context));
  }

  private file(id: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`not an onboarding id: ${id}`);
    return join(this.folder, `${id}.json`);
  }

  async write(run: StoredRun): Promise<void> {
    await writeFileAtomic(this.file(run.id), `${JSON.stringify(run, null, 2)}\n`);
  }

  async read(id: string): Promise<StoredRun | undefined> {
    const text = await readFile(this.file(id), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text === undefined) return undefined;
    const run = JSON.parse(text) as StoredRun;
    return run.version === 1 ? run : undefined;
  }

  /** Every run of the context, newest first; a file that cannot be read is skipped, not fatal. */
  async list(): Promise<StoredRun[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const runs = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map((n) => this.read(n.slice(0, -'.json'.length)).catch(() => undefined)),
    );
    return runs.filter((r): r is StoredRun => r !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
