// The sandbox's app creation and spec validation answer in the official shapes: POST /v2/apps
// (200 with the new app and its first deployment, 400 for an invalid spec, 409 for a taken
// name) and POST /v2/apps/propose for a new app's spec.
import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../../src-main/clients/digitalocean/types';
import { setDeployTiming } from '../../src-main/sandbox/deployEngine';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function sandbox() {
  const { sandbox, token } = await sandboxWithClient();
  setDeployTiming(sandbox.state, { pendingMs: 60_000, stepMs: 60_000 });
  const template = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-customer3')!;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const tenant = (name: string): AppSpec => {
    const spec = structuredClone(template.app.spec);
    spec.name = name;
    spec.domains = [{ domain: `${name}.taskifai.com`, type: 'PRIMARY' }];
    return spec;
  };
  return { sandbox, call, tenant, template };
}

describe('sandbox app creation matches the official DigitalOcean spec', () => {
  it('creates an app with a default ingress and its first deployment (apps_create 200)', async () => {
    const { call, tenant, template } = await sandbox();
    const created = await call('POST', '/v2/apps', {
      spec: tenant('taskifai-customer4'),
      project_id: template.app.project_id,
    });
    expect(created.status).toBe(200);
    await expectMatchesSpec('apps_create', 200, created.body);
    const app = created.body.app;
    expect(app.default_ingress).toMatch(/^https:\/\/taskifai-customer4-[a-z0-9]{5}\.ondigitalocean\.app$/);
    expect(app.in_progress_deployment).toMatchObject({ phase: 'PENDING_BUILD', cause: 'initial deployment' });
    expect(app.domains).toEqual([
      expect.objectContaining({
        phase: 'PENDING',
        spec: { domain: 'taskifai-customer4.taskifai.com', type: 'PRIMARY' },
      }),
    ]);
    expect(app.project_id).toBe(template.app.project_id);
    const read = await call('GET', `/v2/apps/${app.id}`);
    expect(read.body.app.spec).toEqual(tenant('taskifai-customer4'));
    await expectMatchesSpec('apps_get', 200, read.body);
  });

  it('answers 400 for an invalid spec, its field named without indexes, and 409 for a name another app has (apps_create default)', async () => {
    const { call, tenant, sandbox: s } = await sandbox();
    const before = s.state.apps.size;
    const invalid = tenant('taskifai-customer5');
    invalid.services![0]!.instance_count = 0;
    const refused = await call('POST', '/v2/apps', { spec: invalid });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      id: 'invalid_argument',
      message: `error validating app spec field "services.instance_count": must be between 1 and 250 (component "${invalid.services![0]!.name}")`,
    });
    await expectMatchesSpec('apps_create', 400, refused.body);
    const taken = await call('POST', '/v2/apps', { spec: tenant('taskifai-bibbi') });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      id: 'conflict',
      message: expect.stringContaining('"taskifai-bibbi" already exists'),
    });
    await expectMatchesSpec('apps_create', 409, taken.body);
    expect(s.state.apps.size).toBe(before);
  });

  it('propose prices a new app and says whether its name is free (apps_validate_appSpec)', async () => {
    const { call, tenant } = await sandbox();
    const free = await call('POST', '/v2/apps/propose', { spec: tenant('taskifai-customer4') });
    expect(free.status).toBe(200);
    expect(free.body).toMatchObject({ app_name_available: true, app_cost: expect.any(Number) });
    await expectMatchesSpec('apps_validate_appSpec', 200, free.body);
    const taken = await call('POST', '/v2/apps/propose', { spec: tenant('taskifai-bibbi') });
    // Protobuf JSON leaves false out: a taken name has no app_name_available at all.
    expect(taken.body).toMatchObject({ app_name_suggestion: 'taskifai-bibbi-2' });
    expect(taken.body).not.toHaveProperty('app_name_available');
    await expectMatchesSpec('apps_validate_appSpec', 200, taken.body);
  });
});

describe('what propose charges, as DigitalOcean prices it', () => {
  const staticSite = (name: string) => ({
    name,
    region: 'fra',
    static_sites: [{ name: 'web', github: { repo: 'taskifai/site', branch: 'main' } }],
  });

  it('a static-only app among the first three is free, and then app_cost is left out entirely', async () => {
    const { call } = await sandbox();
    const free = await call('POST', '/v2/apps/propose', { spec: staticSite('landing-page') });
    expect(free.status).toBe(200);
    expect(free.body).not.toHaveProperty('app_cost');
    expect(free.body).toMatchObject({ app_is_static: true, max_free_static_apps: '3' });
    await expectMatchesSpec('apps_validate_appSpec', 200, free.body);
  });

  it('a dev database adds $7 a month; a managed cluster adds nothing to the app', async () => {
    const { call, tenant } = await sandbox();
    const plain = await call('POST', '/v2/apps/propose', { spec: tenant('taskifai-customer5') });
    const spec = tenant('taskifai-customer5') as { databases?: unknown[] };
    const withDev = await call('POST', '/v2/apps/propose', {
      spec: { ...spec, databases: [{ name: 'dev-db', engine: 'PG' }] },
    });
    const withCluster = await call('POST', '/v2/apps/propose', {
      spec: { ...spec, databases: [{ name: 'db', engine: 'PG', production: true, cluster_name: 'presence360-pg' }] },
    });
    const cost = (body: Record<string, unknown>) => Number(body.app_cost ?? 0);
    expect(cost(withDev.body) - cost(plain.body)).toBe(7);
    expect(cost(withCluster.body)).toBe(cost(plain.body));
  });
});
