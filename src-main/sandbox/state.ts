// The sandbox cloud's in-memory world: one record per app, a clock tests can speed up, and a
// seeded random source so every run of the demo fleet is the same.
import type { App, AppHealth, Deployment } from '../clients/digitalocean/types';
import type { SandboxDns } from './dns/zones';
import type { SandboxInfra } from './infra/model';

/** What the sandbox stores of an app; active/in-progress/pinned deployments are derived on read. */
export type StoredApp = Omit<
  App,
  'active_deployment' | 'in_progress_deployment' | 'pending_deployment' | 'pinned_deployment'
>;

export interface ComponentBehaviour {
  /** Reported by GET /health; a component absent here is HEALTHY. */
  state?: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  /** Typical CPU / memory use, percent of its size. */
  cpuPercent: number;
  memoryPercent: number;
}

export interface AppRecord {
  app: StoredApp;
  /** Newest first, as GET /deployments returns them. */
  deployments: Deployment[];
  pinnedDeploymentId?: string;
  /** Per component name; drives health now and metrics later. */
  behaviour: Record<string, ComponentBehaviour>;
  /** Product/tenant grouping shown by Fleetdeck; the sandbox keeps it only to seed realistic data. */
  tenantGroup: string;
}

export interface SandboxClock {
  now(): number;
  /** Moves simulated time forward (tests and compressed deploy timings). */
  advance(ms: number): void;
}

export function createClock(startMs: number = Date.now()): SandboxClock {
  let offset = 0;
  const realStart = Date.now();
  return {
    now: () => startMs + (Date.now() - realStart) + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** mulberry32: small, fast and good enough to make a seeded demo world repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A v4-shaped UUID from the seeded source, so ids are stable from run to run. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export interface SandboxToken {
  scopes: 'read-write' | 'read-only';
  /** Which API accepts it (DigitalOcean when absent). */
  api?: 'digitalocean' | 'supabase' | 'github';
  /** DigitalOcean account email reported by GET /v2/account. */
  email?: string;
  /**
   * Scopes a custom-scoped token (GA since 2024) was not given, e.g. 'project:read' or
   * 'account:read'; the routes that need one answer 403 as the API does. All are held when absent.
   */
  lacks?: readonly string[];
}

/** Whether the request's token was made without this scope (see SandboxToken.lacks). */
export function lacksScope(state: SandboxState, token: string | undefined, scope: string): boolean {
  return !!token && (state.tokens.get(token)?.lacks?.includes(scope) ?? false);
}

export interface SandboxState {
  clock: SandboxClock;
  apps: Map<string, AppRecord>;
  /** Bearer tokens the sandbox accepts; read-only ones get 403 on mutations. */
  tokens: Map<string, SandboxToken>;
  /** DNS zones (the Domains API) and the rest of the sandbox's DNS world; none until seeded or created. */
  dns?: SandboxDns;
  /** Droplets, load balancers, database clusters and the projects holding them; none until seeded. */
  infra?: SandboxInfra;
}

export function healthOf(record: AppRecord): AppHealth {
  const components = [...(record.app.spec.services ?? []), ...(record.app.spec.workers ?? [])].map((c) => {
    const b = record.behaviour[c.name ?? ''] ?? { cpuPercent: 20, memoryPercent: 40 };
    const desired = c.autoscaling?.min_instance_count ?? c.instance_count ?? 1;
    const state = b.state ?? 'HEALTHY';
    return {
      name: c.name,
      state,
      cpu_usage_percent: b.cpuPercent,
      memory_usage_percent: b.memoryPercent,
      replicas_desired: desired,
      replicas_ready: state === 'HEALTHY' ? desired : Math.max(0, desired - 1),
    };
  });
  return { components };
}
