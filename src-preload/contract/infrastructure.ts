// The infrastructure domain of the contract: what runs beside App Platform — droplets, block
// storage volumes, load balancers and managed database clusters (with their databases, users, pools and trusted
// sources) — grouped by product and environment (project membership and `env:` tags), each
// priced, and the actions on them: droplet reboot / power cycle / resize, a tenant database
// created or deleted in a shared cluster, a cluster resized, a pool resized. Credentials the API
// returns with users and pools never cross to the window.

export type DropletStatus = 'new' | 'active' | 'off' | 'archive';

/** An action Fleetdeck started and follows; resize runs as power off → resize → power on. */
export interface DropletActionProgress {
  dropletId: number;
  dropletName: string;
  /** What was asked: reboot, power_cycle or resize. */
  kind: DropletActionKind;
  /** The step running now, in words ("Powering off for the resize"). */
  step: string;
  state: 'running' | 'succeeded' | 'failed';
  /** The API's words when it failed. */
  message?: string;
  startedAt: string;
  endedAt?: string;
}

export const DROPLET_ACTION_KINDS = ['reboot', 'power_cycle', 'resize'] as const;
export type DropletActionKind = (typeof DROPLET_ACTION_KINDS)[number];

export interface DropletView {
  id: number;
  name: string;
  group: string;
  environment?: string;
  /** From a `role:` tag. */
  role?: string;
  sizeSlug: string;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
  region: string;
  status: DropletStatus;
  /** An action is under way (the API takes one at a time). */
  locked: boolean;
  tags: string[];
  publicIpv4?: string;
  privateIpv4?: string;
  ipv6?: string;
  /** The droplet runs DigitalOcean's monitoring agent. */
  monitoring: boolean;
  /** From its size's price_monthly (GET /v2/sizes): not an estimate. */
  monthlyPrice?: number;
  action?: DropletActionProgress;
}

export interface VolumeView {
  id: string;
  name: string;
  /** The product and environment of the droplet it is attached to, else its project and tags. */
  group: string;
  environment?: string;
  sizeGib: number;
  region: string;
  description?: string;
  /** ext4, xfs; absent when unformatted. */
  filesystem?: string;
  filesystemLabel?: string;
  tags: string[];
  /** The droplet it is attached to; absent when attached to none (it is billed all the same). */
  attachedTo?: { dropletId: number; name?: string };
  /** $0.10 per GiB a month, DigitalOcean's published price: an estimate. */
  monthlyPrice: number;
  priceNote: string;
}

export interface DropletSizeOption {
  slug: string;
  description: string;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
  monthlyPrice: number;
  regions: string[];
}

export type TargetHealth = 'healthy' | 'unhealthy' | 'unknown';

export interface LoadBalancerView {
  id: string;
  name: string;
  group: string;
  environment?: string;
  status?: string;
  region?: string;
  ip?: string;
  /** Nodes (size_unit). */
  nodes: number;
  rules: Array<{ entry: string; target: string; tls?: 'passthrough' | 'certificate' }>;
  /** "http :8000 /healthz every 10 s". */
  healthCheck?: string;
  /** Each droplet the balancer sends to, with its health-check state. */
  targets: Array<{ dropletId: number; name?: string; health: TargetHealth }>;
  /** Why health could not be read (monitoring:read missing, or an answer Fleetdeck cannot read). */
  healthProblem?: string;
  monthlyPrice?: number;
  priceNote: string;
}

export interface TenantDatabase {
  name: string;
  /** The tenant it belongs to (tenant_<slug>), absent for the cluster's shared databases. */
  tenant?: string;
  /** Its even share of the cluster's monthly price (estimate), when the cluster is priced. */
  monthlyShare?: number;
  /** Pools pointing at it. */
  pools: string[];
}

export interface ConnectionPoolView {
  name: string;
  mode: string;
  size: number;
  db: string;
  user?: string;
}

export interface DatabaseSizeOption {
  size: string;
  nodes: number;
  /** From DigitalOcean's published prices: an estimate; absent when not in the table. */
  monthlyPrice?: number;
}

export interface DatabaseClusterView {
  id: string;
  name: string;
  group: string;
  environment?: string;
  engine: string;
  version?: string;
  size: string;
  nodes: number;
  region: string;
  status?: string;
  storageMib?: number;
  /** "sunday 03:00 UTC". */
  maintenance?: string;
  tags: string[];
  monthlyPrice?: number;
  priceNote: string;
  /** Apps whose spec names the cluster: their rows in Costs carry its price. */
  billedWithApps: string[];
  /** PostgreSQL and MySQL only; empty for caches. */
  databases: TenantDatabase[];
  users: Array<{ name: string; role?: string }>;
  pools: ConnectionPoolView[];
  /** Postgres connections the cluster allows (25 per GB less 3): pools must fit in them. */
  connectionLimit?: number;
  trustedSources: Array<{ type: string; value: string; label?: string }>;
  /** Sizes the cluster may be resized to (GET /v2/databases/options), priced where published. */
  resizeOptions: DatabaseSizeOption[];
  /** A part that could not be read (users, pools…), in words. */
  problem?: string;
}

