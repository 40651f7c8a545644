// The deploys domain of the contract: deploy, restart, scale, cancel, rollback, fleet-wide rolling
// deploys, their live progress, the audit log (Activity) and notices for finished deployments.
import type { DeploymentPhase, MonthlyCost } from './apps';
import type { Result } from './common';

export const ACTION_KINDS = [
  'deploy',
  'restart',
  'scale',
  'cancel',
  'rollback',
  'rollback_commit',
  'rollback_revert',
  'rolling_deploy',
  /** A spec edited in the spec editor and applied (PUT /v2/apps/{id}). */
  'edit_spec',
  'create_app',
  'dns_change',
  /** A Supabase project paused or restored from a tenant's page. */
  'supabase_pause',
  'supabase_restore',
  /** A migration applied to one tenant's Supabase project (one entry per tenant of a run). */
  'apply_migration',
  /** One step of a new tenant's onboarding run (Supabase project, migrations, registry, app, DNS, health), or its undo. */
  'onboard_step',
  /** One confirmed step of offboarding a tenant (backup check, pause, delete app, DNS, registry). */
  'offboard_step',
  /** DigitalOcean Uptime checks created for a tenant's health paths, or one deleted. */
  'uptime_checks',
  /** A Monitoring alert policy edited (threshold, window, on/off, emails). */
  'alert_policy',
  /** A droplet rebooted, power cycled or resized (power off → resize → power on). */
  'droplet_action',
  /** A tenant's database created or deleted in a shared managed cluster. */
  'tenant_database',
  'database_resize',
  /** A connection pool's size changed. */
  'pool_resize',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export type StepStatus = 'UNKNOWN' | 'PENDING' | 'RUNNING' | 'SUCCESS' | 'ERROR';

export interface ProgressStep {
  name: string;
  /** "Building api", "Deploying worker": the API's message_base with its component. */
  label: string;
  component?: string;
  status: StepStatus;
  /** Why it failed, in the API's words. */
  reason?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface DeploymentProgress {
  appId: string;
  appName: string;
  deploymentId: string;
  phase: DeploymentPhase;
  /** ACTIVE, SUPERSEDED, ERROR or CANCELED: nothing more will happen. */
  terminal: boolean;
  cause?: string;
  steps: ProgressStep[];
  done: number;
  total: number;
  createdAt: string;
  updatedAt?: string;
  elapsedSeconds: number;
}

/** One component's scale; leave a field out to keep it as it is. */
export interface ScaleChange {
  appId: string;
  component: string;
  instanceSizeSlug?: string;
  instanceCount?: number;
  /** Autoscaling bounds; null turns autoscaling off (then instanceCount applies). */
  autoscaling?: { min: number; max: number } | null;
}

export interface ComponentScale {
  instanceSizeSlug: string;
  instanceCount?: number;
  autoscaling?: { min: number; max: number };
  /** The component's own monthly cost from the size list. */
  componentMonthlyCost: MonthlyCost;
}

export interface ScalePreview {
  appId: string;
  appName: string;
  component: string;
  before: ComponentScale;
  after: ComponentScale;
  /** The whole app's monthly cost as the API prices it (POST /v2/apps/propose). */
  appMonthlyCostBefore: number;
  appMonthlyCostAfter: number;
  /** Sizes the component may use, for the dialog's picker (scalable ones allow autoscaling). */
  sizeOptions: Array<{ slug: string; label: string; usdPerMonth: number; scalable: boolean }>;
  /** Identifies the spec the preview was made from; applyScale refuses if the app changed since. */
  specVersion: string;
  warnings: string[];
}

export interface RollbackCheck {
  valid: boolean;
  /** The API's error, in words, when the rollback is not possible. */
  error?: string;
  warnings: string[];
}

export type ActivityResult = 'started' | 'succeeded' | 'failed' | 'canceled' | 'refused';

export interface ActivityEntry {
  id: string;
  /** The account context the action ran in ("Demo fleet", "production", …). */
  context: string;
  action: ActionKind;
  appId?: string;
  appName?: string;
  /** Component, deployment or list of apps the action was aimed at. */
  target?: string;
  parameters: Record<string, string | number | boolean | null>;
  result: ActivityResult;
  deploymentId?: string;
  message?: string;
  startedAt: string;
  endedAt?: string;
}

export type RollingAppState = 'waiting' | 'deploying' | 'succeeded' | 'failed' | 'not_started' | 'canceled';

export interface RollingDeployStatus {
  id: string;
  state: 'running' | 'succeeded' | 'halted' | 'canceled';
  concurrency: number;
  apps: Array<{
    appId: string;
    appName: string;
    state: RollingAppState;
    deploymentId?: string;
    phase?: DeploymentPhase;
    message?: string;
  }>;
  /**
   * Apps that were asked for but could not be deployed (pinned by a rollback, a read-only
   * context), left out of `apps` when the run was started with skipBlocked.
   */
  skipped?: Array<{ appId: string; appName: string; reason: string }>;
  startedAt: string;
  endedAt?: string;
}

/** Shown as a desktop notification by the Electron shell, as a toast in the browser harness. */
export interface Notice {
  id: string;
  /** When main published it (ISO 8601): `watchNotices({ since })` replays the ones after. */
  at: string;
  level: 'success' | 'error' | 'info';
  title: string;
  body: string;
  appId?: string;
}

export interface DeploysMethods {
  deployApp: { request: { appId: string; forceBuild?: boolean }; response: DeploymentProgress };
  restartApp: { request: { appId: string; components?: string[] }; response: DeploymentProgress };
  cancelDeployment: { request: { appId: string; deploymentId: string }; response: DeploymentProgress };
  getDeploymentProgress: { request: { appId: string; deploymentId: string }; response: DeploymentProgress };
  previewScale: { request: ScaleChange; response: ScalePreview };
  applyScale: { request: ScaleChange & { specVersion: string }; response: DeploymentProgress };
  validateRollback: { request: { appId: string; deploymentId: string }; response: RollbackCheck };
  rollbackApp: { request: { appId: string; deploymentId: string }; response: DeploymentProgress };
  commitRollback: { request: { appId: string }; response: null };
  revertRollback: { request: { appId: string }; response: DeploymentProgress };
  startRollingDeploy: {
    /**
     * With skipBlocked, apps that cannot be deployed are listed as skipped and the run goes on
     * with the others; without it, any blocked app refuses the start (conflict, or forbidden for
     * a read-only context), and so does a selection in which every app is blocked.
     */
    request: { appIds: string[]; concurrency: number; forceBuild?: boolean; skipBlocked?: boolean };
    response: RollingDeployStatus;
  };
  cancelRollingDeploy: { request: { id: string }; response: RollingDeployStatus };
  listActivity: {
    request: { appId?: string; action?: ActionKind; limit?: number };
    response: ActivityEntry[];
  };
}

export interface DeploysStreams {
  /** Progress of one deployment until it reaches a terminal phase. */
  watchDeployment: { request: { appId: string; deploymentId: string }; event: Result<DeploymentProgress> };
  watchRollingDeploy: { request: { id: string }; event: Result<RollingDeployStatus> };
  /** Deployments the user started that finished or failed. */
  watchNotices: { request: { since?: string }; event: Result<Notice> };
}

export const DEPLOYS_METHOD_NAMES = [
  'deployApp',
  'restartApp',
  'cancelDeployment',
  'getDeploymentProgress',
  'previewScale',
  'applyScale',
  'validateRollback',
  'rollbackApp',
  'commitRollback',
  'revertRollback',
  'startRollingDeploy',
  'cancelRollingDeploy',
  'listActivity',
] as const;
export const DEPLOYS_STREAM_NAMES = ['watchDeployment', 'watchRollingDeploy', 'watchNotices'] as const;
