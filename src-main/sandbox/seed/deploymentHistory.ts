// Deployment histories for seeded apps. A fleet definition only lists deployment kinds, newest
// first; this turns them into Deployments whose specs, commits, causes, rollback targets, timings
// and step progress agree with each other the way the real API reports them.
import type {
  AppSpec,
  Deployment,
  DeploymentCauseType,
  DeploymentPhase,
  DeploymentStep,
  ServiceSpec,
} from '../../clients/digitalocean/types';
import { DAY, HOUR, MINUTE, clone, iso, type Rand } from './random';
import { tierOf } from './specBuilders';
import { leafCounts, nestSteps } from '../deploySteps';

type StepStatus = NonNullable<DeploymentStep['status']>;

/**
 * push / manual / spec / rollback succeed; fail-build and fail-health end in ERROR; cancel ends
 * CANCELED; building is a non-terminal deployment and may only be the newest.
 */
export type DeployKind = 'push' | 'manual' | 'spec' | 'rollback' | 'fail-build' | 'fail-health' | 'cancel' | 'building';

export interface HistoryStep {
  kind: DeployKind;
  /** This deployment introduced a spec change: turns its spec into the one older deployments ran. */
  before?: (spec: AppSpec) => void;
}

/** History from kinds, newest first: `history('push', 'spec', 'manual')`. */
export const history = (...kinds: DeployKind[]): HistoryStep[] => kinds.map((kind) => ({ kind }));

/** Marks entry `index` as the deployment that introduced a spec change (see HistoryStep.before). */
export const changedAt = (steps: HistoryStep[], index: number, before: (spec: AppSpec) => void): HistoryStep[] =>
  steps.map((s, i) => (i === index ? { ...s, before } : s));

/** The named service of a spec, for `before` callbacks. */
export function serviceOf(spec: AppSpec, name: string): ServiceSpec {
  const c = spec.services?.find((s) => s.name === name);
  if (!c) throw new Error(`${spec.name}: no service ${name}`);
  return c;
}

export interface HistoryOptions {
  /** How long ago the oldest deployment was created. */
  spanDays: number;
  /** How long ago the newest terminal deployment was created (a `building` one is always ~3 min). */
  newestAgoMinutes?: number;
  deployer?: string;
}

export interface PlanItem {
  name: string;
  component?: string;
  message: string;
  part: 'build' | 'deploy';
}

export function stepPlan(spec: AppSpec): PlanItem[] {
  const built = (c: { image?: unknown }) => c.image === undefined;
  const groups: Array<[string, Array<{ name?: string; image?: unknown }>]> = [
    ['static site', spec.static_sites ?? []],
    ['service', spec.services ?? []],
    ['worker', spec.workers ?? []],
    ['job', spec.jobs ?? []],
  ];
  const plan: PlanItem[] = [];
  for (const [label, list] of groups) {
    for (const c of list.filter(built))
      plan.push({ name: 'build', component: c.name, message: `Building ${label}`, part: 'build' });
  }
  for (const j of (spec.jobs ?? []).filter((j) => j.kind === 'PRE_DEPLOY')) {
    plan.push({ name: 'pre-deploy', component: j.name, message: 'Running pre-deploy job', part: 'deploy' });
  }
  for (const [label, list] of groups.slice(0, 3)) {
    for (const c of list)
      plan.push({ name: 'deploy', component: c.name, message: `Deploying ${label}`, part: 'deploy' });
  }
  for (const [label, list] of groups.slice(1, 3)) {
    for (const c of list)
      plan.push({ name: 'wait', component: c.name, message: `Waiting for ${label}`, part: 'deploy' });
  }
  plan.push({ name: 'finalize', message: 'Finalizing deployment', part: 'deploy' });
  return plan;
}

export const FAILURES = {
  'fail-build': {
    code: 'BuildJobExitNonZero',
    message:
      'Your build job failed because it returned a non-zero exit code. Check the build logs for the component to find the failing command.',
  },
  'fail-health': {
    code: 'DeployContainerHealthChecksFailed',
    message:
      'Your deploy failed because your container failed health checks. Check the runtime logs and make sure the health check path returns HTTP 200 within the timeout.',
  },
} as const;

