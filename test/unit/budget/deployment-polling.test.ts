import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RollingDeployStatus } from '../../../src-preload/contract';
import type { Deployment } from '../../../src-main/clients/digitalocean/types';
import { silentLogger } from '../../../src-main/logging/logger';
import { VirtualClock } from '../../../src-main/services/budget/clock';
import { AppLocks } from '../../../src-main/services/deploys/appLocks';
import { AuditLog } from '../../../src-main/services/deploys/auditLog';
import { DeployActions } from '../../../src-main/services/deploys/deployActions';
import { DeploymentFollower } from '../../../src-main/services/deploys/deploymentFollower';
import { NoticeHub } from '../../../src-main/services/deploys/notices';
import { toProgress } from '../../../src-main/services/deploys/progress';
import { RollingDeploys } from '../../../src-main/services/deploys/rollingDeploys';
import { InstanceSizeCache } from '../../../src-main/services/apps/instanceSizeCache';
import { budgetedWorld, START } from './world';

const DEPLOYMENT_READ = /^GET \/v2\/apps\/[^/]+\/deployments\/[^/]+$/;

describe('following deployments within the request budget', () => {
  it('reads a deployment once per beat while the action, the Activity log and a rolling deploy all wait on it', async () => {
    const world = await budgetedWorld();
    const audit = new AuditLog(mkdtempSync(join(tmpdir(), 'fleetdeck-test-')));
    const follower = new DeploymentFollower(world.client, audit, new NoticeHub(), silentLogger, 2000, {
      clock: world.clock,
    });
    const sizes = new InstanceSizeCache(world.client);
    const actions = new DeployActions({
      client: world.client,
      sizes,
      locks: new AppLocks(),
      audit,
      follower,
      context: 'Demo fleet',
    });
    const rolling = new RollingDeploys({ client: world.client, actions, follower, audit, context: 'Demo fleet' });
    const demo = [...world.sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-demo')!.app.id!;

    const started = await rolling.start({ appIds: [demo], concurrency: 1 });
    let end: RollingDeployStatus | undefined;
    rolling.subscribe(started.id, (s) => void (s.state !== 'running' && (end = s)));
    await world.run(3 * 60_000);
    expect(end?.state).toBe('succeeded');

    const reads = world.timesOf(DEPLOYMENT_READ);
    expect(reads.length).toBeGreaterThan(3);
    // One poll: never two reads of the deployment at the same moment, always a beat apart.
    const gaps = reads.slice(1).map((at, i) => at - reads[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2000);
  });

  it('polls every 2 s for the first half-minute, then eases off to every 10 s', async () => {
    const clock = new VirtualClock(START);
    const readsAt: number[] = [];
    const building: Deployment = { id: 'dep-1', phase: 'BUILDING', created_at: new Date(START).toISOString() };
    const client = {
      getDeployment: async (): Promise<Deployment> => {
        readsAt.push(clock.now());
        return clock.now() - START < 120_000 ? building : { ...building, phase: 'ACTIVE' };
      },
    };
    const audit = new AuditLog(mkdtempSync(join(tmpdir(), 'fleetdeck-test-')));
    const follower = new DeploymentFollower(client, audit, new NoticeHub(), silentLogger, 2000, { clock });
    const ended = follower.waitForEnd(toProgress('app-1', 'tenant-1', building, START));
    await clock.runFor(5 * 60_000, () => false);
    expect((await ended).phase).toBe('ACTIVE');

    const gaps = readsAt.map((at, i) => at - (readsAt[i - 1] ?? START));
    const early = gaps.filter((_, i) => readsAt[i]! - START <= 30_000);
    expect(early.every((g) => g === 2000)).toBe(true);
    expect(gaps.slice(early.length)).toEqual([4000, 8000, 10_000, ...gaps.slice(early.length + 3).map(() => 10_000)]);
    // Two minutes of a deployment: 16 reads in the first 30 s, then one per 10 s, not 60 in all.
    expect(readsAt.length).toBeLessThan(30);
  });
});
