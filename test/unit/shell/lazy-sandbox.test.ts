// A user whose last context was a live account starts Fleetdeck: the sandbox cloud (its ports, its
// certificate) stays off until they switch to the demo fleet.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';
import { MemorySecretStore } from '../../../src-main/secrets/secretStore';
import { DEMO_CONTEXT } from '../../../src-preload/contract/accounts';

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.dispose();
  runtime = undefined;
});

async function startOnProduction(): Promise<Runtime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-lazy-'));
  const account = {
    provider: 'digitalocean',
    context: 'production',
    label: 'Production',
    scopes: ['read', 'write'],
    limitations: [],
    lastFour: 'cafe',
    status: 'ok',
    storage: 'keychain',
  };
  writeFileSync(join(dataDir, 'accounts.json'), JSON.stringify({ activeContext: 'production', accounts: [account] }));
  const secrets = new MemorySecretStore();
  await secrets.set({ provider: 'digitalocean', context: 'production' }, 'dop_v1_not_a_real_token_cafe');
  return (runtime = await startRuntime({ secrets, dataDir, logger: silentLogger }));
}

describe('the sandbox cloud starts only for the demo fleet', () => {
  it('stays off for a user on a live account, and asking for it says why', async () => {
    const app = await startOnProduction();
    expect(app.environment.mode).toBe('live');
    expect(app.sandboxStarted).toBe(false);
    expect(() => app.sandbox).toThrow(/demo context/);
  });

  it('starts when the user switches to the demo fleet, which then shows its own fleet', async () => {
    const app = await startOnProduction();
    await app.accounts.switchTo(DEMO_CONTEXT);
    expect(app.sandboxStarted).toBe(true);
    expect(app.environment).toMatchObject({ mode: 'demo', sandboxUrl: app.sandbox.url });
    const fleet = await app.dispatcher.call('listFleet', undefined);
    expect(fleet.ok).toBe(true);
  });

  it('runs from the start when the demo fleet is the active context', async () => {
    runtime = await startRuntime({ logger: silentLogger });
    expect(runtime.sandboxStarted).toBe(true);
    expect(runtime.environment.mode).toBe('demo');
  });
});
