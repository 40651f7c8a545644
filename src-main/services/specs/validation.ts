// Checking a spec: YAML first (instant, located), then a few local checks, then the API's own
// verdict and price (POST /v2/apps/propose) for the draft and — for an existing app — for the live
// spec, so the editor can show the monthly cost before and after. The local checks are hints:
// whether the spec is valid is the YAML's and the API's say, plus the gates (see problems.ts).
import type { SpecProblem, SpecValidation } from '../../../src-preload/contract';
import type { DigitalOceanClient, ProposeResult } from '../../clients/digitalocean/client';
import type { AppRegion, AppSpec } from '../../clients/digitalocean/types';
import type { InstanceSizeCache } from '../instanceSizeCache';
import type { InstanceSizeCatalog } from '../instanceSizes';
import { apiProblem, isGate, isSpecRefusal, schemaProblems, type CheckContext } from './problems';
import { hasErrors, type ParsedSpec } from './yamlSpec';

export type CheckClient = Pick<DigitalOceanClient, 'propose' | 'listRegions'>;

export interface CheckOptions extends Pick<CheckContext, 'appName' | 'pendingSecrets' | 'secretsToReenter' | 'secretMissing'> {
  /** Validate as an update of this app (propose's app_id). */
  appId?: string;
  /** The live spec, priced for monthlyCostBefore. */
  liveSpec?: AppSpec;
}

export type CheckedSpec = SpecValidation & { proposal?: ProposeResult };

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

  async check(parsed: ParsedSpec, options: CheckOptions): Promise<CheckedSpec> {
    if (hasErrors(parsed.problems)) return { valid: false, problems: parsed.problems };
    const spec = parsed.doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    // The lists only sharpen the local checks; without them the API still decides.
    const lists = await this.lists().catch(() => undefined);
    const problems: SpecProblem[] = [...parsed.problems, ...schemaProblems(parsed, spec, { ...options, ...lists })];
    const [after, before] = await Promise.all([
      this.client.propose(spec as AppSpec, options.appId).catch((error: unknown) => {
        if (!isSpecRefusal(error)) throw error;
        problems.push(apiProblem(parsed, error));
        return undefined;
      }),
      // A live spec the API no longer likes still has a price we just cannot show.
      options.liveSpec ? this.client.propose(options.liveSpec, options.appId).catch(() => undefined) : undefined,
    ]);
    return {
      valid: !problems.some((p) => p.severity === 'error' && (p.source !== 'schema' || isGate(p))),
      problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      ...(before?.app_cost !== undefined ? { monthlyCostBefore: before.app_cost } : {}),
      ...(after?.app_cost !== undefined ? { monthlyCostAfter: after.app_cost } : {}),
      ...(after ? { proposal: after } : {}),
    };
  }
}
