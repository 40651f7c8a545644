// Checking a spec: YAML first (instant, located), then a few local checks, then the API's own
// verdict and price (POST /v2/apps/propose) for the draft and — for an existing app — for the live
// spec, so the editor can show the monthly cost before and after. The local checks are hints:
// whether the spec is valid is the YAML's and the API's say, plus the gates (see problems.ts).
// The YAML and local checks run in the YAML worker.
import type { SpecValidation } from '../../../src-preload/contract';
import { proposedCost, type DigitalOceanClient, type ProposeResult } from '../../clients/digitalocean/client';
import type { AppRegion, AppSpec } from '../../clients/digitalocean/types';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import type { InstanceSizeCatalog } from '../apps/instanceSizes';
import { apiProblem, isSpecRefusal, refusedField } from './problems';
import type { LocalVerdict } from './yamlJobs';
import { yamlThread } from './yamlThread';

export type CheckClient = Pick<DigitalOceanClient, 'propose' | 'listRegions'>;

export interface CheckOptions {
  /** The app the draft belongs to; absent for a new app. */
  appName?: string;
  /** "component/KEY" of SECRET envs that have a new value waiting in memory. */
  pendingSecrets?: ReadonlySet<string>;
  /** "component/KEY" of SECRET envs whose new value was held by a process that is gone. */
  secretsToReenter?: ReadonlySet<string>;
  purpose?: 'apply' | 'create';
  /** Validate as an update of this app (propose's app_id). */
  appId?: string;
  /** The live spec, priced for monthlyCostBefore. */
  liveSpec?: AppSpec;
  /** Dotted spec paths to locate in the text (answered in `located`, in the same order). */
  locate?: string[];
}

export type CheckedSpec = SpecValidation & { proposal?: ProposeResult; located: LocalVerdict['located'] };

export class SpecChecker {
  private regions: Promise<AppRegion[]> | undefined;

  constructor(
    private readonly client: CheckClient,
    private readonly sizes: InstanceSizeCache,
  ) {}

  /** The size list (cached for an hour by the cache) and the region list (once per session). */
  async lists(): Promise<{ catalog: InstanceSizeCatalog; regions: AppRegion[] }> {
    if (!this.regions) {
      this.regions = this.client.listRegions();
      this.regions.catch(() => (this.regions = undefined));
    }
    const [catalog, regions] = await Promise.all([this.sizes.catalog(), this.regions]);
    return { catalog, regions };
  }

  async check(text: string, options: CheckOptions): Promise<CheckedSpec> {
    // The lists only sharpen the local checks; without them the API still decides.
    const lists = await this.lists().catch(() => undefined);
    const local = await yamlThread.run('checkSpec', text, {
      ...(options.appName ? { appName: options.appName } : {}),
      ...(lists ? { sizes: [...lists.catalog.sizes], regions: lists.regions } : {}),
      pendingSecrets: [...(options.pendingSecrets ?? [])],
      secretsToReenter: [...(options.secretsToReenter ?? [])],
      purpose: options.purpose ?? 'apply',
      locate: options.locate ?? [],
    });
    if (!local.spec) return { valid: false, problems: local.problems, located: local.located };
    const problems = [...local.problems];
    const [after, before] = await Promise.all([
      this.client.propose(local.spec, options.appId).catch(async (error: unknown) => {
        if (!isSpecRefusal(error)) throw error;
        const field = refusedField(error);
        const found = field ? await yamlThread.run('locateRefusal', text, field, error.message) : undefined;
        problems.push(apiProblem(error, found));
        return undefined;
      }),
      // A live spec the API no longer likes still has a price we just cannot show.
      options.liveSpec ? this.client.propose(options.liveSpec, options.appId).catch(() => undefined) : undefined,
    ]);
    return {
      valid: !local.gated && !problems.some((p) => p.severity === 'error' && p.source !== 'schema'),
      problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      located: local.located,
      // A price left out of propose's answer is $0 (protobuf JSON drops zero values).
      ...(before ? { monthlyCostBefore: proposedCost(before) } : {}),
      ...(after ? { monthlyCostAfter: proposedCost(after) } : {}),
      ...(after ? { proposal: after } : {}),
    };
  }
}
