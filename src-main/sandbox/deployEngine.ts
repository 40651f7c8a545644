// DigitalOcean's deployment state machine, on the sandbox clock: PENDING_BUILD → BUILDING →
// PENDING_DEPLOY → DEPLOYING → ACTIVE (the previous ACTIVE becomes SUPERSEDED), or ERROR at a
// failing build or health check (the previous ACTIVE stays), or CANCELED. Progress is worked out
// from elapsed time whenever the sandbox answers, so tests can jump the clock instead of waiting.
//
// One deployment runs at a time. A deployment asked for while another runs waits as the app's
// `pending_deployment` (phase PENDING_BUILD) and starts when the running one ends; a newer request
// replaces a waiting one, which ends CANCELED. The API documents none of this in words; the
// evidence is the spec keeping `pending_deployment` ("the most recent pending deployment") apart
// from `in_progress_deployment`, godo #601 (pending_deployment is "the most recent non-cancelled
// deployment" on reads), and users describing App Platform as superseding queued, not running,
// deployments. Fleetdeck's client reads both fields and tolerates either behaviour.
import { randomUUID } from 'node:crypto';
import type {
  AppSpec,
  Deployment,
  DeploymentCauseType,
  DeploymentPhase,
  DeploymentStep,
} from '../clients/digitalocean/types';
import { isTerminalPhase } from '../clients/digitalocean/types';
import { leafCounts, nestSteps } from './deploySteps';
import { FAILURES, stepPlan, type PlanItem } from './seed/deploymentHistory';
import { githubBranchHead, githubWorldOf } from './github/world';
import type { AppRecord, SandboxState } from './state';

export type DeployOutcome = 'success' | 'build_failure' | 'health_check_failure';

export interface DeployTiming {
  /** Wait before the first step (queueing). */
  pendingMs: number;
  stepMs: number;
}

/** Fast enough to watch a deploy finish in the demo, slow enough to see every phase. */
export const DEFAULT_TIMING: DeployTiming = { pendingMs: 1500, stepMs: 1200 };
/** The seeded build already running when the demo starts is a long one (about 20 minutes). */
const SEEDED_TIMING: DeployTiming = { pendingMs: 0, stepMs: 110_000 };

interface LivePlan {
  steps: PlanItem[];
  startMs: number;
  timing: DeployTiming;
  /** Index of the step that fails, if the outcome is a failure. */
  failAt?: number;
  failure?: { code: string; message: string };
}

interface EngineState {
  plans: Map<string, LivePlan>;
  nextOutcome: Map<string, DeployOutcome>;
  timing: DeployTiming;
  /** Deployments that reused the running build (restarts): they say nothing about the branch. */
  rebuiltNothing: Set<string>;
  /** Waiting deployments, by the id of the deployment each waits for. */
  waitingFor: Map<string, string>;
}

/** A waiting deployment's plan starts at no time yet: every step reads PENDING. */
const NOT_STARTED = Number.POSITIVE_INFINITY;

const engines = new WeakMap<SandboxState, EngineState>();

function engineOf(state: SandboxState): EngineState {
  let engine = engines.get(state);
  if (!engine) {
    engine = {
      plans: new Map(),
      nextOutcome: new Map(),
      timing: DEFAULT_TIMING,
      rebuiltNothing: new Set(),
      waitingFor: new Map(),
    };
    engines.set(state, engine);
  }
  return engine;
}

/** Tests and benches: how long steps take. */
export function setDeployTiming(state: SandboxState, timing: DeployTiming): void {
  engineOf(state).timing = timing;
}

/** Fault injection: the next deployment of this app fails this way. */
export function failNextDeployment(
  state: SandboxState,
  appId: string,
  outcome: Exclude<DeployOutcome, 'success'>,
): void {
  engineOf(state).nextOutcome.set(appId, outcome);
}

export interface StartOptions {
  cause: string;
  causeType: DeploymentCauseType;
  spec: AppSpec;
  /** Restarts skip the build. */
  skipBuild?: boolean;
  clonedFrom?: string;
}

