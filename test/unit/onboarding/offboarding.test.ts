// The founder offboards acme a step at a time: the plan says what each step will do and which
// cannot run here (a Pro project cannot be paused; Fleetdeck cannot delete apps yet), a delete
// without the app's name typed back is refused, and the steps that run — backup confirmed, DNS
// record removed, registry row marked inactive — each land in the Activity log.
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
    expect(step('delete_app')).toMatchObject({
      needsTypedName: true,
      blocked: expect.stringContaining('cannot delete apps yet'),
    });
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
      expect.arrayContaining(['confirm_backup succeeded', 'remove_dns succeeded', 'mark_inactive succeeded']),
    );
  });
});
