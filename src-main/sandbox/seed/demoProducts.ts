// The demo fleet's other products (guides 002–004): Multivio's autoscaled API, Presence360's
// control and tenant planes, and Task Assistant AI. The TaskifAI and InsightPulse fleets, and what
// is not modelled of each guide, are in demoFleet.ts.
import type { AppDef } from './builders';
import { changedAt as change, history as h, serviceOf as service } from './deploymentHistory';
import type { Rand } from './random';
import {
  autoscaledService,
  baseSpec,
  domain,
  env,
  envs,
  github,
  preDeployJob,
  route,
  secret,
  secrets,
} from './specBuilders';

export function multivio(r: Rand): AppDef[] {
  const shared = (environment: 'production' | 'staging', origins: string) => [
    ...envs({ ENVIRONMENT: environment, DEBUG: 'false', LOG_LEVEL: 'INFO' }, 'RUN_AND_BUILD_TIME'),
    ...envs({ ALLOWED_ORIGINS: origins, FIREBASE_AUTH_URI: 'https://accounts.google.com/o/oauth2/auth' }),
    ...envs({
      FIREBASE_TOKEN_URI: 'https://oauth2.googleapis.com/token',
      AI_DEFAULT_MODEL: 'grok-3-mini',
      AI_MAX_TOKENS: '2000',
    }),
    ...envs({
      DB_POOL_SIZE: '10',
      R2_BUCKET_NAME: environment === 'production' ? 'multivio-media' : 'multivio-media-staging',
    }),
    ...envs({ CDN_DOMAIN: 'https://cdn.multivio.com', EMAIL_FROM: 'noreply@multivio.com' }),
    ...secrets(r, [
      'SUPABASE_URL',
      'SUPABASE_KEY',
      'SUPABASE_SERVICE_KEY',
      'FIREBASE_PROJECT_ID',
      'FIREBASE_CLIENT_EMAIL',
      'FIREBASE_PRIVATE_KEY',
      'FIREBASE_CLIENT_ID',
      'ENCRYPTION_KEY',
      'GROK_API_KEY',
      'TOGETHER_API_KEY',
      'OPENAI_API_KEY',
      'TWITTER_API_KEY',
      'TWITTER_API_SECRET',
      'FACEBOOK_APP_ID',
      'FACEBOOK_APP_SECRET',
      'LINKEDIN_CLIENT_SECRET',
      'SENDGRID_API_KEY',
      'R2_ACCESS_KEY_ID',
      'R2_SECRET_ACCESS_KEY',
      'REDIS_URL',
    ]),
  ];
  const api = {
    name: 'api',
    source_dir: '/',
    environment_slug: 'python',
    run_command: 'uvicorn app.main:app --host 0.0.0.0 --port $PORT',
    http_port: 8000,
    health_check: { http_path: '/health' },
  };
  const prod = baseSpec('multivio-api', 'nyc', {
    domains: [domain('api.multivio.com', 'PRIMARY')],
    envs: shared('production', 'https://multivio.com,https://www.multivio.com'),
    services: [
      autoscaledService({
        ...api,
        github: github('multivio/multivio-backend'),
        instance_size_slug: 'apps-d-1vcpu-1gb',
        autoscaling: { min_instance_count: 1, max_instance_count: 10, metrics: { cpu: { percent: 80 } } },
      }),
    ],
    workers: [
      {
        name: 'celery-worker',
        github: github('multivio/multivio-backend'),
        environment_slug: 'python',
        run_command: 'celery -A app.celery_app worker --loglevel=INFO',
        instance_size_slug: 'apps-s-1vcpu-1gb',
        instance_count: 1,
      },
    ],
  });
  const staging = baseSpec('multivio-api-staging', 'nyc', {
    envs: shared('staging', 'http://localhost:3000,http://localhost:5173,https://dev.multivio.com'),
    services: [
      {
        ...api,
        github: github('multivio/multivio-backend', 'develop'),
        instance_size_slug: 'apps-s-1vcpu-1gb',
        instance_count: 1,
      },
    ],
  });

  const deployer = 'devops@multivio.com';
  return [
    {
      // A bad push was rolled back; the rollback is not committed yet, so the app is pinned.
      spec: prod,
      tenantGroup: 'Multivio',
      spanDays: 33,
      deployer,
      pinNewest: true,
      history: change(h('rollback', 'push', 'push', 'spec', 'push', 'manual', 'push'), 3, (s) => {
        const svc = service(s, 'api');
        delete svc.autoscaling;
        svc.instance_size_slug = 'professional-xs';
        svc.instance_count = 2;
      }),
      behaviour: { api: { cpuPercent: 62, memoryPercent: 48 }, 'celery-worker': { cpuPercent: 35, memoryPercent: 52 } },
    },
    {
      spec: staging,
      tenantGroup: 'Multivio',
      spanDays: 21,
      deployer,
      history: h('push', 'push', 'fail-build', 'push', 'push', 'push', 'cancel', 'push'),
    },
  ];
}

