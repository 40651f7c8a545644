// Droplets, block storage volumes, load balancers and the database clusters no app names, as
// lines of the bill: one row per product and environment, beside the apps in every total, chart
// and the CSV. A droplet's price is its size's price_monthly (the API's own); a volume's, a
// balancer's and a cluster's come from the published prices and are marked estimates. A shared
// cluster holding tenants' databases (tenant_<slug>) is split into each database's even share:
// each tenant's shares make a row of their own (a church of Presence360's is a tenant without an
// app), marked as a share and an estimate. What the cluster's other databases carry stays with the
// apps whose specs name it (databaseCosts.ts prices their part), or else with its product's row:
// the cluster is counted once.
import type {
  CostCategory,
  GroupCost,
  InfrastructureCost,
  InfrastructureCostLine,
  InfrastructureInventory,
  MonthlyCost,
  PriceSource,
} from '../../../src-preload/contract';
import { MANAGED_DATABASE_SOURCE } from './databasePricing';
import { LOAD_BALANCER_SOURCE, VOLUME_SOURCE } from './infrastructurePricing';

const cents = (n: number) => Math.round(n * 100) / 100;
const usd = (n: number) => `$${n.toFixed(2)}`;

/** What a droplet does, from its role: tag, in the Costs view's categories. */
export function categoryOfRole(role: string | undefined): CostCategory {
  if (!role) return 'other';
  if (/worker|queue|celery/i.test(role)) return 'worker';
  if (/^(web|frontend|static)/i.test(role)) return 'frontend';
  return 'api';
}