function makeProgress(
  r: Rand,
  spec: AppSpec,
  kind: DeployKind,
  startMs: number,
  endMs: number,
): NonNullable<Deployment['progress']> {
  const plan = stepPlan(spec);
  const firstService = spec.services?.find((s) => s.image === undefined)?.name ?? spec.services?.[0]?.name;
  let cut = plan.length; // steps before `cut` succeeded; `cut` itself carries the outcome
  let at: StepStatus = 'SUCCESS';
  if (kind === 'fail-build') {
    cut = Math.max(
      0,
      plan.findIndex((p) => p.name === 'build' && p.component === firstService),
    );
    at = 'ERROR';
  } else if (kind === 'fail-health') {
    const healthChecked = spec.services?.find((s) => s.health_check?.http_path)?.name ?? firstService;
    cut = Math.max(
      0,
      plan.findIndex((p) => p.name === 'wait' && p.component === healthChecked),
    );
    at = 'ERROR';
  } else if (kind === 'cancel' || kind === 'building') {
    const builds = plan.filter((p) => p.part === 'build').length;
    cut = r.int(kind === 'building' && builds > 1 ? 1 : 0, Math.max(0, builds - 1));
    at = kind === 'building' ? 'RUNNING' : 'PENDING';
  }
  const slot = (endMs - startMs - 5_000) / plan.length;
  const steps: DeploymentStep[] = plan.map((p, i) => {
    const status: StepStatus = i < cut ? 'SUCCESS' : i === cut ? at : 'PENDING';
    const step: DeploymentStep = { name: p.name, status, message_base: p.message };
    if (p.component) step.component_name = p.component;
    const s = startMs + 5_000 + i * slot;
    if (status !== 'PENDING') step.started_at = iso(s + r.int(0, 900));
    if (status === 'SUCCESS' || status === 'ERROR') step.ended_at = iso(s + slot * (0.6 + r.int(0, 35) / 100));
    if (status === 'ERROR' && (kind === 'fail-build' || kind === 'fail-health')) step.reason = { ...FAILURES[kind] };
    return step;
  });
  const summary = (['build', 'deploy'] as const).map((part): DeploymentStep => {
    const mine = steps.filter((_, i) => plan[i]?.part === part);
    const has = (s: StepStatus) => mine.some((x) => x.status === s);
    const status: StepStatus = has('ERROR')
      ? 'ERROR'
      : has('RUNNING')
        ? 'RUNNING'
        : mine.every((x) => x.status === 'SUCCESS')
          ? 'SUCCESS'
          : has('SUCCESS')
            ? 'RUNNING'
            : 'PENDING';
    const started = mine.find((x) => x.started_at)?.started_at;
    const ended = [...mine].reverse().find((x) => x.ended_at)?.ended_at;
    const out: DeploymentStep = { name: part, status };
    if (started) out.started_at = started;
    if (ended && (status === 'SUCCESS' || status === 'ERROR')) out.ended_at = ended;
    return out;
  });
  return { ...leafCounts(steps), steps: nestSteps(plan, steps), summary_steps: summary };
}

function componentRefs(list: Array<{ name?: string; github?: unknown }> | undefined, commit: string) {
  return (list ?? []).map((c) => (c.github ? { name: c.name, source_commit_hash: commit } : { name: c.name }));
}

function repoOf(spec: AppSpec): string {
  const all = [...(spec.services ?? []), ...(spec.workers ?? []), ...(spec.static_sites ?? []), ...(spec.jobs ?? [])];
  return all.find((c) => c.github?.repo)?.github?.repo ?? 'unknown/unknown';
}

