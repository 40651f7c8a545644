// Builders shared by the demo fleet and the synthetic benchmark fleet: a seeded random helper,
// spec fragments (envs, components, domains), a deployment-history generator and makeApp, which
// turns a compact AppDef into the AppRecord the sandbox stores. Everything is derived from the
// seeded random source and the caller's nowMs, so the same inputs always give the same fleet.
import type {
  AppDomain,
  AppEnv,
  AppRegion,
  AppSpec,
  Deployment,
  DeploymentCauseType,
  DeploymentPhase,
  DeploymentStep,
  JobSpec,
  ServiceSpec,
  StaticSiteSpec,
} from '../../clients/digitalocean/types';
import { seededRandom, seededUuid, type AppRecord, type ComponentBehaviour } from '../state';

export type RegionSlug = NonNullable<AppSpec['region']>;
export type SizeSlug = NonNullable<ServiceSpec['instance_size_slug']>;
export type DomainPhase = NonNullable<AppDomain['phase']>;
type StepStatus = NonNullable<DeploymentStep['status']>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class Rand {
  constructor(private readonly next: () => number) {}
  static fromSeed(seed: number): Rand {
    return new Rand(seededRandom(seed));
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chars(length: number, alphabet: string = LOWER_ALNUM): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return s;
  }
  hex(length: number): string {
    return this.chars(length, '0123456789abcdef');
  }
  uuid(): string {
    return seededUuid(this.next);
  }
}

/** Stable per-name uuid (project ids), independent of the order apps are built in. */
export function stableUuid(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return seededUuid(seededRandom(h));
}

/** The sandbox has one account; both fleets belong to it. */
export const SANDBOX_OWNER_UUID = stableUuid('fleetdeck-sandbox-account');
export const projectIdFor = (tenantGroup: string): string => stableUuid(`project:${tenantGroup}`);

// ---------------------------------------------------------------------------------------------
// Regions and sizes (values from the apps_list_regions / apps_list_instanceSizes examples)

const REGIONS: Record<string, AppRegion> = {
  ams: { slug: 'ams', label: 'Amsterdam', flag: 'netherlands', continent: 'Europe', data_centers: ['ams3'] },
  nyc: { slug: 'nyc', label: 'New York', flag: 'usa', continent: 'North America', data_centers: ['nyc1', 'nyc3'] },
  fra: { slug: 'fra', label: 'Frankfurt', flag: 'germany', continent: 'Europe', data_centers: ['fra1'] },
  sfo: { slug: 'sfo', label: 'San Francisco', flag: 'usa', continent: 'North America', data_centers: ['sfo3'] },
  sgp: { slug: 'sgp', label: 'Singapore', flag: 'singapore', continent: 'Asia', data_centers: ['sgp1'] },
  blr: { slug: 'blr', label: 'Bangalore', flag: 'india', continent: 'Asia', data_centers: ['blr1'] },
  tor: { slug: 'tor', label: 'Toronto', flag: 'canada', continent: 'North America', data_centers: ['tor1'] },
  lon: { slug: 'lon', label: 'London', flag: 'uk', continent: 'Europe', data_centers: ['lon1'] },
};

export function regionOf(slug: RegionSlug): AppRegion {
  const region = REGIONS[slug];
  if (!region) throw new Error(`no region data for ${slug}`);
  return { ...region, data_centers: [...(region.data_centers ?? [])] };
}

/** Sizes of the basic tier; everything else (professional-*, apps-s-1vcpu-1gb and up, apps-d-*) is professional. */
const BASIC_SIZES: ReadonlySet<SizeSlug> = new Set<SizeSlug>([
  'basic-xxs', 'basic-xs', 'basic-s', 'basic-m', 'apps-s-1vcpu-0.5gb', 'apps-s-1vcpu-1gb-fixed',
]);
/** Only these may carry `autoscaling` (scalable=true in the instance size list). */
export const SCALABLE_SIZES: ReadonlySet<SizeSlug> = new Set<SizeSlug>([
  'apps-d-1vcpu-0.5gb', 'apps-d-1vcpu-1gb', 'apps-d-1vcpu-2gb', 'apps-d-1vcpu-4gb', 'apps-d-2vcpu-4gb',
  'apps-d-2vcpu-8gb', 'apps-d-4vcpu-8gb', 'apps-d-4vcpu-16gb', 'apps-d-8vcpu-32gb',
]);

