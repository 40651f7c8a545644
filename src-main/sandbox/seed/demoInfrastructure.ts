// Presence360 as guide 002 runs it: droplets behind a DigitalOcean load balancer, a managed
// Postgres cluster holding the control plane's database and one database per tenant (each with
// its own least-privilege user and a PgBouncer pool), and managed Valkey for queues and rate
// limits — in production and in staging. The production worker keeps tenants' uploads on a
// 100 GiB block storage volume; a 50 GiB staging volume from before staging went all-in-one is
// attached to nothing and still billed. Production and staging are separate DigitalOcean
// accounts (#18): production is the demo fleet's account (buildDemoInfrastructure), staging the
// world of the "Demo staging" context (buildStagingInfrastructure, sandbox/stagingCloud.ts), each
// with its own project ("Presence360", "Presence360 Staging") and `env:` tags. Its App Platform
// apps (demoProducts.ts) stay in the demo fleet's account: the stories that deploy and edit them
// rely on them.
//
// Not modelled: Spaces, VPC and cloud firewalls as resources of their own, DNS records pointing
// at the balancers. One production droplet fails its health check, so the balancer has a target
// out of rotation to show.
import type { LoadBalancer } from '../../clients/digitalocean/infrastructure';
import type { DatabaseCluster } from '../../clients/digitalocean/types';
import {
  emptyInfra,
  type SandboxInfra,
  type StoredCluster,
  type StoredDroplet,
  type StoredVolume,
} from '../infra/model';
import { regionObject } from '../infra/sizes';
import { iso, projectIdFor, stableUuid, DAY, Rand } from './random';

/** The Presence360 churches on the platform: tenant slug → database tenant_<slug>. */
export const PRESENCE360_TENANTS = ['grace', 'bethel', 'zion', 'calvary', 'hope'] as const;
export const PRESENCE360_STAGING_TENANTS = ['demo', 'grace'] as const;

const REGION = 'lon1';
const OFFICE_IP = '203.0.113.24';

type Env = 'production' | 'staging';

const projectName = (env: Env) => (env === 'production' ? 'Presence360' : 'Presence360 Staging');

function droplet(
  r: Rand,
  env: Env,
  id: number,
  name: string,
  sizeSlug: string,
  diskGb: number,
  role: string,
  createdMs: number,
  healthy = true,
): StoredDroplet {
  const net = env === 'production' ? 0 : 16;
  return {
    id,
    name,
    sizeSlug,
    diskGb,
    region: REGION,
    tags: ['presence360', `env:${env}`, `role:${role}`],
    createdAt: iso(createdMs).replace(/\.\d{3}Z$/, 'Z'),
    status: 'active',
    publicIp: `178.62.${r.int(2, 250)}.${r.int(2, 250)}`,
    privateIp: `10.106.${net}.${r.int(2, 250)}`,
    ipv6: `2a03:b0c0:1:d0::${r.hex(3)}:${r.hex(4)}`,
    vpcUuid: stableUuid(`vpc:presence360:${env}`),
    backups: env === 'production',
    healthy,
  };
}

function loadBalancer(env: Env, name: string, targets: number[], createdMs: number, ip: string): LoadBalancer {
  return {
    id: stableUuid(`lb:${name}`),
    name,
    project_id: projectIdFor(projectName(env)),
    ip,
    size_unit: 1,
    algorithm: 'round_robin',
    status: 'active',
    created_at: iso(createdMs).replace(/\.\d{3}Z$/, 'Z'),
    forwarding_rules: [
      {
        entry_protocol: 'https',
        entry_port: 443,
        target_protocol: 'http',
        target_port: 8000,
        certificate_id: stableUuid(`cert:${name}`),
        tls_passthrough: false,
      },
      {
        entry_protocol: 'http',
        entry_port: 80,
        target_protocol: 'http',
        target_port: 8000,
        certificate_id: '',
        tls_passthrough: false,
      },
    ],
    health_check: {
      protocol: 'http',
      port: 8000,
      path: '/healthz',
      check_interval_seconds: 10,
      response_timeout_seconds: 5,
      healthy_threshold: 5,
      unhealthy_threshold: 3,
    },
    sticky_sessions: { type: 'none' },
    redirect_http_to_https: true,
    enable_proxy_protocol: false,
    enable_backend_keepalive: true,
    http_idle_timeout_seconds: 60,
    vpc_uuid: stableUuid(`vpc:presence360:${env}`),
    disable_lets_encrypt_dns_records: false,
    network: 'EXTERNAL',
    type: 'REGIONAL',
    region: regionObject(REGION),
    tag: '',
    droplet_ids: targets,
  };
}

