// What the demo fleet's running components write: uvicorn access and error lines, Celery worker
// and beat lines, Odoo, Superset behind gunicorn, redis, Next.js, with JSON lines, stack traces
// and restarts now and then. Each component gets a flavour from its spec and a seeded generator.
import type { ServiceSpec, WorkerSpec } from '../../clients/digitalocean/types';
import { Rand } from '../seed/random';

export type Flavour = 'uvicorn' | 'celery' | 'beat' | 'odoo' | 'superset' | 'redis' | 'nextjs';

export function flavourOf(component: ServiceSpec | WorkerSpec): Flavour {
  const command = component.run_command ?? '';
  const name = component.name ?? '';
  if (name === 'redis' || component.image?.repository === 'redis') return 'redis';
  if (command.includes('celery')) return command.includes(' beat') ? 'beat' : 'celery';
  if (name.includes('odoo') || ('http_port' in component && component.http_port === 8069)) return 'odoo';
  if (command.includes('superset') || name.includes('superset')) return 'superset';
  if (component.environment_slug === 'node-js' || command.startsWith('npm')) return 'nextjs';
  return 'uvicorn';
}

/** A stable seed from text (FNV-1a), so a component's lines are the same on every run. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const d = (ms: number) => new Date(ms);
/** Python logging's asctime: 2026-11-20 12:00:01,234 */
const asctime = (ms: number) => d(ms).toISOString().replace('T', ' ').slice(0, 23).replace('.', ',');
/** Apache/werkzeug: 20/Nov/2026:12:00:01 */
const clf = (ms: number) => {
  const t = d(ms);
  return `${pad(t.getUTCDate())}/${MONTHS[t.getUTCMonth()]}/${t.getUTCFullYear()}:${t.toISOString().slice(11, 19)}`;
};
const gunicorn = (ms: number) => `${asctime(ms).slice(0, 19)} +0000`;
const redisTime = (ms: number) => {
  const t = d(ms);
  return `${pad(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${t.toISOString().slice(11, 23)}`;
};

interface Route {
  method: string;
  path: string;
  ok: number;
}

const API_ROUTES: Route[] = [
  { method: 'GET', path: '/api/v1/dashboard/summary', ok: 200 },
  { method: 'POST', path: '/api/v1/uploads', ok: 201 },
  { method: 'GET', path: '/api/v1/uploads?page=1&per_page=25', ok: 200 },
  { method: 'GET', path: '/api/v1/analytics/sales?period=30d', ok: 200 },
  { method: 'GET', path: '/api/v1/auth/me', ok: 200 },
  { method: 'POST', path: '/api/v1/chat/query', ok: 200 },
  { method: 'POST', path: '/api/v1/reports/export', ok: 202 },
  { method: 'DELETE', path: '/api/v1/uploads/{id}', ok: 204 },
];
const ODOO_MODELS = ['sale.order', 'res.partner', 'account.move', 'project.task', 'hr.expense', 'stock.picking'];
const SUPERSET_PATHS = [
  '/api/v1/chart/data',
  '/api/v1/dashboard/12/charts',
  '/superset/log/?explode=events',
  '/api/v1/dataset/?q=(page:0)',
  '/static/assets/spa.5f2c1e.entry.js',
];
const PY_ERRORS: Array<[frame: string, error: string]> = [
  [
    'raise ValueError(f"Unknown column {name!r} in sheet {sheet!r}")',
    "ValueError: Unknown column 'Umsatz' in sheet 'Sales'",
  ],
  [
    'return await self._pool.acquire()',
    'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly',
  ],
  [
    'response.raise_for_status()',
    "httpx.HTTPStatusError: Server error '503 Service Unavailable' for url 'https://api.openai.com/v1/chat/completions'",
  ],
  [
    'payload = jwt.decode(token, settings.SECRET_KEY, algorithms=[settings.ALGORITHM])',
    'jose.exceptions.ExpiredSignatureError: Signature has expired.',
  ],
];
const TASKS: Record<string, string[]> = {
  celery: [
    'app.workers.tasks.process_upload',
    'app.workers.tasks.send_report_email',
    'app.workers.tasks.refresh_sales_views',
    'app.workers.tasks.generate_insights',
  ],
  superset: [
    'reports.scheduler',
    'reports.execute',
    'superset.tasks.thumbnails.cache_chart_thumbnail',
    'load_chart_data_into_cache',
  ],
};
const SCHEDULE = [
  'cleanup-expired-sessions',
  'refresh-sales-views',
  'send-weekly-digest',
  'reports.scheduler',
  'prune-task-results',
];

