// A tenant's health paths as the internet reaches them: behind the component's route, on the
// tenant's live domain, plus the paths the user added — each URL once.
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src-main/clients/digitalocean/types';
import { buildDemoFleet } from '../../../src-main/sandbox/seed/demoFleet';
import { healthPathsOf, mainHost, regionsNear, sameTarget } from '../../../src-main/services/uptime/healthPaths';

const fleet = buildDemoFleet({ nowMs: Date.parse('2026-11-20T12:00:00Z') });
const demoApp = (name: string) => fleet.find((r) => r.app.spec.name === name)!.app as App;

function app(spec: Partial<App['spec']>, extra: Partial<App> = {}): App {
  return {
    id: 'a1',
    default_ingress: 'https://tenant-x7k2p.ondigitalocean.app',
    spec: { name: 'tenant', ...spec },
    ...extra,
  };
}

describe('health paths of a tenant', () => {
  it('Task Assistant AI: the api service’s /health on its live domain, then the paths the user added', () => {
    const paths = healthPathsOf(demoApp('task-assistant-ai'), ['/health/database', '/health/redis', '/health/celery']);
    expect(paths.map((p) => [p.url, p.source, p.component])).toEqual([
      ['https://api.taskassistant.ai/health', 'spec', 'api'],
      ['https://api.taskassistant.ai/health/database', 'user', undefined],
      ['https://api.taskassistant.ai/health/redis', 'user', undefined],
      ['https://api.taskassistant.ai/health/celery', 'user', undefined],
    ]);
  });

  it('a route that keeps its prefix serves the path as written; one that strips it puts the prefix in front', () => {
    // TaskifAI central: route /api with preserve_path_prefix, health check /api/health.
    expect(healthPathsOf(demoApp('taskifai-central'), []).map((p) => p.url)).toEqual([
      'https://app.taskifai.com/api/health',
    ]);
    const stripped = app({
      services: [{ name: 'api', health_check: { http_path: '/healthz' } }],
      ingress: { rules: [{ match: { path: { prefix: '/api/' } }, component: { name: 'api' } }] },
    });
    expect(healthPathsOf(stripped, []).map((p) => p.path)).toEqual(['/api/healthz']);
  });

  it('a rule naming a host puts the path on that host; without a live domain, the default ingress host', () => {
    // Presence360's tenant-api answers on api.presence360.app by its rule's authority.
    const presence = healthPathsOf(demoApp('presence360-tenant'), []);
    expect(presence.map((p) => p.url)).toEqual(['https://api.presence360.app/healthz']);
    const pending = app(
      { services: [{ name: 'web', health_check: { http_path: 'health' } }], domains: [{ domain: 'x.example.com' }] },
      { domains: [{ spec: { domain: 'x.example.com', type: 'PRIMARY' }, phase: 'PENDING' }] },
    );
    expect(mainHost(pending)).toBe('tenant-x7k2p.ondigitalocean.app');
    expect(healthPathsOf(pending, []).map((p) => p.url)).toEqual(['https://tenant-x7k2p.ondigitalocean.app/health']);
  });

  it('a user path equal to the spec’s is listed once, as the spec’s; a service without a health check has none', () => {
    const paths = healthPathsOf(demoApp('task-assistant-ai'), ['/health', '/health/']);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.source).toBe('spec');
    expect(healthPathsOf(app({ services: [{ name: 'api' }] }), [])).toEqual([]);
  });

  it('targets compare without case in the host or a trailing slash; regions follow the app’s', () => {
    expect(sameTarget('https://API.taskassistant.ai/health/', 'https://api.taskassistant.ai/health')).toBe(true);
    expect(sameTarget('https://api.taskassistant.ai/health/celery', 'https://api.taskassistant.ai/health')).toBe(false);
    expect(regionsNear('lon')).toEqual(['eu_west', 'us_east']);
    expect(regionsNear('nyc')).toEqual(['us_east', 'us_west']);
    expect(regionsNear('sgp')).toEqual(['se_asia', 'eu_west']);
  });
});