/** Deployments newest first, plus the time the app was created (a little before the oldest). */
export function makeDeploymentHistory(
  r: Rand,
  appSpec: AppSpec,
  history: readonly HistoryStep[],
  nowMs: number,
  opts: HistoryOptions,
): { deployments: Deployment[]; createdAtMs: number } {
  if (history.length === 0) throw new Error('an app needs at least one deployment');
  if (history.slice(1).some((h) => h.kind === 'building'))
    throw new Error('only the newest deployment may be in progress');
  const n = history.length;

  // Specs and creation times, newest first.
  const specs: AppSpec[] = [];
  let current = clone(appSpec);
  for (const h of history) {
    specs.push(current);
    if (h.before) {
      current = clone(current);
      h.before(current);
    }
  }
  const newestAgo = (opts.newestAgoMinutes ?? r.int(45, 36 * 60)) * MINUTE;
  const oldestAgo = Math.max(opts.spanDays * DAY, newestAgo + n * HOUR);
  const created: number[] = history.map((h, i) => {
    if (h.kind === 'building') return nowMs - r.int(150_000, 200_000);
    const t = (i / Math.max(1, n - 1)) ** 1.2;
    const jitter = i === 0 ? r.int(0, 59_999) : r.int(0, 90 * MINUTE);
    return Math.round(nowMs - (newestAgo + t * (oldestAgo - newestAgo)) - jitter);
  });
  const ids = history.map(() => r.uuid());

  // Oldest to newest: commits, causes, rollback targets.
  const out: Deployment[] = new Array<Deployment>(n);
  const succeeded: number[] = [];
  const repo = repoOf(appSpec);
  let commit = r.hex(40);
  for (let i = n - 1; i >= 0; i--) {
    const h = history[i]!;
    const id = ids[i]!;
    let spec = specs[i]!;
    let causeType: DeploymentCauseType = 'MANUAL';
    let cause = 'manual';
    let clonedFrom: string | undefined;
    if (h.kind === 'rollback') {
      const target = succeeded[succeeded.length - 2] ?? succeeded[succeeded.length - 1];
      if (target === undefined) throw new Error('rollback needs an earlier successful deployment');
      const t = out[target]!;
      spec = clone(t.spec as AppSpec);
      commit = t.services?.find((s) => s.source_commit_hash)?.source_commit_hash ?? commit;
      clonedFrom = t.id;
      causeType = 'MANUAL_ROLLBACK';
      cause = `rollback to deployment ${t.id ?? ''}`;
    } else if (h.kind === 'spec') {
      cause = 'app spec updated';
    } else {
      if (i < n - 1) commit = r.hex(40);
      if (['push', 'fail-build', 'fail-health', 'building'].includes(h.kind)) {
        causeType = 'DEPLOY_ON_PUSH';
        cause = `commit ${commit.slice(0, 7)} pushed to github/${repo}`;
      }
    }
    const start = created[i]!;
    const terminal = h.kind !== 'building';
    const end = terminal ? start + r.int(125_000, 535_000) : nowMs - r.int(3_000, 20_000);
    const phase: DeploymentPhase =
      h.kind === 'building'
        ? 'BUILDING'
        : h.kind.startsWith('fail')
          ? 'ERROR'
          : h.kind === 'cancel'
            ? 'CANCELED'
            : 'SUPERSEDED';
    const d: Deployment = {
      id,
      cause,
      cause_details: {
        type: causeType,
        ...(causeType === 'DEPLOY_ON_PUSH'
          ? {}
          : { digitalocean_user_action: { user: { email: opts.deployer ?? 'ops@example.com' } } }),
      },
      phase,
      spec,
      services: componentRefs(spec.services, commit),
      workers: componentRefs(spec.workers, commit),
      static_sites: componentRefs(spec.static_sites, commit),
      jobs: componentRefs(spec.jobs, commit),
      created_at: iso(start),
      updated_at: iso(end),
      phase_last_updated_at: iso(terminal ? end : start + r.int(15, 40) * 1000),
      progress: makeProgress(r, spec, h.kind, start, end),
      tier_slug: tierOf(spec),
    };
    if (clonedFrom) d.cloned_from = clonedFrom;
    const prev = ids[i + 1];
    if (prev) d.previous_deployment_id = prev;
    out[i] = d;
    if (phase === 'SUPERSEDED') succeeded.push(i);
  }
  const newestSuccess = out.find((d) => d.phase === 'SUPERSEDED');
  if (newestSuccess) newestSuccess.phase = 'ACTIVE';
  return { deployments: out, createdAtMs: created[n - 1]! - r.int(8 * MINUTE, 40 * MINUTE) };
}