export function startDeployment(state: SandboxState, record: AppRecord, options: StartOptions): Deployment {
  const engine = engineOf(state);
  // The GitHub world the commit comes from is derived (once) before the clock is read, so the
  // time that takes is not counted as the new deployment's queueing.
  githubWorldOf(state);
  const now = state.clock.now();
  advance(state, record);
  // A newer request replaces one still waiting; one already running goes on and the new one waits.
  for (const d of record.deployments) {
    if (!isTerminalPhase(d.phase) && engine.waitingFor.has(d.id!)) {
      finish(d, 'CANCELED', now);
      engine.waitingFor.delete(d.id!);
      engine.plans.delete(d.id!);
    }
  }
  const running = record.deployments.find((d) => !isTerminalPhase(d.phase));
  const outcome = engine.nextOutcome.get(record.app.id!) ?? 'success';
  engine.nextOutcome.delete(record.app.id!);
  const steps = stepPlan(options.spec).filter((s) => !(options.skipBuild && s.part === 'build'));
  const plan: LivePlan = { steps, startMs: running ? NOT_STARTED : now, timing: engine.timing };
  if (outcome !== 'success') {
    const failing =
      outcome === 'build_failure'
        ? steps.findIndex((s) => s.part === 'build')
        : steps.findIndex((s) => s.name === 'wait');
    plan.failAt = failing >= 0 ? failing : steps.length - 1;
    plan.failure = FAILURES[outcome === 'build_failure' ? 'fail-build' : 'fail-health'];
  }
  const active = record.deployments.find((d) => d.phase === 'ACTIVE');
  const created = new Date(now).toISOString();
  const commit = commitFor(state, record, options, active);
  const deployment: Deployment = {
    id: randomUUID(),
    cause: options.cause,
    cause_details: { type: options.causeType },
    phase: options.skipBuild ? 'PENDING_DEPLOY' : 'PENDING_BUILD',
    created_at: created,
    updated_at: created,
    phase_last_updated_at: created,
    spec: structuredClone(options.spec),
    services: componentRefs(options.spec.services, commit),
    workers: componentRefs(options.spec.workers, commit),
    static_sites: componentRefs(options.spec.static_sites, commit),
    tier_slug: record.app.tier_slug,
    ...(active?.id ? { previous_deployment_id: active.id } : {}),
    ...(options.clonedFrom ? { cloned_from: options.clonedFrom } : {}),
  };
  engine.plans.set(deployment.id!, plan);
  if (running) engine.waitingFor.set(deployment.id!, running.id!);
  if (options.skipBuild) engine.rebuiltNothing.add(deployment.id!);
  record.deployments.unshift(deployment);
  advance(state, record);
  return deployment;
}

/**
 * The commit each component of a new deployment carries, as App Platform picks it: a rollback
 * reuses its target's build and a restart the running one, but any other deployment builds the
 * head of the component's branch — the sandbox's GitHub (github/world.ts), so a deploy ships
 * exactly what comparing the deployed commit with that head lists. A source GitHub does not know
 * (GitLab, plain git) falls back to the newest commit the app built from its branch.
 */
function commitFor(
  state: SandboxState,
  record: AppRecord,
  options: StartOptions,
  active: Deployment | undefined,
): (component: SourcedComponent) => string | undefined {
  if (options.clonedFrom) {
    const target = commitOf(record.deployments.find((d) => d.id === options.clonedFrom));
    return () => target;
  }
  if (options.skipBuild) {
    const running = commitOf(active);
    return () => running;
  }
  const built = branchHead(record, engineOf(state).rebuiltNothing);
  return (component) =>
    (component.github?.repo && githubBranchHead(state, component.github.repo, component.github.branch ?? 'main')) ||
    built;
}

/**
 * The newest commit the app built from its branch (any phase, rollbacks and restarts aside, since
 * they reuse an old build).
 */
function branchHead(record: AppRecord, restarts: ReadonlySet<string>): string | undefined {
  const built = record.deployments.find(
    (d) => !d.cloned_from && d.cause_details?.type !== 'MANUAL_ROLLBACK' && !restarts.has(d.id!) && commitOf(d),
  );
  return commitOf(built);
}

const commitOf = (deployment: Deployment | undefined): string | undefined =>
  [...(deployment?.services ?? []), ...(deployment?.workers ?? []), ...(deployment?.static_sites ?? [])].find(
    (c) => c.source_commit_hash,
  )?.source_commit_hash;

type SourcedComponent = NonNullable<AppSpec['services']>[number];

/** Only components built from a repository have a commit; image components have none. */
function componentRefs(
  list: SourcedComponent[] | undefined,
  commitOfComponent: (component: SourcedComponent) => string | undefined,
) {
  return (list ?? []).map((c) => {
    const commit = c.github || c.gitlab || c.bitbucket || c.git ? commitOfComponent(c) : undefined;
    return commit ? { name: c.name, source_commit_hash: commit } : { name: c.name };
  });
}

export function cancelDeployment(state: SandboxState, deployment: Deployment): void {
  const engine = engineOf(state);
  finish(deployment, 'CANCELED', state.clock.now());
  engine.plans.delete(deployment.id!);
  engine.waitingFor.delete(deployment.id!);
}

/** The deployment waiting for another to end, if any: the app's `pending_deployment`. */
export function waitingDeployment(state: SandboxState, record: AppRecord): Deployment | undefined {
  const engine = engineOf(state);
  return record.deployments.find((d) => !isTerminalPhase(d.phase) && engine.waitingFor.has(d.id!));
}

