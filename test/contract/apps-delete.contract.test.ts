// Deleting an app in the sandbox answers like DigitalOcean's DELETE /v2/apps/{id} (apps_delete): 200
// with the deleted app's id, 404 for an id it does not know, 403 for a token without app:delete.
// What the sandbox kept for the app goes with it: its deployments, their logs, its alerts'
// destinations and its hostnames.
import { describe, expect, it } from 'vitest';
import { setDeployTiming } from '../../src-main/sandbox/deployEngine';
import { appHosts } from '../../src-main/sandbox/dns/answers';
import { alertBook } from '../../src-main/sandbox/routes/alerts';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function deletable() {
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
  const record = (name: string) => [...sandbox.state.apps.values()].find((r) => r.app.spec.name === name)!;
  return { ...setup, call, record };
}

describe('deleting an app (apps_delete)', () => {
  it('answers 200 with the id, and the app, its deployments, logs, alerts and hosts are gone', async () => {
    const { sandbox, call, record } = await deletable();
    setDeployTiming(sandbox.state, { pendingMs: 60_000, stepMs: 60_000 });
    const bibbi = record('taskifai-bibbi');
    const id = bibbi.app.id!;
    const host = new URL(bibbi.app.default_ingress!).hostname;
    // A deployment still running when the app goes, and alerts with destinations.
    const running = await call('POST', `/v2/apps/${id}/deployments`, { force_build: true });
    expect(running.status).toBe(200);
    const alerts = (await call('GET', `/v2/apps/${id}/alerts`)).body.alerts as Array<{ id: string }>;
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.some((a) => alertBook(sandbox.state).has(a.id))).toBe(true);
    expect(appHosts(sandbox.state).has(host)).toBe(true);
    const appsBefore = sandbox.state.apps.size;

    const deleted = await call('DELETE', `/v2/apps/${id}`);
    expect(deleted).toEqual({ status: 200, body: { id } });
    await expectMatchesSpec('apps_delete', 200, deleted.body);

    expect(sandbox.state.apps.size).toBe(appsBefore - 1);
    expect((await call('GET', `/v2/apps/${id}`)).status).toBe(404);
    const listed = (await call('GET', '/v2/apps?per_page=200')).body.apps as Array<{ id: string }>;
    expect(listed.map((a) => a.id)).not.toContain(id);
    expect((await call('GET', `/v2/apps/${id}/deployments`)).status).toBe(404);
    const logs = await call('GET', `/v2/apps/${id}/deployments/${running.body.deployment.id}/logs?type=BUILD`);
    expect(logs.status).toBe(404);
    expect((await call('GET', `/v2/apps/${id}/alerts`)).status).toBe(404);
    for (const alert of alerts) expect(alertBook(sandbox.state).has(alert.id)).toBe(false);
    expect(appHosts(sandbox.state).has(host)).toBe(false);
    // Other apps are untouched.
    expect((await call('GET', `/v2/apps/${record('taskifai-demo').app.id}`)).status).toBe(200);
  });

  it('answers 404 for an app it does not know, and a second delete of the same app too', async () => {
    const { call, record } = await deletable();
    const unknown = await call('DELETE', '/v2/apps/4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf');
    expect(unknown.status).toBe(404);
    await expectMatchesSpec('apps_delete', 404, unknown.body);
    const id = record('taskifai-demo').app.id!;
    expect((await call('DELETE', `/v2/apps/${id}`)).status).toBe(200);
    const again = await call('DELETE', `/v2/apps/${id}`);
    expect(again.status).toBe(404);
    await expectMatchesSpec('apps_delete', 404, again.body);
  });

  it('refuses a token without app:delete (403) and deletes nothing', async () => {
    const { sandbox, call, record } = await deletable();
    const scoped = `dop_v1_${'5c0bed'.repeat(10).slice(0, 64)}`;
    sandbox.state.tokens.set(scoped, { scopes: 'read-write', lacks: ['app:delete'] });
    const id = record('taskifai-demo').app.id!;
    const refused = await call('DELETE', `/v2/apps/${id}`, undefined, scoped);
    expect(refused.status).toBe(403);
    expect(sandbox.state.apps.has(id)).toBe(true);
  });

  it('the client deletes through it and reads back the id', async () => {
    const { client, record, sandbox } = await deletable();
    const id = record('taskifai-demo').app.id!;
    await expect(client.deleteApp(id)).resolves.toBe(id);
    expect(sandbox.state.apps.has(id)).toBe(false);
    await expect(client.deleteApp(id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
