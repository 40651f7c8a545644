// Reads what the account runs beside App Platform and puts it in the window's terms: droplets,
// block storage volumes, load balancers with their targets' health, database clusters with their databases, users,
// pools and trusted sources, each placed in a product and environment and priced. A part the
// token may not read (a missing scope) becomes a problem in words; the rest still shows.
// Passwords and connection strings the API returns with users and pools are dropped here.
import type {
  DatabaseClusterView,
  DropletView,
  InfrastructureInventory,
  LoadBalancerView,
  TenantDatabase,
} from '../../../src-preload/contract/infrastructure';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { Droplet, InfrastructureClient, LoadBalancer, Volume } from '../../clients/digitalocean/infrastructure';
import type { App, DatabaseCluster, Project } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { mapWithConcurrency } from '../../base/concurrency';
import { clusterMonthlyPrice, clusterPriceNote } from '../costs/databasePricing';
import { loadBalancerMonthlyPrice, loadBalancerNodes, loadBalancerPriceNote } from '../costs/infrastructurePricing';
import { databaseShares, isClusterDefault, placementOf, tenantOfDatabase, type Placement } from './grouping';
import { targetHealthOf } from './targetHealth';
import { connectionLimitOf, resizeOptionsOf, tenantsOf } from './clusterFacts';
import { volumeView } from './volumes';

export type InventoryClient = Pick<
  InfrastructureClient,
  | 'listDroplets'
  | 'listVolumes'
  | 'listSizes'
  | 'listLoadBalancers'
  | 'getLoadBalancerDropletHealth'
  | 'listDatabaseClusters'
  | 'listDatabases'
  | 'listDatabaseUsers'
  | 'listConnectionPools'
  | 'listFirewallRules'
  | 'getDatabaseOptions'
  | 'listProjectResources'
>;
export type FleetClient = Pick<DigitalOceanClient, 'listApps' | 'listProjects'>;

/** `full` is the Infrastructure view; `costs` reads only what prices need (no health, users, pools). */
export type InventoryDepth = 'full' | 'costs';

const AT_ONCE = 4;
/** Target health over the last few minutes: the last point is the state now. */
const HEALTH_WINDOW_SECONDS = 600;

/** A read that may be refused: its failure becomes a sentence, its value a fallback. */
async function part<T>(what: string, read: () => Promise<T>, fallback: T, problems: string[]): Promise<T> {
  try {
    return await read();
  } catch (error) {
    problems.push(problemOf(what, error));
    return fallback;
  }
}