/** Brings every in-progress deployment of the fleet up to the sandbox clock. */
export function advanceAll(state: SandboxState): void {
  for (const record of state.apps.values()) advance(state, record);
}

function advance(state: SandboxState, record: AppRecord): void {
  const engine = engineOf(state);
  const now = state.clock.now();
  // Oldest first, so a waiting deployment sees the one before it end in the same pass.
  for (const deployment of [...record.deployments].reverse()) {
    if (isTerminalPhase(deployment.phase)) continue;
    const awaited = engine.waitingFor.get(deployment.id!);
    if (awaited !== undefined) {
      const before = record.deployments.find((d) => d.id === awaited);
      if (before && !isTerminalPhase(before.phase)) continue;
      engine.waitingFor.delete(deployment.id!);
      const plan = engine.plans.get(deployment.id!);
      const endedMs = Date.parse(before?.phase_last_updated_at ?? '') || now;
      if (plan) plan.startMs = Math.min(endedMs, now);
    }
    let plan = engine.plans.get(deployment.id!);
    if (!plan) {
      // A seeded deployment already in progress: it runs from the moment the sandbox first sees it.
      plan = { steps: stepPlan(deployment.spec ?? record.app.spec), startMs: now, timing: SEEDED_TIMING };
      engine.plans.set(deployment.id!, plan);
    }
    apply(record, deployment, plan, now);
  }
}

function apply(record: AppRecord, deployment: Deployment, plan: LivePlan, now: number): void {
  const { pendingMs, stepMs } = plan.timing;
  const elapsed = now - plan.startMs - pendingMs;
  const stepIndex = elapsed < 0 ? -1 : Math.floor(elapsed / stepMs);
  const failed = plan.failAt !== undefined && stepIndex > plan.failAt;
  const steps: DeploymentStep[] = plan.steps.map((item, i) => {
    const startedMs = plan.startMs + pendingMs + i * stepMs;
    let status: DeploymentStep['status'] = i < stepIndex ? 'SUCCESS' : i === stepIndex ? 'RUNNING' : 'PENDING';
    if (plan.failAt !== undefined && i === plan.failAt && stepIndex >= i) status = failed ? 'ERROR' : 'RUNNING';
    if (failed && i > plan.failAt!) status = 'PENDING';
    const step: DeploymentStep = { name: item.name, status, message_base: item.message };
    if (item.component) step.component_name = item.component;
    if (status !== 'PENDING') step.started_at = new Date(startedMs).toISOString();
    if (status === 'SUCCESS' || status === 'ERROR') step.ended_at = new Date(startedMs + stepMs).toISOString();
    if (status === 'ERROR' && plan.failure) step.reason = { code: plan.failure.code, message: plan.failure.message };
    return step;
  });
  deployment.progress = { ...leafCounts(steps), steps: nestSteps(plan.steps, steps) };
  if (failed) return finish(deployment, 'ERROR', plan.startMs + pendingMs + (plan.failAt! + 1) * stepMs);
  if (stepIndex >= steps.length) {
    const endMs = plan.startMs + pendingMs + steps.length * stepMs;
    for (const other of record.deployments) {
      if (other !== deployment && other.phase === 'ACTIVE') setPhase(other, 'SUPERSEDED', endMs);
    }
    return finish(deployment, 'ACTIVE', endMs);
  }
  const current = plan.steps[stepIndex];
  const firstDeployStep = plan.steps.findIndex((s) => s.part === 'deploy');
  const phase: DeploymentPhase =
    stepIndex < 0
      ? plan.steps[0]?.part === 'build'
        ? 'PENDING_BUILD'
        : 'PENDING_DEPLOY'
      : current?.part === 'build'
        ? 'BUILDING'
        : // The hand-over from build to deploy shows as PENDING_DEPLOY, as on the platform.
          stepIndex === firstDeployStep && firstDeployStep > 0
          ? 'PENDING_DEPLOY'
          : 'DEPLOYING';
  if (deployment.phase !== phase) setPhase(deployment, phase, now);
}

function finish(deployment: Deployment, phase: DeploymentPhase, atMs: number): void {
  setPhase(deployment, phase, atMs);
  if (phase === 'CANCELED' && deployment.progress?.steps) {
    for (const step of deployment.progress.steps) if (step.status === 'RUNNING') step.status = 'PENDING';
  }
}

function setPhase(deployment: Deployment, phase: DeploymentPhase, atMs: number): void {
  const at = new Date(atMs).toISOString();
  deployment.phase = phase;
  deployment.phase_last_updated_at = at;
  deployment.updated_at = at;
}
