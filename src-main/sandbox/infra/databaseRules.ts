// What the sandbox's managed databases accept, and the words of each refusal: database names as
// Postgres takes them, pools within the cluster's connections, and the layouts a cluster may be
// resized to (GET /v2/databases/options). The live API's wording for these refusals is not in the
// spec (its 422 is the generic error body); the sandbox's words name the rule that was broken.
import type { DatabaseOptions } from '../../clients/digitalocean/infrastructure';
import type { DatabaseCluster } from '../../clients/digitalocean/types';
import { connectionLimitOf } from '../../services/infrastructure/clusterFacts';
import type { StoredCluster } from './model';

const REGIONS = ['ams3', 'blr1', 'fra1', 'lon1', 'nyc1', 'nyc2', 'nyc3', 'sfo2', 'sfo3', 'sgp1', 'syd1', 'tor1'];
const BASIC_SIZES = [
  'db-s-1vcpu-1gb',
  'db-s-1vcpu-2gb',
  'db-s-2vcpu-4gb',
  'db-s-4vcpu-8gb',
  'db-s-6vcpu-16gb',
  'db-s-8vcpu-32gb',
  'db-s-16vcpu-64gb',
];
/** A standby needs room to replicate: the smallest size runs alone. */
const HA_SIZES = BASIC_SIZES.filter((s) => s !== 'db-s-1vcpu-1gb');

const engine = (versions: string[]) => ({
  regions: REGIONS,
  versions,
  layouts: [
    { num_nodes: 1, sizes: BASIC_SIZES },
    { num_nodes: 2, sizes: HA_SIZES },
    { num_nodes: 3, sizes: HA_SIZES },
  ],
});

export const SANDBOX_DATABASE_OPTIONS: DatabaseOptions = {
  options: {
    pg: engine(['14', '15', '16', '17']),
    mysql: engine(['8']),
    redis: engine(['7']),
    valkey: engine(['8']),
  },
  version_availability: {},
};

export function layoutAllows(cluster: Pick<DatabaseCluster, 'engine'>, size: string, nodes: number): boolean {
  const options = (SANDBOX_DATABASE_OPTIONS.options as Record<string, ReturnType<typeof engine>>)[cluster.engine];
  return !!options?.layouts.some((l) => l.num_nodes === nodes && l.sizes.includes(size));
}

/** Postgres keeps these for itself; defaultdb is the cluster's own. */
const RESERVED = new Set(['postgres', 'template0', 'template1', 'defaultdb', '_dodb']);
/** NAMEDATALEN − 1: Postgres would cut a longer name, DigitalOcean refuses it. */
export const MAX_DATABASE_NAME = 63;

/** Why the cluster refuses a new database of this name, or undefined when it takes it. */
export function databaseNameRefusal(stored: StoredCluster, name: unknown): string | undefined {
  const engine = stored.cluster.engine;
  if (engine !== 'pg' && engine !== 'mysql') {
    return `A ${engine} cluster has no databases to add: only PostgreSQL and MySQL clusters do.`;
  }
  if (typeof name !== 'string' || name === '') return 'name is required';
  if (name.length > MAX_DATABASE_NAME) return `database name "${name}" is longer than ${MAX_DATABASE_NAME} characters`;
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(name)) {
    return `database name "${name}" may contain only letters, digits, underscores and dashes, and may not begin with a dash`;
  }
  if (RESERVED.has(name.toLowerCase()) || name.toLowerCase().startsWith('pg_')) {
    return `database name "${name}" is reserved`;
  }
  if (stored.dbs.includes(name)) return `database "${name}" already exists`;
  return undefined;
}

export function databaseDeleteRefusal(stored: StoredCluster, name: string): string | undefined {
  if (name === 'defaultdb') return 'database "defaultdb" is the cluster\'s own and cannot be deleted';
  const pool = stored.pools.find((p) => p.db === name);
  if (pool) return `database "${name}" is used by connection pool "${pool.name}": delete the pool first`;
  return undefined;
}

export const POOL_MODES = ['transaction', 'session', 'statement'];

/** Why a pool of this shape does not fit the cluster (the other pools as they are). */
export function poolRefusal(
  stored: StoredCluster,
  pool: { name: string; mode: unknown; size: unknown; db: unknown; user?: unknown },
): string | undefined {
  if (typeof pool.mode !== 'string' || !POOL_MODES.includes(pool.mode)) {
    return `mode must be one of ${POOL_MODES.join(', ')}`;
  }
  if (typeof pool.size !== 'number' || !Number.isInteger(pool.size) || pool.size < 1) {
    return 'size must be a whole number of connections, at least 1';
  }
  if (typeof pool.db !== 'string' || !stored.dbs.includes(pool.db))
    return `database "${String(pool.db)}" does not exist`;
  if (pool.user !== undefined && !stored.users.some((u) => u.name === pool.user)) {
    return `user ${JSON.stringify(pool.user)} does not exist`;
  }
  const limit = connectionLimitOf({ engine: stored.cluster.engine, size: stored.resize?.size ?? stored.cluster.size });
  const others = stored.pools.filter((p) => p.name !== pool.name).reduce((t, p) => t + p.size, 0);
  if (limit !== undefined && others + pool.size > limit) {
    return `The pools would use ${others + pool.size} connections; this cluster has ${limit} (${limit - others} left for this pool).`;
  }
  return undefined;
}
