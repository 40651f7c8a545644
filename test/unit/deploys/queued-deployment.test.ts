// taskifai-bibbi's push is building when the founder deploys again. App Platform runs one
// deployment at a time: the build goes on, the new deployment waits as the app's pending
// deployment, and the overview says one is waiting. Asking again replaces the waiting one (it ends
// CANCELED), never the build; when the build ends, the waiting one begins by itself.
import { describe, expect, it } from 'vitest';
import { SANDBOX_INSTANCE_SIZES } from '../../../src-main/sandbox/catalog';
import { toFleetApp } from '../../../src-main/services/apps/appView';
import { InstanceSizeCatalog } from '../../../src-main/services/apps/instanceSizes';
import { sandboxWithClient } from '../../support/sandbox';

const catalog = new InstanceSizeCatalog(SANDBOX_INSTANCE_SIZES);

async function bibbiBuilding() {
  const setup = await sandboxWithClient();
  const record = [...setup.sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-bibbi')!;
  const id = record.app.id!;
  const building = await setup.client.getApp(id);
  expect(building.in_progress_deployment?.phase).toBe('BUILDING');
  return { ...setup, id, buildId: building.in_progress_deployment!.id! };
}

describe('a deploy asked for while a build runs', () => {
  it('waits as the pending deployment while the build goes on, and the overview says so', async () => {
    const { client, id, buildId } = await bibbiBuilding();

    const asked = await client.createDeployment(id);

    expect(asked.phase).toBe('PENDING_BUILD');
    const app = await client.getApp(id);
    expect(app.in_progress_deployment?.id).toBe(buildId);
    expect(app.in_progress_deployment?.phase).toBe('BUILDING');
    expect(app.pending_deployment?.id).toBe(asked.id);
    const row = toFleetApp(app, catalog);
    expect(row.inProgressDeployment?.id).toBe(buildId);
    expect(row.queuedDeployment?.id).toBe(asked.id);
  });

  it('a spec update names the deployment it started as pending, as the spec guarantees', async () => {
    const { client, id } = await bibbiBuilding();
    const app = await client.getApp(id);

    const updated = await client.updateApp(id, app.spec);

    const deployments = await client.listDeployments(id);
    expect(updated.pending_deployment?.id).toBe(deployments[0]?.id);
    expect(updated.pending_deployment?.cause).toBe('app spec updated');
  });

  it('a newer request replaces the waiting one, not the build', async () => {
    const { client, id, buildId } = await bibbiBuilding();
    const first = await client.createDeployment(id);

    const second = await client.createDeployment(id);

    const deployments = await client.listDeployments(id);
    const phaseOf = (deploymentId: string | undefined) => deployments.find((d) => d.id === deploymentId)?.phase;
    expect(phaseOf(first.id)).toBe('CANCELED');
    expect(phaseOf(buildId)).toBe('BUILDING');
    expect((await client.getApp(id)).pending_deployment?.id).toBe(second.id);
  });

  it('begins by itself once the build ends, and goes live after it', async () => {
    const { client, sandbox, id, buildId } = await bibbiBuilding();
    const asked = await client.createDeployment(id);

    await client.cancelDeployment(id, buildId);
    let app = await client.getApp(id);
    expect(app.in_progress_deployment?.id).toBe(asked.id);
    expect(toFleetApp(app, catalog).queuedDeployment).toBeUndefined();

    sandbox.state.clock.advance(60 * 60_000);
    app = await client.getApp(id);
    expect(app.active_deployment?.id).toBe(asked.id);
    expect(app.in_progress_deployment).toBeUndefined();
  });
});

describe('what the API may name as pending on a read', () => {
  it('is not shown as waiting when it is the running or the live deployment (godo #601)', () => {
    const running = { id: 'run', phase: 'BUILDING' as const, created_at: '2026-11-20T11:00:00Z' };
    const live = { id: 'live', phase: 'ACTIVE' as const, created_at: '2026-11-20T10:00:00Z' };
    const spec = { name: 'shop' };
    expect(
      toFleetApp({ id: 'a', spec, in_progress_deployment: running, pending_deployment: running }, catalog)
        .queuedDeployment,
    ).toBeUndefined();
    expect(
      toFleetApp({ id: 'a', spec, in_progress_deployment: running, pending_deployment: live }, catalog)
        .queuedDeployment,
    ).toBeUndefined();
  });
});
