// What the fleet costs, per app, per tenant group and per component type. Every number comes
// from the component costs appView already priced from the API's size list (costs.ts); this file
// only groups and sums them, and checks each app against the API's own price (propose).
import type {
  AppCost,
  ComponentCost,
  ComponentKind,
  CostCategory,
  FleetApp,
  FleetCosts,
  GroupCost,
  MonthlyCost,
} from '../../../src-preload/contract';
import { proposedCost, type DigitalOceanClient } from '../../clients/digitalocean/client';
import type { App } from '../../clients/digitalocean/types';
import { toFleetApp } from '../apps/appView';
import { mapWithConcurrency } from '../../base/concurrency';
import { addCosts, ZERO_COST } from './pricing';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import type { InstanceSizeCatalog } from '../apps/instanceSizes';

export const COST_CATEGORIES: readonly CostCategory[] = ['frontend', 'api', 'worker', 'other'];

export function categoryOf(kind: ComponentKind): CostCategory {
  if (kind === 'static_site') return 'frontend';
  if (kind === 'service') return 'api';
  if (kind === 'worker') return 'worker';
  return 'other';
}

function emptySplit(): Record<CostCategory, MonthlyCost> {
  return { frontend: ZERO_COST, api: ZERO_COST, worker: ZERO_COST, other: ZERO_COST };
}

function addSplits(splits: ReadonlyArray<Record<CostCategory, MonthlyCost>>): Record<CostCategory, MonthlyCost> {
  const total = emptySplit();
  for (const category of COST_CATEGORIES) total[category] = addCosts(splits.map((s) => s[category]));
  return total;
}

/** Scale as the tables show it: "×2", or "2–6" when autoscaled. */
function scaleOf(c: FleetApp['components'][number]): string {
  if (c.autoscaling) return `${c.autoscaling.min}–${c.autoscaling.max}`;
  return c.instanceCount !== undefined ? `×${c.instanceCount}` : '';
}

export function appCostOf(app: FleetApp, catalog: InstanceSizeCatalog): AppCost {
  const components = app.components.map((c): ComponentCost => {
    const priced = !c.costNote && (c.kind === 'service' || c.kind === 'worker' || c.kind === 'job');
    const unitPrice = priced ? catalog.monthlyPrice(c.sizeSlug) : undefined;
    return {
      name: c.name,
      kind: c.kind,
      category: categoryOf(c.kind),
      // Legacy slugs show as the current size they stand for, so tenants compare like for like.
      ...(c.sizeSlug || priced ? { sizeSlug: catalog.resolve(c.sizeSlug)?.slug ?? c.sizeSlug } : {}),
      scale: scaleOf(c),
      ...(unitPrice !== undefined ? { unitPrice } : {}),
      monthlyCost: c.monthlyCost,
      ...(c.costNote ? { costNote: c.costNote } : {}),
    };
  });
  const byCategory = emptySplit();
  for (const category of COST_CATEGORIES) {
    byCategory[category] = addCosts(components.filter((c) => c.category === category).map((c) => c.monthlyCost));
  }
  return { appId: app.id, name: app.name, group: app.group, components, monthlyCost: app.monthlyCost, byCategory };
}

/** Groups, most expensive first; ties by name so the chart does not reorder between refreshes. */
export function groupCosts(apps: readonly AppCost[]): GroupCost[] {
  const byGroup = new Map<string, AppCost[]>();
  for (const app of apps) byGroup.set(app.group, [...(byGroup.get(app.group) ?? []), app]);
  return [...byGroup.entries()]
    .map(([group, members]) => ({
      group,
      appIds: members.map((a) => a.appId),
      monthlyCost: addCosts(members.map((a) => a.monthlyCost)),
      byCategory: addSplits(members.map((a) => a.byCategory)),
    }))
    .sort(
      (a, b) =>
        b.monthlyCost.min - a.monthlyCost.min ||
        b.monthlyCost.max - a.monthlyCost.max ||
        a.group.localeCompare(b.group),
    );
}

