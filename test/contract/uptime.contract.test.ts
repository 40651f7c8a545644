// The sandbox's Uptime checks and Monitoring alert policies must answer like DigitalOcean's: every
// answer is checked against the official OpenAPI description, and a check's state comes from
// really probing its target on the sandbox's HTTPS edge — Task Assistant AI's /health answers,
// its /health/celery does not.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../src-preload/contract';
import { UptimeClient } from '../../src-main/clients/digitalocean/uptime';
import { createUptimeDomain } from '../../src-main/services/uptime';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function api() {
  const setup = await sandboxWithClient();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(setup.sandbox.url + path, {
      method,
      headers: { Authorization: `Bearer ${setup.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { ...setup, call };
}

const check = (target: string) => ({
  name: `task-assistant-ai ${new URL(target).pathname}`,
  type: 'https',
  target,
  regions: ['us_east', 'eu_west'],
  enabled: true,
});

describe('sandbox uptime checks match the official DigitalOcean spec', () => {
  it('lists the demo account’s check, paged, and creates, reads, updates and deletes one', async () => {
    const { call } = await api();
    const list = await call('GET', '/v2/uptime/checks');
    expect(list.status).toBe(200);
    await expectMatchesSpec('uptime_list_checks', 200, list.body);
    expect(list.body.checks.map((c: { target: string }) => c.target)).toEqual(['https://app.taskifai.com/api/health']);

    const created = await call('POST', '/v2/uptime/checks', check('https://api.taskassistant.ai/health'));
    expect(created.status).toBe(201);
    await expectMatchesSpec('uptime_create_check', 201, created.body);
    const id = created.body.check.id as string;

    const read = await call('GET', `/v2/uptime/checks/${id}`);
    await expectMatchesSpec('uptime_get_check', 200, read.body);
    expect(read.body.check).toEqual(created.body.check);

    const updated = await call('PUT', `/v2/uptime/checks/${id}`, { ...created.body.check, enabled: false });
    await expectMatchesSpec('uptime_update_check', 200, updated.body);
    expect(updated.body.check.enabled).toBe(false);

    expect((await call('DELETE', `/v2/uptime/checks/${id}`)).status).toBe(204);
    expect((await call('GET', `/v2/uptime/checks/${id}`)).status).toBe(404);
  });

  it('a check’s state is what probing its target finds: /health up, /health/celery down in every region', async () => {
    const { call } = await api();
    const up = (await call('POST', '/v2/uptime/checks', check('https://api.taskassistant.ai/health'))).body.check;
    const down = (await call('POST', '/v2/uptime/checks', check('https://api.taskassistant.ai/health/celery'))).body
      .check;

    const upState = await call('GET', `/v2/uptime/checks/${up.id}/state`);
    expect(upState.status).toBe(200);
    await expectMatchesSpec('uptime_get_checkState', 200, upState.body);
    expect(upState.body.state.regions.us_east).toMatchObject({ status: 'UP', thirty_day_uptime_percentage: 100 });

    const downState = await call('GET', `/v2/uptime/checks/${down.id}/state`);
    await expectMatchesSpec('uptime_get_checkState', 200, downState.body);
    expect(downState.body.state.regions.us_east.status).toBe('DOWN');
    expect(downState.body.state.regions.eu_west.status).toBe('DOWN');
  });

  it('the seeded check reports its last outage, and a host nobody serves is down', async () => {
    const { call, sandbox } = await api();
    const seeded = (await call('GET', '/v2/uptime/checks')).body.checks[0];
    const { body } = await call('GET', `/v2/uptime/checks/${seeded.id}/state`);
    await expectMatchesSpec('uptime_get_checkState', 200, body);
    expect(body.state.regions.eu_west.status).toBe('UP');
    expect(body.state.previous_outage).toMatchObject({ region: 'eu_west', duration_seconds: 240 });
    expect(body.state.regions.eu_west.thirty_day_uptime_percentage).toBeLessThan(100);

    const nowhere = (await call('POST', '/v2/uptime/checks', check('https://gone.example.invalid/health'))).body.check;
    const state = await call('GET', `/v2/uptime/checks/${nowhere.id}/state`);
    expect(state.body.state.regions.us_east.status).toBe('DOWN');
    // The probe's result stands until the next one is due on the sandbox's clock.
    sandbox.state.clock.advance(61_000);
    expect((await call('GET', `/v2/uptime/checks/${nowhere.id}/state`)).body.state.regions.us_east.status).toBe('DOWN');
  });

  it('a check’s alerts are listed and created; a malformed check or alert is refused with the API’s error body', async () => {
    const { call } = await api();
    const created = (await call('POST', '/v2/uptime/checks', check('https://api.taskassistant.ai/health'))).body.check;
    const alert = await call('POST', `/v2/uptime/checks/${created.id}/alerts`, {
      name: 'task-assistant-ai down',
      type: 'down',
      period: '2m',
      notifications: { email: ['devops@taskassistant.ai'], slack: [] },
    });
    expect(alert.status).toBe(201);
    await expectMatchesSpec('uptime_create_alert', 201, alert.body);
    const alerts = await call('GET', `/v2/uptime/checks/${created.id}/alerts`);
    await expectMatchesSpec('uptime_list_alerts', 200, alerts.body);
    expect(alerts.body.alerts).toHaveLength(1);

    const noPath = await call('POST', '/v2/uptime/checks', { ...check('https://x.example/'), target: 'not a url' });
    expect(noPath.status).toBe(422);
    expect(noPath.body).toMatchObject({ id: 'unprocessable_entity', message: expect.stringMatching(/target/) });
    const stranger = await call('POST', `/v2/uptime/checks/${created.id}/alerts`, {
      name: 'x',
      type: 'down',
      period: '2m',
      notifications: { email: ['someone@else.example'], slack: [] },
    });
    expect(stranger.status).toBe(422);
  });
});

describe('sandbox monitoring alert policies match the official DigitalOcean spec', () => {
  it('lists the droplet and database policies, and creates, updates and deletes one', async () => {
    const { call } = await api();
    const list = await call('GET', '/v2/monitoring/alerts');
    expect(list.status).toBe(200);
    await expectMatchesSpec('monitoring_list_alertPolicy', 200, list.body);
    expect(list.body.policies.map((p: { type: string }) => p.type)).toContain('v1/dbaas/alerts/cpu_alerts');

    const request = {
      type: 'v1/insights/droplet/disk_utilization_percent',
      description: 'Disk filling up',
      compare: 'GreaterThan',
      value: 80,
      window: '10m',
      entities: [],
      tags: ['presence360-production'],
      alerts: { email: ['platform@presence360.app'], slack: [] },
      enabled: true,
    };
    const created = await call('POST', '/v2/monitoring/alerts', request);
    expect(created.status).toBe(200);
    await expectMatchesSpec('monitoring_create_alertPolicy', 200, created.body);
    const uuid = created.body.policy.uuid as string;
    await expectMatchesSpec(
      'monitoring_get_alertPolicy',
      200,
      (await call('GET', `/v2/monitoring/alerts/${uuid}`)).body,
    );

    const updated = await call('PUT', `/v2/monitoring/alerts/${uuid}`, { ...request, value: 90, enabled: false });
    await expectMatchesSpec('monitoring_update_alertPolicy', 200, updated.body);
    expect(updated.body.policy).toMatchObject({ value: 90, enabled: false });

    const tooHigh = await call('PUT', `/v2/monitoring/alerts/${uuid}`, { ...request, value: 140 });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.message).toMatch(/between 0 and 100/);

    expect((await call('DELETE', `/v2/monitoring/alerts/${uuid}`)).status).toBe(204);
    expect((await call('GET', `/v2/monitoring/alerts/${uuid}`)).status).toBe(404);
  });
});

describe('the uptime domain through the real client, against the sandbox', () => {
  async function domain() {
    const setup = await api();
    const { sandbox, token, client } = setup;
    const entries: ActivityEntry[] = [];
    const uptime = createUptimeDomain({
      client: new UptimeClient({ baseUrl: sandbox.url, token: () => token }),
      apps: () => client.listApps(),
      app: (id) => client.getApp(id),
      dataDir: mkdtempSync(join(tmpdir(), 'fleetdeck-uptime-')),
      context: 'Demo fleet',
      audit: {
        start: (e) => {
          const entry: ActivityEntry = { ...e, id: String(entries.length), startedAt: '', result: 'started' };
          entries.push(entry);
          return entry;
        },
        finish: (entry, outcome) => Object.assign(entry, outcome),
      },
      toMessage: (e) => (e instanceof Error ? e.message : String(e)),
    });
    const appId = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'task-assistant-ai')!.app.id!;
    return { ...setup, uptime, appId, entries };
  }

  it('Task Assistant AI: its four health paths get checks in one click, /health/celery is down', async () => {
    const { uptime, appId, call, entries } = await domain();
    for (const path of ['/health/database', '/health/redis', '/health/celery'])
      await uptime.uptime.addHealthPath(appId, path);
    const plan = (await uptime.uptime.getTenantUptime(appId)).plan;
    expect(plan.map((p) => p.target)).toEqual([
      'https://api.taskassistant.ai/health',
      'https://api.taskassistant.ai/health/database',
      'https://api.taskassistant.ai/health/redis',
      'https://api.taskassistant.ai/health/celery',
    ]);
    const result = await uptime.uptime.createTenantUptimeChecks(appId);
    expect(result.created).toHaveLength(4);
    expect(result.uptime.summary).toMatchObject({ status: 'down', down: ['/health/celery'], checked: 4 });
    const celery = result.uptime.paths.find((p) => p.path === '/health/celery')!.check!;
    expect(celery.regions.map((r) => r.status)).toEqual(['DOWN', 'DOWN']);
    // Each check got a "down" alert to the account's email.
    const alerts = await call('GET', `/v2/uptime/checks/${celery.id}/alerts`);
    expect(alerts.body.alerts[0]).toMatchObject({ type: 'down', notifications: { email: ['founder@taskifai.com'] } });

    const again = await uptime.uptime.createTenantUptimeChecks(appId);
    expect(again.created).toEqual([]);
    expect((await call('GET', '/v2/uptime/checks')).body.checks).toHaveLength(5);
    expect(entries.filter((e) => e.action === 'uptime_checks')).toHaveLength(1);
  });

  it('an alert policy’s threshold is changed; one out of range is refused before anything is sent', async () => {
    const { uptime, sandbox } = await domain();
    const policies = await uptime.policies.list();
    const cpu = policies.find((p) => p.type === 'v1/insights/droplet/cpu')!;
    expect(cpu).toMatchObject({
      metric: 'CPU',
      unit: '%',
      appliesTo: 'tag presence360-production',
      resource: 'droplet',
    });
    const edited = await uptime.policies.update({ ...cpu, value: 70, window: '10m', enabled: false });
    expect(edited).toMatchObject({ value: 70, window: '10m', enabled: false, emails: cpu.emails });

    const before = sandbox.requests.filter((r) => r.startsWith('PUT')).length;
    await expect(uptime.policies.update({ ...cpu, value: 140 })).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(sandbox.requests.filter((r) => r.startsWith('PUT')).length).toBe(before);
  });
});
