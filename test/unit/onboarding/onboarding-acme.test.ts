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

      const activity = await value<ActivityEntry[]>('listActivity', { action: 'onboard_step' });
      const story = activity
        .filter((e) => e.appName === 'taskifai-acme' && e.result === 'succeeded')
        .map((e) => e.parameters.step);
      expect(new Set(story)).toEqual(new Set(plan.steps.map((s) => s.kind)));
    },
  );
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
