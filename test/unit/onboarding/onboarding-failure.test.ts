// App Platform refuses acme's app (an injected fault). The run stops at that step and offers Retry
// step; "Remove what was created" lists exactly the Supabase project and the registry row this run
// made — nothing of the template's, nothing not yet made — and removes them, each in the Activity log.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import type { ActivityEntry, CreatedResource, OnboardingPlan, OnboardingRun } from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';
import { acmeRequest, quicken, REGISTRY_REF, until } from './world';

const { start, call, value } = runningApp();

describe('an onboarding step that fails', () => {
  it('offers retry, and removes exactly what the run created', { timeout: 30_000 }, async () => {
    const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
    quicken(runtime);
    const plan = await value<OnboardingPlan>('planTenant', acmeRequest(runtime));
    runtime.sandbox.faults.inject({
      method: 'POST',
      pathPrefix: '/v2/apps',
      kind: 'status',
      status: 422,
      body: {
        id: 'unprocessable_entity',
        message: 'error validating app spec: instance size is not available in region',
      },
    });
    const { id } = await value<OnboardingRun>('startOnboarding', { planId: plan.planId });
    const failed = await until(
      () => value<OnboardingRun>('getOnboarding', { id }),
      (r) => r.state !== 'running',
    );
    expect(failed.state).toBe('failed');
    const app = failed.steps.find((s) => s.kind === 'app');
    expect(app).toMatchObject({ state: 'failed', error: expect.stringContaining('instance size is not available') });
    expect(failed.steps.filter((s) => s.state === 'pending').map((s) => s.kind)).toEqual(['dns', 'healthy']);
    // Resume and Retry are offered for a failed run (the list says where it stopped).
    const [listed] = await value<OnboardingRun[]>('listOnboardings');
    expect(listed).toMatchObject({ id, state: 'failed' });

    const listing = await value<{ resources: CreatedResource[] }>('removeCreated', { id });
    expect(listing.resources.map((r) => r.kind)).toEqual(['supabase_project', 'registry_row']);
    expect(listing.resources[0]!.id).toBe(failed.supabaseRef);
    const world = supabaseWorldOf(runtime.sandbox.state);
    expect(world.projects.taskifai!.some((p) => p.ref === failed.supabaseRef)).toBe(true);

    // Without the tenant's name typed back, nothing goes.
    expect(await call('removeCreated', { id, confirm: true, typedName: 'taskifai-acm' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('taskifai-acme') },
    });
    expect(world.projects.taskifai!.some((p) => p.ref === failed.supabaseRef)).toBe(true);
    const removed = await value<{ run: OnboardingRun; resources: CreatedResource[] }>('removeCreated', {
      id,
      confirm: true,
      typedName: 'taskifai-acme',
    });
    expect(removed.run.state).toBe('removed');
    expect(removed.run.created.every((c) => c.removedAt)).toBe(true);
    expect(world.projects.taskifai!.some((p) => p.ref === failed.supabaseRef)).toBe(false);
    expect(world.details[REGISTRY_REF]!.rows?.get('public.tenants')?.some((r) => r.subdomain === 'acme')).toBe(false);
    // The template's project and the registry itself are untouched.
    expect(world.projects.taskifai!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['TaskifAI-Registry', 'TaskifAI-BIBBI', 'TaskifAI-Demo']),
    );
    expect(await call('retryStep', { id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const story = (await value<ActivityEntry[]>('listActivity', { action: 'onboard_step' }))
      .filter((e) => e.appName === 'taskifai-acme')
      .map((e) => `${String(e.parameters.step)} ${e.result}`);
    expect(story).toEqual(
      expect.arrayContaining([
        'supabase_project succeeded',
        'migrations succeeded',
        'app failed',
        'remove_registry_row succeeded',
        'remove_supabase_project succeeded',
      ]),
    );
  });

  it('a failed step retried continues from there and creates the project once', { timeout: 30_000 }, async () => {
    const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
    quicken(runtime);
    const plan = await value<OnboardingPlan>('planTenant', acmeRequest(runtime, { registry: undefined }));
    // The migrations API says no once: the project exists by then.
    supabaseWorldOf(runtime.sandbox.state).faults.inject({
      method: 'GET',
      pathPrefix: '/v1/projects/bibzfwkqmtrlxhcevnoa/database/migrations',
      kind: 'status',
      status: 503,
      body: { message: 'Service temporarily unavailable' },
      times: 10,
    });
    const { id } = await value<OnboardingRun>('startOnboarding', { planId: plan.planId });
    const failed = await until(
      () => value<OnboardingRun>('getOnboarding', { id }),
      (r) => r.state !== 'running',
    );
    expect(failed.steps.find((s) => s.kind === 'migrations')).toMatchObject({ state: 'failed' });
    supabaseWorldOf(runtime.sandbox.state).faults.clear();
    await value('retryStep', { id });
    const done = await until(
      () => value<OnboardingRun>('getOnboarding', { id }),
      (r) => r.state !== 'running',
    );
    expect(done.steps.map((s) => s.state)).toEqual(done.steps.map(() => 'done'));
    expect(runtime.sandbox.requests.filter((r) => r === 'POST /supabase/v1/projects')).toHaveLength(1);
    // The Activity log has the failure in the API's words, the founder's Retry step, and the rest.
    const story = (await value<ActivityEntry[]>('listActivity', { action: 'onboard_step' }))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .map((e) => `${String(e.parameters.step)} ${e.result}${e.result === 'failed' ? `: ${e.message}` : ''}`);
    expect(story.slice(story.indexOf('api_keys succeeded') + 1)).toEqual([
      'migrations failed: Supabase: Service temporarily unavailable',
      'retry succeeded',
      'migrations succeeded',
      'app succeeded',
      'dns succeeded',
      'healthy succeeded',
      'done succeeded',
    ]);
  });
});