export class RunLineGenerator {
  private readonly r: Rand;
  private readonly ip: string;
  private readonly healthPath: string;
  private readonly port: number;
  private readonly tenant: string;
  /** Events until the next failure: about one in eighty, never a long stretch without one. */
  private untilFailure: number;

  constructor(
    private readonly flavour: Flavour,
    private readonly component: ServiceSpec | WorkerSpec,
    seed: string,
  ) {
    this.r = Rand.fromSeed(seedOf(seed));
    this.ip = `10.244.${this.r.int(0, 40)}.${this.r.int(2, 250)}`;
    this.healthPath = ('health_check' in component && component.health_check?.http_path) || '/health';
    this.port = ('http_port' in component && component.http_port) || 8000;
    this.tenant = (component.name ?? 'app').split('-')[0] ?? 'app';
    this.untilFailure = this.r.int(10, 120);
  }

  /** The lines a fresh instance writes while it starts. */
  startup(ms: number): string[] {
    const r = this.r;
    switch (this.flavour) {
      case 'uvicorn':
        return [
          'INFO:     Started server process [1]',
          'INFO:     Waiting for application startup.',
          'INFO:     Application startup complete.',
          `INFO:     Uvicorn running on http://0.0.0.0:${this.port} (Press CTRL+C to quit)`,
        ];
      case 'celery':
      case 'beat': {
        const name = this.flavour === 'beat' ? 'beat' : 'worker';
        return [
          `celery ${name} v5.3.6 (emerald-rush) is starting.`,
          `[${asctime(ms)}: INFO/MainProcess] Connected to redis://default:**@redis:6379/0`,
          `[${asctime(ms)}: INFO/MainProcess] ${name === 'beat' ? 'beat: Starting...' : 'celery@' + this.tenant + '-worker-' + r.hex(5) + ' ready.'}`,
        ];
      }
      case 'odoo':
        return [
          `${asctime(ms)} 1 INFO ? odoo: Odoo version 17.0-20241115`,
          `${asctime(ms)} 1 INFO ? odoo: database: postgres@aws-1-us-east-1.pooler.supabase.com:6543`,
          `${asctime(ms)} 1 INFO ? odoo.service.server: HTTP service (werkzeug) running on 0.0.0.0:8069`,
        ];
      case 'superset':
        return [
          `[${gunicorn(ms)}] [1] [INFO] Starting gunicorn 21.2.0`,
          `[${gunicorn(ms)}] [1] [INFO] Listening at: http://0.0.0.0:8088 (1)`,
          `[${gunicorn(ms)}] [9] [INFO] Booting worker with pid: 9`,
        ];
      case 'redis':
        return [
          `1:C ${redisTime(ms)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
          `1:M ${redisTime(ms)} * Running mode=standalone, port=6379.`,
          `1:M ${redisTime(ms)} * Ready to accept connections tcp`,
        ];
      case 'nextjs':
        return [
          '  ▲ Next.js 14.2.5',
          `  - Local:        http://localhost:${this.port}`,
          ` ✓ Ready in ${r.int(300, 900)}ms`,
        ];
    }
  }

