// One click creates a tenant's missing uptime checks: the account's checks are looked up by target
// first, so a second click — or one after an answer was lost — never makes a duplicate, and the
// Activity log says what was made. Deleting is limited to the tenant's own checks.
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../src-preload/contract';
import type { App } from '../../../src-main/clients/digitalocean/types';
import type { NewUptimeCheck, UptimeCheck } from '../../../src-main/clients/digitalocean/uptime';
import { ApiError } from '../../../src-main/clients/http/apiError';
import { UptimeService, type UptimeApi } from '../../../src-main/services/uptime/uptimeService';

const APP = {
  id: 'app-1',
  default_ingress: 'https://task-assistant-ai-x1.ondigitalocean.app',
  domains: [{ spec: { domain: 'api.taskassistant.ai', type: 'PRIMARY' }, phase: 'ACTIVE' }],
  spec: {
    name: 'task-assistant-ai',
    region: 'nyc',
    domains: [{ domain: 'api.taskassistant.ai', type: 'PRIMARY' }],
    services: [{ name: 'api', health_check: { http_path: '/health' } }],
  },
} as unknown as App;

function fakeAccount(options: { loseNextCreateAnswer?: boolean } = {}) {
  const checks: UptimeCheck[] = [];
  const alerts: Array<{ checkId: string; email: string[] }> = [];
  let lose = options.loseNextCreateAnswer ?? false;
  const client: UptimeApi = {
    listUptimeChecks: async () => structuredClone(checks),
    getUptimeCheckState: async (id) => ({
      regions: {
        us_east: { status: checks.find((c) => c.id === id)?.target?.endsWith('celery') ? 'DOWN' : 'UP' },
        us_west: { status: 'UP' },
      },
    }),
    createUptimeCheck: async (check: NewUptimeCheck) => {
      const made = { ...check, id: `check-${checks.length + 1}` };
      checks.push(made);
      if (lose) {
        lose = false;
        // The check was made, but its answer never came back.
        throw new ApiError({ code: 'network', message: 'DigitalOcean: no answer' });
      }
      return made;
    },
    deleteUptimeCheck: async (id) => {
      checks.splice(
        checks.findIndex((c) => c.id === id),
        1,
      );
    },
    createUptimeAlert: async (checkId, alert) => {
      alerts.push({ checkId, email: alert.notifications.email });
      return { ...alert, id: `alert-${alerts.length}` };
    },
    accountEmail: async () => 'founder@taskifai.com',
  };
  const entries: ActivityEntry[] = [];
  const userPaths: string[] = ['/health/celery'];
  const service = new UptimeService({
    client,
    apps: async () => [APP],
    app: async () => APP,
    paths: {
      of: async () => [...userPaths],
      add: async (_, p) => void userPaths.push(p),
      remove: async (_, p) => void userPaths.splice(userPaths.indexOf(p), 1),
    },
    audit: {
      start: (e) => {
        const entry = { ...e, id: `e${entries.length}`, startedAt: '', result: 'started' } as ActivityEntry;
        entries.push(entry);
        return entry;
      },
      finish: (entry, outcome) => Object.assign(entry, outcome),
    },
    context: 'Demo fleet',
    toMessage: (e) => (e instanceof Error ? e.message : String(e)),
  });
  return { service, checks, alerts, entries, userPaths };
}

describe('creating a tenant’s uptime checks', () => {
  it('shows the plan first, then creates one check per health path with a down alert, logged once', async () => {
    const { service, checks, alerts, entries } = fakeAccount();
    const before = await service.getTenantUptime('app-1');
    expect(before.plan.map((p) => p.target)).toEqual([
      'https://api.taskassistant.ai/health',
      'https://api.taskassistant.ai/health/celery',
    ]);
    expect(before.plan[0]).toMatchObject({ regions: ['us_east', 'us_west'], alertEmail: 'founder@taskifai.com' });
    expect(before.summary.status).toBe('none');

    const result = await service.createTenantUptimeChecks('app-1');
    expect(result.created).toHaveLength(2);
    expect(checks.map((c) => c.target)).toEqual(before.plan.map((p) => p.target));
    expect(alerts).toHaveLength(2);
    expect(result.uptime.summary).toMatchObject({ status: 'down', down: ['/health/celery'], checked: 2 });
    expect(result.uptime.plan).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'uptime_checks', appName: 'task-assistant-ai', result: 'succeeded' });
  });

  it('a second click creates nothing, and nothing is logged', async () => {
    const { service, checks, entries } = fakeAccount();
    await service.createTenantUptimeChecks('app-1');
    const again = await service.createTenantUptimeChecks('app-1');
    expect(again.created).toEqual([]);
    expect(again.existing).toBe(2);
    expect(checks).toHaveLength(2);
    expect(entries).toHaveLength(1);
  });

  it('after a lost answer, the retry finds the check that was made and creates only the rest', async () => {
    const { service, checks, entries } = fakeAccount({ loseNextCreateAnswer: true });
    await expect(service.createTenantUptimeChecks('app-1')).rejects.toThrow('no answer');
    expect(entries[0]).toMatchObject({ result: 'failed', message: expect.stringContaining('Created 0 of 2') });
    const retry = await service.createTenantUptimeChecks('app-1');
    expect(retry.created.map((c) => c.target)).toEqual(['https://api.taskassistant.ai/health/celery']);
    expect(checks.map((c) => c.target)).toEqual([
      'https://api.taskassistant.ai/health',
      'https://api.taskassistant.ai/health/celery',
    ]);
  });

  it('two clicks at once make each check once', async () => {
    const { service, checks } = fakeAccount();
    await Promise.all([service.createTenantUptimeChecks('app-1'), service.createTenantUptimeChecks('app-1')]);
    expect(checks).toHaveLength(2);
  });

  it('deletes only a check on the tenant’s own hosts; refuses a path that is not a path', async () => {
    const { service, checks, entries } = fakeAccount();
    checks.push({
      id: 'other',
      name: 'x',
      type: 'https',
      target: 'https://elsewhere.example/health',
      regions: ['us_east'],
      enabled: true,
    });
    await expect(service.deleteUptimeCheck('app-1', 'other')).rejects.toMatchObject({ code: 'not_found' });
    const { created } = await service.createTenantUptimeChecks('app-1');
    const celery = created.find((c) => c.target.endsWith('/health/celery'))!;
    const after = await service.deleteUptimeCheck('app-1', celery.id);
    expect(checks.map((c) => c.id)).not.toContain(celery.id);
    expect(after.paths.find((p) => p.path === '/health/celery')?.check).toBeUndefined();
    expect(entries.at(-1)).toMatchObject({
      action: 'uptime_checks',
      result: 'succeeded',
      parameters: { delete: expect.any(String) },
    });
    await expect(service.addHealthPath('app-1', 'health database')).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('the overview answers at once, then from the background read', async () => {
    const { service } = fakeAccount();
    await service.createTenantUptimeChecks('app-1');
    const first = await service.getUptimeOverview();
    // The apps come with the first background read: until then no tenant is summed up.
    expect(first.tenants).toEqual({});
    await service.settled();
    const second = await service.getUptimeOverview();
    expect(second.tenants['app-1']).toMatchObject({ status: 'down', down: ['/health/celery'], checked: 2 });
    expect(second.readAt).toBeDefined();
  });
});
