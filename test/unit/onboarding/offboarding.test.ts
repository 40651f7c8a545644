// The founder offboards acme a step at a time: the plan says what each step will do and which
// cannot run here (a Pro project cannot be paused), a delete without the app's name typed back is
// refused, and the steps that run — backup confirmed, app deleted (DELETE /v2/apps/{id}), DNS
// record removed, registry row marked inactive — each land in the Activity log. The steps after
// the app's deletion still know its record and its registry row.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import type { ActivityEntry, OffboardingPlan, OnboardingPlan, OnboardingRun } from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';
import { acmeRequest, quicken, REGISTRY_REF, until } from './world';

const { start, call, value } = runningApp();

describe('offboarding a tenant', () => {
  it('runs each confirmed step, refusing a delete without the typed name', { timeout: 30_000 }, async () => {
    const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
    quicken(runtime);
    const plan = await value<OnboardingPlan>('planTenant', acmeRequest(runtime));
    const { id } = await value<OnboardingRun>('startOnboarding', { planId: plan.planId });
    const run = await until(
      () => value<OnboardingRun>('getOnboarding', { id }),
      (r) => r.state !== 'running',
    );
    expect(run.state).toBe('done');
    const appId = run.appId!;
    const world = supabaseWorldOf(runtime.sandbox.state);
    // The founder took a backup in the dashboard (the Management API cannot take one).
    world.details[run.supabaseRef!]!.dailyBackups = 1;

    const offboarding = await value<OffboardingPlan>('planOffboarding', { appId });
    expect(offboarding.steps.map((s) => s.kind)).toEqual([
      'confirm_backup',
      'pause_project',
      'delete_app',
      'remove_dns',
      'mark_inactive',
    ]);
    const step = (kind: string) => offboarding.steps.find((s) => s.kind === kind)!;
    expect(step('confirm_backup')).toMatchObject({
      done: false,
      detail: expect.stringContaining('Newest completed backup'),
    });
    expect(step('pause_project').blocked).toMatch(/only Free plan projects/);
    expect(step('delete_app')).toMatchObject({ needsTypedName: true, done: false });
    expect(step('delete_app').blocked).toBeUndefined();
    expect(step('remove_dns')).toMatchObject({
      needsTypedName: true,
      detail: expect.stringContaining('acme.taskifai.com'),
    });
    expect(step('mark_inactive').detail).toContain('is_active = false');

    await value('runOffboardingStep', { appId, step: 'confirm_backup' });
    const refused = await call('runOffboardingStep', { appId, step: 'remove_dns', typedName: 'acme' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('taskifai-acme') },
    });
    expect(await call('runOffboardingStep', { appId, step: 'delete_app' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(runtime.sandbox.state.apps.has(appId)).toBe(true);
    const deleted = await value<OffboardingPlan>('runOffboardingStep', {
      appId,
      step: 'delete_app',
      typedName: 'taskifai-acme',
    });
    expect(deleted.steps.find((s) => s.kind === 'delete_app')).toMatchObject({ done: true });
    expect(runtime.sandbox.state.apps.has(appId)).toBe(false);
    expect(runtime.sandbox.requests.filter((r) => r.startsWith('DELETE /v2/apps/'))).toEqual([
      `DELETE /v2/apps/${appId}`,
    ]);
    const after = await value<OffboardingPlan>('runOffboardingStep', {
      appId,
      step: 'remove_dns',
      typedName: 'taskifai-acme',
    });
    expect(after.steps.find((s) => s.kind === 'remove_dns')).toMatchObject({ done: true });
    expect(after.steps.find((s) => s.kind === 'confirm_backup')).toMatchObject({ done: true });
    await value('runOffboardingStep', { appId, step: 'mark_inactive' });
    const row = world.details[REGISTRY_REF]!.rows?.get('public.tenants')?.find((r) => r.subdomain === 'acme');
    expect(row).toMatchObject({ is_active: false });

    const story = (await value<ActivityEntry[]>('listActivity', { action: 'offboard_step' })).map(
      (e) => `${String(e.parameters.step)} ${e.result}`,
    );
    expect(story).toEqual(
      expect.arrayContaining([
        'confirm_backup succeeded',
        'delete_app succeeded',
        'remove_dns succeeded',
        'mark_inactive succeeded',
      ]),
    );
    const deletion = (await value<ActivityEntry[]>('listActivity', { action: 'offboard_step' })).find(
      (e) => e.parameters.step === 'delete_app' && e.result === 'succeeded',
    );
    expect(deletion).toMatchObject({ appId, appName: 'taskifai-acme', target: 'Delete app taskifai-acme' });
  });
});
