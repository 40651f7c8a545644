// What an app's databases cost. A dev database is App Platform's own ($7, and propose includes
// it). A production database is a Managed Database cluster billed on its own: the API says its
// size and node count (GET /v2/databases) but no price — neither the cluster nor
// /v2/databases/options carries one — so it is priced from DigitalOcean's published table and
// always marked an estimate.
import type { PriceSource } from '../../../src-preload/contract';
import type { DatabaseCluster } from '../../clients/digitalocean/types';

/** App Platform's dev database, per month (the pricing page; propose agrees). */
export const DEV_DATABASE_USD = 7;

export const DEV_DATABASE_SOURCE: PriceSource = {
  label: 'DigitalOcean: App Platform pricing',
  url: 'https://www.digitalocean.com/pricing/app-platform',
};

export const MANAGED_DATABASE_SOURCE: PriceSource = {
  label: 'DigitalOcean: Managed Databases pricing',
  url: 'https://www.digitalocean.com/pricing/managed-databases',
};

/**
 * One node a month by size slug, as published for PostgreSQL, MySQL and Caching (Redis/Valkey),
 * which share the basic db-s sizes. Other engines (MongoDB, Kafka, OpenSearch) and the
 * general-purpose/storage-optimized sizes are priced differently and are left unpriced rather
 * than guessed.
 */
const NODE_USD: Readonly<Record<string, number>> = {
  'db-s-1vcpu-1gb': 15,
  'db-s-1vcpu-2gb': 30,
  'db-s-2vcpu-4gb': 60,
  'db-s-4vcpu-8gb': 120,
  'db-s-6vcpu-16gb': 240,
  'db-s-8vcpu-32gb': 480,
  'db-s-16vcpu-64gb': 960,
};
const PRICED_ENGINES: ReadonlySet<string> = new Set(['pg', 'mysql', 'redis', 'valkey']);

export type ClusterShape = Pick<DatabaseCluster, 'engine' | 'size' | 'num_nodes'>;

/** The cluster's documented monthly price, or undefined when the table has none for it. */
export function clusterMonthlyPrice(cluster: ClusterShape): number | undefined {
  const node = PRICED_ENGINES.has(cluster.engine) ? NODE_USD[cluster.size] : undefined;
  if (node === undefined) return undefined;
  return Math.round(node * Math.max(1, cluster.num_nodes) * 100) / 100;
}

/** How the cluster was priced, or why it has no number, in words for the table and the CSV. */
export function clusterPriceNote(cluster: ClusterShape, price: number | undefined): string {
  const nodes = Math.max(1, cluster.num_nodes);
  const shape = `${cluster.size}${nodes > 1 ? ` × ${nodes} nodes` : ''}`;
  if (price === undefined) {
    return `Managed ${cluster.engine} cluster (${shape}): no published price in Fleetdeck’s table, so it is left out of the total.`;
  }
  // Standby nodes may be billed below a primary's price: the published node price is the ceiling.
  const standby = nodes > 1 ? ', each node at the single-node price' : '';
  return `Managed ${cluster.engine} cluster (${shape}): estimate from DigitalOcean’s published prices${standby}.`;
}
