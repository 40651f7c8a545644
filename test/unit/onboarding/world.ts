// The demo fleet, fast: Supabase projects come up in a moment of the sandbox clock and
// deployments finish in milliseconds, so an onboarding story runs in seconds over real HTTP.
import { setDeployTiming } from '../../../src-main/sandbox/deployEngine';
import { setSupabaseTiming } from '../../../src-main/sandbox/supabaseApi';
import type { Runtime } from '../../../src-main/runtime';
import type { OnboardingRequest, OnboardingRun } from '../../../src-preload/contract';

export const REGISTRY_REF = 'qhwzrtkvylmbnpjsdgfa';
export const REGISTRY_SQL =
  'insert into public.tenants (subdomain, display_name, database_url, database_anon_key) values ($1, $2, $3, $4)';

export function quicken(runtime: Runtime): void {
  setSupabaseTiming(runtime.sandbox.state, { creatingMs: 400 });
  setDeployTiming(runtime.sandbox.state, { pendingMs: 20, stepMs: 15 });
}

export function appIdOf(runtime: Runtime, name: string): string {
  const record = [...runtime.sandbox.state.apps.values()].find((r) => r.app.spec.name === name);
  if (!record?.app.id) throw new Error(`no demo app ${name}`);
  return record.app.id;
}

export function acmeRequest(runtime: Runtime, overrides: Partial<OnboardingRequest> = {}): OnboardingRequest {
  return {
    name: 'taskifai-acme',
    hostname: 'acme.taskifai.com',
    templateAppId: appIdOf(runtime, 'taskifai-bibbi'),
    supabase: { organizationSlug: 'taskifai', region: 'eu-central-1', instanceSize: 'micro' },
    registry: {
      ref: REGISTRY_REF,
      sql: REGISTRY_SQL,
      parameters: ['{{subdomain}}', 'Acme', '{{supabase_url}}', '{{anon_key}}'],
    },
    // BIBBI's shared credentials: never copied from the template, so the founder gives them once.
    secrets: [
      { key: 'REDIS_URL', value: 'rediss://default:redis-pass-acme@redis.internal:25061' },
      { key: 'OPENAI_API_KEY', value: 'sk-acme-openai-key-0123456789' },
      { key: 'SENDGRID_API_KEY', value: 'SG.acme-sendgrid-key-0123456789' },
    ],
    ...overrides,
  };
}

/** Reads the run until `done` says so (or 20 s pass). */
export async function until(
  read: () => Promise<OnboardingRun>,
  done: (run: OnboardingRun) => boolean,
  timeoutMs = 20_000,
): Promise<OnboardingRun> {
  const started = Date.now();
  for (;;) {
    const run = await read();
    if (done(run)) return run;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `onboarding stuck: ${JSON.stringify(run.steps.map((s) => [s.kind, s.state, s.progress, s.error]))}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
}
