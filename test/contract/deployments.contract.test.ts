// The sandbox's mutations answer in the official shapes too: deploy, cancel, restart, update,
// propose (valid and 400) and the rollback calls.
import { describe, expect, it } from 'vitest';
import { setDeployTiming } from '../../src-main/sandbox/deployEngine';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function demo() {
  const { sandbox, token } = await sandboxWithClient();
  setDeployTiming(sandbox.state, { pendingMs: 60_000, stepMs: 60_000 });
  const app = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-demo')!;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(sandbox.url + path.replace('{app}', app.app.id!), {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return { app, call };
}

describe('sandbox mutations match the official DigitalOcean spec', () => {
  it('deploy, then cancel (apps_create_deployment, apps_cancel_deployment)', async () => {
    const { call } = await demo();
    const created = await call('POST', '/v2/apps/{app}/deployments', { force_build: true });
    expect(created.status).toBe(200);
    await expectMatchesSpec('apps_create_deployment', 200, created.body);
    const canceled = await call('POST', `/v2/apps/{app}/deployments/${created.body.deployment.id}/cancel`);
    expect(canceled.body.deployment.phase).toBe('CANCELED');
    await expectMatchesSpec('apps_cancel_deployment', 200, canceled.body);
  });

  it('restart (apps_restart) and update (apps_update)', async () => {
    const { call, app } = await demo();
    const restarted = await call('POST', '/v2/apps/{app}/restart', { components: ['demo-api'] });
    await expectMatchesSpec('apps_restart', 200, restarted.body);
    const updated = await call('PUT', '/v2/apps/{app}', { spec: app.app.spec });
    expect(updated.status).toBe(200);
    await expectMatchesSpec('apps_update', 200, updated.body);
  });

  it('propose prices a valid spec and answers 400 for an invalid one (apps_validate_appSpec)', async () => {
    const { call, app } = await demo();
    const ok = await call('POST', '/v2/apps/propose', { spec: app.app.spec, app_id: app.app.id });
    expect(ok.body.app_cost).toBeGreaterThan(0);
    await expectMatchesSpec('apps_validate_appSpec', 200, ok.body);
    const bad = structuredClone(app.app.spec);
    bad.services![0]!.instance_size_slug = 'apps-s-9vcpu-huge' as never;
    const refused = await call('POST', '/v2/apps/propose', { spec: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^error validating app spec field "services\.instance_size_slug"/);
    await expectMatchesSpec('apps_validate_appSpec', 400, refused.body);
  });

  it('rollback validate, rollback, commit and revert', async () => {
    const { call, app } = await demo();
    const target = app.deployments.find((d) => d.phase === 'SUPERSEDED')!;
    const check = await call('POST', '/v2/apps/{app}/rollback/validate', { deployment_id: target.id });
    expect(check.body.valid).toBe(true);
    await expectMatchesSpec('apps_validate_rollback', 200, check.body);
    const rollback = await call('POST', '/v2/apps/{app}/rollback', { deployment_id: target.id });
    expect(rollback.body.deployment.cause_details.type).toBe('MANUAL_ROLLBACK');
    await expectMatchesSpec('apps_create_rollback', 200, rollback.body);
    const pinned = await call('GET', '/v2/apps/{app}');
    expect(pinned.body.app.pinned_deployment.id).toBe(rollback.body.deployment.id);
    const refused = await call('POST', '/v2/apps/{app}/deployments', {});
    expect(refused.status).toBe(400);
    await expectMatchesSpec('apps_create_deployment', 400, refused.body);
    const reverted = await call('POST', '/v2/apps/{app}/rollback/revert');
    await expectMatchesSpec('apps_revert_rollback', 200, reverted.body);
    expect((await call('POST', '/v2/apps/{app}/rollback/commit')).status).toBe(400);
  });
});
