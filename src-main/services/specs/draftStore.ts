// Drafts on disk, one file per app per account context: <dataDir>/drafts/<context>/<appId>.json.
// A write goes to a temporary file that is flushed to the disk and then renamed over the draft,
// so a crash, a power cut or kill -9 leaves the previous draft or the new one, never half of one.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpecDraft } from '../../../src-preload/contract';
import { KeyedQueue } from '../../base/keyedQueue';

/** A draft as written to disk: the contract's draft without what lives only in memory. */
export type StoredDraft = Omit<SpecDraft, 'pendingSecrets' | 'secretsToReenter'> & {
  /**
   * Ids ("component/KEY") of SECRET envs whose new value was held in memory when this was written.
   * Never a value: after a restart they tell which values must be entered again.
   */
  pendingSecretIds?: string[];
};

const FORMAT = 1;
const TEMP = /\.tmp-[0-9a-f]+$/;

export interface DraftStoreOptions {
  /** Test seam: runs after the temporary file is written and flushed, before it replaces the draft. */
  beforeRename?: (temporaryFile: string) => Promise<void>;
  /** Told about a draft file that could not be read (it is kept aside, never deleted). */
  onUnreadable?: (file: string) => void;
  /** Told about a draft file the disk would not give back (left as it is; the list skips it). */
  onReadFailed?: (file: string, reason: string) => void;
}

/** A draft file exists but the disk would not give it back (EISDIR, EACCES, EIO…). */
export class DraftReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`The draft file ${file} could not be read (${reason}).`);
    this.name = 'DraftReadError';
  }
}

export class DraftStore {
  private readonly dir: string;
  /** Writes per app run one after another, so an older save never lands after a newer one. */
  private readonly queue = new KeyedQueue();

  constructor(
    dataDir: string,
    context: string,
    private readonly options: DraftStoreOptions = {},
  ) {
    this.dir = join(dataDir, 'drafts', contextFolder(context));
  }

  async read(appId: string): Promise<StoredDraft | undefined> {
    await this.queue.settled(appId);
    return this.readFile(this.fileOf(appId));
  }

  write(draft: StoredDraft): Promise<void> {
    return this.queue.run(draft.appId, () => this.atomicWrite(draft));
  }

  remove(appId: string): Promise<void> {
    return this.queue.run(appId, () => rm(this.fileOf(appId), { force: true }));
  }

  async list(): Promise<StoredDraft[]> {
    await this.queue.flush();
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const drafts = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map((n) =>
          this.readFile(join(this.dir, n)).catch((error: unknown) => {
            if (!(error instanceof DraftReadError)) throw error;
            this.options.onReadFailed?.(error.file, error.reason);
            return undefined;
          }),
        ),
    );
    return drafts.filter((d): d is StoredDraft => d !== undefined);
  }

  private fileOf(appId: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(appId)) throw new Error('not an app id');
    return join(this.dir, `${appId}.json`);
  }

  private async readFile(file: string): Promise<StoredDraft | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      // Only a missing file means "no draft": anything else is a draft we must not write over.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      throw new DraftReadError(file, code ?? 'unknown error');
    }
    try {
      const stored = JSON.parse(text) as StoredDraft & { format?: number };
      if (typeof stored.yaml !== 'string' || typeof stored.baseYaml !== 'string' || typeof stored.appId !== 'string')
        throw new Error('shape');
      const { format: _format, pendingSecretIds, ...draft } = stored;
      const ids = Array.isArray(pendingSecretIds)
        ? pendingSecretIds.filter((id): id is string => typeof id === 'string')
        : [];
      return ids.length ? { ...draft, pendingSecretIds: ids } : draft;
    } catch {
      // Never written by us (the rename is atomic): set it aside rather than lose or overwrite it.
      await rename(file, `${file}.unreadable-${Date.now()}`).catch(() => {});
      this.options.onUnreadable?.(file);
      return undefined;
    }
  }

  private async atomicWrite(draft: StoredDraft): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileOf(draft.appId);
    await this.sweepTemporaries(draft.appId);
    const temporary = `${file}.tmp-${randomBytes(6).toString('hex')}`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify({ format: FORMAT, ...draft }, null, 1), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await this.options.beforeRename?.(temporary);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await this.syncDir();
  }

  /** Leftovers of a write that was cut short: they never became the draft, so they can go. */
  private async sweepTemporaries(appId: string): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const leftovers = names.filter((n) => n.startsWith(`${appId}.json.tmp-`) && TEMP.test(n));
    await Promise.all(leftovers.map((n) => rm(join(this.dir, n), { force: true })));
  }

  /** The rename itself is durable only once the folder is flushed (where the OS allows it). */
  private async syncDir(): Promise<void> {
    const handle = await open(this.dir, 'r').catch(() => undefined);
    if (!handle) return;
    await handle.sync().catch(() => {});
    await handle.close();
  }
}

/** A folder name for an account context: readable, and unique even for names that slug alike. */
export function contextFolder(context: string): string {
  const slug =
    context
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'context';
  return `${slug}-${createHash('sha256').update(context).digest('hex').slice(0, 8)}`;
}
