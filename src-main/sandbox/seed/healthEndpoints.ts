// What the demo apps' health endpoints answer on the sandbox's HTTPS edge, so an uptime check (or a
// curl) on them probes something real. Seed 003's Task Assistant AI documents four:
//   curl http://localhost:8000/health            # application
//   curl http://localhost:8000/health/database   # PostgreSQL
//   curl http://localhost:8000/health/redis      # Redis
//   curl http://localhost:8000/health/celery     # Celery workers
// In the demo its Celery worker cannot be reached, so /health/celery fails while the rest answer.
// Any other app answers on the health_check.http_path its spec gives (at its public path), 200
// while the component is healthy and 503 when it is not.
import type { AppRecord } from '../state';

export interface HealthAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Health endpoints by app name and public path. */
export const HEALTH_ENDPOINTS: Readonly<Record<string, Readonly<Record<string, HealthAnswer>>>> = {
  'task-assistant-ai': {
    '/health': { status: 200, body: { status: 'healthy', app: 'Task Assistant AI', environment: 'production' } },
    '/health/database': { status: 200, body: { status: 'healthy', database: 'connected', latency_ms: 4 } },
    '/health/redis': { status: 200, body: { status: 'healthy', redis: 'connected', latency_ms: 1 } },
    '/health/celery': {
      status: 503,
      body: {
        status: 'unhealthy',
        celery: 'unreachable',
        detail: 'Celery worker unreachable: no worker answered a ping within 5 seconds.',
      },
    },
  },
};

type Rule = { match?: { path?: { prefix?: string } }; component?: { name?: string; preserve_path_prefix?: boolean } };

/** Where a service's health path is reached from outside: behind its ingress route's prefix. */
export function publicHealthPaths(record: AppRecord): Array<{ component: string; path: string }> {
  const spec = record.app.spec;
  const rules = (spec.ingress as { rules?: Rule[] } | undefined)?.rules ?? [];
  const found: Array<{ component: string; path: string }> = [];
  for (const service of spec.services ?? []) {
    const httpPath = service.health_check?.http_path;
    if (!service.name || !httpPath) continue;
    const rule = rules.find((r) => r.component?.name === service.name);
    const prefix = rule?.match?.path?.prefix ?? '/';
    const path =
      rule?.component?.preserve_path_prefix || prefix === '/'
        ? httpPath
        : `${prefix.replace(/\/+$/, '')}/${httpPath.replace(/^\/+/, '')}`;
    found.push({ component: service.name, path });
  }
  return found;
}

/**
 * The answer to GET `path` on an app's host when it is a health endpoint, else undefined (the edge
 * answers as before). Under a documented /health family, an undocumented path is FastAPI's 404.
 */
export function healthAnswerFor(record: AppRecord, path: string): HealthAnswer | undefined {
  const table = HEALTH_ENDPOINTS[record.app.spec.name];
  const documented = table?.[path];
  if (documented) return structuredClone(documented);
  const fromSpec = publicHealthPaths(record).find((p) => p.path === path);
  if (fromSpec) {
    const state = record.behaviour[fromSpec.component]?.state ?? 'HEALTHY';
    return state === 'UNHEALTHY'
      ? { status: 503, body: { status: 'unhealthy', component: fromSpec.component } }
      : { status: 200, body: { status: 'ok' } };
  }
  if (table && /^\/health(\/|$)/.test(path)) return { status: 404, body: { detail: 'Not Found' } };
  return undefined;
}
