// The demo fleet as the onboarding tests see it: TaskifAI's BIBBI tenant as the template, its
// registry project, the TaskifAI and InsightPulse organizations, the taskifai.com zone; and a plan
// and a run for "taskifai-acme" at acme.taskifai.com.
import type {
  OnboardingPlan,
  OnboardingRun,
  OnboardingRunStep,
  SupabaseCosts,
  TenantRow,
  TenantsMatrix,
} from '../../../src-preload/contract';

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const fail = (message: string, code = 'unprocessable' as const) => ({
  ok: false as const,
  error: { code, message },
});

const tenant = (name: string, domain: string, project?: string): TenantRow => ({
  appId: `app-${name}`,
  name,
  group: 'TaskifAI',
  region: 'fra',
  inProgress: false,
  domains: [{ name: domain, phase: 'ACTIVE', ok: true }],
  supabase: project
    ? {
        ref: `${project
          .toLowerCase()
          .replace(/[^a-z]/g, '')
          .padEnd(20, 'x')
          .slice(0, 20)}`,
        how: 'derived',
        project: { name: project, organization: 'TaskifAI', status: 'ACTIVE_HEALTHY', region: 'eu-central-1' },
      }
    : null,
  cost: { digitalocean: { min: 29, max: 29 }, supabase: 10, total: { min: 39, max: 39 } },
});

export const matrix: TenantsMatrix = {
  fetchedAt: '2026-12-03T10:00:00Z',
  tenants: [
    tenant('taskifai-bibbi', 'bibbi.taskifai.com', 'TaskifAI-BIBBI'),
    tenant('taskifai-central', 'app.taskifai.com', 'TaskifAI-Registry'),
    tenant('mcp-coordinator', 'mcp.insightpulse.ai'),
  ],
  unmatchedProjects: [],
  providers: { supabase: { state: 'connected' }, github: { state: 'connected' } },
};

export const supabaseCosts = {
  connected: true,
  fetchedAt: '2026-12-03T10:00:00Z',
  organizations: [
    { slug: 'taskifai', name: 'TaskifAI', plan: 'pro', projects: [{}, {}, {}, {}] },
    { slug: 'insightpulse', name: 'InsightPulse', plan: 'free', projects: [{}, {}] },
  ],
  monthlyEstimate: 0,
  partial: false,
} as unknown as SupabaseCosts;

export const plan = (change: Partial<OnboardingPlan> = {}): OnboardingPlan => ({
  planId: 'plan-acme',
  request: {
    name: 'taskifai-acme',
    hostname: 'acme.taskifai.com',
    templateAppId: 'app-taskifai-bibbi',
    supabase: { organizationSlug: 'taskifai', region: 'eu-central-1' },
  },
  templateName: 'taskifai-bibbi',
  steps: [
    { kind: 'supabase_project', title: 'Create Supabase project taskifai-acme (eu-central-1)' },
    { kind: 'api_keys', title: 'Read its API keys' },
    { kind: 'migrations', title: 'Apply 4 migrations' },
    { kind: 'app', title: 'Create App Platform app taskifai-acme' },
    { kind: 'dns', title: 'CNAME acme.taskifai.com' },
    { kind: 'healthy', title: 'Wait until it is healthy' },
  ],
  migrations: [{ version: '20260302103000', name: 'init_schema' }],
  dns: { zone: 'taskifai.com', record: 'acme', action: 'create_cname' },
  healthPath: '/health',
  cost: {
    digitalocean: { min: 29, max: 29 },
    supabase: 10,
    total: { min: 39, max: 39 },
    note: 'Pro org: micro compute $10/mo',
  },
  organization: { slug: 'taskifai', name: 'TaskifAI', plan: 'pro', activeProjects: 4 },
  problems: [],
  secrets: [],
  ...change,
});

const step = (kind: OnboardingRunStep['kind'], state: OnboardingRunStep['state'], more = {}): OnboardingRunStep => ({
  kind,
  title: plan().steps.find((s) => s.kind === kind)!.title,
  state,
  ...more,
});

export const run = (change: Partial<OnboardingRun> = {}): OnboardingRun => ({
  id: 'run-acme',
  context: 'demo',
  name: 'taskifai-acme',
  hostname: 'acme.taskifai.com',
  plan: plan(),
  state: 'running',
  steps: [
    step('supabase_project', 'running', { progress: 'Supabase project COMING_UP (20s)' }),
    step('api_keys', 'pending'),
    step('migrations', 'pending'),
    step('app', 'pending'),
    step('dns', 'pending'),
    step('healthy', 'pending'),
  ],
  created: [{ kind: 'supabase_project', id: 'acmeacmeacmeacmeacme', label: 'Supabase project taskifai-acme' }],
  dbPassword: 'keychain',
  createdAt: '2026-12-03T10:01:00Z',
  updatedAt: '2026-12-03T10:01:20Z',
  ...change,
});

/** The run stopped at its migrations with Postgres's words. */
export const failedRun = () =>
  run({
    state: 'failed',
    steps: [
      step('supabase_project', 'done'),
      step('api_keys', 'done'),
      step('migrations', 'failed', { error: 'relation "upload_batches" already exists' }),
      step('app', 'pending'),
      step('dns', 'pending'),
      step('healthy', 'pending'),
    ],
  });
