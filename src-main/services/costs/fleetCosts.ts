// What the fleet costs, per app, per tenant group and per component type. Compute comes from
// the component costs appView already priced from the API's size list; databases are priced here
// (databaseCosts.ts), the managed clusters shared among the apps that use them. This file groups
// and sums, and checks each app against the API's own price (propose).
import type {
  AppCost,
  ComponentCost,
  ComponentKind,
  CostCategory,
  DatabaseClusterCost,
  FleetApp,
  FleetCosts,
  GroupCost,
  MonthlyCost,
  TenantSupabaseShare,
} from '../../../src-preload/contract';
import { proposedCost, type DigitalOceanClient } from '../../clients/digitalocean/client';
import type { App, DatabaseCluster, Project } from '../../clients/digitalocean/types';
import { groupOf, toFleetApp } from '../apps/appView';
import { mapWithConcurrency } from '../../base/concurrency';
import { redact } from '../../logging/redact';
import { clusterCosts, clustersProblem, databaseLines } from './databaseCosts';
import {
  infrastructureClusters,
  infrastructureCosts,
  infrastructureSources,
  tenantCarried,
  withInfrastructureGroups,
} from './infrastructureCosts';
import type { InfrastructureInventory } from '../../../src-preload/contract/infrastructure';
import { problemOf } from '../infrastructure/inventory';
import { DEV_DATABASE_SOURCE, MANAGED_DATABASE_SOURCE } from './databasePricing';
import { SUPABASE_COMPUTE_SOURCE } from './supabasePlans';
import { addCosts, ZERO_COST } from './pricing';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import type { InstanceSizeCatalog } from '../apps/instanceSizes';

export const COST_CATEGORIES: readonly CostCategory[] = ['frontend', 'api', 'worker', 'database', 'other'];

export function categoryOf(kind: ComponentKind): CostCategory {
  if (kind === 'static_site') return 'frontend';
  if (kind === 'service') return 'api';
  if (kind === 'worker') return 'worker';
  if (kind === 'database') return 'database';
  return 'other';
}

