import { describe, expect, it } from 'vitest';
import { failNextDeployment, setDeployTiming } from '../../../src-main/sandbox/deployEngine';
import { ApiError } from '../../../src-main/clients/http/apiError';
import { deploysWithSandbox } from '../../support/sandbox';

const posts = (requests: string[]) => requests.filter((r) => r.startsWith('POST'));

describe('the founder deploys the latest code to taskifai-demo', () => {
  it('goes PENDING_BUILD → BUILDING → DEPLOYING → ACTIVE and the old deployment is superseded', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    // Each step takes a simulated minute and the clock moves one minute per read, so every phase
    // is seen however slowly the machine runs the polls.
    setDeployTiming(sandbox.state, { pendingMs: 60_000, stepMs: 60_000 });
    const app = appNamed('taskifai-demo');
    const previous = app.deployments.find((d) => d.phase === 'ACTIVE')!;
    const started = await deploys.actions.deploy(app.app.id!);
    expect(started.phase).toBe('PENDING_BUILD');
    const phases = new Set<string>([started.phase]);
    const end = await deploys.follower.waitForEnd(started, (p) => {
      phases.add(p.phase);
      sandbox.state.clock.advance(60_000);
    });
    expect(end.phase).toBe('ACTIVE');
    expect([...phases]).toEqual(expect.arrayContaining(['PENDING_BUILD', 'BUILDING', 'DEPLOYING', 'ACTIVE']));
    expect(end.steps.every((s) => s.status === 'SUCCESS')).toBe(true);
    expect(previous.phase).toBe('SUPERSEDED');
  });

  it('sees the failed build step and its reason, while the previous deployment stays live', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const app = appNamed('taskifai-demo');
    const previous = app.deployments.find((d) => d.phase === 'ACTIVE')!;
    failNextDeployment(sandbox.state, app.app.id!, 'build_failure');
    const end = await deploys.follower.waitForEnd(await deploys.actions.deploy(app.app.id!));
    expect(end.phase).toBe('ERROR');
    const failed = end.steps.find((s) => s.status === 'ERROR');
    expect(failed?.label).toMatch(/^Building/);
    expect(failed?.reason).toMatch(/non-zero exit code/);
    expect(previous.phase).toBe('ACTIVE');
  });

  it('sees a failing health check end in ERROR with the previous deployment still ACTIVE', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const app = appNamed('odoo-saas-platform');
    const previous = app.deployments.find((d) => d.phase === 'ACTIVE')!;
    failNextDeployment(sandbox.state, app.app.id!, 'health_check_failure');
    const end = await deploys.follower.waitForEnd(await deploys.actions.deploy(app.app.id!));
    expect(end.phase).toBe('ERROR');
    expect(end.steps.find((s) => s.status === 'ERROR')?.reason).toMatch(/health checks/);
    expect(previous.phase).toBe('ACTIVE');
  });

  it('cancels a deployment in progress', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const app = appNamed('taskifai-demo');
    const { setDeployTiming } = await import('../../../src-main/sandbox/deployEngine');
    setDeployTiming(sandbox.state, { pendingMs: 10_000, stepMs: 10_000 });
    const started = await deploys.actions.deploy(app.app.id!);
    const canceled = await deploys.actions.cancel(app.app.id!, started.deploymentId);
    expect(canceled.phase).toBe('CANCELED');
    expect(canceled.terminal).toBe(true);
    await expect(deploys.actions.cancel(app.app.id!, started.deploymentId)).rejects.toThrow(
      /can no longer be canceled/,
    );
  });

  it('cancels a pushed commit that was building, deploys again and gets that commit, not the live one', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const bibbi = appNamed('taskifai-bibbi');
    const commitOf = (id: string | undefined) =>
      bibbi.deployments.find((d) => d.id === id)?.services?.find((s) => s.source_commit_hash)?.source_commit_hash;
    const building = bibbi.deployments.find((d) => d.phase === 'BUILDING')!;
    const live = bibbi.deployments.find((d) => d.phase === 'ACTIVE')!;
    expect(commitOf(building.id)).not.toBe(commitOf(live.id));

    await deploys.actions.cancel(bibbi.app.id!, building.id!);
    const again = await deploys.actions.deploy(bibbi.app.id!);
    expect(commitOf(again.deploymentId)).toBe(commitOf(building.id));

    // A restart reuses the live build; the next deploy still builds the branch's latest commit.
    await deploys.follower.waitForEnd(again);
    const restart = await deploys.actions.restart(bibbi.app.id!);
    await deploys.follower.waitForEnd(restart);
    const third = await deploys.actions.deploy(bibbi.app.id!);
    expect(commitOf(third.deploymentId)).toBe(commitOf(building.id));
  });

  it('restarts chosen components without a build', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const app = appNamed('superset-analytics');
    const started = await deploys.actions.restart(app.app.id!, ['superset-worker']);
    expect(started.phase).toBe('PENDING_DEPLOY');
    expect(started.cause).toBe('restart of superset-worker');
    const end = await deploys.follower.waitForEnd(started);
    expect(end.phase).toBe('ACTIVE');
    expect(end.steps.some((s) => s.name === 'build')).toBe(false);
  });
});

describe('a mutation is never sent twice', () => {
  it('a double click sends one deploy; the second is refused while the first is in flight', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const id = appNamed('taskifai-demo').app.id!;
    sandbox.faults.latencyMs = 50;
    const [first, second] = await Promise.allSettled([deploys.actions.deploy(id), deploys.actions.deploy(id)]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(posts(sandbox.requests)).toEqual([`POST /v2/apps/${id}/deployments`]);
  });

  it('when the answer is lost after the deploy happened, re-reads the deployments instead of sending again', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const record = appNamed('taskifai-demo');
    const before = record.deployments.length;
    sandbox.faults.inject({
      method: 'POST',
      pathPrefix: `/v2/apps/${record.app.id}/deployments`,
      kind: 'drop_after_handling',
    });
    const progress = await deploys.actions.deploy(record.app.id!);
    expect(record.deployments).toHaveLength(before + 1);
    expect(progress.deploymentId).toBe(record.deployments[0]!.id);
    expect(posts(sandbox.requests)).toHaveLength(1);
  });

  it('when the request never arrived, says it did not happen and sends nothing more', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const record = appNamed('taskifai-demo');
    const before = record.deployments.length;
    sandbox.faults.inject({ method: 'POST', pathPrefix: `/v2/apps/${record.app.id}/deployments`, kind: 'drop' });
    const error = await deploys.actions.deploy(record.app.id!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unknown_outcome' });
    expect((error as Error).message).toMatch(/shows no new deployment: it did not happen/);
    expect(record.deployments).toHaveLength(before);
    expect(posts(sandbox.requests)).toHaveLength(1);
  });

  it('a read-only token is told the action is not allowed', async () => {
    const { deploys, appNamed } = await deploysWithSandbox({ readOnly: true });
    await expect(deploys.actions.deploy(appNamed('taskifai-demo').app.id!)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
