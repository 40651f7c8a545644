// The sandbox's demo fleet, modelled on the five deployment guides in shared/seeds.
//
// Not modelled (not App Platform resources, or not in the App Spec):
// - 000 TaskifAI: Supabase projects and Upstash Redis (external services, present only as env
//   vars), DNS at the registrar, Spaces, the MCP chat commands. Repo names and regions are not in
//   the guide and are made up here; legacy sizes basic-xxs / professional-xs are kept as written.
// - 001 InsightPulse: Supabase Postgres (external), Prometheus on :9090 (only an internal port),
//   Gradient AI, "auto-backup" and OCA compliance (image features). The GitHub owner is made up.
// - 002 Presence360: droplets, the DO Load Balancer, VPC/firewalls, Spaces, per-tenant database
//   provisioning and the separate staging project. Its control and tenant planes are modelled as
//   two apps that reference the managed Postgres/Valkey clusters through spec.databases.
// - 003 Task Assistant AI: AWS/GCP/Kubernetes/nginx/HAProxy/certbot/PgBouncer/Redis-cluster setups
//   and cron backups. The docker-compose stack (api, worker, beat, alembic) is modelled as one app.
// - 004 Multivio: staging "Docker Deploy", Firebase/Cloudflare R2/Supabase (external), the GitHub
//   Actions pipeline. Its `scaling:` block maps to autoscaling on a scalable apps-d size.
import type { AppRecord } from '../state';
import { assertFleetInvariants, makeApp, type AppDef } from './builders';
import { changedAt as change, history as h, serviceOf as service } from './deploymentHistory';
import { multivio, presence360, taskAssistant } from './demoProducts';
import { Rand } from './random';
import {
  BASIC_ALERTS,
  backendBuild,
  baseSpec,
  domain,
  envs,
  github,
  route,
  secrets,
  tenantSpec,
  viteFrontend,
  type TenantSpecOptions,
} from './specBuilders';

const TASKIFAI_REPO = 'taskifai/taskifai-platform';
const INSIGHTPULSE_REPO = 'insightpulse-ai/insightpulse-odoo';
const SUPABASE_POOLER = 'aws-1-us-east-1.pooler.supabase.com';
const SUPABASE_USER = 'postgres.spdtwktxdalcfigzeqrz';

