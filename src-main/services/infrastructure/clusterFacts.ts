// What follows from a cluster's shape: how many connections its pools may share, the sizes it may
// be resized to (the options' layouts, priced from the published table), and the tenants whose
// databases it holds.
import type {
  DatabaseClusterView,
  DatabaseSizeOption,
  InfrastructureTenant,
} from '../../../src-preload/contract/infrastructure';
import type { DatabaseOptions } from '../../clients/digitalocean/infrastructure';
import type { DatabaseCluster } from '../../clients/digitalocean/types';
import { clusterMonthlyPrice } from '../costs/databasePricing';

/**
 * Postgres connections a managed cluster allows: 25 per GB of memory, less 3 DigitalOcean keeps
 * (its documented connection limits). Undefined for other engines or an unreadable size.
 */
export function connectionLimitOf(cluster: Pick<DatabaseCluster, 'engine' | 'size'>): number | undefined {
  if (cluster.engine !== 'pg') return undefined;
  const gb = /-(\d+)gb$/.exec(cluster.size)?.[1];
  return gb ? Number(gb) * 25 - 3 : undefined;
}

type Layout = { num_nodes?: number; sizes?: readonly string[] };

/** Every size × nodes the options allow for the cluster's engine, cheapest first. */
export function resizeOptionsOf(
  cluster: Pick<DatabaseCluster, 'engine' | 'size' | 'num_nodes'>,
  options: DatabaseOptions | undefined,
): DatabaseSizeOption[] {
  const engines = (options?.options ?? {}) as Record<string, { layouts?: readonly Layout[] } | undefined>;
  const layouts = engines[cluster.engine]?.layouts ?? [];
  return layouts
    .flatMap((l) =>
      (l.sizes ?? []).map((size) => {
        const nodes = l.num_nodes ?? 1;
        const price = clusterMonthlyPrice({ engine: cluster.engine, size, num_nodes: nodes });
        return { size, nodes, ...(price !== undefined ? { monthlyPrice: price } : {}) };
      }),
    )
    .sort((a, b) => (a.monthlyPrice ?? Infinity) - (b.monthlyPrice ?? Infinity) || a.nodes - b.nodes);
}

/** Tenants by the databases named after them, with their shares of each cluster. */
export function tenantsOf(clusters: readonly DatabaseClusterView[]): InfrastructureTenant[] {
  const byKey = new Map<string, InfrastructureTenant>();
  for (const c of clusters) {
    for (const db of c.databases) {
      if (!db.tenant) continue;
      const key = `${c.group}\u0000${c.environment ?? ''}\u0000${db.tenant}`;
      const tenant = byKey.get(key) ?? {
        tenant: db.tenant,
        group: c.group,
        ...(c.environment ? { environment: c.environment } : {}),
        databases: [],
        monthlyShare: 0,
      };
      tenant.databases.push({
        cluster: c.name,
        name: db.name,
        ...(db.monthlyShare !== undefined ? { monthlyShare: db.monthlyShare } : {}),
      });
      tenant.monthlyShare = Math.round((tenant.monthlyShare + (db.monthlyShare ?? 0)) * 100) / 100;
      byKey.set(key, tenant);
    }
  }
  return [...byKey.values()];
}
