// The demo fleet's cloud as one thing to start: its seeded state, per-run tokens and the running
// sandbox server. runtime.ts loads this module with a dynamic import, only when the demo context
// (or a test pointing real contexts at the sandbox) needs it, so a user on live accounts never
// loads the sandbox, opens its ports or makes its certificate.
import { randomBytes } from 'node:crypto';
import type { RateLimitOptions } from './rateLimiter';
import { buildDemoFleet } from './seed/demoFleet';
import { seedDnsZones } from './seed/dnsZones';
import { buildDemoInfrastructure } from './seed/demoInfrastructure';
import { buildSyntheticFleet } from './seed/synthetic';
import { startSandbox, type RunningSandbox } from './server';
import { createClock, type SandboxState, type SandboxToken } from './state';

export interface DemoCloudOptions {
  /** Synthetic tenant apps instead of the demo fleet (benchmarks). */
  syntheticApps?: number;
  latencyMs?: number;
  rateLimits?: RateLimitOptions;
  nowMs?: number;
  /** Lines a second each running component writes to its live log (default 1). */
  logLinesPerSecond?: number;
}

export interface DemoCloud {
  sandbox: RunningSandbox;
  /** The per-run credentials the sandbox accepts for the demo fleet (never leave the main process). */
  token: string;
  supabaseToken: string;
  githubToken: string;
}

export function createSandboxState(options: DemoCloudOptions = {}): {
  state: SandboxState;
  token: string;
  supabaseToken: string;
  githubToken: string;
} {
  const nowMs = options.nowMs ?? Date.now();
  const records = options.syntheticApps
    ? buildSyntheticFleet({ count: options.syntheticApps, nowMs })
    : buildDemoFleet({ nowMs });
  // A fresh token per run: the sandbox enforces Bearer auth like the real API.
  const token = `sandbox_${randomBytes(16).toString('hex')}`;
  // The demo fleet's Supabase plans: a PAT-shaped token, so logs redact it by its sbp_ pattern.
  const supabaseToken = `sbp_${randomBytes(20).toString('hex')}`;
  // And a fine-grained-PAT-shaped one for the demo fleet's repos, redacted by its github_pat_ pattern.
  const githubToken = `github_pat_${randomBytes(30).toString('hex')}`;
  return {
    token,
    supabaseToken,
    githubToken,
    state: {
      clock: createClock(nowMs),
      apps: new Map(records.map((r) => [r.app.id!, r])),
      tokens: new Map([
        [token, { scopes: 'read-write' }],
        // The demo fleet may pause, restore and migrate its sandbox projects, as a founder's token can.
        [supabaseToken, { scopes: 'read-write', api: 'supabase' }],
        [githubToken, { scopes: 'read-write', api: 'github' }],
      ]),
      ...(options.syntheticApps ? {} : { dns: seedDnsZones(records, nowMs), infra: buildDemoInfrastructure(nowMs) }),
    },
  };
}

export async function startDemoCloud(
  options: DemoCloudOptions = {},
  grants: Array<{ token: string } & SandboxToken> = [],
): Promise<DemoCloud> {
  const demo = createSandboxState(options);
  for (const { token, ...grant } of grants) demo.state.tokens.set(token, grant);
  const sandbox = await startSandbox({ state: demo.state, rateLimits: options.rateLimits });
  sandbox.faults.latencyMs = options.latencyMs ?? 0;
  if (options.logLinesPerSecond !== undefined) sandbox.logs.linesPerSecond = options.logLinesPerSecond;
  return { sandbox, token: demo.token, supabaseToken: demo.supabaseToken, githubToken: demo.githubToken };
}
