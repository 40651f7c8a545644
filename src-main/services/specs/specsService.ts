// The spec editor's main-process side: the live spec as YAML, drafts kept safe on disk (and the
// SECRET values typed for them kept in memory only), validation and cost by the API, and apply
// through the same path scale uses. A draft outlives every failure: it is removed only once the
// spec it holds is live.
import type {
  ApplyPreview,
  DeploymentProgress,
  DraftSummary,
  SpecDocument,
  SpecDraft,
  SpecsMethods,
  SpecValidation,
} from '../../../src-preload/contract';
import type { DeploysDomain } from '../deploys';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { App } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import type { Logger } from '../../logging/logger';
import { specVersion } from '../deploys/scale';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import { DraftKeeper } from './draftKeeper';
import { DraftReadError, DraftStore, type DraftStoreOptions, type StoredDraft } from './draftStore';
import { KeyedQueue } from '../../base/keyedQueue';
import { secretName } from './problems';
import { processPendingSecrets, scrubbed, secretId, withPendingSecrets, type PendingSecrets } from './secrets';
import { TenantApps } from './tenantApps';
import { SpecChecker, type CheckedSpec } from './validation';
import { specToYaml } from './yamlSpec';
import { specFrom, yamlThread } from './yamlThread';

export type SpecsClient = Pick<
  DigitalOceanClient,
  'getApp' | 'listApps' | 'propose' | 'createApp' | 'listInstanceSizes' | 'listRegions'
>;

export interface SpecsDeps {
  client: SpecsClient;
  sizes: InstanceSizeCache;
  /** Apply goes through deploys.actions.applySpec; new apps are audited and followed like deploys. */
  deploys: Pick<DeploysDomain, 'actions' | 'audit' | 'follower'>;
  dataDir: string;
  context: string;
  log: Logger;
  /** Where new SECRET values wait for apply (the process-wide store unless a test gives its own). */
  pendingSecrets?: PendingSecrets;
  draftStore?: DraftStoreOptions;
  now?: () => Date;
}

type SecretRequest = SpecsMethods['setDraftSecret']['request'];

export class SpecsService {
  private readonly drafts: DraftStore;
  private readonly pending: PendingSecrets;
  private readonly checker: SpecChecker;
  private readonly tenants: TenantApps;
  private readonly now: () => Date;
  /** Every change to one app's draft waits for the one before: a late save never undoes a discard. */
  private readonly queue = new KeyedQueue();
  private readonly keeper: DraftKeeper;

  constructor(private readonly deps: SpecsDeps) {
    this.drafts = new DraftStore(deps.dataDir, deps.context, {
      onUnreadable: (file) => deps.log.warn(`A draft file could not be read and was set aside: ${file}`),
      onReadFailed: (file, reason) =>
        deps.log.warn(`A draft file could not be read (${reason}) and was left as it is: ${file}`),
      ...deps.draftStore,
    });
    this.pending = deps.pendingSecrets ?? processPendingSecrets;
    this.checker = new SpecChecker(deps.client, deps.sizes);
    this.tenants = new TenantApps(deps, this.checker);
    this.now = deps.now ?? (() => new Date());
    this.keeper = new DraftKeeper(this.drafts, this.pending, deps.context, this.now);
  }

  async getSpec(appId: string): Promise<SpecDocument> {
    const app = await this.deps.client.getApp(appId);
    return {
      appId,
      appName: app.spec.name,
      yaml: specToYaml(app.spec),
      specVersion: specVersion(app),
      fetchedAt: this.now().toISOString(),
    };
  }

  /** The app's draft; a new one (persisted at once, so its base is the spec the user saw) otherwise. */
  openDraft(appId: string): Promise<SpecDraft> {
    return this.queue.run(appId, async () => {
      const stored = await this.read(appId);
      if (stored && stored.yaml !== stored.baseYaml) return this.keeper.present(stored);
      const app = await this.deps.client.getApp(appId);
      // An untouched draft holds nothing to lose: it follows the live spec.
      if (stored && stored.baseVersion === specVersion(app)) return this.keeper.present(stored);
      return this.keeper.present(await this.keeper.store({ ...this.fromLive(app, 'edit'), ...secretIdsOf(stored) }));
    });
  }

  /**
   * Writes the text as it is, except SECRET values typed in clear: those move to memory. Only onto
   * an existing draft: one discarded or applied meanwhile stays gone (open the editor again).
   */
  saveDraft(
    appId: string,
    yaml: string,
  ): Promise<{ savedAt: string; pendingSecrets: string[]; secretsToReenter: string[] }> {
    return this.queue.run(appId, async () => {
      const saved = await this.saveNow(appId, yaml);
      return {
        savedAt: saved.updatedAt,
        pendingSecrets: await this.keeper.pendingIn(saved),
        secretsToReenter: await this.keeper.toReenter(saved),
      };
    });
  }

  discardDraft(appId: string): Promise<null> {
    return this.queue.run(appId, async () => {
      await this.drafts.remove(appId);
      this.pending.forget(this.deps.context, appId);
      return null;
    });
  }

