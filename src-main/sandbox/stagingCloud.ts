// The demo's second DigitalOcean account: Presence360's staging, which guide 002 keeps in an
// account of its own. It is a sandbox server of its own with its own state and token, not a
// second token on the demo fleet's server: a separate account is a separate API world — its own
// droplets, clusters, projects, bill and rate limit — and a token of one account must see nothing
// of the other, which two servers make true by construction rather than by filtering every route.
// It holds no App Platform apps, DNS zones, Supabase or GitHub: Presence360's staging runs on
// droplets. runtime.ts loads this with a dynamic import on the first switch to its context.
import { randomBytes } from 'node:crypto';
import type { DemoCloudOptions } from './demoCloud';
import { buildStagingInfrastructure } from './seed/demoInfrastructure';
import { startSandbox, type RunningSandbox } from './server';
import { createClock, type SandboxState } from './state';

export interface StagingCloud {
  sandbox: RunningSandbox;
  /** The per-run credential its API accepts (never leaves the main process). */
  token: string;
}

export function createStagingState(options: Pick<DemoCloudOptions, 'nowMs'> = {}): {
  state: SandboxState;
  token: string;
} {
  const nowMs = options.nowMs ?? Date.now();
  const token = `sandbox_${randomBytes(16).toString('hex')}`;
  return {
    token,
    state: {
      clock: createClock(nowMs),
      apps: new Map(),
      tokens: new Map([[token, { scopes: 'read-write', email: 'staging@presence360.app' }]]),
      infra: buildStagingInfrastructure(nowMs),
    },
  };
}

export async function startStagingCloud(options: DemoCloudOptions = {}): Promise<StagingCloud> {
  const { state, token } = createStagingState(options);
  const sandbox = await startSandbox({ state, rateLimits: options.rateLimits });
  sandbox.faults.latencyMs = options.latencyMs ?? 0;
  return { sandbox, token };
}