interface ClusterShape {
  env: Env;
  name: string;
  engine: DatabaseCluster['engine'];
  version: string;
  size: string;
  storageMib: number;
  /** Database names after defaultdb; each but control_plane gets a user of the same name. */
  dbs?: string[];
  pools?: Array<{ db: string; size: number }>;
  trusted: StoredDroplet[];
}

function cluster(r: Rand, shape: ClusterShape, createdMs: number): StoredCluster {
  const id = stableUuid(`cluster:${shape.name}`);
  const password = () => `AVNS_${r.chars(19, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}`;
  const created = iso(createdMs).replace(/\.\d{3}Z$/, 'Z');
  const dbs = shape.dbs ?? [];
  return {
    cluster: {
      id,
      name: shape.name,
      engine: shape.engine,
      version: shape.version,
      num_nodes: 1,
      size: shape.size,
      region: REGION,
      status: 'online',
      created_at: created,
      private_network_uuid: stableUuid(`vpc:presence360:${shape.env}`),
      tags: ['presence360', `env:${shape.env}`],
      maintenance_window: { day: 'sunday', hour: '03:00:00', pending: false, description: [] },
      project_id: projectIdFor(projectName(shape.env)),
      storage_size_mib: shape.storageMib,
    },
    dbs: shape.engine === 'pg' ? ['defaultdb', ...dbs] : [],
    users: [
      { name: 'doadmin', role: 'primary', password: password() },
      ...dbs.map((db) => ({ name: db, role: 'normal' as const, password: password() })),
    ],
    pools: (shape.pools ?? []).map((p) => ({
      name: p.db.replace(/_/g, '-'),
      mode: 'transaction',
      size: p.size,
      db: p.db,
      user: p.db,
    })),
    rules: [
      ...shape.trusted.map((d) => ({
        uuid: stableUuid(`rule:${shape.name}:${d.id}`),
        cluster_uuid: id,
        type: 'droplet' as const,
        value: String(d.id),
        created_at: created,
      })),
      {
        uuid: stableUuid(`rule:${shape.name}:office`),
        cluster_uuid: id,
        type: 'ip_addr' as const,
        value: OFFICE_IP,
        description: 'Accra office (admin access)',
        created_at: created,
      },
    ],
    host: `${shape.name}-do-user-1982210-0.l.db.ondigitalocean.com`,
  };
}

function volume(
  env: Env,
  name: string,
  sizeGib: number,
  description: string,
  createdMs: number,
  attachedTo?: StoredDroplet,
): StoredVolume {
  return {
    id: stableUuid(`volume:${name}`),
    name,
    description,
    sizeGib,
    region: REGION,
    ...(attachedTo ? { attachedTo: attachedTo.id } : {}),
    createdAt: iso(createdMs).replace(/\.\d{3}Z$/, 'Z'),
    filesystemType: 'ext4',
    // ext4 labels hold 16 characters.
    filesystemLabel: name.replace(/^p360-/, '').slice(0, 16),
    tags: ['presence360', `env:${env}`],
  };
}

/** The account's one project, holding everything the account runs for Presence360. */
function holdEverything(infra: SandboxInfra, env: Env, createdMs: number): void {
  for (const c of infra.clusters.values()) {
    // A caching cluster's storage is its memory: the API leaves storage_size_mib out.
    if (c.cluster.engine === 'valkey') delete c.cluster.storage_size_mib;
  }
  infra.projects = [
    {
      id: projectIdFor(projectName(env)),
      name: projectName(env),
      environment: env === 'production' ? 'Production' : 'Staging',
      description:
        env === 'production' ? 'Presence360 production' : 'Presence360 staging: its own VPC, database and cache',
      resources: [
        ...[...infra.droplets.values()].map((d) => `do:droplet:${d.id}`),
        ...[...infra.loadBalancers.values()].map((lb) => `do:loadbalancer:${lb.id}`),
        ...[...infra.clusters.values()].map((c) => `do:dbaas:${c.cluster.id}`),
        ...[...infra.volumes.values()].map((v) => `do:volume:${v.id}`),
      ],
      createdAt: iso(createdMs).replace(/\.\d{3}Z$/, 'Z'),
    },
  ];
}

