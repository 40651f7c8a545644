// An app's databases as lines of its bill. A managed cluster is one bill however many apps use
// it, so each app that names it carries an even share: the apps' totals then add up to the fleet's
// with the cluster counted once. A cluster no app names still bills, for the account.
import type { ComponentCost, DatabaseClusterCost } from '../../../src-preload/contract';
import type { App, DatabaseCluster } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { clusterMonthlyPrice, clusterPriceNote, DEV_DATABASE_USD } from './databasePricing';

type SpecDatabase = NonNullable<App['spec']['databases']>[number];

/** A production database lives in a managed cluster; anything else is an App Platform dev database. */
const clusterOf = (d: SpecDatabase): string | undefined =>
  d.production || d.cluster_name ? d.cluster_name : undefined;

/** Every cluster with its price and the apps that name it (in the apps' order). */
export function clusterCosts(clusters: readonly DatabaseCluster[], apps: readonly App[]): DatabaseClusterCost[] {
  return clusters.map((c) => {
    const price = clusterMonthlyPrice(c);
    return {
      name: c.name,
      engine: c.engine,
      size: c.size,
      nodes: Math.max(1, c.num_nodes),
      ...(c.region ? { region: c.region } : {}),
      ...(price !== undefined ? { monthlyPrice: price } : {}),
      note: clusterPriceNote(c, price),
      appIds: apps.filter((a) => (a.spec.databases ?? []).some((d) => clusterOf(d) === c.name)).map((a) => a.id ?? ''),
    };
  });
}

/** Why the clusters could not be priced, in words; the cost they add is then missing. */
export function clustersProblem(error: unknown): string {
  if (error instanceof ApiError && error.code === 'forbidden') {
    return 'The token may not read database clusters (database:read), so managed databases are not in the totals.';
  }
  const why = error instanceof Error ? error.message : String(error);
  return `Database clusters could not be read (${why}), so managed databases are not in the totals.`;
}

const cents = (usd: number) => Math.round(usd * 100) / 100;
const usd = (n: number) => `$${n.toFixed(2)}`;

/**
 * The app's spec.databases priced: $7 a dev database; a managed cluster's published price split
 * evenly among the apps that name it. `clusters` is undefined when they could not be read.
 * `tenantCarried` is what tenants' own rows carry of a cluster (their databases' shares): the apps
 * split only the rest, so the cluster is counted once.
 */
export function databaseLines(
  app: App,
  clusters: readonly DatabaseClusterCost[] | undefined,
  problem?: string,
  tenantCarried: ReadonlyMap<string, number> = new Map(),
): ComponentCost[] {
  return (app.spec.databases ?? []).map((d): ComponentCost => {
    const base = { name: d.name, kind: 'database' as const, category: 'database' as const };
    const clusterName = clusterOf(d);
    if (clusterName === undefined) {
      return {
        ...base,
        scale: '×1',
        unitPrice: DEV_DATABASE_USD,
        monthlyCost: { min: DEV_DATABASE_USD, max: DEV_DATABASE_USD },
        costNote: `App Platform dev database (${d.engine ?? 'PG'}): ${usd(DEV_DATABASE_USD)} a month.`,
      };
    }
    const zero = { ...base, scale: '', monthlyCost: { min: 0, max: 0 }, cluster: clusterName };
    const cluster = clusters?.find((c) => c.name === clusterName);
    if (!cluster) {
      const why = problem ?? 'it is not among the account’s database clusters';
      return { ...zero, costNote: `Managed cluster ${clusterName}: not priced — ${why}` };
    }
    if (cluster.monthlyPrice === undefined) return { ...zero, sizeSlug: cluster.size, costNote: cluster.note };
    const sharers = Math.max(1, cluster.appIds.length);
    const carried = Math.min(cluster.monthlyPrice, tenantCarried.get(clusterName) ?? 0);
    const part = cents(cluster.monthlyPrice - carried);
    // The first app takes the odd cent, so the shares add up to the apps' part exactly.
    const even = cents(part / sharers);
    const share = cluster.appIds.indexOf(app.id ?? '') === 0 ? cents(part - even * (sharers - 1)) : even;
    const shape = cluster.nodes > 1 ? `${cluster.size} × ${cluster.nodes} nodes` : cluster.size;
    const what =
      carried > 0
        ? `Share of managed cluster ${clusterName} (${shape}, ${usd(cluster.monthlyPrice)} a month; its tenants’ databases carry ${usd(carried)} in their own rows; the rest, ${usd(part)}, used by ${sharers} app${sharers === 1 ? '' : 's'})`
        : sharers > 1
          ? `Share of managed cluster ${clusterName} (${shape}, ${usd(cluster.monthlyPrice)} a month, used by ${sharers} apps)`
          : `Managed cluster ${clusterName} (${shape}, ${usd(cluster.monthlyPrice)} a month)`;
    // Standby nodes may bill below a primary: the published node price times the nodes is a ceiling.
    const nodes = cluster.nodes > 1 ? ', each node at the single-node price' : '';
    return {
      ...zero,
      sizeSlug: cluster.size,
      scale: sharers > 1 ? `×${cluster.nodes} ÷ ${sharers} apps` : `×${cluster.nodes}`,
      unitPrice: cents(cluster.monthlyPrice / cluster.nodes),
      monthlyCost: { min: share, max: share },
      estimate: true,
      costNote: `${what}: estimate from DigitalOcean’s published prices${nodes}.`,
    };
  });
}