  /** The next thing the component writes: one line, or a few (a stack trace, a restart). */
  next(ms: number): string[] {
    const r = this.r;
    if (r.chance(0.0015)) return [...this.shutdown(ms), ...this.startup(ms)];
    if (--this.untilFailure <= 0) {
      this.untilFailure = r.int(40, 120);
      return this.failure(ms);
    }
    switch (this.flavour) {
      case 'uvicorn':
        return [this.uvicorn(ms)];
      case 'celery':
        return [this.celery(ms, 'celery')];
      case 'beat':
        return [
          `[${asctime(ms)}: INFO/MainProcess] Scheduler: Sending due task ${r.pick(SCHEDULE)} (${r.pick(TASKS.celery!)})`,
        ];
      case 'odoo':
        return [this.odoo(ms)];
      case 'superset':
        return [r.chance(0.35) ? this.celery(ms, 'superset') : this.superset(ms)];
      case 'redis':
        return [this.redis(ms)];
      case 'nextjs':
        return [
          JSON.stringify({
            level: r.chance(0.05) ? 40 : 30,
            time: ms,
            pid: 18,
            hostname: `${this.component.name}-${r.hex(9)}`,
            msg: `${r.pick(['GET', 'GET', 'POST'])} ${r.pick(['/', '/dashboard', '/attendance', '/settings/team', '/api/session'])} 200`,
            responseTime: r.int(4, 240),
          }),
        ];
    }
  }

  private uvicorn(ms: number): string {
    const r = this.r;
    const client = `${this.ip.replace(/\d+$/, String(r.int(2, 250)))}:${r.int(30000, 60999)}`;
    if (r.chance(0.3)) return `INFO:     ${client} - "GET ${this.healthPath} HTTP/1.1" 200 OK`;
    const route = r.pick(API_ROUTES);
    const path = route.path.replace('{id}', r.hex(8));
    if (r.chance(0.12)) {
      return JSON.stringify({
        level: 'info',
        ts: new Date(ms).toISOString(),
        logger: 'app.api',
        msg: 'request completed',
        method: route.method,
        path,
        status: route.ok,
        duration_ms: r.int(3, 900),
        tenant: this.tenant,
      });
    }
    if (r.chance(0.04))
      return `WARNING:app.core.rate_limit:Rate limit exceeded for 203.0.113.${r.int(1, 254)} on ${path}`;
    if (r.chance(0.05))
      return `INFO:app.services.${r.pick(['uploads', 'analytics', 'reports'])}:Processed ${r.int(50, 9000)} rows for tenant ${this.tenant} in ${r.int(40, 4000)} ms`;
    const status = r.chance(0.06) ? r.pick([401, 404, 422]) : route.ok;
    const text: Record<number, string> = {
      200: 'OK',
      201: 'Created',
      202: 'Accepted',
      204: 'No Content',
      401: 'Unauthorized',
      404: 'Not Found',
      422: 'Unprocessable Entity',
    };
    return `INFO:     ${client} - "${route.method} ${path} HTTP/1.1" ${status} ${text[status] ?? ''}`.trimEnd();
  }

  private celery(ms: number, kind: 'celery' | 'superset'): string {
    const r = this.r;
    const task = `${r.pick(TASKS[kind]!)}[${r.uuid()}]`;
    const worker = `ForkPoolWorker-${r.int(1, 4)}`;
    if (r.chance(0.45)) return `[${asctime(ms)}: INFO/MainProcess] Task ${task} received`;
    if (r.chance(0.06))
      return `[${asctime(ms)}: WARNING/${worker}] Task ${task} retry: Retry in 30s: ConnectionError('Error 111 connecting to redis:6379. Connection refused.')`;
    return `[${asctime(ms)}: INFO/${worker}] Task ${task} succeeded in ${(r.int(20, 9000) / 1000).toFixed(4)}s: None`;
  }

  private odoo(ms: number): string {
    const r = this.r;
    const head = `${asctime(ms)} ${r.int(7, 40)}`;
    if (r.chance(0.25))
      return `${head} INFO ? werkzeug: ${this.ip} - - [${clf(ms).replace(':', ' ')}] "GET /web/health HTTP/1.1" 200 - 2 0.001 0.004`;
    if (r.chance(0.1))
      return `${head} INFO postgres odoo.addons.base.models.ir_cron: Starting job \`${r.pick(['Mail: Email Queue Manager', 'Calendar: Event Reminder', 'Accounting: Post draft entries'])}\`.`;
    if (r.chance(0.04))
      return `${head} WARNING postgres odoo.addons.mail.models.mail_mail: Mail delivery failed via SMTP server 'None'.`;
    const model = r.pick(ODOO_MODELS);
    return `${head} INFO postgres werkzeug: ${this.ip} - - [${clf(ms).replace(':', ' ')}] "POST /web/dataset/call_kw/${model}/web_search_read HTTP/1.1" 200 - ${r.int(3, 90)} ${(r.int(1, 90) / 1000).toFixed(3)} ${(r.int(10, 900) / 1000).toFixed(3)}`;
  }

