// Test controls of the browser harness, on only with `--sandbox-controls` (the e2e config passes
// it; `npm run web` does not). An e2e story can:
// - fail requests of the sandbox cloud the harness runs — the DigitalOcean API's or Supabase's —
//   through the same fault injectors unit tests use (POST faults);
// - act in Supabase as the founder would in its dashboard, e.g. make two projects so a Free org is
//   at its limit, through the sandbox's own Supabase API as the account's owner (POST supabase-api);
// - read back the names of the apps and Supabase projects the cloud holds, to count what a run
//   created (GET inventory);
// - read the DigitalOcean requests the cloud answered, each with its token's fingerprint, to prove
//   which account an action went out with (GET requests; GET staging-requests for the demo's
//   staging account, a world apart, as is a DigitalOcean fault with `account: "staging"`);
// - start over from the pristine demo: a fresh runtime with a new sandbox cloud and an emptied data
//   folder, so a story file never sees what another left behind (POST reset).
// No token, key or secret is ever answered.
import type { Runtime } from '../runtime';
import type { InjectedFault } from '../sandbox/faults';
import { answerSupabase, supabaseWorldOf } from '../sandbox/supabaseApi';

export const SANDBOX_CONTROLS_PREFIX = '/sandbox-controls/';

export interface ControlAnswer {
  status: number;
  body: string;
}

/** The newest requests a story may read back: enough for one story's actions. */
const REQUESTS_ANSWERED = 2000;

const answer = (status: number, body: unknown): ControlAnswer => ({ status, body: JSON.stringify(body) });

/** What a story sends to POST /sandbox-controls/faults. */
interface FaultRequest extends Omit<InjectedFault, 'times' | 'kind'> {
  api: 'digitalocean' | 'supabase';
  /** The demo staging account's world (DigitalOcean only) instead of the demo fleet's. */
  account?: 'demo' | 'staging';
  kind?: InjectedFault['kind'];
  times?: number;
}

function faultOf(body: unknown): FaultRequest | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fault = body as Partial<FaultRequest>;
  const kinds = ['status', 'drop', 'drop_after_handling'];
  if (fault.api !== 'digitalocean' && fault.api !== 'supabase') return undefined;
  if (fault.account !== undefined && fault.account !== 'demo' && fault.account !== 'staging') return undefined;
  if (fault.account === 'staging' && fault.api !== 'digitalocean') return undefined;
  if (typeof fault.pathPrefix !== 'string' || !fault.pathPrefix.startsWith('/')) return undefined;
  if (fault.kind !== undefined && !kinds.includes(fault.kind)) return undefined;
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status < 600))
    return undefined;
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) return undefined;
  return fault as FaultRequest;
}

/**
 * `current` is the harness's runtime now (a reset replaces it); `reset` starts a fresh one, where
 * the harness offers it.
 */
export function sandboxControls(current: () => Runtime, reset?: () => Promise<void>) {
  return async (method: string, pathname: string, body: unknown): Promise<ControlAnswer> => {
    const name = pathname.slice(SANDBOX_CONTROLS_PREFIX.length);
    if (method === 'POST' && name === 'reset' && reset) {
      await reset();
      return answer(200, { reset: true });
    }
    const runtime = current();
    if (method === 'POST' && name === 'faults') {
      const fault = faultOf(body);
      if (!fault)
        return answer(400, {
          message:
            'Not a fault: {api, account?, pathPrefix, method?, kind?, status?, body?, times?} (account "staging" only for api "digitalocean").',
        });
      const { api, account, kind = 'status', ...rest } = fault;
      // The staging account (Demo staging) is a sandbox world of its own, there once switched to.
      const staging = account === 'staging' ? runtime.stagingSandbox : undefined;
      if (account === 'staging' && !staging)
        return answer(409, { message: 'The staging account starts on the first switch to Demo staging.' });
      const injector =
        api === 'supabase' ? supabaseWorldOf(runtime.sandbox.state).faults : (staging ?? runtime.sandbox).faults;
      injector.inject({ ...rest, kind });
      return answer(200, { injected: true });
    }
    if (method === 'POST' && name === 'supabase-api') {
      const call = (body ?? {}) as { method?: unknown; path?: unknown; body?: unknown };
      if (typeof call.method !== 'string' || typeof call.path !== 'string' || !call.path.startsWith('/v1/'))
        return answer(400, { message: 'Not a call: {method, path: "/v1/…", body?}.' });
      const owner = { scopes: 'read-write' as const, api: 'supabase' as const };
      const answered = answerSupabase(runtime.sandbox.state, call.method, call.path, owner, undefined, {
        body: call.body,
      });
      return answer(answered.status, answered.body ?? {});
    }
    if (method === 'GET' && name === 'inventory') {
      const world = supabaseWorldOf(runtime.sandbox.state);
      return answer(200, {
        apps: [...runtime.sandbox.state.apps.values()].map((r) => r.app.spec.name),
        supabaseProjects: Object.values(world.projects).flatMap((list) => list.map((p) => p.name)),
      });
    }
    if (method === 'GET' && (name === 'requests' || name === 'staging-requests')) {
      const world = name === 'staging-requests' ? runtime.stagingSandbox : runtime.sandbox;
      if (!world) return answer(200, { requests: [] });
      const { requests, requestTokens } = world;
      const from = Math.max(0, requests.length - REQUESTS_ANSWERED);
      return answer(200, {
        requests: requests.slice(from).map((request, i) => ({ request, token: requestTokens[from + i] ?? '' })),
      });
    }
    return answer(404, { message: 'No such control.' });
  };
}

export type SandboxControls = ReturnType<typeof sandboxControls>;
