// The sandbox's infrastructure beyond App Platform: droplets, their actions, load balancers,
// managed database clusters (with their databases, users, pools and trusted sources), block
// storage volumes and the projects that hold them. Actions and cluster resizes take time on the sandbox clock: they are
// settled when something reads them, so a test that advances the clock sees them done.
import type { DatabaseCluster } from '../../clients/digitalocean/types';
import type {
  ConnectionPool,
  DatabaseUser,
  DropletActionType,
  FirewallRule,
  LoadBalancer,
} from '../../clients/digitalocean/infrastructure';
import type { SandboxState } from '../state';

export interface StoredDroplet {
  id: number;
  name: string;
  sizeSlug: string;
  /** The disk it was created with: a CPU/RAM-only resize keeps it. */
  diskGb: number;
  region: string;
  tags: string[];
  createdAt: string;
  status: 'new' | 'active' | 'off';
  publicIp: string;
  privateIp: string;
  ipv6?: string;
  vpcUuid: string;
  backups: boolean;
  /** Whether it answers its load balancer's health check (the sandbox's behaviour, not an API field). */
  healthy: boolean;
}

export interface StoredAction {
  id: number;
  dropletId: number;
  type: DropletActionType;
  /** The size a resize goes to. */
  size?: string;
  startedAtMs: number;
  durationMs: number;
  status: 'in-progress' | 'completed' | 'errored';
  completedAtMs?: number;
}

/** A block storage volume; its droplet_ids are derived from attachedTo (one droplet at most). */
export interface StoredVolume {
  id: string;
  name: string;
  description: string;
  sizeGib: number;
  region: string;
  /** The droplet it is attached to; a volume attached to none still bills. */
  attachedTo?: number;
  createdAt: string;
  filesystemType: string;
  filesystemLabel: string;
  tags: string[];
}

export interface StoredCluster {
  /** What GET returns, less what is derived (db_names, users, rules, connection). */
  cluster: DatabaseCluster;
  dbs: string[];
  /** Passwords included, as the API returns them. */
  users: DatabaseUser[];
  /** Stored without connection details; they are derived on read. */
  pools: Array<Pick<ConnectionPool, 'name' | 'mode' | 'size' | 'db' | 'user'>>;
  rules: FirewallRule[];
  /** A resize under way: the cluster is `resizing` until doneAtMs, then takes this shape. */
  resize?: { size: string; numNodes: number; doneAtMs: number };
  host: string;
}

export interface InfraProject {
  id: string;
  name: string;
  environment: 'Development' | 'Staging' | 'Production';
  description: string;
  /** URNs of what the project holds besides its apps: do:droplet:…, do:loadbalancer:…, do:dbaas:…, do:volume:…. */
  resources: string[];
  createdAt: string;
}

export interface InfraTimings {
  rebootMs: number;
  powerCycleMs: number;
  powerOffMs: number;
  powerOnMs: number;
  resizeMs: number;
  clusterResizeMs: number;
}

export interface SandboxInfra {
  droplets: Map<number, StoredDroplet>;
  actions: Map<number, StoredAction>;
  loadBalancers: Map<string, LoadBalancer>;
  /** By cluster id. */
  clusters: Map<string, StoredCluster>;
  /** By volume id. */
  volumes: Map<string, StoredVolume>;
  projects: InfraProject[];
  timings: InfraTimings;
  nextActionId: number;
}

/** Long enough to be seen in progress, short enough for a story to wait through. */
export const DEFAULT_INFRA_TIMINGS: InfraTimings = {
  rebootMs: 4_000,
  powerCycleMs: 4_000,
  powerOffMs: 2_000,
  powerOnMs: 2_000,
  resizeMs: 5_000,
  clusterResizeMs: 8_000,
};

export function emptyInfra(): SandboxInfra {
  return {
    droplets: new Map(),
    actions: new Map(),
    loadBalancers: new Map(),
    clusters: new Map(),
    volumes: new Map(),
    projects: [],
    timings: { ...DEFAULT_INFRA_TIMINGS },
    nextActionId: 2_700_000_001,
  };
}

/** The state's infrastructure, made empty on first use (a synthetic fleet has none). */
export function infraOf(state: SandboxState): SandboxInfra {
  state.infra ??= emptyInfra();
  return state.infra;
}

export function durationOf(timings: InfraTimings, type: DropletActionType): number {
  switch (type) {
    case 'reboot':
      return timings.rebootMs;
    case 'power_cycle':
      return timings.powerCycleMs;
    case 'power_off':
      return timings.powerOffMs;
    case 'power_on':
      return timings.powerOnMs;
    case 'resize':
      return timings.resizeMs;
  }
}

/**
 * Finishes whatever the clock says is done: a power action changes the droplet's status, a
 * resize its size, a cluster resize the cluster's shape. Called before every infrastructure read.
 */
export function settleInfra(state: SandboxState): void {
  const infra = state.infra;
  if (!infra) return;
  const now = state.clock.now();
  for (const action of infra.actions.values()) {
    if (action.status !== 'in-progress' || now < action.startedAtMs + action.durationMs) continue;
    const droplet = infra.droplets.get(action.dropletId);
    action.status = droplet ? 'completed' : 'errored';
    action.completedAtMs = action.startedAtMs + action.durationMs;
    if (!droplet) continue;
    if (action.type === 'power_off') droplet.status = 'off';
    if (action.type === 'power_on' || action.type === 'power_cycle') droplet.status = 'active';
    if (action.type === 'resize' && action.size) droplet.sizeSlug = action.size;
  }
  for (const stored of infra.clusters.values()) {
    if (!stored.resize || now < stored.resize.doneAtMs) continue;
    stored.cluster = {
      ...stored.cluster,
      size: stored.resize.size,
      num_nodes: stored.resize.numNodes,
      status: 'online',
    };
    delete stored.resize;
  }
}

/** The droplet's action still under way, if any (the API allows one at a time). */
export function pendingActionOf(infra: SandboxInfra, dropletId: number): StoredAction | undefined {
  return [...infra.actions.values()].find((a) => a.dropletId === dropletId && a.status === 'in-progress');
}
