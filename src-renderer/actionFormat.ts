// Pure helpers behind deploy actions: errors in words, scale drafts and their before → after,
// rolling-deploy summaries and audit-log labels. No React, no stores, no clock read behind the
// caller's back, so every function is unit-testable.
import type {
  ActionKind,
  ActivityResult,
  ComponentScale,
  ComponentSource,
  DeploymentProgress,
  FleetApp,
  FleetError,
  RollingAppState,
  RollingDeployStatus,
  ScaleChange,
  StepStatus,
} from '../src-preload/contract';
import { formatUsd, type Tone } from './format';

// ---------------------------------------------------------------------------------------------
// Errors

export interface ErrorWords {
  title: string;
  detail?: string;
}

/** What went wrong, for a person: the code decides the headline, the API's message the detail. */
export function describeError(error: FleetError): ErrorWords {
  const detail = error.message || undefined;
  switch (error.code) {
    case 'forbidden':
      return {
        title: 'Your DigitalOcean token is read-only — it can view the fleet but not change it. Nothing was changed.',
        ...(detail ? { detail } : {}),
      };
    case 'conflict':
      return {
        title: 'Another action on this app is still running. Wait for it to finish, then try again.',
        ...(detail ? { detail } : {}),
      };
    case 'stale':
      return {
        title:
          'The app’s spec changed since you opened this dialog — nothing was sent. Review the new spec and try again.',
      };
    case 'unknown_outcome':
      return {
        title: 'Fleetdeck could not tell whether this went through. Check the deployments list before trying again.',
        ...(detail ? { detail } : {}),
      };
    case 'rate_limited':
      return {
        title: `DigitalOcean’s rate limit was reached; nothing was changed.${error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : ''}`,
      };
    case 'unauthorized':
      return {
        title: 'DigitalOcean did not accept the token. Set a new one and try again.',
        ...(detail ? { detail } : {}),
      };
    case 'network':
    case 'timeout':
      return { title: 'DigitalOcean could not be reached.', ...(detail ? { detail } : {}) };
    default:
      return { title: detail ?? 'The request failed.' };
  }
}

/** The banner's first words: an unknown outcome must not read as a failure. */
export function failureHeadline(action: ActionKind, error: Pick<FleetError, 'code'>): string {
  if (error.code === 'unknown_outcome') return `${actionLabel(action)}: outcome unknown.`;
  return `${actionLabel(action)} did not go through.`;
}

// ---------------------------------------------------------------------------------------------
// Deployments

/** The short form of a deployment id people recognise, like a commit hash. */
export function shortId(id: string | undefined): string {
  return id ? id.slice(0, 7) : '';
}

const TERMINAL = new Set(['ACTIVE', 'SUPERSEDED', 'ERROR', 'CANCELED']);
export const isTerminalPhase = (phase: string): boolean => TERMINAL.has(phase);

const STEP_TONE: Record<StepStatus, Tone> = {
  UNKNOWN: 'muted',
  PENDING: 'muted',
  RUNNING: 'progress',
  SUCCESS: 'success',
  ERROR: 'danger',
};
export const stepTone = (status: StepStatus): Tone => STEP_TONE[status] ?? 'muted';

/**
 * Seconds since the deployment started: the API's count when the event arrived plus the wall
 * time since, so the clock keeps moving between events and stops once the deployment ends.
 */
export function elapsedNow(
  progress: Pick<DeploymentProgress, 'elapsedSeconds' | 'terminal'>,
  receivedAtMs: number,
  nowMs: number,
): number {
  if (progress.terminal) return progress.elapsedSeconds;
  return progress.elapsedSeconds + Math.max(0, (nowMs - receivedAtMs) / 1000);
}

