// A founder switches from the demo fleet to their staging account (read-only) and then to
// production. Every action must go out with the token of the context that is active when it is
// asked for, and the Activity log must name that context.
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import type { Runtime } from '../../../src-main/runtime';
import type {
  ActivityEntry,
  DeploymentProgress,
  FleetSnapshot,
  Result,
  RollingDeployStatus,
} from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';

const PRODUCTION = `dop_v1_${'c3'.repeat(32)}`;
const STAGING = `dop_v1_${'d4'.repeat(32)}`;
const { start, call, value } = runningApp();

/** Every Bearer token the sandbox looked up, in order. */
function tokensSeenBy(runtime: Runtime): string[] {
  const seen: string[] = [];
  const tokens = runtime.sandbox.state.tokens;
  const lookUp = tokens.get.bind(tokens);
  tokens.get = (token: string) => {
    seen.push(token);
    return lookUp(token);
  };
  return seen;
}

async function startWithContexts(): Promise<{ runtime: Runtime; seen: string[] }> {
  const runtime = await start({
    logger: silentLogger,
    accountApis: 'sandbox',
    deployPollMs: 5,
    grantSandboxTokens: [
      { token: PRODUCTION, scopes: 'read-write' },
      { token: STAGING, scopes: 'read-only' },
    ],
  });
  await value('addAccount', { provider: 'digitalocean', context: 'production', token: PRODUCTION, memoryOnly: true });
  await value('addAccount', { provider: 'digitalocean', context: 'staging', token: STAGING, memoryOnly: true });
  return { runtime, seen: tokensSeenBy(runtime) };
}

async function someApp(): Promise<{ id: string; name: string }> {
  const fleet = await value<FleetSnapshot>('listFleet');
  const app = fleet.apps.find((a) => a.name === 'taskifai-bibbi') ?? fleet.apps[0]!;
  return { id: app.id, name: app.name };
}

describe('actions follow the account context that is active when they are asked for', () => {
  it('after a switch to a read-only context, a deploy is refused with that context token, not the demo one', async () => {
    const { runtime, seen } = await startWithContexts();
    // The demo context's actions were built first; they must not be the ones that answer later.
    const app = await someApp();
    await value('switchContext', { context: 'staging' });
    seen.length = 0;

    const deploy = await call<DeploymentProgress>('deployApp', { appId: app.id });
    expect(deploy).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(new Set(seen)).toEqual(new Set([STAGING]));
    expect(seen).not.toContain(runtime.sandboxToken);
  });

  it('deploy, restart and a rolling deploy in production go out with production token and are logged as production', async () => {
    const { runtime, seen } = await startWithContexts();
    await value('switchContext', { context: 'production' });
    const app = await someApp();
    seen.length = 0;

    const deployed = await value<DeploymentProgress>('deployApp', { appId: app.id });
    expect(deployed.appId).toBe(app.id);
    await finishDeployment(runtime, app.id, deployed.deploymentId);
    // The app's lock holds until main's follower sees the deploy begin; a refusal sends nothing, so asking again is safe.
    const restarted = await vi.waitFor(() => value<DeploymentProgress>('restartApp', { appId: app.id }));
    await finishDeployment(runtime, app.id, restarted.deploymentId);
    const rolling = await value<RollingDeployStatus>('startRollingDeploy', { appIds: [app.id], concurrency: 1 });
    expect(rolling.apps).toHaveLength(1);

    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([PRODUCTION]));
    expect(seen).not.toContain(runtime.sandboxToken);
    const activity = await value<ActivityEntry[]>('listActivity', {});
    const actions = new Set(activity.map((entry) => entry.action));
    expect(actions).toEqual(new Set(['deploy', 'restart', 'rolling_deploy']));
    expect(new Set(activity.map((entry) => entry.context))).toEqual(new Set(['production']));
  });

  it('switching back to the demo fleet acts with the sandbox token again', async () => {
    const { runtime, seen } = await startWithContexts();
    await value('switchContext', { context: 'production' });
    await value('switchContext', { context: 'Demo fleet' });
    const app = await someApp();
    seen.length = 0;

    const restart: Result<DeploymentProgress> = await call('restartApp', { appId: app.id });
    expect(restart.ok).toBe(true);
    expect(new Set(seen)).toEqual(new Set([runtime.sandboxToken]));
    const [entry] = await value<ActivityEntry[]>('listActivity', { appId: app.id, action: 'restart' });
    expect(entry?.context).toBe('Demo fleet');
  });
});

/** Moves the sandbox's clock past a whole deployment, so the next action is not refused as busy. */
async function finishDeployment(runtime: Runtime, appId: string, deploymentId: string): Promise<void> {
  runtime.sandbox.state.clock.advance(30 * 60_000);
  const progress = await value<DeploymentProgress>('getDeploymentProgress', { appId, deploymentId });
  expect(progress.terminal).toBe(true);
}