export function tierOf(spec: AppSpec): 'basic' | 'professional' {
  const sizes = [...(spec.services ?? []), ...(spec.workers ?? []), ...(spec.jobs ?? [])].map(
    (c) => c.instance_size_slug ?? 'apps-s-1vcpu-0.5gb',
  );
  return sizes.some((s) => !BASIC_SIZES.has(s)) ? 'professional' : 'basic';
}

// ---------------------------------------------------------------------------------------------
// Spec fragments

type EnvScope = AppEnv['scope'];

export const env = (key: string, value: string, scope: EnvScope = 'RUN_AND_BUILD_TIME'): AppEnv => ({
  key,
  value,
  scope,
  type: 'GENERAL',
});

/** A SECRET as GET returns it: encrypted `EV[1:…:…]`, never plaintext. */
/** Several GENERAL vars with one scope, in the order given. */
export const envs = (values: Record<string, string>, scope: EnvScope = 'RUN_TIME'): AppEnv[] =>
  Object.entries(values).map(([key, value]) => env(key, value, scope));

export const secret = (r: Rand, key: string, scope: EnvScope = 'RUN_TIME'): AppEnv => ({
  key,
  value: `EV[1:${r.chars(24, B64)}:${r.chars(40, B64)}]`,
  scope,
  type: 'SECRET',
});

export const secrets = (r: Rand, keys: readonly string[]): AppEnv[] => keys.map((k) => secret(r, k));

export const github = (repo: string, branch = 'main', deployOnPush = true) => ({
  repo,
  branch,
  deploy_on_push: deployOnPush,
});

/**
 * The generated schema marks defaulted fields required (`instance_count`, `error_document`), but the
 * API rejects `instance_count` next to `autoscaling` and `error_document` next to
 * `catchall_document`. These two builders leave them out on purpose.
 */
export function autoscaledService(
  c: Omit<ServiceSpec, 'instance_count'> & { autoscaling: NonNullable<ServiceSpec['autoscaling']> },
): ServiceSpec {
  if (!c.instance_size_slug || !SCALABLE_SIZES.has(c.instance_size_slug)) {
    throw new Error(`${c.name ?? '?'}: autoscaling needs a scalable size`);
  }
  return c as ServiceSpec;
}

export function spaSite(c: Omit<StaticSiteSpec, 'error_document' | 'index_document'>): StaticSiteSpec {
  return { index_document: 'index.html', catchall_document: 'index.html', ...c } as StaticSiteSpec;
}

export const preDeployJob = (c: Omit<JobSpec, 'kind' | 'instance_count'> & { instance_count?: number }): JobSpec => ({
  instance_count: 1,
  ...c,
  kind: 'PRE_DEPLOY',
});

export const domain = (
  host: string,
  type: 'PRIMARY' | 'ALIAS',
  extra: { zone?: string; wildcard?: boolean } = {},
): NonNullable<AppSpec['domains']>[number] => ({ domain: host, type, minimum_tls_version: '1.2', ...extra });

type IngressRule = NonNullable<NonNullable<AppSpec['ingress']>['rules']>[number];

/**
 * Path-prefix route. [spec gap] `preserve_path_prefix` is typed string in the OpenAPI schema but is a
 * boolean on the wire (godo `PreservePathPrefix bool`); the sandbox stores the wire form.
 */
export function route(prefix: string, component: string, opts: { preserve?: boolean; host?: string } = {}): IngressRule {
  const target: NonNullable<IngressRule['component']> = { name: component };
  if (opts.preserve) (target as { preserve_path_prefix?: unknown }).preserve_path_prefix = true;
  return {
    match: { path: { prefix }, ...(opts.host ? { authority: { exact: opts.host } } : {}) },
    component: target,
  };
}

export const baseSpec = (name: string, region: RegionSlug, rest: Partial<AppSpec>): AppSpec => {
  if (!/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(name)) throw new Error(`invalid app name ${name}`);
  return {
    name,
    region,
    disable_edge_cache: false,
    disable_email_obfuscation: false,
    enhanced_threat_control_enabled: false,
    ...rest,
  };
};

// ---------------------------------------------------------------------------------------------
// The TaskifAI-style tenant (seed 000): static frontend + FastAPI + Celery worker + migrate job.

export interface TenantSpecOptions {
  name: string;
  /** Component name prefix, e.g. `demo` gives demo-frontend, demo-api, demo-worker, demo-migrate. */
  prefix: string;
  region: RegionSlug;
  repo: string;
  branch?: string;
  /** Custom hostname (PRIMARY); omitted ⇒ the app lives on its default ingress. */
  host?: string;
  zone?: string;
  productName: string;
  displayName: string;
  mailDomain: string;
  apiSize: SizeSlug;
  apiCount?: number;
  workerSize: SizeSlug;
  workerCount?: number;
  jobSize: SizeSlug;
  concurrency?: number;
}

