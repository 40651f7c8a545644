// The sandbox account's Managed Database clusters (GET /v2/databases). A cluster is there because
// an app's spec.databases names it (cluster_name), as on a real account where the cluster had to
// exist before the app could attach it; the demo's are sized here, any other gets the smallest
// size. They bill on their own, so the account's usage includes them (billing.ts).
import type { AppSpec, DatabaseCluster } from '../../clients/digitalocean/types';
import { settleInfra } from '../infra/model';
import { presentCluster } from '../infra/present';
import { seededRandom, seededUuid, type SandboxState } from '../state';

type Engine = DatabaseCluster['engine'];
type Shape = Pick<DatabaseCluster, 'engine' | 'version' | 'size' | 'num_nodes' | 'storage_size_mib'>;

/** The demo fleet's clusters: Presence360's Postgres, shared by its control plane and tenant plane. */
const DEMO_CLUSTERS: Readonly<Record<string, Shape>> = {
  'presence360-pg': { engine: 'pg', version: '16', size: 'db-s-2vcpu-4gb', num_nodes: 1, storage_size_mib: 61_440 },
};

const ENGINE_OF_SPEC: Readonly<Record<string, Engine>> = {
  PG: 'pg',
  MYSQL: 'mysql',
  REDIS: 'redis',
  VALKEY: 'valkey',
  MONGODB: 'mongodb',
  KAFKA: 'kafka',
  OPENSEARCH: 'opensearch',
};

/** App Platform regions are areas; a cluster lives in one datacenter of the area. */
const DATACENTER_OF_REGION: Readonly<Record<string, string>> = {
  nyc: 'nyc3',
  ams: 'ams3',
  sfo: 'sfo3',
  sgp: 'sgp1',
  lon: 'lon1',
  fra: 'fra1',
  tor: 'tor1',
  blr: 'blr1',
  syd: 'syd1',
  atl: 'atl1',
};

const clusterNameOf = (d: NonNullable<AppSpec['databases']>[number]) =>
  d.production || d.cluster_name ? d.cluster_name : undefined;

/**
 * The clusters the account holds (infra/model.ts), then every other cluster some app names, with
 * the first naming app's region and engine, in the order met.
 */
export function clustersOf(state: SandboxState): DatabaseCluster[] {
  settleInfra(state);
  const found = new Map<string, DatabaseCluster>();
  for (const stored of state.infra?.clusters.values() ?? []) found.set(stored.cluster.name, presentCluster(stored));
  for (const record of state.apps.values()) {
    const spec = record.app.spec;
    for (const d of spec.databases ?? []) {
      const name = clusterNameOf(d);
      if (!name || found.has(name)) continue;
      const shape: Shape = DEMO_CLUSTERS[name] ?? {
        engine: ENGINE_OF_SPEC[d.engine ?? 'PG'] ?? 'pg',
        size: 'db-s-1vcpu-1gb',
        num_nodes: 1,
        storage_size_mib: 10_240,
      };
      // Stable per name, so a cluster keeps its id from run to run.
      const random = seededRandom([...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7));
      found.set(name, {
        id: seededUuid(random),
        name,
        ...shape,
        region: DATACENTER_OF_REGION[spec.region ?? 'nyc'] ?? 'nyc3',
        status: 'online',
        created_at: new Date(record.app.created_at ?? state.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        db_names: (spec.databases ?? []).filter((x) => clusterNameOf(x) === name && x.db_name).map((x) => x.db_name!),
        tags: [],
      });
    }
  }
  return [...found.values()];
}
