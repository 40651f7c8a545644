// The apps domain of the contract: the fleet overview, one app's detail, health, environment.
import type { FleetError, RateLimitInfo, Result } from './common';

export interface EnvironmentInfo {
  mode: 'demo' | 'live';
  /** The account context the fleet comes from ("Demo fleet" in demo mode). */
  contextName: string;
  /** In demo mode, where the sandbox cloud listens (loopback only). */
  sandboxUrl?: string;
  appVersion: string;
  /** Set when this context's DigitalOcean token cannot change anything: why, in words. */
  readOnlyReason?: string;
  /** The desktop shows main's notices as notifications: the window must not toast them again. */
  desktopNotices?: boolean;
  /** API base URLs set in place of the public ones (FLEETDECK_*_API_URL or the harness's flags). */
  apiOverrides?: { digitalocean?: string; supabase?: string; github?: string };
}

export type ComponentKind = 'service' | 'worker' | 'static_site' | 'job' | 'function' | 'database';

/** US dollars per month; min and max differ only for autoscaled components. */
export interface MonthlyCost {
  min: number;
  max: number;
}

export interface ComponentSummary {
  name: string;
  kind: ComponentKind;
  /** The slug as written in the spec (may be a legacy one such as basic-xxs). */
  sizeSlug?: string;
  /** The current slug it is priced as, when the spec's is a legacy alias. */
  pricedAsSlug?: string;
  sizeLabel?: string;
  instanceCount?: number;
  autoscaling?: { min: number; max: number };
  monthlyCost: MonthlyCost;
  /** Why a cost could not be priced (unknown size), shown instead of a number. */
  costNote?: string;
}

export interface ComponentSource {
  kind: 'github' | 'gitlab' | 'bitbucket' | 'git' | 'image' | 'none';
  /** owner/name, clone URL or image reference. */
  ref: string;
  branch?: string;
  deployOnPush?: boolean;
}

export interface ComponentDetail extends ComponentSummary {
  source: ComponentSource;
  health?: ComponentHealthSummary;
  httpPort?: number;
  healthCheckPath?: string;
}

export type DeploymentPhase =
  | 'UNKNOWN'
  | 'PENDING_BUILD'
  | 'BUILDING'
  | 'PENDING_DEPLOY'
  | 'DEPLOYING'
  | 'ACTIVE'
  | 'SUPERSEDED'
  | 'ERROR'
  | 'CANCELED';

export interface DeploymentSummary {
  id: string;
  phase: DeploymentPhase;
  cause: string;
  causeType?: string;
  /** Short commit hash of the first component that has one. */
  commit?: string;
  createdAt: string;
  /** When a terminal phase was reached. */
  finishedAt?: string;
  durationSeconds?: number;
  progress?: { done: number; total: number; failedStep?: string };
}

export type HealthState = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

export interface ComponentHealthSummary {
  state: HealthState;
  replicasReady?: number;
  replicasDesired?: number;
  cpuPercent?: number;
  memoryPercent?: number;
}

export interface AppHealthSummary {
  state: HealthState;
  components: Record<string, ComponentHealthSummary>;
  /**
   * When this was read from the API (ISO 8601). Fleet health answers at once from what is known
   * and re-reads in the background, oldest first, within the request budget: this is its age.
   */
  checkedAt?: string;
  /** Never read yet: queued for the background refresh (state is 'unknown' until then). */
  pending?: boolean;
}

export interface FleetApp {
  id: string;
  name: string;
  /** Product the app belongs to: its DigitalOcean project, else the first word of its name. */
  group: string;
  region: string;
  regionLabel?: string;
  components: ComponentSummary[];
  monthlyCost: MonthlyCost;
  activeDeployment?: DeploymentSummary;
  inProgressDeployment?: DeploymentSummary;
  /** A deployment asked for while another runs: it waits for that one to end (one at a time). */
  queuedDeployment?: DeploymentSummary;
  pinnedDeploymentId?: string;
  liveUrl?: string;
  updatedAt?: string;
}

export interface FleetSnapshot {
  fetchedAt: string;
  apps: FleetApp[];
  /** The fleet's total per month, summed from components. */
  monthlyCost: MonthlyCost;
  rateLimit?: RateLimitInfo;
}

/** The fleet as last read, kept on disk per context so a start paints before the API answers. */
export interface CachedFleet {
  snapshot: FleetSnapshot;
  /** When the snapshot was read from the API (ISO 8601): the age the overview shows. */
  cachedAt: string;
}

/**
 * One watchFleet event: what changed (`since` the window's last read: its first load, a Refresh,
 * or the watch's previous event) — apps added or changed, ids removed; an unchanged tick carries
 * neither, only when it was read. It carries every app in `apps` when there is no read to tell
 * against (a context just switched to, or a watch asked for `whole`). A FleetSnapshot is a valid
 * update (the whole fleet).
 */
export interface FleetUpdate {
  fetchedAt: string;
  monthlyCost: MonthlyCost;
  rateLimit?: RateLimitInfo;
  /** The whole fleet, in name order. */
  apps?: FleetApp[];
  /** The fetchedAt of the event these changes apply to; a window holding another state re-subscribes. */
  since?: string;
  changed?: FleetApp[];
  removed?: string[];
}

export interface AppDomainSummary {
  name: string;
  type?: string;
  phase?: string;
  certificateExpiresAt?: string;
}

export interface AppDetail {
  app: FleetApp;
  components: ComponentDetail[];
  deployments: DeploymentSummary[];
  domains: AppDomainSummary[];
  health?: AppHealthSummary;
  /** Set when health could not be read; the rest of the detail still shows. */
  healthError?: FleetError;
  defaultIngress?: string;
  createdAt?: string;
}

export interface AppsMethods {
  getEnvironment: { request: void; response: EnvironmentInfo };
  listFleet: { request: void; response: FleetSnapshot };
  /** The context's last fleet snapshot from disk, without an API call; null when there is none. */
  getCachedFleet: { request: void; response: CachedFleet | null };
  getFleetHealth: { request: { appIds: string[] }; response: Record<string, AppHealthSummary> };
  getAppDetail: { request: { appId: string }; response: AppDetail };
}

export interface AppsStreams {
  /**
   * `whole`: the window holds none of main's reads (it could not apply an update), so the first
   * event is the whole fleet. `holding`: the fetchedAt of the read the window holds as it watches
   * again; the first event is whole unless that is main's last read.
   */
  watchFleet: {
    request: { intervalSeconds: number; whole?: boolean; holding?: string };
    event: Result<FleetUpdate>;
  };
}

export const APPS_METHOD_NAMES = [
  'getEnvironment',
  'listFleet',
  'getCachedFleet',
  'getFleetHealth',
  'getAppDetail',
] as const;
export const APPS_STREAM_NAMES = ['watchFleet'] as const;