/** Presence360's production: the demo fleet's account. */
export function buildDemoInfrastructure(nowMs: number): SandboxInfra {
  const r = Rand.fromSeed(360);
  const infra = emptyInfra();
  const since = (days: number) => nowMs - days * DAY + r.int(0, 6 * 3_600_000);

  const api1 = droplet(r, 'production', 486_210_311, 'p360-prod-api-01', 's-2vcpu-4gb', 80, 'tenant-api', since(40));
  // Its /healthz fails (the worker queue it checks is unreachable from it): out of rotation.
  const api2 = droplet(
    r,
    'production',
    486_210_312,
    'p360-prod-api-02',
    's-2vcpu-4gb',
    80,
    'tenant-api',
    since(40),
    false,
  );
  const worker = droplet(r, 'production', 486_210_313, 'p360-prod-worker-01', 's-2vcpu-4gb', 80, 'worker', since(40));
  const cp = droplet(r, 'production', 486_210_314, 'p360-prod-cp-01', 's-1vcpu-2gb', 50, 'control-plane', since(41));
  const prod = [api1, api2, worker, cp];
  for (const d of prod) infra.droplets.set(d.id, d);

  const lb = loadBalancer('production', 'presence360-prod-lb', [api1.id, api2.id, cp.id], since(39), '138.68.160.44');
  infra.loadBalancers.set(lb.id!, lb);

  const tenantDbs = PRESENCE360_TENANTS.map((t) => `tenant_${t}`);
  const clusters = [
    cluster(
      r,
      {
        env: 'production',
        name: 'presence360-pg',
        engine: 'pg',
        version: '16',
        size: 'db-s-2vcpu-4gb',
        storageMib: 61_440,
        dbs: ['control_plane', ...tenantDbs],
        pools: [
          { db: 'control_plane', size: 20 },
          { db: 'tenant_grace', size: 15 },
          ...tenantDbs.filter((d) => d !== 'tenant_grace').map((db) => ({ db, size: 10 })),
        ],
        trusted: prod,
      },
      since(42),
    ),
    cluster(
      r,
      {
        env: 'production',
        name: 'presence360-valkey',
        engine: 'valkey',
        version: '8',
        size: 'db-s-1vcpu-1gb',
        storageMib: 0,
        trusted: prod,
      },
      since(42),
    ),
  ];
  for (const c of clusters) infra.clusters.set(c.cluster.id!, c);

  const uploads = volume('production', 'p360-prod-uploads', 100, 'Tenant uploads (worker)', nowMs - 40 * DAY, worker);
  infra.volumes.set(uploads.id, uploads);
  holdEverything(infra, 'production', since(42));
  return infra;
}

/**
 * Presence360's staging: an account of its own (the "Demo staging" context), with an all-in-one
 * droplet behind its balancer, a small Postgres cluster with the demo and grace tenants'
 * databases, Valkey, and the unattached uploads volume left from before.
 */
export function buildStagingInfrastructure(nowMs: number): SandboxInfra {
  const r = Rand.fromSeed(361);
  const infra = emptyInfra();
  const since = (days: number) => nowMs - days * DAY + r.int(0, 6 * 3_600_000);

  const stg = droplet(r, 'staging', 486_377_020, 'p360-stg-app-01', 's-1vcpu-2gb', 50, 'all-in-one', since(21));
  infra.droplets.set(stg.id, stg);
  const lb = loadBalancer('staging', 'presence360-stg-lb', [stg.id], since(20), '138.68.171.9');
  infra.loadBalancers.set(lb.id!, lb);

  const stagingDbs = PRESENCE360_STAGING_TENANTS.map((t) => `tenant_${t}`);
  const clusters = [
    cluster(
      r,
      {
        env: 'staging',
        name: 'presence360-pg-staging',
        engine: 'pg',
        version: '16',
        size: 'db-s-1vcpu-1gb',
        storageMib: 10_240,
        dbs: ['control_plane', ...stagingDbs],
        pools: [{ db: 'tenant_demo', size: 5 }],
        trusted: [stg],
      },
      since(22),
    ),
    cluster(
      r,
      {
        env: 'staging',
        name: 'presence360-valkey-staging',
        engine: 'valkey',
        version: '8',
        size: 'db-s-1vcpu-1gb',
        storageMib: 0,
        trusted: [stg],
      },
      since(22),
    ),
  ];
  for (const c of clusters) infra.clusters.set(c.cluster.id!, c);

  const leftover = volume(
    'staging',
    'p360-stg-uploads',
    50,
    'Staging uploads before the all-in-one droplet',
    nowMs - 60 * DAY,
  );
  infra.volumes.set(leftover.id, leftover);
  holdEverything(infra, 'staging', since(22));
  return infra;
}