/** "Deployed in 14s", "Failed after 9s", … for a finished deployment. */
export function outcomeLine(progress: Pick<DeploymentProgress, 'phase' | 'elapsedSeconds'>, duration: string): string {
  switch (progress.phase) {
    case 'ACTIVE':
      return `Live after ${duration}`;
    case 'SUPERSEDED':
      return `Finished after ${duration}; a newer deployment has replaced it`;
    case 'ERROR':
      return `Failed after ${duration}`;
    case 'CANCELED':
      return `Canceled after ${duration}`;
    default:
      return duration;
  }
}

/**
 * What a deploy builds a component from. App Platform builds a repository component from the
 * branch's latest commit at the moment the deployment starts (not the commit live now), and pulls
 * an image component's tag as it points now; a digest pins one image.
 */
export function buildsFrom(source: Pick<ComponentSource, 'kind' | 'ref' | 'branch'>): string {
  switch (source.kind) {
    case 'github':
    case 'gitlab':
    case 'bitbucket':
    case 'git':
      return source.branch ? `latest commit on ${source.branch}` : 'latest commit on the default branch';
    case 'image': {
      const digest = source.ref.split('@')[1];
      if (digest) return `image pinned to ${digest.slice(0, 19)}`;
      return `image tag ${source.ref.slice(source.ref.lastIndexOf(':') + 1)} as it is now`;
    }
    default:
      return 'no source to build';
  }
}

/** The cancel dialog's promise, which must match what the next deploy really builds. */
export function cancelConsequence(cause: string | undefined): string {
  const now =
    'App Platform stops this deployment where it is. The version that is live now keeps serving, and nothing of this deployment goes live.';
  if (cause?.startsWith('rollback'))
    return `${now} Deploying again does not repeat this rollback: a deploy builds each branch’s latest commit.`;
  return `${now} Deploying again later builds the app’s current spec from each branch’s latest commit, so what this deployment was building ships then, with anything pushed since.`;
}

// ---------------------------------------------------------------------------------------------
// Scale

export interface ScaleDraft {
  size: string;
  /** Fixed instance count, used when autoscaling is off. */
  count: number;
  autoscale: boolean;
  min: number;
  max: number;
}

export function draftFrom(
  scale: Pick<ComponentScale, 'instanceSizeSlug' | 'instanceCount' | 'autoscaling'>,
): ScaleDraft {
  const count = scale.instanceCount ?? scale.autoscaling?.min ?? 1;
  return {
    size: scale.instanceSizeSlug,
    count,
    autoscale: !!scale.autoscaling,
    min: scale.autoscaling?.min ?? count,
    max: scale.autoscaling?.max ?? Math.max(count, 2) * 2,
  };
}

export const MAX_INSTANCES = 250;

/** Why the draft cannot be previewed, or undefined when it can. */
export function draftProblem(draft: ScaleDraft, sizeScalable: boolean | undefined): string | undefined {
  const whole = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_INSTANCES;
  if (draft.autoscale) {
    if (sizeScalable === false) return 'This size does not autoscale; pick a dedicated (apps-d) size or a fixed count.';
    if (!whole(draft.min) || !whole(draft.max))
      return `Minimum and maximum must be whole numbers from 1 to ${MAX_INSTANCES}.`;
    if (draft.min > draft.max) return 'The minimum cannot be above the maximum.';
    return undefined;
  }
  if (!whole(draft.count)) return `The instance count must be a whole number from 1 to ${MAX_INSTANCES}.`;
  return undefined;
}

/** The request for a draft: only what differs from the component as it is. */
export function scaleChangeOf(appId: string, component: string, current: ScaleDraft, draft: ScaleDraft): ScaleChange {
  const change: ScaleChange = { appId, component };
  if (draft.size !== current.size) change.instanceSizeSlug = draft.size;
  if (draft.autoscale) {
    if (!current.autoscale || draft.min !== current.min || draft.max !== current.max)
      change.autoscaling = { min: draft.min, max: draft.max };
  } else {
    if (current.autoscale) change.autoscaling = null;
    if (current.autoscale || draft.count !== current.count) change.instanceCount = draft.count;
  }
  return change;
}

