// Starts a real sandbox cloud on loopback for a test, and a real DigitalOcean client pointed at it.
import { afterEach } from 'vitest';
import { DigitalOceanClient } from '../../src-main/clients/digitalocean/client';
import type { RetryPolicy } from '../../src-main/clients/http/retryPolicy';
import { createSandboxState } from '../../src-main/sandbox/demoCloud';
import type { RateLimitOptions } from '../../src-main/sandbox/rateLimiter';
import { startSandbox, type RunningSandbox } from '../../src-main/sandbox/server';

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export const FIXED_NOW = Date.parse('2026-11-20T12:00:00Z');

export async function sandboxWithClient(
  options: { syntheticApps?: number; rateLimits?: RateLimitOptions; retryPolicy?: RetryPolicy } = {},
) {
  const { state, token } = createSandboxState({ syntheticApps: options.syntheticApps, nowMs: FIXED_NOW });
  const sandbox = await startSandbox({ state, rateLimits: options.rateLimits });
  running.push(sandbox);
  const sleeps: number[] = [];
  const client = new DigitalOceanClient({
    baseUrl: sandbox.url,
    token: () => token,
    retryPolicy: options.retryPolicy,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { sandbox, client, token, sleeps };
}

/** The demo's staging account (Presence360's staging, its own sandbox world and token) and a client on it. */
export async function stagingSandboxWithClient() {
  const { createStagingState } = await import('../../src-main/sandbox/stagingCloud');
  const { state, token } = createStagingState({ nowMs: FIXED_NOW });
  const sandbox = await startSandbox({ state });
  running.push(sandbox);
  const client = new DigitalOceanClient({ baseUrl: sandbox.url, token: () => token });
  return { sandbox, client, token, sleeps: [] as number[] };
}

/** The deploys domain wired to a real client against a sandbox whose deployments run in ms. */
export async function deploysWithSandbox(options: { readOnly?: boolean; pollMs?: number } = {}) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { setDeployTiming } = await import('../../src-main/sandbox/deployEngine');
  const { createDeploysDomain } = await import('../../src-main/services/deploys');
  const { InstanceSizeCache } = await import('../../src-main/services/apps/instanceSizeCache');
  const { silentLogger } = await import('../../src-main/logging/logger');
  const setup = await sandboxWithClient();
  if (options.readOnly) setup.sandbox.state.tokens.set(setup.token, { scopes: 'read-only' });
  setDeployTiming(setup.sandbox.state, { pendingMs: 20, stepMs: 15 });
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-test-'));
  const deploys = createDeploysDomain({
    client: setup.client,
    sizes: new InstanceSizeCache(setup.client),
    dataDir,
    context: 'Demo fleet',
    log: silentLogger,
    pollMs: options.pollMs ?? 30,
    healthChecks: { attempts: 3, intervalMs: 20 },
  });
  const appNamed = (name: string) => {
    const record = [...setup.sandbox.state.apps.values()].find((r) => r.app.spec.name === name);
    if (!record) throw new Error(`no demo app ${name}`);
    return record;
  };
  return { ...setup, deploys, dataDir, appNamed };
}

/** The infrastructure domain on the same sandbox and token (droplets, balancers, clusters). */
export async function infrastructureFor(setup: { sandbox: RunningSandbox; token: string; client: DigitalOceanClient }) {
  const { InfrastructureClient } = await import('../../src-main/clients/digitalocean/infrastructure');
  const { createInfrastructureDomain } = await import('../../src-main/services/infrastructure');
  return createInfrastructureDomain({
    client: new InfrastructureClient({ baseUrl: setup.sandbox.url, token: () => setup.token }),
    fleet: setup.client,
    context: 'Demo fleet',
    pollMs: 20,
    now: () => setup.sandbox.state.clock.now(),
  });
}
