// The sandbox's app alerts must answer like DigitalOcean's: GET /v2/apps/{id}/alerts and POST
// …/alerts/{alert_id}/destinations are checked against the official OpenAPI description, and the
// alerts service reads them through the real client over HTTP.
import { describe, expect, it } from 'vitest';
import { alertBook } from '../../src-main/sandbox/routes/alerts';
import { AlertsService } from '../../src-main/services/alerts/alertsService';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function alertsApi() {
  const setup = await sandboxWithClient();
  const { sandbox, token } = setup;
  const call = async (method: string, path: string, body?: unknown, as = token) => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: { Authorization: `Bearer ${as}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const appId = (name: string) => [...sandbox.state.apps.values()].find((r) => r.app.spec.name === name)!.app.id!;
  return { ...setup, call, appId };
}

describe('sandbox app alerts match the official DigitalOcean spec', () => {
  it('apps_list_alerts lists the alerts the spec defines, with destinations and set-up phase', async () => {
    const { call, appId } = await alertsApi();
    const { status, body } = await call('GET', `/v2/apps/${appId('taskifai-bibbi')}/alerts`);
    expect(status).toBe(200);
    await expectMatchesSpec('apps_list_alerts', 200, body);
    expect(body.alerts.map((a: { spec: { rule: string } }) => a.spec.rule)).toEqual([
      'DEPLOYMENT_FAILED',
      'DOMAIN_FAILED',
    ]);
    expect(body.alerts[0]).toMatchObject({ emails: ['founder@taskifai.com'], phase: 'ACTIVE' });
    expect(body.alerts[0].progress.steps[0]).toMatchObject({
      name: 'alert-configure-insight-alert',
      status: 'SUCCESS',
    });
    // An app-wide alert has no component_name, as in the spec's own example.
    expect(body.alerts[0].component_name).toBeUndefined();
    // Ids are the same on every read.
    const again = await call('GET', `/v2/apps/${appId('taskifai-bibbi')}/alerts`);
    expect(again.body.alerts.map((a: { id: string }) => a.id)).toEqual(body.alerts.map((a: { id: string }) => a.id));
  });

  it('customer3’s domain alert failed to set up: its Slack channel was archived', async () => {
    const { call, appId } = await alertsApi();
    const { body } = await call('GET', `/v2/apps/${appId('taskifai-customer3')}/alerts`);
    await expectMatchesSpec('apps_list_alerts', 200, body);
    const domain = body.alerts.find((a: { spec: { rule: string } }) => a.spec.rule === 'DOMAIN_FAILED');
    expect(domain.phase).toBe('ERROR');
    expect(domain.slack_webhooks).toEqual([expect.objectContaining({ channel: '#customer3-ops' })]);
    expect(domain.progress.steps[0]).toMatchObject({ status: 'ERROR', reason: { code: 'SlackWebhookRejected' } });
  });

  it('a component alert with a threshold appears as soon as the spec has it (PUT /v2/apps/{id})', async () => {
    const { call, appId, client } = await alertsApi();
    const id = appId('taskifai-bibbi');
    const app = await client.getApp(id);
    const spec = structuredClone(app.spec);
    const api = spec.services!.find((s) => s.name === 'bibbi-api')!;
    // A component's alerts are in the schema's component base; the generated union does not show them.
    Object.assign(api, {
      alerts: [{ rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: 85, window: 'FIVE_MINUTES' }],
    });
    expect((await call('PUT', `/v2/apps/${id}`, { spec })).status).toBe(200);

    const { body } = await call('GET', `/v2/apps/${id}/alerts`);
    await expectMatchesSpec('apps_list_alerts', 200, body);
    expect(body.alerts[2]).toMatchObject({
      component_name: 'bibbi-api',
      spec: { rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: 85, window: 'FIVE_MINUTES' },
      emails: [],
      phase: 'ACTIVE',
    });
    const alerts = await new AlertsService(client).listAppAlerts(id);
    expect(alerts.alerts[2]).toMatchObject({ componentName: 'bibbi-api', condition: 'CPU above 85% for 5 minutes' });
  });

  it('apps_assign_alertDestinations replaces the emails and webhooks; a new set-up clears the failure', async () => {
    const { call, appId } = await alertsApi();
    const id = appId('taskifai-customer3');
    const list = await call('GET', `/v2/apps/${id}/alerts`);
    const domain = list.body.alerts.find((a: { spec: { rule: string } }) => a.spec.rule === 'DOMAIN_FAILED');
    const destinations = {
      emails: ['ops@taskifai.com'],
      slack_webhooks: [{ url: 'https://hooks.slack.com/services/T0/B0/fresh', channel: '#ops' }],
    };
    const { status, body } = await call('POST', `/v2/apps/${id}/alerts/${domain.id}/destinations`, destinations);
    expect(status).toBe(200);
    await expectMatchesSpec('apps_assign_alertDestinations', 200, body);
    expect(body.alert).toMatchObject({ id: domain.id, phase: 'ACTIVE', ...destinations });

    const missing = await call('POST', `/v2/apps/${id}/alerts/00000000-0000-4000-8000-000000000000/destinations`, {
      emails: [],
    });
    expect(missing.status).toBe(404);
    await expectMatchesSpec('apps_assign_alertDestinations', 404, missing.body);
    const malformed = await call('POST', `/v2/apps/${id}/alerts/${domain.id}/destinations`, { emails: ['not mail'] });
    expect(malformed.status).toBe(400);
  });

  it('reading alerts needs app:read, changing where they go app:update (a read-only token is refused)', async () => {
    const { call, appId, sandbox } = await alertsApi();
    const READ_ONLY = `dop_v1_${'a1'.repeat(32)}`;
    const NO_APP_READ = `dop_v1_${'b2'.repeat(32)}`;
    sandbox.state.tokens.set(READ_ONLY, { scopes: 'read-only' });
    sandbox.state.tokens.set(NO_APP_READ, { scopes: 'read-write', lacks: ['app:read'] });
    const id = appId('taskifai-bibbi');
    expect((await call('GET', `/v2/apps/${id}/alerts`, undefined, READ_ONLY)).status).toBe(200);
    expect((await call('GET', `/v2/apps/${id}/alerts`, undefined, NO_APP_READ)).status).toBe(403);
    const [first] = (await call('GET', `/v2/apps/${id}/alerts`)).body.alerts;
    const refused = await call('POST', `/v2/apps/${id}/alerts/${first.id}/destinations`, { emails: [] }, READ_ONLY);
    expect(refused.status).toBe(403);
  });
});

describe('the alerts service, through the real client', () => {
  it('counts the failing alert and never hands the window a webhook URL', async () => {
    const { client, appId } = await alertsApi();
    const alerts = await new AlertsService(client).listAppAlerts(appId('taskifai-customer3'));
    expect(alerts.failing).toBe(1);
    const domain = alerts.alerts.find((a) => a.rule === 'DOMAIN_FAILED')!;
    expect(domain).toMatchObject({
      condition: 'A domain fails to configure',
      phase: 'ERROR',
      problem: 'Slack answered 404 channel_is_archived for #customer3-ops.',
      slack: [{ channel: '#customer3-ops', hint: 'hooks.slack.com …ok01' }],
    });
    expect(JSON.stringify(alerts)).not.toContain('/services/');
  });

  it('changing the emails keeps the Slack webhooks as they were, and the failure they cause', async () => {
    const { client, appId, sandbox } = await alertsApi();
    const id = appId('taskifai-customer3');
    const service = new AlertsService(client);
    const domain = (await service.listAppAlerts(id)).alerts.find((a) => a.rule === 'DOMAIN_FAILED')!;
    const updated = await service.setAlertEmails(id, domain.id, ['ops@taskifai.com', ' ops@taskifai.com ']);
    expect(updated.emails).toEqual(['ops@taskifai.com']);
    // The archived channel's webhook is still there, so the alert is still not set up.
    expect(updated).toMatchObject({ phase: 'ERROR', slack: [{ channel: '#customer3-ops' }] });
    expect(alertBook(sandbox.state).get(domain.id)?.slack_webhooks).toEqual([
      expect.objectContaining({ channel: '#customer3-ops', url: expect.stringContaining('hooks.slack.com') }),
    ]);
    await expect(service.setAlertEmails(id, '00000000-0000-4000-8000-000000000000', [])).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
