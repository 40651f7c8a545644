// Managed database clusters beyond the list (usage.ts answers GET /v2/databases): one cluster,
// its databases (list, add, delete), users, connection pools (list, add, resize, delete),
// trusted sources, resize, and the options a cluster may take — in the shapes of the official
// spec. Refusals are 422 with the rule in words (infra/databaseRules.ts).
import { doError, json, notFound, type Router, type SandboxRequest } from '../http';
import {
  databaseDeleteRefusal,
  databaseNameRefusal,
  layoutAllows,
  poolRefusal,
  SANDBOX_DATABASE_OPTIONS,
} from '../infra/databaseRules';
import { infraOf, settleInfra, type StoredCluster } from '../infra/model';
import { presentCluster, presentPool } from '../infra/present';
import { seededRandom, type SandboxState } from '../state';
import { clustersOf } from '../usage/databases';

const refuse = (message: string) => doError(422, 'unprocessable_entity', message);
const bodyOf = (req: SandboxRequest) =>
  (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : {}) as Record<
    string,
    unknown
  >;

export function registerDatabaseRoutes(router: Router, state: SandboxState): void {
  const clusterOf = (req: SandboxRequest): StoredCluster | undefined => {
    settleInfra(state);
    return storedCluster(state, req.params.clusterId ?? '');
  };
  const withCluster =
    (handler: (cluster: StoredCluster, req: SandboxRequest) => ReturnType<typeof json>) => (req: SandboxRequest) => {
      const cluster = clusterOf(req);
      return cluster ? handler(cluster, req) : notFound();
    };

  router
    .add('GET', '/v2/databases/options', () => json(200, SANDBOX_DATABASE_OPTIONS))
    .add(
      'GET',
      '/v2/databases/:clusterId',
      withCluster((c) => json(200, { database: presentCluster(c) })),
    )
    .add(
      'GET',
      '/v2/databases/:clusterId/dbs',
      withCluster((c) => json(200, { dbs: c.dbs.map((name) => ({ name })) })),
    )
    .add(
      'GET',
      '/v2/databases/:clusterId/dbs/:dbName',
      withCluster((c, req) =>
        c.dbs.includes(req.params.dbName ?? '') ? json(200, { db: { name: req.params.dbName } }) : notFound(),
      ),
    )
    .add(
      'POST',
      '/v2/databases/:clusterId/dbs',
      withCluster((c, req) => {
        const name = bodyOf(req).name;
        const refusal = databaseNameRefusal(c, name);
        if (refusal) return refuse(refusal);
        c.dbs.push(name as string);
        return json(201, { db: { name } });
      }),
    )
    .add(
      'DELETE',
      '/v2/databases/:clusterId/dbs/:dbName',
      withCluster((c, req) => {
        const name = req.params.dbName ?? '';
        if (!c.dbs.includes(name)) return notFound();
        const refusal = databaseDeleteRefusal(c, name);
        if (refusal) return refuse(refusal);
        c.dbs = c.dbs.filter((d) => d !== name);
        return { status: 204 };
      }),
    )
    .add(
      'GET',
      '/v2/databases/:clusterId/users',
      withCluster((c) => json(200, { users: c.users.map((u) => ({ ...u })) })),
    )
    .add(
      'GET',
      '/v2/databases/:clusterId/firewall',
      withCluster((c) => json(200, { rules: c.rules.map((r) => ({ ...r })) })),
    )
    .add(
      'GET',
      '/v2/databases/:clusterId/pools',
      withCluster((c) => json(200, { pools: c.pools.map((p) => presentPool(c, p)) })),
    )
    .add(
      'GET',
      '/v2/databases/:clusterId/pools/:poolName',
      withCluster((c, req) => {
        const pool = c.pools.find((p) => p.name === req.params.poolName);
        return pool ? json(200, { pool: presentPool(c, pool) }) : notFound();
      }),
    )
    .add(
      'POST',
      '/v2/databases/:clusterId/pools',
      withCluster((c, req) => {
        const body = bodyOf(req);
        const name = body.name;
        if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(name)) {
          return refuse('name must be 1–63 letters, digits, underscores and dashes');
        }
        if (c.pools.some((p) => p.name === name)) return refuse(`connection pool "${name}" already exists`);
        const refusal = poolRefusal(c, { name, mode: body.mode, size: body.size, db: body.db, user: body.user });
        if (refusal) return refuse(refusal);
        const pool = {
          name,
          mode: body.mode as string,
          size: body.size as number,
          db: body.db as string,
          ...(typeof body.user === 'string' ? { user: body.user } : { user: 'doadmin' }),
        };
        c.pools.push(pool);
        return json(201, { pool: presentPool(c, pool) });
      }),
    )
    .add(
      'PUT',
      '/v2/databases/:clusterId/pools/:poolName',
      withCluster((c, req) => {
        const pool = c.pools.find((p) => p.name === req.params.poolName);
        if (!pool) return notFound();
        const body = bodyOf(req);
        const refusal = poolRefusal(c, {
          name: pool.name,
          mode: body.mode,
          size: body.size,
          db: body.db,
          user: body.user,
        });
        if (refusal) return refuse(refusal);
        Object.assign(pool, {
          mode: body.mode as string,
          size: body.size as number,
          db: body.db as string,
          ...(typeof body.user === 'string' ? { user: body.user } : {}),
        });
        return { status: 204 };
      }),
    )
    .add(
      'DELETE',
      '/v2/databases/:clusterId/pools/:poolName',
      withCluster((c, req) => {
        if (!c.pools.some((p) => p.name === req.params.poolName)) return notFound();
        c.pools = c.pools.filter((p) => p.name !== req.params.poolName);
        return { status: 204 };
      }),
    )
    .add(
      'PUT',
      '/v2/databases/:clusterId/resize',
      withCluster((c, req) => {
        const { size, num_nodes: nodes } = bodyOf(req);
        if (typeof size !== 'string' || typeof nodes !== 'number' || !Number.isInteger(nodes)) {
          return refuse('size and num_nodes are required');
        }
        if (c.resize) return refuse('The cluster is already being resized; wait until it is online again.');
        if (size === c.cluster.size && nodes === c.cluster.num_nodes)
          return refuse('The cluster already has this size.');
        if (!layoutAllows(c.cluster, size, nodes)) {
          return refuse(
            `${size} is not available for a ${c.cluster.engine} cluster of ${nodes} node${nodes === 1 ? '' : 's'}.`,
          );
        }
        c.resize = { size, numNodes: nodes, doneAtMs: state.clock.now() + infraOf(state).timings.clusterResizeMs };
        return { status: 202 };
      }),
    );
}

/**
 * The stored cluster with this id. A cluster only an app's spec names (usage/databases.ts) is
 * stored on first use, with defaultdb, its spec's database and a doadmin user.
 */
export function storedCluster(state: SandboxState, id: string): StoredCluster | undefined {
  const infra = infraOf(state);
  const found = infra.clusters.get(id);
  if (found) return found;
  const derived = clustersOf(state).find((c) => c.id === id);
  if (!derived) return undefined;
  const { db_names: names, users: _users, ...cluster } = derived;
  const random = seededRandom([...id].reduce((h, ch) => (h * 33 + ch.charCodeAt(0)) >>> 0, 5));
  const password = `AVNS_${Array.from({ length: 19 }, () => Math.floor(random() * 36).toString(36)).join('')}`;
  const stored: StoredCluster = {
    cluster,
    dbs: ['defaultdb', ...(names ?? [])],
    users: [{ name: 'doadmin', role: 'primary', password }],
    pools: [],
    rules: [],
    host: `${derived.name}-do-user-1982210-0.l.db.ondigitalocean.com`,
  };
  infra.clusters.set(id, stored);
  return stored;
}
