import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import type { AccountsOverview, EnvironmentInfo, FleetSnapshot } from '../../../src-preload/contract';
import { blockedReason } from '../../../src-renderer/actionFormat';
import { runningApp } from '../../support/runningApp';

const READ_WRITE = `dop_v1_${'a1'.repeat(32)}`;
const READ_ONLY = `dop_v1_${'b2'.repeat(32)}`;
const { start, value: call } = runningApp();

describe('switching account contexts in the running app', () => {
  it('loads the fleet of the chosen context, and a read-only context disables changes with the reason', async () => {
    await start({
      logger: silentLogger,
      accountApis: 'sandbox',
      grantSandboxTokens: [
        { token: READ_WRITE, scopes: 'read-write' },
        { token: READ_ONLY, scopes: 'read-only' },
      ],
    });
    expect((await call<EnvironmentInfo>('getEnvironment')).mode).toBe('demo');
    await call('addAccount', { provider: 'digitalocean', context: 'production', token: READ_WRITE, memoryOnly: true });
    await call('addAccount', { provider: 'digitalocean', context: 'staging', token: READ_ONLY, memoryOnly: true });

    const production = await call<AccountsOverview>('switchContext', { context: 'production' });
    expect(production.activeContext).toBe('production');
    const live = await call<EnvironmentInfo>('getEnvironment');
    expect(live).toMatchObject({ mode: 'live', contextName: 'production' });
    expect(live.readOnlyReason).toBeUndefined();
    expect((await call<FleetSnapshot>('listFleet')).apps.length).toBe(12);

    await call('switchContext', { context: 'staging' });
    const staging = await call<EnvironmentInfo>('getEnvironment');
    expect(staging.readOnlyReason).toMatch(/read-only \(it lacks app:update\)/);
    expect(blockedReason('deploy', { deploying: false, readOnlyReason: staging.readOnlyReason })).toBe(
      staging.readOnlyReason,
    );

    await call('switchContext', { context: 'Demo fleet' });
    expect((await call<EnvironmentInfo>('getEnvironment')).mode).toBe('demo');
  });

  it('a token revoked while in use marks its account as needing attention, with the API words', async () => {
    const runtime = await start({
      logger: silentLogger,
      accountApis: 'sandbox',
      grantSandboxTokens: [{ token: READ_WRITE, scopes: 'read-write' }],
    });
    await call('addAccount', { provider: 'digitalocean', context: 'production', token: READ_WRITE, memoryOnly: true });
    await call('switchContext', { context: 'production' });
    runtime.sandbox.state.tokens.delete(READ_WRITE);
    const refused = await runtime.dispatcher.call('listFleet', undefined);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: 'DigitalOcean: Unable to authenticate you.' },
    });
    await new Promise((r) => setTimeout(r, 20));
    const overview = await call<AccountsOverview>('listAccounts');
    expect(overview.accounts[0]).toMatchObject({
      status: 'needs_attention',
      problem: 'DigitalOcean: Unable to authenticate you.',
    });
    expect((await call<EnvironmentInfo>('getEnvironment')).readOnlyReason).toBe(
      'DigitalOcean: Unable to authenticate you.',
    );
  });
});
