// A founder onboards "acme" from BIBBI's template on the demo fleet: the plan lists every step and
// the new monthly cost, then one click takes it to healthy — Supabase project, keys, BIBBI's
// migrations, the registry row, the app with its SECRET keys, the CNAME, the deployment and the
// health check — and the tenant shows in the matrix, with the whole story in the Activity log.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import type {
  ActivityEntry,
  OnboardingPlan,
  OnboardingRun,
  Result,
  TenantsMatrix,
} from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { apiKeysOf } from '../../../src-main/sandbox/supabase/apiKeys';
import { acmeRequest, quicken, REGISTRY_REF, until } from './world';

const { start, value } = runningApp();

describe('a new tenant end to end', () => {
  it(
    'goes from plan to healthy with no manual edit, and shows in the tenants matrix',
    { timeout: 30_000 },
    async () => {
      const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
      quicken(runtime);

      const plan = await value<OnboardingPlan>('planTenant', acmeRequest(runtime));
      expect(plan.problems).toEqual([]);
      expect(plan.steps.map((s) => s.kind)).toEqual([
        'supabase_project',
        'api_keys',
        'migrations',
        'registry',
        'app',
        'dns',
        'healthy',
      ]);
      expect(plan.migrations.length).toBeGreaterThan(0);
      expect(plan.cost.supabase).toBe(10);
      expect(plan.cost.digitalocean.min).toBeGreaterThan(0);
      expect(plan.cost.total.min).toBe(plan.cost.digitalocean.min + 10);
      expect(plan.dns).toMatchObject({ zone: 'taskifai.com', record: 'acme' });
      expect(plan.registry).toMatchObject({ ref: REGISTRY_REF, projectName: 'TaskifAI-Registry' });

      const started = await value<OnboardingRun>('startOnboarding', { planId: plan.planId });
      // The window follows the run on the stream: every step's progress as it happens.
      const seen: OnboardingRun[] = [];
      const watch = runtime.dispatcher.subscribe('watchOnboarding', { id: started.id }, (event) => {
        const result = event as Result<OnboardingRun>;
        if (result.ok) seen.push(result.value);
      });
      expect(watch.ok).toBe(true);
      const run = await until(
        () => value<OnboardingRun>('getOnboarding', { id: started.id }),
        (r) => r.state !== 'running',
      );
      expect(run.steps.map((s) => [s.kind, s.state, s.error])).toEqual(
        plan.steps.map((s) => [s.kind, 'done', undefined]),
      );
      expect(run.state).toBe('done');
      expect(seen.some((r) => r.steps[0]?.progress?.startsWith('COMING_UP'))).toBe(true);
      expect(
        seen.some((r) => r.steps.find((s) => s.kind === 'migrations')?.progress?.match(/^\d+ of \d+ migrations/)),
      ).toBe(true);
      if (watch.ok) watch.value.dispose();
      expect(run.created.map((c) => c.kind)).toEqual(['supabase_project', 'registry_row', 'app', 'dns_record']);

      // The new project has BIBBI's migrations, by name and in order.
      const world = supabaseWorldOf(runtime.sandbox.state);
      const applied = world.details[run.supabaseRef!]!.migrations.map((m) => m.name);
      expect(applied).toEqual(plan.migrations.map((m) => m.name));
      // The registry row, with the project's URL.
      const rows = world.details[REGISTRY_REF]!.rows?.get('public.tenants') ?? [];
      expect(rows).toContainEqual(
        expect.objectContaining({
          subdomain: 'acme',
          database_url: `https://${run.supabaseRef}.supabase.co`,
          is_active: true,
        }),
      );

      // The app: SUPABASE_URL plain, the keys SECRET; the CNAME points at its ingress.
      const app = [...runtime.sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-acme')!.app;
      const envs = app.spec.envs ?? [];
      expect(envs.find((e) => e.key === 'SUPABASE_URL')).toMatchObject({
        value: `https://${run.supabaseRef}.supabase.co`,
      });
      expect(envs.find((e) => e.key === 'SUPABASE_ANON_KEY')).toMatchObject({ type: 'SECRET' });
      expect(app.spec.domains?.[0]?.domain).toBe('acme.taskifai.com');

      const matrix = await value<TenantsMatrix>('listTenants');
      const acme = matrix.tenants.find((t) => t.name === 'taskifai-acme');
      expect(acme?.supabase).toMatchObject({ ref: run.supabaseRef, how: 'derived' });

      const creates = runtime.sandbox.requests.filter((r) => r === 'POST /supabase/v1/projects');
      expect(creates).toHaveLength(1);

      // Nothing secret reached the data folder: not the DB password, the keys or the given SECRETs.
      const { password } = await value<{ password: string }>('revealDbPassword', { id: run.id });
      expect(password.length).toBeGreaterThanOrEqual(32);
      const project = world.projects.taskifai!.find((p) => p.ref === run.supabaseRef)!;
      const keys = (apiKeysOf(project, run.supabaseRef!, true) as Array<{ api_key: string }>).map((k) => k.api_key);
      const given = acmeRequest(runtime).secrets!.map((s) => s.value);
      const files = filesUnder(runtime.dataDir);
      expect(files.some((f) => f.includes(`onboarding`))).toBe(true);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const secret of [password, ...keys, ...given])
          expect(text.includes(secret), `${file} holds a secret`).toBe(false);
      }

      // The Activity log tells it start to end, oldest first: the plan started, each step with what
      // it found, the tenant live.
      const activity = await value<ActivityEntry[]>('listActivity', { action: 'onboard_step' });
      // Oldest first; entries of one millisecond keep the order they were written in.
      const story = [...activity]
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
        .filter((e) => e.appName === 'taskifai-acme')
        .map((e) => `${String(e.parameters.step)} ${e.result}`);
      expect(story).toEqual(['start succeeded', ...plan.steps.map((s) => `${s.kind} succeeded`), 'done succeeded']);
      const told = (step: string) => activity.find((e) => e.appName === 'taskifai-acme' && e.parameters.step === step)!;
      expect(told('start')).toMatchObject({
        target: 'Onboard taskifai-acme (acme.taskifai.com) from taskifai-bibbi',
        message: expect.stringMatching(/7 steps planned; \$[\d.]+\/mo once live/),
      });
      expect(told('supabase_project').message).toBe('ACTIVE_HEALTHY');
      expect(told('migrations').message).toMatch(/^6 of 6 migrations/);
      expect(told('healthy').message).toMatch(/answers 200/);
      expect(told('done')).toMatchObject({ appId: run.appId, target: expect.stringContaining('is live at https://') });
      // The app's own creation and the DNS record are in the log as their domains write them.
      const all = await value<ActivityEntry[]>('listActivity', {});
      expect(all.some((e) => e.action === 'create_app' && e.appName === 'taskifai-acme')).toBe(true);
      expect(all.some((e) => e.action === 'dns_change' && JSON.stringify(e).includes('acme'))).toBe(true);
    },
  );
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