/** True when the request would change nothing. */
export const isNoChange = (change: ScaleChange): boolean =>
  change.instanceSizeSlug === undefined && change.instanceCount === undefined && change.autoscaling === undefined;

/** "×2", or "1–10 (autoscaling)". */
export function formatInstances(scale: Pick<ComponentScale, 'instanceCount' | 'autoscaling'>): string {
  if (scale.autoscaling) return `${scale.autoscaling.min}–${scale.autoscaling.max} autoscaling`;
  return `×${scale.instanceCount ?? 1}`;
}

/** "+$12.00/mo", "−$5.00/mo" (a real minus sign), "no change". */
export function formatCostDelta(before: number, after: number): string {
  const delta = Math.round((after - before) * 100) / 100;
  if (Math.abs(delta) < 0.005) return 'no change';
  return `${delta > 0 ? '+' : '−'}${formatUsd(Math.abs(delta))}/mo`;
}

/**
 * The app's monthly cost with an autoscaled component at its maximum. The API prices a proposed
 * spec with autoscaling at its minimum instance count, so the ceiling adds the component's spread.
 */
export function autoscaleCeiling(
  appCost: number,
  scale: Pick<ComponentScale, 'autoscaling' | 'componentMonthlyCost'>,
): number | undefined {
  if (!scale.autoscaling) return undefined;
  const spread = scale.componentMonthlyCost.max - scale.componentMonthlyCost.min;
  return spread > 0 ? Math.round((appCost + spread) * 100) / 100 : undefined;
}

export const costDeltaTone = (before: number, after: number): Tone =>
  after - before > 0.005 ? 'warning' : after - before < -0.005 ? 'success' : 'muted';

// ---------------------------------------------------------------------------------------------
// Rolling deploys

/** The apps chosen, in the fleet's order: the order the rolling deploy walks them. */
export function orderSelected<T extends Pick<FleetApp, 'id' | 'name' | 'group'>>(
  apps: readonly T[],
  selected: readonly string[],
): T[] {
  const chosen = new Set(selected);
  return apps
    .filter((a) => chosen.has(a.id))
    .sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
}

const ROLLING_LABEL: Record<RollingAppState, string> = {
  waiting: 'waiting',
  deploying: 'deploying',
  succeeded: 'succeeded',
  failed: 'failed',
  not_started: 'not started',
  canceled: 'canceled',
};
const ROLLING_TONE: Record<RollingAppState, Tone> = {
  waiting: 'muted',
  deploying: 'progress',
  succeeded: 'success',
  failed: 'danger',
  not_started: 'neutral',
  canceled: 'warning',
};
export const rollingLabel = (state: RollingAppState): string => ROLLING_LABEL[state] ?? state;
export const rollingTone = (state: RollingAppState): Tone => ROLLING_TONE[state] ?? 'muted';

export interface RollingSummary {
  succeeded: string[];
  failed: Array<{ name: string; message?: string }>;
  notStarted: string[];
  canceled: string[];
  /** "3 of 5 apps deployed · 1 failed · 1 not started". */
  headline: string;
}

export function summarizeRolling(status: Pick<RollingDeployStatus, 'apps'>): RollingSummary {
  const of = (state: RollingAppState) => status.apps.filter((a) => a.state === state);
  const succeeded = of('succeeded').map((a) => a.appName);
  const failed = of('failed').map((a) => ({ name: a.appName, ...(a.message ? { message: a.message } : {}) }));
  const notStarted = of('not_started').map((a) => a.appName);
  const canceled = of('canceled').map((a) => a.appName);
  const total = status.apps.length;
  const parts = [`${succeeded.length} of ${total} ${total === 1 ? 'app' : 'apps'} deployed`];
  if (failed.length) parts.push(`${failed.length} failed`);
  if (canceled.length) parts.push(`${canceled.length} canceled`);
  if (notStarted.length) parts.push(`${notStarted.length} not started`);
  return { succeeded, failed, notStarted, canceled, headline: parts.join(' · ') };
}