  async listDrafts(): Promise<DraftSummary[]> {
    const drafts = await this.drafts.list();
    const summaries = await Promise.all(
      drafts.map(async (d) => ({
        appId: d.appId,
        appName: d.appName,
        origin: d.origin,
        updatedAt: d.updatedAt,
        changedLines: await changedLines(d.baseYaml, d.yaml),
      })),
    );
    return summaries.filter((d) => d.changedLines > 0).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** A `.do/app.yaml` read from a file replaces the draft, based on the live spec of now. */
  importDraft(appId: string, yaml: string): Promise<SpecDraft> {
    return this.queue.run(appId, async () => {
      const spec = specFrom(await yamlThread.run('readSpec', yaml));
      const app = await this.deps.client.getApp(appId);
      if (typeof spec.name !== 'string' || spec.name === '') {
        throw new ApiError({
          code: 'invalid_argument',
          message: `The file has no name: line, so it cannot be checked against ${app.spec.name}. Nothing was imported.`,
        });
      }
      if (spec.name !== app.spec.name) {
        throw new ApiError({
          code: 'invalid_argument',
          message: `This file describes "${spec.name}", not "${app.spec.name}": nothing was imported. If it is meant for ${app.spec.name}, change its name: line first.`,
        });
      }
      // A draft file that cannot be read is refused here too, never replaced.
      await this.read(appId);
      this.pending.forget(this.deps.context, appId);
      return this.keeper.present(await this.keeper.store({ ...this.fromLive(app, 'import'), yaml }));
    });
  }

  /**
   * Sets a SECRET env's new value, kept in memory until apply. Works on the last saved draft text
   * (save first); when the env is missing or not yet SECRET the draft's YAML gains it — show the
   * returned draft's yaml.
   */
  setDraftSecret(request: SecretRequest): Promise<SpecDraft> {
    const { appId, component, key, value } = request;
    return this.queue.run(appId, async () => {
      const draft = await this.read(appId);
      if (!draft)
        throw new ApiError({
          code: 'stale',
          message: 'This draft was discarded or applied meanwhile; the value was not kept.',
        });
      const yaml = await yamlThread.run('withSecretEnv', draft.yaml, component, key);
      const id = secretId(component, key);
      this.pending.set(this.deps.context, appId, id, value);
      // Written even when the text is unchanged: the file records which secret waits in memory.
      const stored = await this.keeper.store({ ...draft, yaml });
      // Storing moved the env's old clear value (a GENERAL env made SECRET) to memory: this one wins.
      this.pending.set(this.deps.context, appId, id, value);
      return this.keeper.present(stored);
    });
  }

  /**
   * After a refused (stale) apply: the live spec the merge was made against (`liveVersion`) becomes
   * the base, the given text the draft. Refused, changing nothing, if the live spec moved again.
   */
  rebaseDraft(appId: string, yaml: string, liveVersion: string): Promise<SpecDraft> {
    return this.queue.run(appId, async () => {
      const app = await this.deps.client.getApp(appId);
      if (specVersion(app) !== liveVersion) {
        throw new ApiError({
          code: 'stale',
          message: `${app.spec.name}'s spec changed again since you merged; nothing was changed — review the new live spec and merge again.`,
        });
      }
      const previous = await this.read(appId);
      if (!previous) throw new ApiError({ code: 'stale', message: LATE_SAVE });
      const base = this.fromLive(app, previous.origin);
      return this.keeper.present(
        await this.keeper.store({ ...base, ...secretIdsOf(previous), createdAt: previous.createdAt, yaml }),
      );
    });
  }

  async validateDraft(appId: string, yaml: string): Promise<SpecValidation> {
    const [app, draft] = await Promise.all([
      this.deps.client.getApp(appId),
      this.drafts.read(appId).catch(() => undefined),
    ]);
    return publicValidation(await this.check(app, yaml, draft));
  }

  async previewApply(appId: string, yaml: string): Promise<ApplyPreview> {
    const [app, draft] = await Promise.all([
      this.deps.client.getApp(appId),
      this.drafts.read(appId).catch(() => undefined),
    ]);
    const validation = publicValidation(await this.check(app, yaml, draft));
    const liveVersion = specVersion(app);
    return {
      ...validation,
      appId,
      liveYaml: specToYaml(app.spec),
      liveVersion,
      stale: draft !== undefined && draft.baseVersion !== liveVersion,
    };
  }

  /**
   * Sends the draft through DeployActions.applySpec (re-read, stale refusal, PUT, follow, audit).
   * The text is saved first, so whatever happens to the request the draft is what was applied.
   */
  applyDraft(appId: string, yaml: string, baseVersion: string): Promise<DeploymentProgress> {
    return this.queue.run(appId, async () => {
      const reading = await yamlThread.run('readSpec', yaml);
      const spec = specFrom(reading);
      const draft = await this.saveNow(appId, yaml);
      const refs = await this.keeper.envsOf(draft);
      const names = (ids: readonly string[]) =>
        ids.map((id) => secretName(refs.find((e) => e.id === id) ?? { key: id })).join(', ');
      const reenter = await this.keeper.toReenter(draft);
      if (reenter.length) {
        const one = reenter.length === 1;
        throw new ApiError({
          code: 'invalid_argument',
          message: `Re-enter the new value${one ? '' : 's'} of ${names(reenter)} (${one ? 'it was' : 'they were'} kept only in memory and Fleetdeck restarted), or discard ${one ? 'that change' : 'those changes'}. Nothing was sent.`,
        });
      }
      const pending = this.pending.get(this.deps.context, appId);
      const missing = reading.envs.filter((e) => e.type === 'SECRET' && !e.value && !pending.has(e.id));
      if (missing.length) {
        throw new ApiError({
          code: 'invalid_argument',
          message: `Set ${missing.map((e) => secretName(e)).join(', ')} before applying: a SECRET without a value would be emptied. Nothing was sent.`,
        });
      }
      const { spec: next, applied } = withPendingSecrets(spec, pending);
      let progress: DeploymentProgress;
      try {
        progress = await this.deps.deploys.actions.applySpec(appId, baseVersion, () => next, {
          action: 'edit_spec',
          parameters: {
            origin: draft.origin,
            changed_lines: await changedLines(draft.baseYaml, draft.yaml),
            secrets_set: applied.length,
          },
          changed: 'the draft was started',
        });
      } catch (error) {
        throw scrubbed(error, pending.values());
      }
      // Live now: the values are in the spec the API keeps (encrypted), and the draft is done.
      this.pending.forget(this.deps.context, appId);
      await this.drafts.remove(appId);
      return progress;
    });
  }

  /** Resolves once every draft change asked for so far has reached the disk (or failed). */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  async getSpecHints(): Promise<SpecsMethods['getSpecHints']['response']> {
    const { catalog, regions } = await this.checker.lists();
    return {
      instanceSizes: catalog.sizes
        .filter((s) => s.slug && !s.deprecation_intent)
        .map((s) => ({ slug: s.slug!, label: s.name ?? s.slug!, usdPerMonth: Number(s.usd_per_month ?? 0) })),
      regions: regions.filter((r) => r.slug && !r.disabled).map((r) => ({ slug: r.slug!, label: r.label ?? r.slug! })),
    };
  }

  previewTenantFromTemplate(request: SpecsMethods['previewTenantFromTemplate']['request']) {
    return this.tenants.preview(request);
  }

  createTenantApp(yaml: string, templateAppId?: string): Promise<SpecsMethods['createTenantApp']['response']> {
    return this.tenants.create(yaml, templateAppId);
  }

  /** Inside the app's queue only. */
  private async saveNow(appId: string, yaml: string): Promise<StoredDraft> {
    const draft = await this.read(appId);
    if (!draft) throw new ApiError({ code: 'stale', message: LATE_SAVE });
    return this.keeper.store({ ...draft, yaml });
  }

  /** The stored draft; a file that exists but cannot be read is an error, never "no draft". */
  private async read(appId: string): Promise<StoredDraft | undefined> {
    try {
      return await this.drafts.read(appId);
    } catch (error) {
      if (!(error instanceof DraftReadError)) throw error;
      this.deps.log.warn(`A draft file could not be read (${error.reason}) and was left as it is: ${error.file}`);
      const name = await this.deps.client.getApp(appId).then(
        (app) => app.spec.name,
        () => appId,
      );
      throw new ApiError({
        code: 'internal',
        message: `Your draft of ${name} could not be read (${error.reason}); nothing was changed.`,
      });
    }
  }

  private async check(app: App, yaml: string, draft?: StoredDraft): Promise<CheckedSpec> {
    return this.checker.check(yaml, {
      ...(app.id ? { appId: app.id } : {}),
      appName: app.spec.name,
      liveSpec: app.spec,
      pendingSecrets: new Set(this.pending.get(this.deps.context, app.id ?? '').keys()),
      secretsToReenter: new Set(draft ? await this.keeper.toReenter(draft) : []),
    });
  }

  private fromLive(app: App, origin: StoredDraft['origin']): StoredDraft {
    const yaml = specToYaml(app.spec);
    const at = this.now().toISOString();
    return {
      appId: app.id ?? '',
      appName: app.spec.name,
      yaml,
      baseYaml: yaml,
      baseVersion: specVersion(app),
      origin,
      createdAt: at,
      updatedAt: at,
    };
  }
}

const LATE_SAVE = 'This draft was discarded or applied meanwhile; nothing was saved.';

const secretIdsOf = (draft: StoredDraft | undefined) =>
  draft?.pendingSecretIds ? { pendingSecretIds: draft.pendingSecretIds } : {};

/** Lines that differ from the base (see yamlJobs): a large draft's diff runs off the event loop. */
export const changedLines = (base: string, yaml: string): Promise<number> => yamlThread.run('changedLines', base, yaml);

function publicValidation({ proposal: _proposal, located: _located, ...validation }: CheckedSpec): SpecValidation {
  return validation;
}