  private superset(ms: number): string {
    const r = this.r;
    if (r.chance(0.05))
      return `${asctime(ms)}:WARNING:superset.utils.cache_manager:Falling back to the built-in cache, that stores data in the metadata database, for the following cache: \`FILTER_STATE_CACHE_CONFIG\``;
    if (r.chance(0.1))
      return `${asctime(ms)}:INFO:superset.views.core:Chart ${r.int(1, 80)} data request by admin took ${r.int(40, 2400)} ms`;
    return `10.244.${r.int(0, 40)}.${r.int(2, 250)} - - [${clf(ms)} +0000] "${r.pick(['GET', 'POST'])} ${r.pick(SUPERSET_PATHS)} HTTP/1.1" 200 ${r.int(200, 90000)} "https://superset.insightpulseai.net/superset/dashboard/12/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"`;
  }

  private redis(ms: number): string {
    const r = this.r;
    const pick = r.int(0, 9);
    if (pick === 0)
      return `1:M ${redisTime(ms)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.`;
    if (pick < 4) return `1:M ${redisTime(ms)} * 100 changes in 300 seconds. Saving...`;
    if (pick < 7) return `1:M ${redisTime(ms)} * Background saving started by pid ${r.int(20, 900)}`;
    return `${r.int(20, 900)}:C ${redisTime(ms)} * DB saved on disk`;
  }

  private shutdown(ms: number): string[] {
    if (this.flavour === 'uvicorn')
      return [
        'INFO:     Shutting down',
        'INFO:     Waiting for application shutdown.',
        'INFO:     Application shutdown complete.',
        'INFO:     Finished server process [1]',
      ];
    if (this.flavour === 'redis')
      return [`1:signal-handler (${Math.floor(ms / 1000)}) Received SIGTERM scheduling shutdown...`];
    return ['worker: Warm shutdown (MainProcess)'];
  }

  private failure(ms: number): string[] {
    const r = this.r;
    const [frame, error] = r.pick(PY_ERRORS);
    const trace = [
      'Traceback (most recent call last):',
      `  File "/workspace/app/${r.pick(['api/v1/uploads.py', 'services/analytics.py', 'workers/tasks.py'])}", line ${r.int(20, 400)}, in ${r.pick(['create_upload', 'run_query', 'process_upload'])}`,
      `    ${frame}`,
      error,
    ];
    switch (this.flavour) {
      case 'uvicorn':
        return ['ERROR:    Exception in ASGI application', ...trace];
      case 'celery':
      case 'superset':
        return [
          `[${asctime(ms)}: ERROR/ForkPoolWorker-${r.int(1, 4)}] Task ${r.pick(TASKS.celery!)}[${r.uuid()}] raised unexpected: ${error.split(': ')[0]}`,
          ...trace,
        ];
      case 'odoo':
        return [
          `${asctime(ms)} ${r.int(7, 40)} ERROR postgres odoo.sql_db: bad query: SELECT "sale_order"."id" FROM "sale_order" WHERE ("sale_order"."state" = 'sale')`,
          'ERROR: canceling statement due to statement timeout',
        ];
      case 'redis':
        return [`1:M ${redisTime(ms)} # Error trying to save the DB, can't exit.`];
      case 'beat':
        return [
          `[${asctime(ms)}: ERROR/MainProcess] Message Error: Couldn't apply scheduled task ${r.pick(SCHEDULE)}: Error 111 connecting to redis:6379. Connection refused.`,
        ];
      case 'nextjs':
        return [
          ' ⨯ TypeError: fetch failed',
          '    at node:internal/deps/undici/undici:12502:13',
          '    at async getServerSideProps (/workspace/.next/server/pages/attendance.js:1:2214) {',
          "  digest: '" + r.int(1e8, 9e8) + "'",
          '}',
        ];
    }
  }
}
