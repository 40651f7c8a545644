// The uptime domain of the contract: each tenant's HTTP health paths (from its spec's health checks,
// plus paths the user adds, e.g. /health/database), the DigitalOcean Uptime checks watching them
// and what their regions see, one-click creation of the missing checks, and the account's
// Monitoring alert policies for droplets, load balancers and databases.
//
// Uptime checks run at DigitalOcean, so monitoring goes on while the laptop is closed; Fleetdeck
// only reads their state (at a modest pace, within the request budget) and creates or deletes them.

/** A check's state across its regions: down when any region sees the target down. */
export type UptimeStatus = 'up' | 'down' | 'checking' | 'disabled';
export const UPTIME_REGIONS = ['us_east', 'us_west', 'eu_west', 'se_asia'] as const;
export type UptimeRegionSlug = (typeof UPTIME_REGIONS)[number];

export interface UptimeRegionState {
  region: string;
  status: 'UP' | 'DOWN' | 'CHECKING';
  /** When the region's status last changed. */
  since?: string;
  /** Share of the last 30 days the region saw the target up (percent). */
  uptime30d?: number;
}

export interface UptimeCheckView {
  id: string;
  name: string;
  type: 'ping' | 'http' | 'https';
  target: string;
  enabled: boolean;
  status: UptimeStatus;
  regions: UptimeRegionState[];
  previousOutage?: { region: string; startedAt: string; endedAt?: string; durationSeconds?: number };
  /** When the state was read; absent until it has been. */
  stateReadAt?: string;
  /** Why the state could not be read, in the API's words. */
  stateError?: string;
}

export interface HealthPath {
  /** The URL a check watches, e.g. https://api.taskassistant.ai/health/celery. */
  url: string;
  host: string;
  path: string;
  /** From a component's health_check.http_path, or added by the user. */
  source: 'spec' | 'user';
  component?: string;
  /** The check on exactly this URL, when there is one. */
  check?: UptimeCheckView;
}

/** What one click creates for a path without a check. */
export interface PlannedCheck {
  name: string;
  target: string;
  regions: UptimeRegionSlug[];
  /** A "down" alert to this email (the account's own), when it could be read. */
  alertEmail?: string;
}

export interface TenantUptimeSummary {
  appId: string;
  /** none: no health path has a check. */
  status: UptimeStatus | 'none';
  /** Paths whose check is down, e.g. ['/health/celery']. */
  down: string[];
  /** Health paths, and how many of them have a check. */
  paths: number;
  checked: number;
}

export interface TenantUptime {
  appId: string;
  appName: string;
  paths: HealthPath[];
  /** Checks on this tenant's hosts that watch none of its health paths (made elsewhere). */
  otherChecks: UptimeCheckView[];
  /** The checks one click would create: one per path without a check. */
  plan: PlannedCheck[];
  summary: TenantUptimeSummary;
  /** A reason the plan cannot be carried out here (no domain, read-only token); absent when it can. */
  blocked?: string;
}

export interface UptimeOverview {
  /** When the checks were last read; absent until the first read has finished. */
  readAt?: string;
  /** Per tenant (app id), for tenants with at least one health path. */
  tenants: Record<string, TenantUptimeSummary>;
  /** The last background read's failure (e.g. the token lacks uptime:read). */
  problem?: string;
}

export interface UptimeChecksCreated {
  created: UptimeCheckView[];
  /** Paths that already had a check: left as they were. */
  existing: number;
  uptime: TenantUptime;
  /** Alerts that could not be set up, in the API's words (the checks stand). */
  alertProblem?: string;
}

// Monitoring alert policies

export const POLICY_WINDOWS = ['5m', '10m', '30m', '1h'] as const;
export type PolicyWindow = (typeof POLICY_WINDOWS)[number];
export const POLICY_COMPARES = ['GreaterThan', 'LessThan'] as const;
export type PolicyCompare = (typeof POLICY_COMPARES)[number];

