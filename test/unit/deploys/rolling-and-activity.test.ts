import { describe, expect, it } from 'vitest';
import type { RollingDeployStatus } from '../../../src-preload/contract';
import { failNextDeployment } from '../../../src-main/sandbox/deployEngine';
import { AuditLog } from '../../../src-main/services/deploys/auditLog';
import { deploysWithSandbox } from '../../support/sandbox';

async function untilDone(subscribe: (emit: (s: RollingDeployStatus) => void) => void): Promise<RollingDeployStatus> {
  return new Promise((resolve) => subscribe((s) => s.state !== 'running' && resolve(s)));
}

describe('a rolling deploy across the TaskifAI tenants', () => {
  it('deploys one at a time and halts at the first failure, saying what was not started', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const tenants = ['taskifai-demo', 'taskifai-customer3', 'taskifai-central'].map((n) => appNamed(n).app.id!);
    failNextDeployment(sandbox.state, tenants[1]!, 'build_failure');
    const started = await deploys.rolling.start({ appIds: tenants, concurrency: 1 });
    expect(started.apps.map((a) => a.state)).toEqual(['waiting', 'waiting', 'waiting']);
    const end = await untilDone((emit) => deploys.rolling.subscribe(started.id, emit));
    expect(end.state).toBe('halted');
    expect(end.apps.map((a) => [a.appName, a.state])).toEqual([
      ['taskifai-demo', 'succeeded'],
      ['taskifai-customer3', 'failed'],
      ['taskifai-central', 'not_started'],
    ]);
    expect(end.apps[1]!.message).toMatch(/non-zero exit code/);
    // The two deployments asked for; customer3's failure kept central's from being asked.
    expect(sandbox.requests.filter((r) => /^POST \/v2\/apps\/[^/]+\/deployments/.test(r)).length).toBe(2);
  });

  it('stops before the next app when canceled', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const ids = ['taskifai-demo', 'taskifai-customer3'].map((n) => appNamed(n).app.id!);
    const started = await deploys.rolling.start({ appIds: ids, concurrency: 1 });
    deploys.rolling.cancel(started.id);
    const end = await untilDone((emit) => deploys.rolling.subscribe(started.id, emit));
    expect(end.state).toBe('canceled');
    expect(end.apps.map((a) => a.state)).toEqual(['succeeded', 'canceled']);
  });
});

describe('the Activity log', () => {
  it('records who did what to which app, with the outcome, and survives a restart', async () => {
    const { deploys, appNamed, dataDir } = await deploysWithSandbox();
    const app = appNamed('taskifai-demo');
    const started = await deploys.actions.deploy(app.app.id!, true);
    await deploys.follower.waitForEnd(started);
    await expect(deploys.actions.deploy('00000000-0000-4000-8000-000000000000')).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 100));
    await deploys.audit.flush();

    const reopened = new AuditLog(dataDir);
    const entries = await reopened.list({ appId: app.app.id! });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      context: 'Demo fleet',
      action: 'deploy',
      appName: 'taskifai-demo',
      parameters: { force_build: true },
      result: 'succeeded',
      deploymentId: started.deploymentId,
    });
    expect(Date.parse(entries[0]!.endedAt!)).toBeGreaterThanOrEqual(Date.parse(entries[0]!.startedAt));
    expect(await reopened.list({ action: 'scale' })).toEqual([]);
  });
});
