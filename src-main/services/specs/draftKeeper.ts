// A draft on its way to the disk and back with the SECRET values typed for it: clear values go to
// memory before the text is written (see secretScan.ts), the file records which ones wait there,
// and what the renderer is shown says which wait in memory and which a restart lost.
import type { SpecDraft } from '../../../src-preload/contract';
import type { DraftStore, StoredDraft } from './draftStore';
import type { EnvRef, PendingSecrets } from './secrets';
import { yamlThread } from './yamlThread';

export class DraftKeeper {
  /** The envs of a draft's text, as read when it was stored (so it is not read again). */
  private readonly envsRead = new WeakMap<StoredDraft, EnvRef[]>();

  constructor(
    private readonly drafts: DraftStore,
    private readonly pending: PendingSecrets,
    private readonly context: string,
    private readonly now: () => Date,
  ) {}

  /**
   * The one way a draft reaches the disk: clear SECRET values are taken out first, and the ids of
   * the values waiting in memory are recorded (kept until apply, discard or import).
   */
  async store(draft: StoredDraft): Promise<StoredDraft> {
    const { yaml, moved, envs } = await yamlThread.run('forDisk', draft.yaml, draft.baseYaml);
    for (const [id, value] of moved) this.pending.set(this.context, draft.appId, id, value);
    const ids = [
      ...new Set([...(draft.pendingSecretIds ?? []), ...this.pending.get(this.context, draft.appId).keys()]),
    ].sort();
    const { pendingSecretIds: _recorded, ...rest } = draft;
    const saved: StoredDraft = {
      ...rest,
      yaml,
      updatedAt: this.now().toISOString(),
      ...(ids.length ? { pendingSecretIds: ids } : {}),
    };
    await this.drafts.write(saved);
    this.envsRead.set(saved, envs);
    return saved;
  }

  /** What the renderer sees: no internal record, and what waits in memory or must be re-entered. */
  async present(stored: StoredDraft): Promise<SpecDraft> {
    const { pendingSecretIds: _recorded, ...draft } = stored;
    return { ...draft, pendingSecrets: await this.pendingIn(stored), secretsToReenter: await this.toReenter(stored) };
  }

  /** Pending values whose env is still in the draft (a deleted env's value would go nowhere). */
  async pendingIn(draft: StoredDraft): Promise<string[]> {
    const pending = this.pending.get(this.context, draft.appId);
    if (pending.size === 0) return [];
    const present = new Set((await this.envsOf(draft)).map((e) => e.id));
    return [...pending.keys()].filter((id) => present.has(id)).sort();
  }

  /** SECRETs of the draft whose new value was held by a process that is gone: to be entered again. */
  async toReenter(draft: StoredDraft): Promise<string[]> {
    const recorded = draft.pendingSecretIds ?? [];
    if (recorded.length === 0) return [];
    const inMemory = this.pending.get(this.context, draft.appId);
    const secrets = new Set((await this.envsOf(draft)).filter((e) => e.type === 'SECRET').map((e) => e.id));
    return recorded.filter((id) => !inMemory.has(id) && secrets.has(id)).sort();
  }

  async envsOf(draft: StoredDraft): Promise<EnvRef[]> {
    const known = this.envsRead.get(draft);
    if (known) return known;
    const { envs } = await yamlThread.run('readSpec', draft.yaml);
    this.envsRead.set(draft, envs);
    return envs;
  }
}