export interface AlertPolicyView {
  uuid: string;
  type: string;
  /** What it watches: droplet, load balancer, database cluster or autoscale pool. */
  resource: 'droplet' | 'load_balancer' | 'database' | 'autoscale';
  /** The metric in words with its unit: "CPU (%)". */
  metric: string;
  unit: '%' | '';
  description: string;
  compare: PolicyCompare;
  value: number;
  window: PolicyWindow;
  enabled: boolean;
  emails: string[];
  /** Slack channels by name (a webhook URL is a credential and stays in the main process). */
  slackChannels: string[];
  /** Which resources: "tag presence360-production", "2 droplets", "every database cluster". */
  appliesTo: string;
}

export interface AlertPolicyEdit {
  uuid: string;
  compare: PolicyCompare;
  value: number;
  window: PolicyWindow;
  enabled: boolean;
  emails: string[];
}

export interface UptimeMethods {
  /** Every tenant's uptime as last read; main re-reads in the background when it is due. */
  getUptimeOverview: { request: void; response: UptimeOverview };
  /** One tenant's health paths, checks and their state, read now. */
  getTenantUptime: { request: { appId: string }; response: TenantUptime };
  /** Creates the missing checks (each looked up by target first: never a duplicate). */
  createTenantUptimeChecks: { request: { appId: string }; response: UptimeChecksCreated };
  deleteUptimeCheck: { request: { appId: string; checkId: string }; response: TenantUptime };
  addHealthPath: { request: { appId: string; path: string }; response: TenantUptime };
  removeHealthPath: { request: { appId: string; path: string }; response: TenantUptime };
  listAlertPolicies: { request: void; response: AlertPolicyView[] };
  updateAlertPolicy: { request: AlertPolicyEdit; response: AlertPolicyView };
}

export type UptimeStreams = Record<never, never>;

export const UPTIME_METHOD_NAMES = [
  'getUptimeOverview',
  'getTenantUptime',
  'createTenantUptimeChecks',
  'deleteUptimeCheck',
  'addHealthPath',
  'removeHealthPath',
  'listAlertPolicies',
  'updateAlertPolicy',
] as const satisfies readonly (keyof UptimeMethods)[];
export const UPTIME_STREAM_NAMES = [] as const;

export const HEALTH_PATH_MAX = 200;

/** Why a health path is refused, or undefined for a good one: the window and main share the rule. */
export function healthPathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'A health path starts with “/”, e.g. /health/database.';
  if (path.length > HEALTH_PATH_MAX) return `A health path is at most ${HEALTH_PATH_MAX} characters.`;
  if (/[?#]/.test(path)) return 'A health path has no query or fragment (no “?” or “#”).';
  if (/(^|\/)\.\.?(\/|$)/.test(path) || path.includes('//')) return 'A health path has no empty, “.” or “..” segments.';
  if (!/^\/[A-Za-z0-9._~\-/%]*$/.test(path)) return 'A health path holds letters, digits and - . _ ~ / only.';
  return undefined;
}

/** Metrics measured in percent: a threshold outside 0–100 could never be crossed. */
export const isPercentPolicyType = (type: string): boolean => /percent|utilization|cpu_alerts|\/cpu$/.test(type);

/** Largest threshold accepted for a metric that is not a percentage (load, MB/s, ms, counts). */
export const POLICY_VALUE_MAX = 1_000_000;

/** Why a threshold is refused for this policy type, or undefined. */
export function policyValueProblem(type: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'The threshold is a number.';
  if (value < 0) return 'The threshold is 0 or more.';
  if (isPercentPolicyType(type) && value > 100) return 'A percentage threshold is between 0 and 100.';
  if (value > POLICY_VALUE_MAX) return `The threshold is at most ${POLICY_VALUE_MAX.toLocaleString('en-US')}.`;
  return undefined;
}
