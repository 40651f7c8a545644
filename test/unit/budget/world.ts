// A sandbox cloud and a budgeted DigitalOcean client sharing one simulated clock: the API's rate
// limiter, the request budget and every scheduled read count the same minutes and hours, and a
// test moves time by hand instead of waiting for it.
import { afterEach } from 'vitest';
import { DigitalOceanClient } from '../../../src-main/clients/digitalocean/client';
import { createSandboxState } from '../../../src-main/sandbox/demoCloud';
import type { RateLimitOptions } from '../../../src-main/sandbox/rateLimiter';
import { startSandbox, type RunningSandbox } from '../../../src-main/sandbox/server';
import { settle, VirtualClock } from '../../../src-main/services/budget/clock';
import { RequestBudget, type BudgetOptions } from '../../../src-main/services/budget/requestBudget';

export const START = Date.parse('2026-11-20T12:00:00Z');

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export async function budgetedWorld(
  options: { syntheticApps?: number; rateLimits?: RateLimitOptions; budget?: BudgetOptions } = {},
) {
  const clock = new VirtualClock(START);
  const { state, token } = createSandboxState({ syntheticApps: options.syntheticApps, nowMs: START });
  state.clock = clock;
  const sandbox = await startSandbox({ state, rateLimits: options.rateLimits });
  running.push(sandbox);
  // When each request reached the sandbox, in simulated time.
  const timeline: Array<{ at: number; request: string }> = [];
  const push = sandbox.requests.push.bind(sandbox.requests);
  sandbox.requests.push = (...requests: string[]) => {
    for (const request of requests) timeline.push({ at: clock.now(), request });
    return push(...requests);
  };
  const budget = new RequestBudget({ clock, ...options.budget });
  const client = new DigitalOceanClient({ baseUrl: sandbox.url, token: () => token, gate: budget });
  const busy = () => budget.busy;
  return {
    clock,
    sandbox,
    token,
    budget,
    client,
    appIds: [...state.apps.keys()],
    /** Lets everything woken so far run until it waits again. */
    settled: () => settle(busy),
    /** Runs simulated time forward, timer by timer. */
    run: (ms: number) => clock.runFor(ms, busy),
    /** Simulated times of the requests whose "METHOD /path" matches. */
    timesOf: (pattern: RegExp) => timeline.filter((t) => pattern.test(t.request)).map((t) => t.at),
    /** Requests the sandbox has answered whose "METHOD /path" matches. */
    count: (pattern: RegExp) => sandbox.requests.filter((r) => pattern.test(r)).length,
    /** Another program using the same token (the API counts per token, not per app). */
    otherTool: async (requests: number) => {
      for (let i = 0; i < requests; i++) {
        await fetch(`${sandbox.url}/v2/apps/regions`, { headers: { Authorization: `Bearer ${token}` } });
      }
    },
  };
}

export const HEALTH = /^GET \/v2\/apps\/[^/]+\/health$/;