function emptySplit(): Record<CostCategory, MonthlyCost> {
  return { frontend: ZERO_COST, api: ZERO_COST, worker: ZERO_COST, database: ZERO_COST, other: ZERO_COST };
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

/**
 * One app's bill. `databases` are its spec.databases priced (databaseLines); they replace the
 * unpriced database components appView lists, so the app's total is the sum of its lines.
 */
export function appCostOf(
  app: FleetApp,
  catalog: InstanceSizeCatalog,
  databases: readonly ComponentCost[] = [],
): AppCost {
  const priced = app.components.map((c): ComponentCost => {
    if (c.kind === 'database') {
      const line = databases.find((d) => d.name === c.name);
      if (line) return line;
    }
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
  const components = [...priced, ...databases.filter((d) => !priced.includes(d))];
  const byCategory = emptySplit();
  for (const category of COST_CATEGORIES) {
    byCategory[category] = addCosts(components.filter((c) => c.category === category).map((c) => c.monthlyCost));
  }
  return {
    appId: app.id,
    name: app.name,
    group: app.group,
    components,
    monthlyCost: addCosts(components.map((c) => c.monthlyCost)),
    byCategory,
    estimated: components.some((c) => c.estimate && c.monthlyCost.max > 0),
  };
}

/** What App Platform itself bills for the app (what propose prices): its lines less managed clusters. */
export function platformCostOf(app: AppCost): MonthlyCost {
  return addCosts(app.components.filter((c) => !c.cluster).map((c) => c.monthlyCost));
}

/** An app's or a group's Supabase share a month (0 without a priced project). */
const supabaseOf = (cost: AppCost | GroupCost): number =>
  'appId' in cost ? (cost.supabase?.monthly ?? 0) : (cost.supabase ?? 0);

/** Most expensive first, DigitalOcean and Supabase together, as the by-tenant and by-group bars stack them. */
export function byTotal<T extends AppCost | GroupCost>(a: T, b: T): number {
  return (
    b.monthlyCost.min + supabaseOf(b) - (a.monthlyCost.min + supabaseOf(a)) ||
    b.monthlyCost.max - a.monthlyCost.max ||
    ('name' in a && 'name' in b ? a.name.localeCompare(b.name) : a.group.localeCompare(b.group))
  );
}

/** Groups, most expensive first; ties by name so the chart does not reorder between refreshes. */
export function groupCosts(apps: readonly AppCost[]): GroupCost[] {
  const byGroup = new Map<string, AppCost[]>();
  for (const app of apps) byGroup.set(app.group, [...(byGroup.get(app.group) ?? []), app]);
  return [...byGroup.entries()]
    .map(([group, members]): GroupCost => ({
      group,
      appIds: members.map((a) => a.appId),
      monthlyCost: addCosts(members.map((a) => a.monthlyCost)),
      byCategory: addSplits(members.map((a) => a.byCategory)),
      estimated: members.some((a) => a.estimated),
      // Shares of one project add back up to it: a group pays its project once, whoever uses it.
      supabase: roundCents(members.reduce((sum, a) => sum + supabaseOf(a), 0)),
    }))
    .sort(byTotal);
}

const roundCents = (n: number) => Math.round(n * 100) / 100;

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

/**
 * Each app's Supabase share (the tenants domain's figure, from the same apps), or undefined when
 * the context has no Supabase account.
 */
export type TenantSupabaseRead = (
  apps: readonly App[],
) => Promise<{ shares: ReadonlyMap<string, TenantSupabaseShare>; problem?: string } | undefined>;

type CostsClient = Pick<DigitalOceanClient, 'listApps' | 'listProjects' | 'propose' | 'listDatabaseClusters'>;

/** The apps and projects this service has read, handed to the infrastructure read so it does not ask again. */
export type FleetLists = Pick<DigitalOceanClient, 'listApps' | 'listProjects'>;

/** Droplets, balancers and clusters beside the apps, placed among the apps and projects given. */
export type InfrastructureRead = (fleet: FleetLists) => Promise<InfrastructureInventory>;

/** Propose is one request per app: a few at a time keeps a large fleet under the burst limit. */
const PROPOSE_CONCURRENCY = 4;
/** An unchanged spec keeps its price; re-asking on every visit would spend the rate limit. */
const PROPOSE_TTL_MS = 10 * 60_000;
/** Long enough to share one read between calls made together, short enough that Refresh re-reads. */
const READ_TTL_MS = 2_000;

type Clusters = { list: DatabaseClusterCost[] } | { problem: string };

/** A read shared by the calls made together (fleet costs and the bill's run rate), forgotten on failure. */
class SharedRead<T> {
  private last: { at: number; value: Promise<T> } | undefined;
  constructor(
    private readonly read: () => Promise<T>,
    private readonly now: () => number,
  ) {}
  get(): Promise<T> {
    if (!this.last || this.now() - this.last.at > READ_TTL_MS) {
      const value = this.read();
      this.last = { at: this.now(), value };
      value.catch(() => (this.last = undefined));
    }
    return this.last.value;
  }
}

export class FleetCostsService {
  private readonly proposals = new Map<string, { at: number; cost: Promise<number | undefined> }>();
  private readonly apps: SharedRead<App[]>;
  private readonly projects: SharedRead<Project[]>;
  private readonly clusters: SharedRead<DatabaseCluster[] | Error>;
  private readonly infrastructure: SharedRead<InfrastructureInventory | Error | undefined>;

  constructor(
    private readonly client: CostsClient,
    private readonly sizes: InstanceSizeCache,
    private readonly now: () => number = Date.now,
    private readonly tenantSupabase?: TenantSupabaseRead,
    /** Droplets, balancers and clusters beside the apps (#18); absent, only the apps are priced. */
    infrastructure?: InfrastructureRead,
  ) {
    // The Costs view asks for fleet costs and the bill (which needs the run rate) at once: both
    // share one list of apps and clusters rather than spending two requests of the rate limit each.
    this.apps = new SharedRead(() => client.listApps(), now);
    this.projects = new SharedRead(() => client.listProjects(), now);
    // The infrastructure read places droplets among the same apps and projects: it is handed
    // these reads rather than listing both again on every visit.
    const lists: FleetLists = { listApps: () => this.apps.get(), listProjects: () => this.projects.get() };
    this.infrastructure = new SharedRead(
      () =>
        infrastructure
          ? infrastructure(lists).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
          : Promise.resolve(undefined),
      now,
    );
    // A refused cluster list is an answer (the totals say what is missing), not a failed view.
    this.clusters = new SharedRead(
      () => client.listDatabaseClusters().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      now,
    );
  }

  private pricedClusters(apps: readonly App[], read: DatabaseCluster[] | Error): Clusters {
    if (!(read instanceof Error)) return { list: clusterCosts(read, apps) };
    // Unread clusters only leave a gap the founder must hear about when an app uses one; a token
    // without database:read on a fleet without managed databases loses nothing worth a warning.
    const uses = apps.some((a) => (a.spec.databases ?? []).some((d) => d.production || d.cluster_name));
    return uses ? { problem: clustersProblem(read) } : { list: [] };
  }

  /** Every app's bill and the clusters', from the same reads: the run rate and the view agree. */
  private async bills(projects?: Promise<ReadonlyMap<string, string>>) {
    // All at once: each is a request, and the view waits for the slowest.
    const [apps, catalog, read, names, infra] = await Promise.all([
      this.apps.get(),
      this.sizes.catalog(),
      this.clusters.get(),
      projects,
      this.infrastructure.get(),
    ]);
    const infrastructure = infra && !(infra instanceof Error) ? infrastructureCosts(infra) : [];
    const carried = infrastructureClusters(infrastructure);
    // Tenants' databases in a cluster the apps name (Presence360's churches in presence360-pg)
    // carry their shares in their own rows; the apps split the rest.
    const byTenants = tenantCarried(infrastructure);
    const clusters = this.pricedClusters(apps, read);
    const list = 'list' in clusters ? clusters.list : undefined;
    const problem = 'problem' in clusters ? clusters.problem : undefined;
    const rows = apps.map((app) =>
      appCostOf(toFleetApp(app, catalog, names), catalog, databaseLines(app, list, problem, byTenants)),
    );
    // A cluster no app names still bills: once, for the account.
    // (Unless an infrastructure row already carries it.)
    const unused = (list ?? []).filter(
      (c) => c.appIds.length === 0 && c.monthlyPrice !== undefined && !carried.has(c.name),
    );
    const monthlyCost = addCosts([
      ...rows.map((r) => r.monthlyCost),
      ...unused.map((c) => ({ min: c.monthlyPrice!, max: c.monthlyPrice! })),
      ...infrastructure.map((r) => ({ min: r.monthlyCost, max: r.monthlyCost })),
    ]);
    return {
      apps,
      rows,
      clusters: list ?? [],
      problem,
      monthlyCost,
      estimated: unused.length > 0 || rows.some((r) => r.estimated) || infrastructure.some((r) => r.estimated),
      infrastructure,
      ...(infra instanceof Error
        ? { infrastructureProblem: problemOf('droplets, load balancers and clusters', infra) }
        : {}),
      ...(infra && !(infra instanceof Error) && infra.problems.length
        ? { infrastructureProblem: infra.problems.join(' ') }
        : {}),
    };
  }

  /** The fleet's monthly cost at minimum scale: the apps, their databases and unused clusters. */
  async runRate(): Promise<number> {
    return (await this.bills()).monthlyCost.min;
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
    const projects = this.projects.get().then(
      (list) => new Map(list.filter((p) => p.id && p.name).map((p) => [p.id!, p.name!])),
      // Without project:read the fleet is grouped by app name, as on the overview.
      () => new Map<string, string>(),
    );
    // Read beside propose: the Supabase directory is one read shared with the Supabase panel's.
    const supabase = this.supabaseShares();
    const bill = await this.bills(projects);
    const proposed = await mapWithConcurrency(bill.apps, PROPOSE_CONCURRENCY, (app: App) => this.proposedCost(app));
    const shares = await supabase;
    const rows = bill.rows
      .map((cost, i): AppCost => {
        const share = shares?.shares.get(cost.appId);
        const withShare = share ? { ...cost, supabase: share } : cost;
        const api = proposed[i];
        if (api === undefined || !Number.isFinite(api)) return withShare;
        // Propose prices what App Platform bills; a managed cluster is billed on its own.
        const mismatch = proposalMismatch(platformCostOf(cost), api);
        return { ...withShare, proposedCost: api, ...(mismatch ? { mismatch } : {}) };
      })
      .sort(byTotal);
    const hasDatabases = rows.some((r) => r.components.some((c) => c.kind === 'database')) || bill.clusters.length > 0;
    return {
      fetchedAt: new Date().toISOString(),
      apps: rows,
      groups: withInfrastructureGroups(groupCosts(rows), bill.infrastructure),
      monthlyCost: bill.monthlyCost,
      proposeFailures: proposed.filter((p) => p === undefined).length,
      databases: bill.clusters,
      ...(bill.problem ? { databasesProblem: bill.problem } : {}),
      estimated: bill.estimated,
      priceSources: [
        ...new Set([
          ...(hasDatabases ? [MANAGED_DATABASE_SOURCE, DEV_DATABASE_SOURCE] : []),
          ...infrastructureSources(bill.infrastructure),
        ]),
      ],
      ...(bill.infrastructure.length ? { infrastructure: bill.infrastructure } : {}),
      ...(bill.infrastructureProblem ? { infrastructureProblem: bill.infrastructureProblem } : {}),
      ...(shares
        ? {
            supabase: {
              monthly: roundCents(rows.reduce((sum, r) => sum + (r.supabase?.monthly ?? 0), 0)),
              source: SUPABASE_COMPUTE_SOURCE,
              ...(shares.problem ? { problem: shares.problem } : {}),
            },
          }
        : {}),
    };
  }

  /** The fleet's tenant group names, as the overview and the cost chart name them (the Supabase panel's). */
  async tenantGroups(): Promise<string[]> {
    const [apps, projects] = await Promise.all([this.apps.get(), this.projects.get().catch(() => [])]);
    const names = new Map(projects.filter((p) => p.id && p.name).map((p) => [p.id!, p.name!]));
    return [...new Set(apps.map((app) => groupOf(app, names)))];
  }

  /** The tenants' Supabase shares; a failed read is a note beside the totals, never a failed page. */
  private async supabaseShares(): Promise<Awaited<ReturnType<TenantSupabaseRead>>> {
    if (!this.tenantSupabase) return undefined;
    try {
      return await this.tenantSupabase(await this.apps.get());
    } catch (error) {
      const reason = redact(error instanceof Error ? error.message : String(error));
      return { shares: new Map(), problem: `The tenants’ Supabase shares could not be read: ${reason}` };
    }
  }
}