export interface InfrastructureTenant {
  tenant: string;
  group: string;
  environment?: string;
  databases: Array<{ cluster: string; name: string; monthlyShare?: number }>;
  monthlyShare: number;
}

export interface InfrastructureInventory {
  fetchedAt: string;
  droplets: DropletView[];
  volumes: VolumeView[];
  loadBalancers: LoadBalancerView[];
  clusters: DatabaseClusterView[];
  tenants: InfrastructureTenant[];
  sizes: DropletSizeOption[];
  /** Everything above a month (clusters billed with apps excluded: Costs has them there). */
  monthlyCost: number;
  estimated: boolean;
  /** Parts that could not be read (a missing scope), in words; the rest still shows. */
  problems: string[];
}

export interface InfrastructureMethods {
  getInfrastructure: { request: void; response: InfrastructureInventory };
  /** Actions under way or just finished (no API call: what the service is following). */
  getInfrastructureActions: { request: void; response: DropletActionProgress[] };
  startDropletAction: {
    request: { dropletId: number; kind: 'reboot' | 'power_cycle' };
    response: DropletActionProgress;
  };
  /** Powers off, resizes (CPU and memory; the disk stays), powers on. */
  resizeDroplet: { request: { dropletId: number; size: string }; response: DropletActionProgress };
  createTenantDatabase: { request: { clusterId: string; name: string }; response: { name: string } };
  /** `confirmName` must equal `name`: the typed confirmation travels with the request. */
  deleteTenantDatabase: {
    request: { clusterId: string; name: string; confirmName: string };
    response: { name: string };
  };
  resizeDatabaseCluster: { request: { clusterId: string; size: string; nodes: number }; response: { status: string } };
  setPoolSize: { request: { clusterId: string; pool: string; size: number }; response: ConnectionPoolView };
}

export type InfrastructureStreams = Record<never, never>;

export const INFRASTRUCTURE_METHOD_NAMES = [
  'getInfrastructure',
  'getInfrastructureActions',
  'startDropletAction',
  'resizeDroplet',
  'createTenantDatabase',
  'deleteTenantDatabase',
  'resizeDatabaseCluster',
  'setPoolSize',
] as const satisfies readonly (keyof InfrastructureMethods)[];
export const INFRASTRUCTURE_STREAM_NAMES = [] as const;

/** NAMEDATALEN − 1: what Postgres keeps of a database name. */
export const MAX_DATABASE_NAME_LENGTH = 63;

/**
 * Why a new database name is refused before it is sent, or undefined: the shape Postgres and
 * DigitalOcean accept (the API still has the last word: reserved names, duplicates).
 */
export function databaseNameProblem(name: string): string | undefined {
  if (name === '') return 'Give the database a name, e.g. tenant_grace.';
  if (name.length > MAX_DATABASE_NAME_LENGTH) {
    return `At most ${MAX_DATABASE_NAME_LENGTH} characters (Postgres keeps no more); this is ${name.length}.`;
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(name)) {
    return 'Letters, digits, underscores and dashes only, not starting with a dash.';
  }
  return undefined;
}

/** One priced line of a product environment's infrastructure in Costs (and its CSV). */
export interface InfrastructureCostLine {
  /** The droplet, volume, balancer or cluster; for a tenant's share, "tenant_grace (presence360-pg-staging)". */
  name: string;
  kind: 'droplet' | 'volume' | 'load_balancer' | 'database';
  category: 'frontend' | 'api' | 'worker' | 'database' | 'other';
  sizeSlug?: string;
  /** "×1", "1 node", "÷ 4 databases". */
  scale: string;
  unitPrice?: number;
  monthlyCost: number;
  /** Priced from a published list, not the API. */
  estimate: boolean;
  note: string;
  /** The tenant a cluster share belongs to. */
  tenant?: string;
  /** The cluster a database line is (a share of). */
  cluster?: string;
}

/**
 * A product's droplets, volumes, balancers and the clusters no app names, in one environment; or
 * one tenant's shares of the shared clusters its databases live in (`tenant` set).
 */
export interface InfrastructureCost {
  group: string;
  environment?: string;
  /** The tenant whose databases' shares these are (tenant_<slug> in a shared cluster); such a row holds only shares. */
  tenant?: string;
  /** "Presence360 · production", or "grace · share of presence360-pg". */
  label: string;
  lines: InfrastructureCostLine[];
  monthlyCost: number;
  estimated: boolean;
}