export function presence360(r: Rand): AppDef[] {
  const src = github('presence360/presence360');
  const zone = { zone: 'presence360.app' };
  const monorepo = (dir: string) => ({ github: src, source_dir: `apps/${dir}` });
  const fastapi = (name: string, size: 'apps-s-1vcpu-1gb' | 'apps-s-1vcpu-2gb', count: number) => ({
    name,
    ...monorepo(name),
    dockerfile_path: `apps/${name}/Dockerfile`,
    http_port: 8000,
    instance_size_slug: size,
    instance_count: count,
    health_check: { http_path: '/healthz', period_seconds: 10 },
  });
  const nextjs = (name: string, size: 'apps-s-1vcpu-0.5gb' | 'apps-s-1vcpu-1gb') => ({
    name,
    ...monorepo(name),
    environment_slug: 'node-js',
    build_command: 'npm ci && npm run build',
    run_command: 'npm run start',
    http_port: 3000,
    instance_size_slug: size,
    instance_count: 1,
  });
  const pg = { engine: 'PG' as const, production: true, cluster_name: 'presence360-pg' };

  const controlPlane = baseSpec('presence360-control-plane', 'lon', {
    domains: [domain('cp.presence360.app', 'PRIMARY', zone), domain('admin.presence360.app', 'ALIAS', zone)],
    databases: [{ name: 'control-plane-db', ...pg, db_name: 'control_plane', db_user: 'control_plane' }],
    envs: [
      env('DATABASE_URL', '${control-plane-db.DATABASE_URL}', 'RUN_TIME'),
      ...secrets(r, ['REDIS_URL', 'JWT_SECRET', 'TENANT_CREDENTIALS_KEY']),
    ],
    services: [fastapi('control-plane-api', 'apps-s-1vcpu-1gb', 1), nextjs('web-control-plane', 'apps-s-1vcpu-0.5gb')],
    ingress: {
      rules: [route('/', 'web-control-plane', { host: 'admin.presence360.app' }), route('/', 'control-plane-api')],
    },
  });
  const tenantPlane = baseSpec('presence360-tenant', 'lon', {
    domains: [
      domain('api.presence360.app', 'PRIMARY', zone),
      domain('app.presence360.app', 'ALIAS', zone),
      domain('presence360.app', 'ALIAS', { ...zone, wildcard: true }),
    ],
    databases: [{ name: 'tenants-db', ...pg }],
    envs: [
      ...envs({ CONTROL_PLANE_URL: 'https://cp.presence360.app', TENANT_DB_CLUSTER_HOST: '${tenants-db.HOSTNAME}' }),
      ...secrets(r, [
        'REDIS_URL',
        'JWT_SECRET',
        'AWS_REKOGNITION_ACCESS_KEY',
        'AWS_REKOGNITION_SECRET_KEY',
        'MNOTIFY_API_KEY',
      ]),
    ],
    services: [fastapi('tenant-api', 'apps-s-1vcpu-2gb', 2), nextjs('web-tenant', 'apps-s-1vcpu-1gb')],
    workers: [
      {
        name: 'worker',
        ...monorepo('tenant-api'),
        dockerfile_path: 'apps/tenant-api/Dockerfile',
        run_command: 'celery -A app.worker worker --loglevel=info -Q recognition,messaging',
        instance_size_slug: 'apps-s-1vcpu-1gb',
        instance_count: 1,
      },
    ],
    ingress: { rules: [route('/', 'tenant-api', { host: 'api.presence360.app' }), route('/', 'web-tenant')] },
  });
  const deployer = 'platform@presence360.app';
  return [
    {
      spec: controlPlane,
      tenantGroup: 'Presence360',
      spanDays: 12,
      deployer,
      history: h('push', 'push', 'manual', 'push'),
    },
    {
      spec: tenantPlane,
      tenantGroup: 'Presence360',
      spanDays: 12,
      deployer,
      history: h('push', 'push', 'push', 'fail-health', 'push', 'manual'),
      domainPhases: { 'presence360.app': 'CONFIGURING' },
    },
  ];
}

