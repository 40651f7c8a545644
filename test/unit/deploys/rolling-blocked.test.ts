// A rolling deploy never tries an app it already knows is blocked: a pinned tenant (or a read-only
// context) would fail and halt the run before the tenants after it. Main decides, not the dialog.
import { describe, expect, it } from 'vitest';
import type { RollingDeployStatus } from '../../../src-preload/contract';
import { deploysWithSandbox } from '../../support/sandbox';

async function untilDone(subscribe: (emit: (s: RollingDeployStatus) => void) => void): Promise<RollingDeployStatus> {
  return new Promise((resolve) => subscribe((s) => s.state !== 'running' && resolve(s)));
}

/** Deployments asked of the API, by app id (rollback checks and reads are not deployments). */
const deploysSent = (requests: string[], appId: string) =>
  requests.filter((r) => r.startsWith(`POST /v2/apps/${appId}/deployments`)).length;

describe('a rolling deploy over a selection that includes multivio-api, pinned by a rollback', () => {
  it('skips multivio-api when asked to, says why, and deploys the tenants after it', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const [demo, multivio, customer3] = ['taskifai-demo', 'multivio-api', 'taskifai-customer3'].map(
      (n) => appNamed(n).app.id!,
    );

    const started = await deploys.rolling.start({
      appIds: [demo!, multivio!, customer3!],
      concurrency: 1,
      skipBlocked: true,
    });
    expect(started.apps.map((a) => a.appName)).toEqual(['taskifai-demo', 'taskifai-customer3']);
    expect(started.skipped).toEqual([
      {
        appId: multivio,
        appName: 'multivio-api',
        reason: expect.stringMatching(/^Pinned to deployment \w{8} by a rollback/),
      },
    ]);

    const end = await untilDone((emit) => deploys.rolling.subscribe(started.id, emit));
    expect(end.state).toBe('succeeded');
    expect(end.apps.map((a) => [a.appName, a.state])).toEqual([
      ['taskifai-demo', 'succeeded'],
      ['taskifai-customer3', 'succeeded'],
    ]);
    expect(deploysSent(sandbox.requests, multivio!)).toBe(0);

    await new Promise((r) => setTimeout(r, 50));
    const [entry] = await deploys.audit.list({ action: 'rolling_deploy' });
    expect(entry).toMatchObject({
      result: 'succeeded',
      target: 'taskifai-demo, taskifai-customer3',
      parameters: { apps: 2, skipped: 'multivio-api' },
    });
    expect(entry!.message).toMatch(
      /2 deployed, 0 failed, 0 not started, 1 skipped\. Skipped \(blocked\): multivio-api — Pinned/,
    );
  });

  it('refuses to start when blocked apps are not to be skipped, naming them, and sends nothing', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const ids = ['taskifai-demo', 'multivio-api'].map((n) => appNamed(n).app.id!);

    await expect(deploys.rolling.start({ appIds: ids, concurrency: 1 })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /^Nothing was started: multivio-api \(pinned to deployment \w{8} by a rollback\) is blocked\. Skip blocked apps/,
      ),
    });
    expect(ids.map((id) => deploysSent(sandbox.requests, id))).toEqual([0, 0]);

    await new Promise((r) => setTimeout(r, 50));
    const [entry] = await deploys.audit.list({ action: 'rolling_deploy' });
    expect(entry).toMatchObject({ result: 'refused', parameters: { apps: 2, blocked: 'multivio-api' } });
  });

  it('refuses to start when every selected app is blocked, even with skip chosen', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    await expect(
      deploys.rolling.start({ appIds: [appNamed('multivio-api').app.id!], concurrency: 1, skipBlocked: true }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Nothing was started: the selected app is blocked — multivio-api \(pinned/),
    });
  });
});

describe('a rolling deploy in a context whose token is read-only', () => {
  it('refuses before any deployment is asked for, and says the token is read-only', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox({ readOnly: true });
    const ids = ['taskifai-demo', 'taskifai-customer3'].map((n) => appNamed(n).app.id!);
    await expect(deploys.rolling.start({ appIds: ids, concurrency: 1, skipBlocked: true })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/Nothing was started: the DigitalOcean token of this context is read-only/),
    });
    expect(ids.map((id) => deploysSent(sandbox.requests, id))).toEqual([0, 0]);
  });
});