export const BASIC_ALERTS: NonNullable<AppSpec['alerts']> = [{ rule: 'DEPLOYMENT_FAILED' }, { rule: 'DOMAIN_FAILED' }];

/** The Vite SPA of seed 000 (frontend/ → dist/), with its API base baked in at build time. */
export const viteFrontend = (name: string, src: ReturnType<typeof github>, apiUrl: string): StaticSiteSpec =>
  spaSite({
    name,
    github: src,
    source_dir: 'frontend',
    build_command: 'npm install && npm run build',
    output_dir: 'dist',
    environment_slug: 'node-js',
    envs: [env('VITE_API_URL', apiUrl, 'BUILD_TIME')],
  });

/** The FastAPI backend image of seed 000, shared by api, worker and migrate job. */
export const backendBuild = (src: ReturnType<typeof github>) => ({ github: src, source_dir: 'backend', dockerfile_path: 'backend/Dockerfile' });

export function tenantSpec(r: Rand, o: TenantSpecOptions): AppSpec {
  const src = github(o.repo, o.branch ?? 'main');
  const origin = o.host ? `https://${o.host}` : '${APP_URL}';
  const backend = backendBuild(src);
  return baseSpec(o.name, o.region, {
    ...(o.host ? { domains: [domain(o.host, 'PRIMARY', o.zone ? { zone: o.zone } : {})] } : {}),
    alerts: structuredClone(BASIC_ALERTS),
    envs: [
      ...envs({ APP_NAME: `${o.productName} - ${o.displayName}`, DEBUG: 'false' }, 'RUN_AND_BUILD_TIME'),
      ...envs({ ALGORITHM: 'HS256', ACCESS_TOKEN_EXPIRE_MINUTES: '1440', SUPABASE_URL: `https://${r.chars(20, LOWER)}.supabase.co` }),
      ...secrets(r, ['SECRET_KEY', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_KEY', 'REDIS_URL', 'OPENAI_API_KEY', 'SENDGRID_API_KEY']),
      ...envs({
        OPENAI_MODEL: 'gpt-4o-mini',
        SENDGRID_FROM_EMAIL: `noreply@${o.mailDomain}`,
        SENDGRID_FROM_NAME: `${o.productName.split(' ')[0] ?? o.productName} ${o.displayName}`,
        MAX_UPLOAD_SIZE: '104857600',
        UPLOAD_DIR: '/tmp/uploads',
      }),
    ],
    static_sites: [viteFrontend(`${o.prefix}-frontend`, src, `${origin}/api`)],
    services: [
      {
        name: `${o.prefix}-api`,
        ...backend,
        run_command: 'uvicorn app.main:app --host 0.0.0.0 --port 8000',
        http_port: 8000,
        instance_size_slug: o.apiSize,
        instance_count: o.apiCount ?? 1,
        health_check: {
          http_path: '/api/health',
          initial_delay_seconds: 10,
          period_seconds: 30,
          timeout_seconds: 5,
          success_threshold: 1,
          failure_threshold: 3,
        },
        envs: [env('ALLOWED_ORIGINS', origin, 'RUN_TIME')],
      },
    ],
    workers: [
      {
        name: `${o.prefix}-worker`,
        ...backend,
        run_command: `celery -A app.workers.celery_app worker --loglevel=info --concurrency=${o.concurrency ?? 4}`,
        instance_size_slug: o.workerSize,
        instance_count: o.workerCount ?? 1,
      },
    ],
    jobs: [preDeployJob({ name: `${o.prefix}-migrate`, ...backend, run_command: 'alembic upgrade head', instance_size_slug: o.jobSize })],
    ingress: { rules: [route('/api', `${o.prefix}-api`, { preserve: true }), route('/', `${o.prefix}-frontend`)] },
  });
}

// ---------------------------------------------------------------------------------------------
// Deployment history

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

const clone = <T>(value: T): T => structuredClone(value);
const iso = (ms: number): string => new Date(ms).toISOString();

interface PlanItem {
  name: string;
  component?: string;
  message: string;
  part: 'build' | 'deploy';
}

function stepPlan(spec: AppSpec): PlanItem[] {
  const built = (c: { image?: unknown }) => c.image === undefined;
  const groups: Array<[string, Array<{ name?: string; image?: unknown }>]> = [
    ['static site', spec.static_sites ?? []],
    ['service', spec.services ?? []],
    ['worker', spec.workers ?? []],
    ['job', spec.jobs ?? []],
  ];
  const plan: PlanItem[] = [];
  for (const [label, list] of groups) {
    for (const c of list.filter(built)) plan.push({ name: 'build', component: c.name, message: `Building ${label}`, part: 'build' });
  }
  for (const j of (spec.jobs ?? []).filter((j) => j.kind === 'PRE_DEPLOY')) {
    plan.push({ name: 'pre-deploy', component: j.name, message: 'Running pre-deploy job', part: 'deploy' });
  }
  for (const [label, list] of groups.slice(0, 3)) {
    for (const c of list) plan.push({ name: 'deploy', component: c.name, message: `Deploying ${label}`, part: 'deploy' });
  }
  for (const [label, list] of groups.slice(1, 3)) {
    for (const c of list) plan.push({ name: 'wait', component: c.name, message: `Waiting for ${label}`, part: 'deploy' });
  }
  plan.push({ name: 'finalize', message: 'Finalizing deployment', part: 'deploy' });
  return plan;
}

const FAILURES = {
  'fail-build': {
    code: 'BuildJobExitNonZero',
    message: 'Your build job failed because it returned a non-zero exit code. Check the build logs for the component to find the failing command.',
  },
  'fail-health': {
    code: 'DeployContainerHealthChecksFailed',
    message: 'Your deploy failed because your container failed health checks. Check the runtime logs and make sure the health check path returns HTTP 200 within the timeout.',
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
    cut = Math.max(0, plan.findIndex((p) => p.name === 'build' && p.component === firstService));
    at = 'ERROR';
  } else if (kind === 'fail-health') {
    const healthChecked = spec.services?.find((s) => s.health_check?.http_path)?.name ?? firstService;
    cut = Math.max(0, plan.findIndex((p) => p.name === 'wait' && p.component === healthChecked));
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
  const count = (s: StepStatus) => steps.filter((x) => x.status === s).length;
  const summary = (['build', 'deploy'] as const).map((part): DeploymentStep => {
    const mine = steps.filter((_, i) => plan[i]?.part === part);
    const has = (s: StepStatus) => mine.some((x) => x.status === s);
    const status: StepStatus = has('ERROR') ? 'ERROR' : has('RUNNING') ? 'RUNNING' : mine.every((x) => x.status === 'SUCCESS') ? 'SUCCESS' : has('SUCCESS') ? 'RUNNING' : 'PENDING';
    const started = mine.find((x) => x.started_at)?.started_at;
    const ended = [...mine].reverse().find((x) => x.ended_at)?.ended_at;
    const out: DeploymentStep = { name: part, status };
    if (started) out.started_at = started;
    if (ended && (status === 'SUCCESS' || status === 'ERROR')) out.ended_at = ended;
    return out;
  });
  return {
    success_steps: count('SUCCESS'),
    error_steps: count('ERROR'),
    pending_steps: count('PENDING'),
    running_steps: count('RUNNING'),
    total_steps: steps.length,
    steps,
    summary_steps: summary,
  };
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
  if (history.slice(1).some((h) => h.kind === 'building')) throw new Error('only the newest deployment may be in progress');
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
      h.kind === 'building' ? 'BUILDING' : h.kind.startsWith('fail') ? 'ERROR' : h.kind === 'cancel' ? 'CANCELED' : 'SUPERSEDED';
    const d: Deployment = {
      id,
      cause,
      cause_details: {
        type: causeType,
        ...(causeType === 'DEPLOY_ON_PUSH' ? {} : { digitalocean_user_action: { user: { email: opts.deployer ?? 'ops@example.com' } } }),
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

// ---------------------------------------------------------------------------------------------
// Apps

export interface AppDef {
  spec: AppSpec;
  tenantGroup: string;
  history: HistoryStep[];
  spanDays: number;
  newestAgoMinutes?: number;
  deployer?: string;
  /** Per component; unset numbers are drawn at random (mostly idle-ish). */
  behaviour?: Record<string, Partial<ComponentBehaviour>>;
  /** Domain phases by hostname; default ACTIVE. */
  domainPhases?: Record<string, DomainPhase>;
  /** Pin the newest deployment (a rollback not yet committed). */
  pinNewest?: boolean;
}

function makeDomains(r: Rand, spec: AppSpec, phases: Record<string, DomainPhase>, nowMs: number): AppDomain[] {
  return (spec.domains ?? []).map((d) => {
    const phase = phases[d.domain] ?? 'ACTIVE';
    const out: AppDomain = { id: r.uuid(), spec: clone(d), phase, rotate_validation_records: false };
    const base = d.domain.replace(/^\*\./, '');
    if (phase !== 'ACTIVE' || d.wildcard) {
      out.validations = [{ txt_name: `_acme-challenge.${base}`, txt_value: r.chars(43, B64URL) }];
    }
    if (phase === 'ACTIVE') {
      (out as { certificate_expires_at?: string }).certificate_expires_at = iso(nowMs + r.int(20 * DAY, 85 * DAY));
    }
    return out;
  });
}

export function makeApp(r: Rand, def: AppDef, nowMs: number): AppRecord {
  const id = r.uuid();
  const { deployments, createdAtMs } = makeDeploymentHistory(r, def.spec, def.history, nowMs, {
    spanDays: def.spanDays,
    ...(def.newestAgoMinutes === undefined ? {} : { newestAgoMinutes: def.newestAgoMinutes }),
    ...(def.deployer === undefined ? {} : { deployer: def.deployer }),
  });
  const phases = def.domainPhases ?? {};
  const domains = makeDomains(r, def.spec, phases, nowMs);
  const host = `${def.spec.name}-${r.chars(5)}.ondigitalocean.app`;
  const primary = def.spec.domains?.find((d) => d.type === 'PRIMARY');
  const liveHost = primary && (phases[primary.domain] ?? 'ACTIVE') === 'ACTIVE' ? primary.domain : host;

  const compute = [...(def.spec.services ?? []), ...(def.spec.workers ?? [])];
  const names = new Set(compute.map((c) => c.name ?? ''));
  for (const name of Object.keys(def.behaviour ?? {})) {
    if (!names.has(name)) throw new Error(`${def.spec.name}: behaviour for unknown component ${name}`);
  }
  const behaviour: Record<string, ComponentBehaviour> = {};
  for (const c of compute) {
    const o = def.behaviour?.[c.name ?? ''] ?? {};
    const b: ComponentBehaviour = { cpuPercent: o.cpuPercent ?? r.int(6, 38), memoryPercent: o.memoryPercent ?? r.int(28, 62) };
    if (o.state) b.state = o.state;
    behaviour[c.name ?? ''] = b;
  }

  const newest = deployments[0]!;
  const record: AppRecord = {
    app: {
      id,
      owner_uuid: SANDBOX_OWNER_UUID,
      spec: clone(def.spec),
      region: regionOf(def.spec.region ?? 'nyc'),
      tier_slug: tierOf(def.spec),
      default_ingress: `https://${host}`,
      live_url: `https://${liveHost}`,
      live_url_base: `https://${liveHost}`,
      live_domain: liveHost,
      project_id: projectIdFor(def.tenantGroup),
      domains,
      created_at: iso(createdAtMs),
      updated_at: newest.created_at ?? iso(nowMs),
      last_deployment_created_at: newest.created_at ?? iso(nowMs),
    },
    deployments,
    behaviour,
    tenantGroup: def.tenantGroup,
  };
  if (def.pinNewest) {
    if (newest.cause_details?.type !== 'MANUAL_ROLLBACK') throw new Error(`${def.spec.name}: only a rollback can be pinned`);
    record.pinnedDeploymentId = newest.id ?? '';
  }
  return record;
}

/** Every app name and every id (app, deployment, domain) must be unique across a fleet. */
export function assertFleetInvariants(fleet: readonly AppRecord[]): void {
  const names = new Set<string>();
  const ids = new Set<string>();
  const unique = (set: Set<string>, value: string | undefined, what: string) => {
    if (!value || set.has(value)) throw new Error(`duplicate or missing ${what}: ${value ?? '(none)'}`);
    set.add(value);
  };
  for (const { app, deployments } of fleet) {
    unique(names, app.spec.name, 'app name');
    unique(ids, app.id, 'id');
    for (const d of deployments) unique(ids, d.id, 'id');
    for (const d of app.domains ?? []) unique(ids, d.id, 'id');
    for (const c of [...(app.spec.services ?? []), ...(app.spec.workers ?? [])]) {
      if (c.autoscaling && (c as { instance_count?: number }).instance_count !== undefined) {
        throw new Error(`${app.spec.name}/${c.name ?? '?'}: instance_count set together with autoscaling`);
      }
    }
  }
}
