// Starts a real sandbox cloud on loopback for a test, and a real DigitalOcean client pointed at it.
import { afterEach } from 'vitest';
import { DigitalOceanClient } from '../../src-main/clients/digitalocean/client';
import type { RetryPolicy } from '../../src-main/clients/http/retryPolicy';
import { createSandboxState } from '../../src-main/runtime';
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