/**
 * The API prices an autoscaled app at its minimum; anything from min to max is consistent. A
 * difference beyond a cent means one side knows something the other does not (a renamed size,
 * a new price, a component we do not price), so it is shown rather than hidden.
 */
export function proposalMismatch(ours: MonthlyCost, proposed: number): string | undefined {
  if (proposed >= ours.min - 0.01 && proposed <= ours.max + 0.01) return undefined;
  const fmt = (n: number) => `$${n.toFixed(2)}`;
  const range = ours.min === ours.max ? fmt(ours.min) : `${fmt(ours.min)}–${fmt(ours.max)}`;
  return `DigitalOcean prices this app at ${fmt(proposed)}/month; the size list gives ${range}.`;
}

type CostsClient = Pick<DigitalOceanClient, 'listApps' | 'listProjects' | 'propose'>;

/** Propose is one request per app: a few at a time keeps a large fleet under the burst limit. */
const PROPOSE_CONCURRENCY = 4;
/** An unchanged spec keeps its price; re-asking on every visit would spend the rate limit. */
const PROPOSE_TTL_MS = 10 * 60_000;
/** Long enough to share one read between calls made together, short enough that Refresh re-reads. */
const APPS_TTL_MS = 2_000;

export class FleetCostsService {
  private readonly proposals = new Map<string, { at: number; cost: Promise<number | undefined> }>();
  private apps: { at: number; list: Promise<App[]> } | undefined;

  constructor(
    private readonly client: CostsClient,
    private readonly sizes: InstanceSizeCache,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The Costs view asks for fleet costs and the bill (which needs the run rate) at once: both
   * share one list of apps rather than spending two requests of the rate limit.
   */
  private listApps(): Promise<App[]> {
    if (!this.apps || this.now() - this.apps.at > APPS_TTL_MS) {
      const list = this.client.listApps();
      this.apps = { at: this.now(), list };
      list.catch(() => (this.apps = undefined));
    }
    return this.apps.list;
  }

  /** The fleet's monthly cost at minimum scale from the size list alone. */
  async runRate(): Promise<number> {
    const [apps, catalog] = await Promise.all([this.listApps(), this.sizes.catalog()]);
    return addCosts(apps.map((app) => toFleetApp(app, catalog).monthlyCost)).min;
  }

  private proposedCost(app: App): Promise<number | undefined> {
    const key = `${app.id ?? ''}:${JSON.stringify(app.spec)}`;
    const cached = this.proposals.get(key);
    if (cached && this.now() - cached.at < PROPOSE_TTL_MS) return cached.cost;
    const cost = this.client.propose(app.spec, app.id).then(proposedCost, () => {
      // A failure is not remembered: the next visit asks again.
      this.proposals.delete(key);
      return undefined;
    });
    this.proposals.set(key, { at: this.now(), cost });
    return cost;
  }

  async getFleetCosts(): Promise<FleetCosts> {
    const [apps, catalog, projects] = await Promise.all([
      this.listApps(),
      this.sizes.catalog(),
      this.client.listProjects().then(
        (list) => new Map(list.filter((p) => p.id && p.name).map((p) => [p.id!, p.name!])),
        // Without project:read the fleet is grouped by app name, as on the overview.
        () => new Map<string, string>(),
      ),
    ]);
    const proposed = await mapWithConcurrency(apps, PROPOSE_CONCURRENCY, (app: App) => this.proposedCost(app));
    const rows = apps
      .map((app, i): AppCost => {
        const cost = appCostOf(toFleetApp(app, catalog, projects), catalog);
        const api = proposed[i];
        if (api === undefined || !Number.isFinite(api)) return cost;
        const mismatch = proposalMismatch(cost.monthlyCost, api);
        return { ...cost, proposedCost: api, ...(mismatch ? { mismatch } : {}) };
      })
      .sort((a, b) => b.monthlyCost.min - a.monthlyCost.min || a.name.localeCompare(b.name));
    return {
      fetchedAt: new Date().toISOString(),
      apps: rows,
      groups: groupCosts(rows),
      monthlyCost: addCosts(rows.map((r) => r.monthlyCost)),
      proposeFailures: proposed.filter((p) => p === undefined).length,
    };
  }
}
