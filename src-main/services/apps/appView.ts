// Turns the API's app, deployment and health objects into the summaries the renderer shows.
import type {
  AppHealthSummary,
  ComponentDetail,
  ComponentHealthSummary,
  ComponentKind,
  ComponentSource,
  DeploymentSummary,
  FleetApp,
  HealthState,
} from '../../../src-preload/contract';
import type { App, AppHealth, AppSpec, Deployment, DeploymentPhase } from '../../clients/digitalocean/types';
import { isTerminalPhase, leafSteps } from '../../clients/digitalocean/types';
import { DEV_DATABASE_USD } from '../costs/databasePricing';
import { addCosts, JOB_NOTE, priceCompute, STATIC_SITE_NOTE, ZERO_COST } from '../costs/pricing';
import type { InstanceSizeCatalog } from './instanceSizes';

/**
 * The product an app belongs to: its DigitalOcean project's name, or — for apps outside a named
 * project — the first word of its name (taskifai-demo and taskifai-bibbi are one product).
 */
export function groupOf(
  app: Pick<App, 'project_id'> & { spec: { name: string } },
  projectNames: ReadonlyMap<string, string>,
): string {
  const project = app.project_id ? projectNames.get(app.project_id) : undefined;
  return project ?? (app.spec.name.split('-')[0] || app.spec.name);
}

interface SourceFields {
  github?: { repo?: string; branch?: string; deploy_on_push?: boolean };
  gitlab?: { repo?: string; branch?: string; deploy_on_push?: boolean };
  bitbucket?: { repo?: string; branch?: string; deploy_on_push?: boolean };
  git?: { repo_clone_url?: string; branch?: string };
  image?: { registry?: string; repository?: string; tag?: string; digest?: string; registry_type?: string };
}

export function sourceOf(component: SourceFields): ComponentSource {
  for (const kind of ['github', 'gitlab', 'bitbucket'] as const) {
    const repo = component[kind];
    if (repo?.repo) return { kind, ref: repo.repo, branch: repo.branch, deployOnPush: repo.deploy_on_push };
  }
  if (component.git?.repo_clone_url)
    return { kind: 'git', ref: component.git.repo_clone_url, branch: component.git.branch };
  if (component.image?.repository) {
    const { registry, repository, tag, digest } = component.image;
    const name = registry ? `${registry}/${repository}` : repository;
    return { kind: 'image', ref: digest ? `${name}@${digest}` : `${name}:${tag ?? 'latest'}` };
  }
  return { kind: 'none', ref: '' };
}

export function componentsOf(spec: AppSpec, catalog: InstanceSizeCatalog): ComponentDetail[] {
  const compute = (kind: ComponentKind, list: AppSpec['services']) =>
    (list ?? []).map((c): ComponentDetail => ({
      name: c.name ?? '',
      kind,
      sizeSlug: c.instance_size_slug,
      instanceCount: c.autoscaling ? undefined : (c.instance_count ?? 1),
      ...(c.autoscaling
        ? { autoscaling: { min: c.autoscaling.min_instance_count ?? 1, max: c.autoscaling.max_instance_count ?? 1 } }
        : {}),
      ...priceCompute(c, catalog),
      source: sourceOf(c),
      ...('http_port' in c && c.http_port ? { httpPort: c.http_port } : {}),
      ...('health_check' in c && c.health_check?.http_path ? { healthCheckPath: c.health_check.http_path } : {}),
    }));
  const jobs = (spec.jobs ?? []).map((j): ComponentDetail => {
    const scheduled = Boolean((j as { schedule?: unknown }).schedule);
    return {
      name: j.name ?? '',
      kind: 'job',
      sizeSlug: j.instance_size_slug,
      instanceCount: j.instance_count ?? 1,
      ...(scheduled ? priceCompute(j, catalog) : { monthlyCost: ZERO_COST, costNote: JOB_NOTE }),
      source: sourceOf(j),
    };
  });
  return [
    ...compute('service', spec.services),
    ...compute('worker', spec.workers),
    ...(spec.static_sites ?? []).map((s): ComponentDetail => ({
      name: s.name,
      kind: 'static_site',
      monthlyCost: ZERO_COST,
      costNote: STATIC_SITE_NOTE,
      source: sourceOf(s),
    })),
    ...jobs,
    ...(spec.functions ?? []).map((f): ComponentDetail => ({
      name: f.name,
      kind: 'function',
      monthlyCost: ZERO_COST,
      source: sourceOf(f),
    })),
    ...(spec.databases ?? []).map(databaseComponent),
  ];
}

