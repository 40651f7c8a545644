import { describe, expect, it } from 'vitest';
import { deploysWithSandbox } from '../../support/sandbox';

describe('the founder rolls taskifai-demo back to its previous deployment', () => {
  it('validates first, in words, and refuses a failed deployment as a target', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const app = appNamed('taskifai-demo');
    const failed = app.deployments.find((d) => d.phase === 'ERROR')!;
    const check = await deploys.actions.validateRollback(app.app.id!, failed.id!);
    expect(check).toMatchObject({
      valid: false,
      error: expect.stringMatching(/ended ERROR; only successful deployments/),
    });
    const previous = app.deployments.find((d) => d.phase === 'SUPERSEDED')!;
    const ok = await deploys.actions.validateRollback(app.app.id!, previous.id!);
    expect(ok.valid).toBe(true);
    expect(ok.warnings.join(' ')).toMatch(/Static sites are rebuilt/);
  });

  it('is pinned after the rollback: deploys are refused until the founder keeps or undoes it', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const app = appNamed('taskifai-demo');
    const target = app.deployments.find((d) => d.phase === 'SUPERSEDED')!;
    const rollback = await deploys.actions.rollback(app.app.id!, target.id!);
    expect(app.pinnedDeploymentId).toBe(rollback.deploymentId);
    await deploys.follower.waitForEnd(rollback);
    await expect(deploys.actions.deploy(app.app.id!)).rejects.toThrow(/pinned to a rollback deployment/);

    await deploys.actions.commitRollback(app.app.id!);
    expect(app.pinnedDeploymentId).toBeUndefined();
    const next = await deploys.actions.deploy(app.app.id!);
    // Accepted and started. Deployments wait 20 ms in these tests, so a loaded machine may read
    // this one a step on, already building.
    expect(next.phase).toMatch(/^(PENDING_BUILD|BUILDING)$/);
  });

  it('undoing the rollback deploys the latest spec again and unpins', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const app = appNamed('taskifai-demo');
    const target = app.deployments.find((d) => d.phase === 'SUPERSEDED')!;
    await deploys.follower.waitForEnd(await deploys.actions.rollback(app.app.id!, target.id!));
    const revert = await deploys.actions.revertRollback(app.app.id!);
    expect(app.pinnedDeploymentId).toBeUndefined();
    expect((await deploys.follower.waitForEnd(revert)).phase).toBe('ACTIVE');
    expect(app.deployments[0]!.spec).toEqual(app.app.spec);
  });
});