function taskifai(r: Rand): AppDef[] {
  const src = github(TASKIFAI_REPO);
  const central = baseSpec('taskifai-central', 'fra', {
    domains: [domain('app.taskifai.com', 'PRIMARY'), domain('taskifai.com', 'ALIAS', { wildcard: true })],
    alerts: structuredClone(BASIC_ALERTS),
    static_sites: [viteFrontend('central-frontend', src, 'https://app.taskifai.com/api')],
    services: [
      {
        name: 'central-api',
        ...backendBuild(src),
        run_command: 'uvicorn app.main:app --host 0.0.0.0 --port 8000',
        http_port: 8000,
        instance_size_slug: 'basic-xxs',
        instance_count: 1,
        health_check: { http_path: '/api/health', period_seconds: 30, timeout_seconds: 5, failure_threshold: 3 },
        envs: [
          ...secrets(r, ['SECRET_KEY', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_KEY', 'REDIS_URL']),
          ...envs({
            SUPABASE_URL: 'https://qhwzrtkvylmbnpjsdgfa.supabase.co',
            ALGORITHM: 'HS256',
            ACCESS_TOKEN_EXPIRE_MINUTES: '1440',
          }),
          ...envs({ ALLOWED_ORIGINS: 'https://demo.taskifai.com,https://bibbi.taskifai.com,https://*.taskifai.com' }),
          ...envs({ RATE_LIMIT_ENABLED: 'true', DEBUG: 'false', LOG_LEVEL: 'info' }),
        ],
      },
    ],
    ingress: { rules: [route('/api', 'central-api', { preserve: true }), route('/', 'central-frontend')] },
  });

  type TenantOpts = Pick<
    TenantSpecOptions,
    | 'name'
    | 'prefix'
    | 'displayName'
    | 'host'
    | 'apiSize'
    | 'apiCount'
    | 'workerSize'
    | 'jobSize'
    | 'concurrency'
    | 'supabaseRef'
  >;
  const tenant = (o: TenantOpts, region: TenantSpecOptions['region'] = 'fra') =>
    tenantSpec(r, {
      region,
      repo: TASKIFAI_REPO,
      productName: 'TaskifAI Analytics Platform',
      mailDomain: 'taskifai.com',
      ...o,
    });
  const demo = tenant({
    name: 'taskifai-demo',
    prefix: 'demo',
    displayName: 'Demo',
    host: 'demo.taskifai.com',
    supabaseRef: 'mvdkxoprtazlyqwcbnje',
    apiSize: 'professional-xs',
    workerSize: 'basic-xxs',
    jobSize: 'basic-xxs',
  });
  const bibbi = tenant({
    name: 'taskifai-bibbi',
    prefix: 'bibbi',
    displayName: 'BIBBI',
    host: 'bibbi.taskifai.com',
    supabaseRef: 'bibzfwkqmtrlxhcevnoa',
    apiSize: 'apps-s-1vcpu-2gb',
    apiCount: 2,
    workerSize: 'apps-s-1vcpu-1gb',
    jobSize: 'apps-s-1vcpu-0.5gb',
  });
  const customer3 = tenant(
    {
      name: 'taskifai-customer3',
      prefix: 'customer3',
      displayName: 'Customer3',
      host: 'customer3.taskifai.com',
      supabaseRef: 'cuxtrnwqplzhkvjmbyda',
      apiSize: 'apps-s-1vcpu-1gb',
      workerSize: 'apps-s-1vcpu-0.5gb',
      jobSize: 'apps-s-1vcpu-0.5gb',
      concurrency: 2,
    },
    'ams',
  );

  const deployer = 'ops@taskifai.com';
  return [
    {
      spec: central,
      tenantGroup: 'TaskifAI',
      spanDays: 74,
      deployer,
      history: change(h('push', 'push', 'spec', 'push', 'manual', 'push', 'push'), 2, (s) => {
        service(s, 'central-api').envs = service(s, 'central-api').envs?.filter((e) => e.key !== 'RATE_LIMIT_ENABLED');
      }),
      behaviour: { 'central-api': { cpuPercent: 12, memoryPercent: 38 } },
    },
    {
      // "Update taskifai-demo demo-api to …": the last spec change moved demo-api off basic-xs.
      spec: demo,
      tenantGroup: 'TaskifAI',
      spanDays: 52,
      deployer,
      history: change(h('push', 'spec', 'push', 'fail-build', 'push', 'cancel', 'manual'), 1, (s) => {
        service(s, 'demo-api').instance_size_slug = 'basic-xs';
      }),
      behaviour: {
        'demo-api': { cpuPercent: 4, memoryPercent: 22 },
        'demo-worker': { cpuPercent: 3, memoryPercent: 19 },
      },
    },
    {
      // A push is building right now; the previous deployment stays ACTIVE.
      spec: bibbi,
      tenantGroup: 'TaskifAI',
      spanDays: 41,
      deployer,
      history: change(h('building', 'push', 'push', 'spec', 'push', 'push', 'manual', 'push'), 3, (s) => {
        const api = service(s, 'bibbi-api');
        api.instance_size_slug = 'professional-xs';
        api.instance_count = 1;
      }),
      behaviour: {
        'bibbi-api': { cpuPercent: 88, memoryPercent: 71 },
        'bibbi-worker': { cpuPercent: 57, memoryPercent: 64 },
      },
    },
    {
      // Newest tenant: its CNAME was only just added, so the domain is still PENDING.
      spec: customer3,
      tenantGroup: 'TaskifAI',
      spanDays: 6,
      newestAgoMinutes: 50,
      deployer,
      history: h('manual', 'fail-build', 'push', 'manual'),
      domainPhases: { 'customer3.taskifai.com': 'PENDING' },
      behaviour: {
        'customer3-api': { cpuPercent: 5, memoryPercent: 24 },
        'customer3-worker': { cpuPercent: 2, memoryPercent: 18 },
      },
    },
  ];
}

function insightPulse(r: Rand): AppDef[] {
  const src = github(INSIGHTPULSE_REPO);
  const odoo = baseSpec('odoo-saas-platform', 'sgp', {
    domains: [domain('odoo.insightpulseai.net', 'PRIMARY')],
    services: [
      {
        name: 'odoo-web',
        github: src,
        dockerfile_path: 'Dockerfile.custom',
        http_port: 8069,
        internal_ports: [9090],
        instance_size_slug: 'basic-xxs',
        instance_count: 1,
        health_check: {
          http_path: '/web/health',
          initial_delay_seconds: 180,
          period_seconds: 30,
          timeout_seconds: 10,
          failure_threshold: 3,
        },
        envs: [
          ...envs({
            ODOO_DB_HOST: SUPABASE_POOLER,
            ODOO_DB_PORT: '6543',
            ODOO_DB_NAME: 'postgres',
            ODOO_DB_USER: SUPABASE_USER,
          }),
          ...secrets(r, ['ODOO_DB_PASSWORD', 'ODOO_ADMIN_PASSWORD', 'DO_AGENT_KEY', 'DO_MODEL_ACCESS_KEY']),
          ...envs({ PROMETHEUS_PORT: '9090' }),
        ],
      },
    ],
  });

  const celery = 'celery --app=superset.tasks.celery_app:app';
  const supersetBuild = { github: src, dockerfile_path: 'infra/superset/Dockerfile' };
  const superset = baseSpec('superset-analytics', 'sgp', {
    domains: [domain('superset.insightpulseai.net', 'PRIMARY')],
    envs: [
      ...envs({ DATABASE_DIALECT: 'postgresql', DATABASE_HOST: SUPABASE_POOLER, DATABASE_PORT: '6543' }),
      ...envs({ DATABASE_DB: 'postgres', DATABASE_USER: SUPABASE_USER }),
      ...secrets(r, ['DATABASE_PASSWORD', 'SUPERSET_SECRET_KEY', 'SUPERSET_ADMIN_PASSWORD']),
      ...envs({ REDIS_HOST: 'redis', REDIS_PORT: '6379' }),
    ],
    services: [
      {
        name: 'superset-web',
        ...supersetBuild,
        run_command: 'gunicorn --bind 0.0.0.0:8088 --workers 2 --timeout 120 "superset.app:create_app()"',
        http_port: 8088,
        instance_size_slug: 'basic-xs',
        instance_count: 1,
        health_check: { http_path: '/health', initial_delay_seconds: 300, period_seconds: 30, timeout_seconds: 10 },
      },
      // Internal-only: no http_port, reachable as redis:6379 from the other components.
      {
        name: 'redis',
        image: { registry_type: 'DOCKER_HUB', repository: 'redis', tag: '7-alpine' },
        internal_ports: [6379],
        instance_size_slug: 'basic-xxs',
        instance_count: 1,
      },
    ],
    workers: [
      {
        name: 'superset-worker',
        ...supersetBuild,
        run_command: `${celery} worker --pool=prefork -O fair -c 2`,
        instance_size_slug: 'basic-xxs',
        instance_count: 1,
      },
      {
        name: 'superset-beat',
        ...supersetBuild,
        run_command: `${celery} beat --pidfile /tmp/celerybeat.pid --schedule /tmp/celerybeat-schedule`,
        instance_size_slug: 'basic-xxs',
        instance_count: 1,
      },
    ],
    ingress: { rules: [route('/', 'superset-web')] },
  });

  const mcp = baseSpec('mcp-coordinator', 'sgp', {
    // MCP speaks SSE, which the edge cache would buffer.
    disable_edge_cache: true,
    domains: [domain('mcp.insightpulseai.net', 'PRIMARY')],
    services: [
      {
        name: 'mcp-hub',
        github: src,
        source_dir: 'services/mcp-coordinator',
        environment_slug: 'python',
        run_command: 'uvicorn app.main:app --host 0.0.0.0 --port 8001',
        http_port: 8001,
        instance_size_slug: 'basic-xxs',
        instance_count: 1,
        health_check: { http_path: '/health', initial_delay_seconds: 20, period_seconds: 15, timeout_seconds: 5 },
        envs: [
          ...envs({ ODOO_URL: 'https://odoo.insightpulseai.net', SUPERSET_URL: 'https://superset.insightpulseai.net' }),
          ...envs({ SUPABASE_URL: 'https://spdtwktxdalcfigzeqrz.supabase.co' }),
          ...secrets(r, ['GITHUB_TOKEN', 'SUPABASE_SERVICE_ROLE_KEY', 'DO_API_TOKEN', 'SUPERSET_PASSWORD']),
          ...secrets(r, ['ODOO_ADMIN_PASSWORD', 'DO_AGENT_KEY', 'DO_MODEL_ACCESS_KEY', 'NOTION_TOKEN']),
        ],
      },
    ],
  });

  const deployer = 'admin@insightpulseai.net';
  return [
    {
      // Newest push fails its health check; the previous deployment stays ACTIVE. The custom
      // domain never resolved (CNAME missing at the registrar), so it is in ERROR.
      spec: odoo,
      tenantGroup: 'InsightPulse',
      spanDays: 19,
      deployer,
      history: change(h('fail-health', 'push', 'push', 'manual', 'spec', 'push'), 4, (s) => {
        const hc = service(s, 'odoo-web').health_check;
        if (hc) hc.initial_delay_seconds = 60;
      }),
      domainPhases: { 'odoo.insightpulseai.net': 'ERROR' },
      behaviour: { 'odoo-web': { cpuPercent: 64, memoryPercent: 91 } },
    },
    {
      spec: superset,
      tenantGroup: 'InsightPulse',
      spanDays: 18,
      deployer,
      history: change(h('push', 'manual', 'push', 'spec', 'push'), 3, (s) => {
        service(s, 'superset-web').instance_size_slug = 'basic-xxs';
      }),
      behaviour: {
        'superset-web': { cpuPercent: 41, memoryPercent: 77 },
        'superset-worker': { state: 'UNHEALTHY', cpuPercent: 93, memoryPercent: 98 },
        'superset-beat': { cpuPercent: 3, memoryPercent: 31 },
        redis: { cpuPercent: 6, memoryPercent: 44 },
      },
    },
    {
      spec: mcp,
      tenantGroup: 'InsightPulse',
      spanDays: 25,
      deployer,
      history: h('push', 'push', 'push', 'manual', 'push', 'push', 'push'),
    },
  ];
}

export function buildDemoFleet(opts: { nowMs: number; seed?: number }): AppRecord[] {
  const r = Rand.fromSeed(opts.seed ?? 2026);
  const defs = [...taskifai(r), ...insightPulse(r), ...multivio(r), ...presence360(r), taskAssistant(r)];
  const fleet = defs.map((def) => makeApp(r, def, opts.nowMs));
  assertFleetInvariants(fleet);
  return fleet;
}