// Priced as the Costs page prices it (one price, databasePricing), so the overview, the app page
// and the Costs page agree. A managed cluster bills as a database, shared among the apps naming it:
// only the Costs page, which reads the clusters, can say an app's share.
function databaseComponent(d: NonNullable<AppSpec['databases']>[number]): ComponentDetail {
  const base = { name: d.name, kind: 'database' as const, source: { kind: 'none' as const, ref: d.engine ?? '' } };
  if (d.production || d.cluster_name) {
    return {
      ...base,
      monthlyCost: ZERO_COST,
      costNote: `Managed cluster ${d.cluster_name ?? ''}: billed as a database, not by the app (its share is on the Costs page).`,
    };
  }
  return {
    ...base,
    monthlyCost: { min: DEV_DATABASE_USD, max: DEV_DATABASE_USD },
    costNote: `App Platform dev database (${d.engine ?? 'PG'}): $${DEV_DATABASE_USD.toFixed(2)} a month.`,
  };
}

type TimedStep = { started_at?: string; ended_at?: string; steps?: TimedStep[] };

/** The first start and the last end among the steps, nested ones included (build, deploy, finalize). */
export function stepSpan(steps: readonly TimedStep[] | undefined): { start?: number; end?: number } {
  let start: number | undefined;
  let end: number | undefined;
  const visit = (list: readonly TimedStep[]) => {
    for (const step of list) {
      const s = Date.parse(step.started_at ?? '');
      const e = Date.parse(step.ended_at ?? '');
      if (Number.isFinite(s) && (start === undefined || s < start)) start = s;
      if (Number.isFinite(e) && (end === undefined || e > end)) end = e;
      if (step.steps) visit(step.steps);
    }
  };
  visit(steps ?? []);
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/**
 * How long the deployment took: from creation to its last step's end. Not to its phase's last
 * change: a SUPERSEDED deployment changed phase when the next one went live, hours later.
 */
function deploymentSeconds(d: Deployment, phase: DeploymentPhase): number | undefined {
  const created = Date.parse(d.created_at ?? '');
  if (!Number.isFinite(created) || !isTerminalPhase(phase)) return undefined;
  const { end } = stepSpan(d.progress?.steps);
  if (end !== undefined) return (end - created) / 1000;
  // Without step times only a phase that ended the deployment itself says when it ended.
  if (phase === 'SUPERSEDED') return undefined;
  const last = Date.parse(d.phase_last_updated_at ?? d.updated_at ?? '');
  return Number.isFinite(last) ? (last - created) / 1000 : undefined;
}

export function summarizeDeployment(d: Deployment): DeploymentSummary {
  const phase = d.phase ?? 'UNKNOWN';
  const finished = isTerminalPhase(phase) ? (d.phase_last_updated_at ?? d.updated_at) : undefined;
  const created = d.created_at ?? '';
  const duration = deploymentSeconds(d, phase);
  const commit = [...(d.services ?? []), ...(d.workers ?? []), ...(d.static_sites ?? [])]
    .map((c) => c.source_commit_hash)
    .find(Boolean);
  const progress = d.progress;
  const failedStep = leafSteps(progress?.steps).find((s) => s.status === 'ERROR');
  return {
    id: d.id ?? '',
    phase,
    cause: d.cause ?? '',
    ...(d.cause_details?.type ? { causeType: d.cause_details.type } : {}),
    ...(commit ? { commit: commit.slice(0, 7) } : {}),
    createdAt: created,
    ...(finished ? { finishedAt: finished } : {}),
    ...(duration !== undefined && duration >= 0 ? { durationSeconds: Math.round(duration) } : {}),
    ...(progress?.total_steps
      ? {
          progress: {
            done: progress.success_steps ?? 0,
            total: progress.total_steps,
            ...(failedStep
              ? {
                  failedStep: [failedStep.message_base ?? failedStep.name, failedStep.reason?.message]
                    .filter(Boolean)
                    .join(': '),
                }
              : {}),
          },
        }
      : {}),
  };
}

export function toFleetApp(
  app: App,
  catalog: InstanceSizeCatalog,
  projectNames: ReadonlyMap<string, string> = new Map(),
): FleetApp {
  const components = componentsOf(app.spec, catalog).map(
    ({ source: _s, health: _h, httpPort: _p, healthCheckPath: _c, ...summary }) => summary,
  );
  return {
    id: app.id ?? '',
    name: app.spec.name,
    group: groupOf(app, projectNames),
    region: app.region?.slug ?? app.spec.region ?? '',
    ...(app.region?.label ? { regionLabel: app.region.label } : {}),
    components,
    monthlyCost: addCosts(components.map((c) => c.monthlyCost)),
    ...(app.active_deployment ? { activeDeployment: summarizeDeployment(app.active_deployment) } : {}),
    ...(app.in_progress_deployment ? { inProgressDeployment: summarizeDeployment(app.in_progress_deployment) } : {}),
    ...queuedOf(app),
    ...(app.pinned_deployment?.id ? { pinnedDeploymentId: app.pinned_deployment.id } : {}),
    ...(app.live_url ? { liveUrl: app.live_url } : {}),
    ...(app.updated_at ? { updatedAt: app.updated_at } : {}),
  };
}

/**
 * The deployment waiting behind the running one. On reads the API names "the most recent
 * non-cancelled deployment" as pending (godo #601), which may be the running or even the live one:
 * only a different deployment that has not begun is queued.
 */
function queuedOf(app: App): { queuedDeployment?: DeploymentSummary } {
  const pending = app.pending_deployment;
  const running = app.in_progress_deployment;
  if (!pending?.id || !running?.id || pending.id === running.id) return {};
  if (pending.phase !== 'PENDING_BUILD' && pending.phase !== 'PENDING_DEPLOY') return {};
  return { queuedDeployment: summarizeDeployment(pending) };
}

const STATE: Record<string, HealthState> = { HEALTHY: 'healthy', UNHEALTHY: 'unhealthy', UNKNOWN: 'unknown' };

export function summarizeHealth(health: AppHealth): AppHealthSummary {
  const components: Record<string, ComponentHealthSummary> = {};
  for (const c of health.components ?? []) {
    if (!c.name) continue;
    const ready = c.replicas_ready;
    const desired = c.replicas_desired;
    let state = STATE[c.state ?? 'UNKNOWN'] ?? 'unknown';
    if (state === 'healthy' && ready !== undefined && desired !== undefined && ready < desired) state = 'degraded';
    components[c.name] = {
      state,
      ...(ready !== undefined ? { replicasReady: ready } : {}),
      ...(desired !== undefined ? { replicasDesired: desired } : {}),
      ...(c.cpu_usage_percent !== undefined ? { cpuPercent: c.cpu_usage_percent } : {}),
      ...(c.memory_usage_percent !== undefined ? { memoryPercent: c.memory_usage_percent } : {}),
    };
  }
  const states = Object.values(components).map((c) => c.state);
  const state: HealthState =
    states.length === 0
      ? 'unknown'
      : states.every((s) => s === 'healthy')
        ? 'healthy'
        : states.every((s) => s === 'unhealthy')
          ? 'unhealthy'
          : states.includes('unhealthy') || states.includes('degraded')
            ? 'degraded'
            : 'unknown';
  return { state, components };
}
