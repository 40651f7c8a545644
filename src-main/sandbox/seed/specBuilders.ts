// App-spec fragments for the seed fleets. They carry the App Platform rules the generated OpenAPI
// types don't (which sizes are basic or scalable, fields the API rejects together, wire forms that
// differ from the schema), so fleet definitions stay short and still describe specs the real API
// would accept.
import type {
  AppEnv,
  AppRegion,
  AppSpec,
  JobSpec,
  ServiceSpec,
  StaticSiteSpec,
} from '../../clients/digitalocean/types';
import { B64, LOWER, type Rand } from './random';

export type RegionSlug = NonNullable<AppSpec['region']>;
export type SizeSlug = NonNullable<ServiceSpec['instance_size_slug']>;

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
  'basic-xxs',
  'basic-xs',
  'basic-s',
  'basic-m',
  'apps-s-1vcpu-0.5gb',
  'apps-s-1vcpu-1gb-fixed',
]);
/** Only these may carry `autoscaling` (scalable=true in the instance size list). */
export const SCALABLE_SIZES: ReadonlySet<SizeSlug> = new Set<SizeSlug>([
  'apps-d-1vcpu-0.5gb',
  'apps-d-1vcpu-1gb',
  'apps-d-1vcpu-2gb',
  'apps-d-1vcpu-4gb',
  'apps-d-2vcpu-4gb',
  'apps-d-2vcpu-8gb',
  'apps-d-4vcpu-8gb',
  'apps-d-4vcpu-16gb',
  'apps-d-8vcpu-32gb',
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

/** Several GENERAL vars with one scope, in the order given. */
export const envs = (values: Record<string, string>, scope: EnvScope = 'RUN_TIME'): AppEnv[] =>
  Object.entries(values).map(([key, value]) => env(key, value, scope));

/** A SECRET as GET returns it: encrypted `EV[1:…:…]`, never plaintext. */
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
  return c;
}

export function spaSite(c: Omit<StaticSiteSpec, 'error_document' | 'index_document'>): StaticSiteSpec {
  return { index_document: 'index.html', catchall_document: 'index.html', ...c };
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
export function route(
  prefix: string,
  component: string,
  opts: { preserve?: boolean; host?: string } = {},
): IngressRule {
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
  /** The tenant's Supabase project (SUPABASE_URL); a made-up ref when absent. */
  supabaseRef?: string;
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
export const backendBuild = (src: ReturnType<typeof github>) => ({
  github: src,
  source_dir: 'backend',
  dockerfile_path: 'backend/Dockerfile',
});

export function tenantSpec(r: Rand, o: TenantSpecOptions): AppSpec {
  const src = github(o.repo, o.branch ?? 'main');
  // Drawn even when the ref is given, so every later draw (secrets, ids) stays as it was.
  const madeUpRef = r.chars(20, LOWER);
  const origin = o.host ? `https://${o.host}` : '${APP_URL}';
  const backend = backendBuild(src);
  return baseSpec(o.name, o.region, {
    ...(o.host ? { domains: [domain(o.host, 'PRIMARY', o.zone ? { zone: o.zone } : {})] } : {}),
    alerts: structuredClone(BASIC_ALERTS),
    envs: [
      ...envs({ APP_NAME: `${o.productName} - ${o.displayName}`, DEBUG: 'false' }, 'RUN_AND_BUILD_TIME'),
      ...envs({
        ALGORITHM: 'HS256',
        ACCESS_TOKEN_EXPIRE_MINUTES: '1440',
        SUPABASE_URL: `https://${o.supabaseRef ?? madeUpRef}.supabase.co`,
      }),
      ...secrets(r, [
        'SECRET_KEY',
        'SUPABASE_ANON_KEY',
        'SUPABASE_SERVICE_KEY',
        'REDIS_URL',
        'OPENAI_API_KEY',
        'SENDGRID_API_KEY',
      ]),
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
    jobs: [
      preDeployJob({
        name: `${o.prefix}-migrate`,
        ...backend,
        run_command: 'alembic upgrade head',
        instance_size_slug: o.jobSize,
      }),
    ],
    ingress: { rules: [route('/api', `${o.prefix}-api`, { preserve: true }), route('/', `${o.prefix}-frontend`)] },
  });
}