export function infrastructureCosts(inventory: InfrastructureInventory): InfrastructureCost[] {
  const rows = new Map<string, InfrastructureCost>();
  const rowOf = (group: string, environment: string | undefined, tenant?: string) => {
    const key = `${group}\u0000${environment ?? ''}\u0000${tenant ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      const label = environment ? `${group} · ${environment}` : `${group} · infrastructure`;
      row = {
        group,
        ...(environment ? { environment } : {}),
        ...(tenant ? { tenant } : {}),
        label,
        lines: [],
        monthlyCost: 0,
        estimated: false,
      };
      rows.set(key, row);
    }
    return row;
  };
  const add = (group: string, environment: string | undefined, line: InfrastructureCostLine) => {
    const row = rowOf(group, environment, line.tenant);
    row.lines.push(line);
    row.monthlyCost = cents(row.monthlyCost + line.monthlyCost);
    row.estimated ||= line.estimate && line.monthlyCost > 0;
  };

  for (const d of inventory.droplets) {
    add(d.group, d.environment, {
      name: d.name,
      kind: 'droplet',
      category: categoryOfRole(d.role),
      sizeSlug: d.sizeSlug,
      scale: '×1',
      ...(d.monthlyPrice !== undefined ? { unitPrice: d.monthlyPrice } : {}),
      monthlyCost: d.monthlyPrice ?? 0,
      estimate: false,
      note:
        d.monthlyPrice === undefined
          ? 'Droplet: its size has no price in the API’s size list.'
          : `Droplet${d.role ? ` (${d.role})` : ''}: the size list’s monthly price.`,
    });
  }
  for (const v of inventory.volumes) {
    add(v.group, v.environment, {
      name: v.name,
      kind: 'volume',
      category: 'other',
      sizeSlug: `${v.sizeGib} GiB`,
      scale: '×1',
      unitPrice: v.monthlyPrice,
      monthlyCost: v.monthlyPrice,
      estimate: true,
      note: v.priceNote,
    });
  }
  for (const lb of inventory.loadBalancers) {
    add(lb.group, lb.environment, {
      name: lb.name,
      kind: 'load_balancer',
      category: 'other',
      scale: `×${lb.nodes}`,
      ...(lb.monthlyPrice !== undefined ? { unitPrice: cents(lb.monthlyPrice / lb.nodes) } : {}),
      monthlyCost: lb.monthlyPrice ?? 0,
      estimate: lb.monthlyPrice !== undefined,
      note: lb.priceNote,
    });
  }
  for (const c of inventory.clusters) {
    const shared = c.databases.filter((db) => db.monthlyShare !== undefined);
    const base = { kind: 'database' as const, category: 'database' as const, sizeSlug: c.size, cluster: c.name };
    const withTenants = c.monthlyPrice !== undefined && shared.some((db) => db.tenant);
    // A cluster an app's spec names, without tenants' databases, is all in those apps' rows.
    if (c.billedWithApps.length > 0 && !withTenants) continue;
    if (!withTenants) {
      add(c.group, c.environment, {
        ...base,
        name: c.name,
        scale: `×${c.nodes}`,
        ...(c.monthlyPrice !== undefined ? { unitPrice: cents(c.monthlyPrice / c.nodes) } : {}),
        monthlyCost: c.monthlyPrice ?? 0,
        estimate: c.monthlyPrice !== undefined,
        note: c.priceNote,
      });
      continue;
    }
    // With apps naming it, only the tenants' shares are lines here; the apps carry the rest.
    for (const db of shared.filter((d) => d.tenant || c.billedWithApps.length === 0)) {
      add(c.group, c.environment, {
        ...base,
        name: `${db.name} (${c.name})`,
        scale: `÷ ${shared.length} databases`,
        unitPrice: c.monthlyPrice!,
        monthlyCost: db.monthlyShare!,
        estimate: true,
        ...(db.tenant ? { tenant: db.tenant } : {}),
        note: `${db.tenant ? `Tenant ${db.tenant}’s` : 'Its'} share of managed cluster ${c.name} (${c.size}, ${usd(c.monthlyPrice!)} a month across ${shared.length} databases): estimate from DigitalOcean’s published prices.`,
      });
    }
  }
  for (const row of rows.values()) {
    // "grace · share of presence360-pg": the row is a share, and of what.
    if (row.tenant)
      row.label = `${row.tenant} · share of ${[...new Set(row.lines.map((l) => l.cluster))].join(' and ')}`;
  }
  return [...rows.values()].sort((a, b) => b.monthlyCost - a.monthlyCost || a.label.localeCompare(b.label));
}

const ZERO: MonthlyCost = { min: 0, max: 0 };
const plus = (a: MonthlyCost, n: number): MonthlyCost => ({ min: cents(a.min + n), max: cents(a.max + n) });

/** The product groups with each group's infrastructure added (a group of droplets alone is added). */
export function withInfrastructureGroups(
  groups: readonly GroupCost[],
  rows: readonly InfrastructureCost[],
): GroupCost[] {
  const byName = new Map(groups.map((g) => [g.group, { ...g, byCategory: { ...g.byCategory } }]));
  for (const row of rows) {
    const group = byName.get(row.group) ?? {
      group: row.group,
      appIds: [],
      monthlyCost: ZERO,
      byCategory: { frontend: ZERO, api: ZERO, worker: ZERO, database: ZERO, other: ZERO },
      estimated: false,
    };
    for (const line of row.lines) {
      group.monthlyCost = plus(group.monthlyCost, line.monthlyCost);
      group.byCategory[line.category] = plus(group.byCategory[line.category], line.monthlyCost);
    }
    group.estimated ||= row.estimated;
    byName.set(row.group, group);
  }
  return [...byName.values()].sort(
    (a, b) =>
      b.monthlyCost.min - a.monthlyCost.min || b.monthlyCost.max - a.monthlyCost.max || a.group.localeCompare(b.group),
  );
}

/**
 * What the tenants' rows carry of each cluster (name → dollars a month): the apps that name the
 * cluster price only the rest, so it is counted once.
 */
export function tenantCarried(rows: readonly InfrastructureCost[]): Map<string, number> {
  const carried = new Map<string, number>();
  for (const row of rows) {
    for (const line of row.lines) {
      if (line.tenant && line.cluster)
        carried.set(line.cluster, cents((carried.get(line.cluster) ?? 0) + line.monthlyCost));
    }
  }
  return carried;
}

/** Clusters the infrastructure rows carry: the account's "no app uses it" line must not count them again. */
export const infrastructureClusters = (rows: readonly InfrastructureCost[]): Set<string> =>
  new Set(rows.flatMap((r) => r.lines.flatMap((l) => (l.cluster ? [l.cluster] : []))));

export function infrastructureSources(rows: readonly InfrastructureCost[]): PriceSource[] {
  const kinds = new Set(rows.flatMap((r) => r.lines.filter((l) => l.estimate).map((l) => l.kind)));
  return [
    ...(kinds.has('volume') ? [VOLUME_SOURCE] : []),
    ...(kinds.has('load_balancer') ? [LOAD_BALANCER_SOURCE] : []),
    ...(kinds.has('database') ? [MANAGED_DATABASE_SOURCE] : []),
  ];
}
