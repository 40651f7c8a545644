// "Remove what was created" deletes the app the run made (DELETE /v2/apps/{id}) once the tenant's
// name is typed back, each removal in the Activity log. It never deletes an app the run did not
// make: one of the same name that appeared after the plan is refused at the app step and never
// recorded, and the recorded app renamed since is left where it is.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { createAppRecord } from '../../../src-main/sandbox/appFactory';
import type { Runtime } from '../../../src-main/runtime';
import { supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import type { ActivityEntry, CreatedResource, OnboardingPlan, OnboardingRun } from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';
import { acmeRequest, quicken, until } from './world';

const { start, call, value } = runningApp();

const appNamed = (runtime: Runtime, name: string) =>
  [...runtime.sandbox.state.apps.values()].filter((r) => r.app.spec.name === name);

/** Plans acme (no registry) and runs it until it stops, the DNS record refused so the app is made. */
async function stoppedAtDns(runtime: Runtime): Promise<OnboardingRun> {
  const plan = await value<OnboardingPlan>('planTenant', acmeRequest(runtime, { registry: undefined }));
  expect(plan.problems).toEqual([]);
  runtime.sandbox.faults.inject({
    method: 'POST',
    pathPrefix: '/v2/domains/taskifai.com/records',
    kind: 'status',
    status: 422,
    body: { id: 'unprocessable_entity', message: 'Record limit reached for this domain.' },
  });
  const { id } = await value<OnboardingRun>('startOnboarding', { planId: plan.planId });
  const run = await until(
    () => value<OnboardingRun>('getOnboarding', { id }),
    (r) => r.state !== 'running',
  );
  expect(run.steps.find((s) => s.kind === 'dns')).toMatchObject({
    state: 'failed',
    error: expect.stringContaining('Record limit reached'),
  });
  return run;
}

describe('removing what an onboarding created', () => {
  it('deletes the app it made by its recorded id, after the typed name', { timeout: 30_000 }, async () => {
    const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
    quicken(runtime);
    const run = await stoppedAtDns(runtime);
    expect(appNamed(runtime, 'taskifai-acme').map((r) => r.app.id)).toEqual([run.appId]);

    const { resources } = await value<{ resources: CreatedResource[] }>('removeCreated', { id: run.id });
    expect(resources.map((r) => `${r.kind} ${r.id}`)).toEqual([
      `supabase_project ${run.supabaseRef}`,
      `app ${run.appId}`,
    ]);
    expect(await call('removeCreated', { id: run.id, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(runtime.sandbox.state.apps.has(run.appId!)).toBe(true);

    const removed = await value<{ run: OnboardingRun }>('removeCreated', {
      id: run.id,
      confirm: true,
      typedName: 'taskifai-acme',
    });
    expect(removed.run.state).toBe('removed');
    expect(runtime.sandbox.state.apps.has(run.appId!)).toBe(false);
    expect(runtime.sandbox.requests).toContain(`DELETE /v2/apps/${run.appId}`);
    expect(supabaseWorldOf(runtime.sandbox.state).projects.taskifai!.some((p) => p.ref === run.supabaseRef)).toBe(
      false,
    );
    expect(appNamed(runtime, 'taskifai-bibbi')).toHaveLength(1);

    const story = (await value<ActivityEntry[]>('listActivity', { action: 'onboard_step' }))
      .filter((e) => e.parameters.step === 'remove_app')
      .map((e) => ({ appId: e.appId, result: e.result, target: e.target }));
    expect(story).toEqual([{ appId: run.appId, result: 'succeeded', target: 'Remove App taskifai-acme' }]);
  });

  it('leaves the recorded app alone once it was renamed', { timeout: 30_000 }, async () => {
    const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
    quicken(runtime);
    const run = await stoppedAtDns(runtime);
    runtime.sandbox.state.apps.get(run.appId!)!.app.spec.name = 'acme-production';

    const refused = await call('removeCreated', { id: run.id, confirm: true, typedName: 'taskifai-acme' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('was not deleted') } });
    expect(runtime.sandbox.state.apps.has(run.appId!)).toBe(true);
    // The rest went; the app stays listed for the founder to decide.
    const after = await value<OnboardingRun>('getOnboarding', { id: run.id });
    expect(after.created.filter((c) => !c.removedAt).map((c) => c.kind)).toEqual(['app']);
  });

  it('never adopts an app of its name made by someone else after the plan', { timeout: 30_000 }, async () => {
    const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
    quicken(runtime);
    const plan = await value<OnboardingPlan>('planTenant', acmeRequest(runtime, { registry: undefined }));
    expect(plan.problems).toEqual([]);
    const theirs = createAppRecord(runtime.sandbox.state, {
      ...structuredClone(appNamed(runtime, 'taskifai-demo')[0]!.app.spec),
      name: 'taskifai-acme',
      domains: [],
    });
    const { id } = await value<OnboardingRun>('startOnboarding', { planId: plan.planId });
    const run = await until(
      () => value<OnboardingRun>('getOnboarding', { id }),
      (r) => r.state !== 'running',
    );
    expect(run.steps.find((s) => s.kind === 'app')).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('not by this onboarding'),
    });
    expect(run.appId).toBeUndefined();
    expect(run.created.map((c) => c.kind)).toEqual(['supabase_project']);
    // Retried, it is refused again: an app it did not make is never taken for its own.
    await value('retryStep', { id });
    const again = await until(
      () => value<OnboardingRun>('getOnboarding', { id }),
      (r) => r.state !== 'running',
    );
    expect(again.created.map((c) => c.kind)).toEqual(['supabase_project']);

    await value('removeCreated', { id, confirm: true, typedName: 'taskifai-acme' });
    expect(runtime.sandbox.state.apps.has(theirs.app.id!)).toBe(true);
    expect(runtime.sandbox.requests.some((r) => r.startsWith('DELETE /v2/apps/'))).toBe(false);
  });
});