export function taskAssistant(r: Rand): AppDef {
  const src = github('taskassistant/task-assistant-ai');
  const image = { github: src, dockerfile_path: 'Dockerfile' };
  const celery = 'celery -A app.core.celery_tasks';
  const spec = baseSpec('task-assistant-ai', 'nyc', {
    domains: [domain('api.taskassistant.ai', 'PRIMARY')],
    envs: [
      ...envs({ APP_NAME: 'Task Assistant AI', DEBUG: 'False', ENVIRONMENT: 'production' }, 'RUN_AND_BUILD_TIME'),
      ...envs({ LOG_LEVEL: 'INFO', RATE_LIMIT_PER_MINUTE: '100', RATE_LIMIT_PER_HOUR: '1000' }),
      ...envs({ ALLOWED_ORIGINS: 'https://app.taskassistant.ai,https://taskassistant.ai' }),
      ...secrets(r, [
        'DATABASE_URL',
        'REDIS_URL',
        'CELERY_BROKER_URL',
        'CELERY_RESULT_BACKEND',
        'SECRET_KEY',
        'ENCRYPTION_KEY',
      ]),
      ...secrets(r, ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GOOGLE_API_KEY', 'GROQ_API_KEY']),
      secret(r, 'SENTRY_DSN', 'RUN_AND_BUILD_TIME'),
    ],
    services: [
      {
        name: 'api',
        ...image,
        http_port: 8000,
        instance_size_slug: 'apps-s-2vcpu-4gb',
        instance_count: 2,
        health_check: { http_path: '/health', initial_delay_seconds: 15, period_seconds: 10 },
      },
    ],
    workers: [
      {
        name: 'worker',
        ...image,
        run_command: `${celery} worker --loglevel=info`,
        instance_size_slug: 'apps-s-1vcpu-2gb',
        instance_count: 2,
      },
      {
        name: 'beat',
        ...image,
        run_command: `${celery} beat --loglevel=info`,
        instance_size_slug: 'apps-s-1vcpu-0.5gb',
        instance_count: 1,
      },
    ],
    jobs: [
      preDeployJob({
        name: 'migrate',
        ...image,
        run_command: 'alembic upgrade head',
        instance_size_slug: 'apps-s-1vcpu-0.5gb',
      }),
    ],
  });
  return {
    spec,
    tenantGroup: 'Task Assistant AI',
    spanDays: 28,
    deployer: 'devops@taskassistant.ai',
    history: change(h('push', 'manual', 'push', 'push', 'spec', 'push'), 4, (s) => {
      service(s, 'api').instance_count = 1;
    }),
  };
}