export const ROLLING_STATE_TEXT: Record<RollingDeployStatus['state'], string> = {
  running: 'Rolling deploy in progress',
  succeeded: 'Rolling deploy finished',
  halted: 'Rolling deploy stopped after a failure',
  canceled: 'Rolling deploy canceled',
};

// ---------------------------------------------------------------------------------------------
// Activity

const ACTION_LABEL: Record<ActionKind, string> = {
  deploy: 'Deploy',
  restart: 'Restart',
  scale: 'Scale',
  cancel: 'Cancel deployment',
  rollback: 'Roll back',
  rollback_commit: 'Keep rollback',
  rollback_revert: 'Undo rollback',
  rolling_deploy: 'Rolling deploy',
  edit_spec: 'Spec edit',
  create_app: 'New app',
  dns_change: 'DNS change',
  supabase_pause: 'Pause Supabase project',
  supabase_restore: 'Restore Supabase project',
  apply_migration: 'Apply migration',
  onboard_step: 'Onboard tenant',
  offboard_step: 'Offboard tenant',
  uptime_checks: 'Uptime checks',
  alert_policy: 'Alert policy',
  droplet_action: 'Droplet action',
  tenant_database: 'Tenant database',
  database_resize: 'Database resize',
  pool_resize: 'Pool size',
};
export const ACTION_KINDS = Object.keys(ACTION_LABEL) as ActionKind[];
export const actionLabel = (kind: ActionKind): string => ACTION_LABEL[kind] ?? kind;

const RESULT_TONE: Record<ActivityResult, Tone> = {
  started: 'progress',
  succeeded: 'success',
  failed: 'danger',
  canceled: 'warning',
  refused: 'neutral',
};
export const resultTone = (result: ActivityResult): Tone => RESULT_TONE[result] ?? 'muted';

/** "force_build: yes · components: api, worker". Main writes null for "left as it was", so those go. */
export function formatParameters(parameters: Record<string, string | number | boolean | null>): string {
  return Object.entries(parameters)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}: ${value === true ? 'yes' : value === false ? 'no' : String(value)}`)
    .join(' · ');
}

/** Seconds between two ISO times, undefined while the action runs or when a time is unreadable. */
export function secondsBetween(startIso: string, endIso: string | undefined): number | undefined {
  if (!endIso) return undefined;
  const ms = Date.parse(endIso) - Date.parse(startIso);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : undefined;
}

// ---------------------------------------------------------------------------------------------
// What blocks an action

export type GatedAction = 'deploy' | 'restart' | 'scale' | 'rollback';

export interface GateInput {
  /** An action on the app waiting in its undo window or being sent. */
  inFlight?: ActionKind;
  /** A deployment is running on the app. */
  deploying: boolean;
  pinnedId?: string;
  /** The context's token cannot change anything (read-only, or refused by the API). */
  readOnlyReason?: string;
}

/** Why an action's button is off, in words for its tooltip; undefined when it may run. */
export function blockedReason(action: GatedAction, gate: GateInput): string | undefined {
  // The account cannot change anything: say so before anything else.
  if (gate.readOnlyReason) return gate.readOnlyReason;
  if (gate.inFlight) return `${actionLabel(gate.inFlight)} on this app is on its way — wait until it has been sent.`;
  if (gate.deploying) return 'A deployment is in progress on this app — wait for it to finish or cancel it.';
  // A pinned app refuses new deployments, spec changes and a second rollback until the pin is
  // resolved; a restart of the pinned version is left to the API to judge.
  if (gate.pinnedId && action !== 'restart') {
    return `Pinned to deployment ${shortId(gate.pinnedId)} by a rollback — keep this version or undo the rollback first.`;
  }
  return undefined;
}