export function problemOf(what: string, error: unknown): string {
  if (error instanceof ApiError && error.code === 'forbidden') {
    return `The token may not read ${what}, so they are not shown or priced.`;
  }
  return `${capitalized(what)} could not be read (${error instanceof Error ? error.message : String(error)}).`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export async function readInventory(
  client: InventoryClient,
  fleet: FleetClient,
  depth: InventoryDepth,
  now: () => number = Date.now,
): Promise<InfrastructureInventory> {
  const problems: string[] = [];
  const [droplets, volumes, sizes, balancers, clusters, apps, projects] = await Promise.all([
    part('droplets (droplet:read)', () => client.listDroplets(), [] as Droplet[], problems),
    part('volumes (block_storage:read)', () => client.listVolumes(), [] as Volume[], problems),
    depth === 'full' ? part('the size list (sizes:read)', () => client.listSizes(), [], problems) : Promise.resolve([]),
    part('load balancers (load_balancer:read)', () => client.listLoadBalancers(), [] as LoadBalancer[], problems),
    part('database clusters (database:read)', () => client.listDatabaseClusters(), [] as DatabaseCluster[], problems),
    part('apps', () => fleet.listApps(), [] as App[], problems),
    fleet.listProjects().catch(() => [] as Project[]),
  ]);
  // Which project holds what: droplets carry no project_id, so each project is asked.
  const projectByUrn = new Map<string, Project>();
  const held = await mapWithConcurrency(projects, AT_ONCE, (p) =>
    p.id ? client.listProjectResources(p.id).catch(() => []) : Promise.resolve([]),
  );
  projects.forEach((p, i) => held[i]!.forEach((r) => r.urn && projectByUrn.set(r.urn, p)));
  const groups = [...new Set(projects.flatMap((p) => (p.name ? [p.name] : [])))];
  const place = (urn: string, tags: readonly string[]): Placement => placementOf(urn, tags, projectByUrn, groups);

  const dropletViews = droplets.map((d) => dropletView(d, place(`do:droplet:${d.id}`, d.tags ?? [])));
  const names = new Map(droplets.map((d) => [d.id, d.name]));
  const dropletById = new Map(dropletViews.map((d) => [d.id, d]));
  // A volume goes with its droplet; else with its project or a plain tag; else it is unplaced.
  const volumeViews = volumes.map((v) =>
    volumeView(v, dropletById, (urn, tags) =>
      projectByUrn.has(urn) || tags.some((t) => !t.includes(':')) ? place(urn, tags) : undefined,
    ),
  );
  const endSec = Math.floor(now() / 1000);
  const lbViews = await mapWithConcurrency(balancers, AT_ONCE, async (lb) => {
    const view = loadBalancerView(lb, place(`do:loadbalancer:${lb.id}`, []), names);
    if (depth !== 'full' || !lb.id || view.targets.length === 0) return view;
    try {
      const series = await client.getLoadBalancerDropletHealth(lb.id, endSec - HEALTH_WINDOW_SECONDS, endSec);
      return { ...view, targets: view.targets.map((t) => ({ ...t, health: targetHealthOf(series, t.dropletId) })) };
    } catch (error) {
      return { ...view, healthProblem: problemOf('target health (monitoring:read)', error) };
    }
  });

  const options = depth === 'full' ? await client.getDatabaseOptions().catch(() => undefined) : undefined;
  const clusterViews = await mapWithConcurrency(clusters, AT_ONCE, (c) =>
    clusterView(client, c, place(`do:dbaas:${c.id}`, c.tags ?? []), apps, depth, options),
  );

  // A trusted droplet reads by its name.
  for (const c of clusterViews) {
    c.trustedSources = c.trustedSources.map((r) =>
      r.type === 'droplet' && !r.label && names.get(Number(r.value)) ? { ...r, label: names.get(Number(r.value)) } : r,
    );
  }
  const counted = [
    ...dropletViews.map((d) => d.monthlyPrice ?? 0),
    ...volumeViews.map((v) => v.monthlyPrice),
    ...lbViews.map((l) => l.monthlyPrice ?? 0),
    ...clusterViews.filter((c) => c.billedWithApps.length === 0).map((c) => c.monthlyPrice ?? 0),
  ];
  return {
    fetchedAt: new Date(now()).toISOString(),
    droplets: dropletViews,
    volumes: volumeViews,
    loadBalancers: lbViews,
    clusters: clusterViews,
    tenants: tenantsOf(clusterViews),
    sizes: sizes
      .filter((s) => s.available)
      .map((s) => ({
        slug: s.slug,
        description: s.description,
        vcpus: s.vcpus,
        memoryMb: s.memory,
        diskGb: s.disk,
        monthlyPrice: s.price_monthly,
        regions: [...s.regions],
      })),
    monthlyCost: Math.round(counted.reduce((t, n) => t + n, 0) * 100) / 100,
    estimated:
      lbViews.length > 0 ||
      volumeViews.some((v) => v.monthlyPrice > 0) ||
      clusterViews.some((c) => c.billedWithApps.length === 0 && c.monthlyPrice),
    problems,
  };
}

function dropletView(d: Droplet, placement: Placement): DropletView {
  const v4 = d.networks?.v4 ?? [];
  const role = (d.tags ?? []).find((t) => t.startsWith('role:'))?.slice(5);
  const publicV4 = v4.find((n) => n.type === 'public')?.ip_address;
  const privateV4 = v4.find((n) => n.type === 'private')?.ip_address;
  const v6 = d.networks?.v6?.find((n) => n.type === 'public')?.ip_address;
  return {
    id: d.id,
    name: d.name,
    ...placement,
    ...(role ? { role } : {}),
    sizeSlug: d.size_slug,
    vcpus: d.vcpus,
    memoryMb: d.memory,
    diskGb: d.disk,
    region: d.region?.slug ?? '',
    status: d.status,
    locked: d.locked,
    tags: [...(d.tags ?? [])],
    ...(publicV4 ? { publicIpv4: publicV4 } : {}),
    ...(privateV4 ? { privateIpv4: privateV4 } : {}),
    ...(v6 ? { ipv6: v6 } : {}),
    monitoring: (d.features ?? []).includes('monitoring'),
    ...(typeof d.size?.price_monthly === 'number' ? { monthlyPrice: d.size.price_monthly } : {}),
  };
}

function loadBalancerView(
  lb: LoadBalancer,
  placement: Placement,
  names: ReadonlyMap<number, string>,
): LoadBalancerView {
  const price = loadBalancerMonthlyPrice(lb);
  const hc = lb.health_check;
  return {
    id: lb.id ?? '',
    name: lb.name ?? '',
    ...placement,
    ...(lb.status ? { status: lb.status } : {}),
    ...(lb.region?.slug ? { region: lb.region.slug } : {}),
    ...(lb.ip ? { ip: lb.ip } : {}),
    nodes: loadBalancerNodes(lb),
    rules: (lb.forwarding_rules ?? []).map((r) => ({
      entry: `${r.entry_protocol} :${r.entry_port}`,
      target: `${r.target_protocol} :${r.target_port}`,
      ...(r.tls_passthrough
        ? { tls: 'passthrough' as const }
        : r.certificate_id
          ? { tls: 'certificate' as const }
          : {}),
    })),
    ...(hc
      ? {
          healthCheck: `${hc.protocol ?? 'http'} :${hc.port ?? 80}${hc.path && hc.protocol !== 'tcp' ? ` ${hc.path}` : ''} every ${hc.check_interval_seconds ?? 10} s`,
        }
      : {}),
    targets: (lb.droplet_ids ?? []).map((id) => ({
      dropletId: id,
      ...(names.get(id) ? { name: names.get(id) } : {}),
      health: 'unknown' as const,
    })),
    ...(price !== undefined ? { monthlyPrice: price } : {}),
    priceNote: loadBalancerPriceNote(lb, price),
  };
}

async function clusterView(
  client: InventoryClient,
  c: DatabaseCluster,
  placement: Placement,
  apps: readonly App[],
  depth: InventoryDepth,
  options: Awaited<ReturnType<InventoryClient['getDatabaseOptions']>> | undefined,
): Promise<DatabaseClusterView> {
  const problems: string[] = [];
  const id = c.id ?? '';
  const relational = c.engine === 'pg' || c.engine === 'mysql';
  const full = depth === 'full';
  const [dbs, users, pools, rules] = await Promise.all([
    relational ? part('its databases', () => client.listDatabases(id), c.db_names ?? [], problems) : [],
    full ? part('its users', () => client.listDatabaseUsers(id), [], problems) : [],
    full && relational ? part('its pools', () => client.listConnectionPools(id), [], problems) : [],
    full ? part('its trusted sources', () => client.listFirewallRules(id), [], problems) : [],
  ]);
  const price = clusterMonthlyPrice(c);
  const shares = databaseShares(price, dbs);
  const databases = dbs.map((name): TenantDatabase => {
    const tenant = isClusterDefault(name) ? undefined : tenantOfDatabase(name);
    const share = shares.get(name);
    return {
      name,
      ...(tenant ? { tenant } : {}),
      ...(share !== undefined ? { monthlyShare: share } : {}),
      pools: pools.filter((p) => p.db === name).map((p) => p.name),
    };
  });
  const billedWithApps = apps
    .filter((a) => (a.spec.databases ?? []).some((d) => (d.production || d.cluster_name) && d.cluster_name === c.name))
    .map((a) => a.spec.name);
  const limit = connectionLimitOf(c);
  return {
    id,
    name: c.name,
    ...placement,
    engine: c.engine,
    ...(c.version ? { version: c.version } : {}),
    size: c.size,
    nodes: Math.max(1, c.num_nodes),
    region: c.region,
    ...(c.status ? { status: c.status } : {}),
    ...(c.storage_size_mib ? { storageMib: c.storage_size_mib } : {}),
    ...(c.maintenance_window
      ? { maintenance: `${c.maintenance_window.day} ${c.maintenance_window.hour.slice(0, 5)} UTC` }
      : {}),
    tags: [...(c.tags ?? [])],
    ...(price !== undefined ? { monthlyPrice: price } : {}),
    priceNote: clusterPriceNote(c, price),
    billedWithApps,
    databases,
    users: users.map((u) => ({ name: u.name, ...(u.role ? { role: u.role } : {}) })),
    pools: pools.map((p) => ({
      name: p.name,
      mode: p.mode,
      size: p.size,
      db: p.db,
      ...(p.user ? { user: p.user } : {}),
    })),
    ...(relational && limit !== undefined ? { connectionLimit: limit } : {}),
    trustedSources: rules.map((r) => ({
      type: r.type,
      value: r.value,
      ...(r.description ? { label: r.description } : {}),
    })),
    resizeOptions: resizeOptionsOf(c, options),
    ...(problems.length ? { problem: problems.join(' ') } : {}),
  };
}
