// What the plan refuses before anything is created, each with its reason: an app name already
// taken, a hostname that is not one, a Free organization already at its two active projects, and
// a Supabase project name already used in the organization.
// Starting such a plan is refused too, and the clouds saw no create.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import type { OnboardingPlan } from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';
import { acmeRequest, quicken } from './world';

const { start, call, value } = runningApp();

describe('a tenant that cannot be onboarded', () => {
  it('is refused in the plan with the reason, and nothing is created', { timeout: 30_000 }, async () => {
    const runtime = await start({ logger: silentLogger, deployPollMs: 30 });
    quicken(runtime);
    // InsightPulse's Free org: its Odoo project is paused; two more active ones reach the limit.
    const world = supabaseWorldOf(runtime.sandbox.state);
    const odoo = world.projects.insightpulse![0]!;
    for (const [ref, name] of [
      ['ipstagingaaaaaaaaaaa', 'insightpulse-staging'],
      ['ipsupersetaaaaaaaaaa', 'insightpulse-superset'],
    ] as const)
      world.projects.insightpulse!.push({
        ...structuredClone(odoo),
        ref,
        name,
        status: 'ACTIVE_HEALTHY',
      });

    const taken = await value<OnboardingPlan>('planTenant', acmeRequest(runtime, { name: 'taskifai-bibbi' }));
    expect(taken.problems).toContainEqual({
      kind: 'app_name_taken',
      message: expect.stringContaining('taskifai-bibbi'),
    });

    const badHost = await value<OnboardingPlan>(
      'planTenant',
      acmeRequest(runtime, { hostname: 'acme_corp!.taskifai' }),
    );
    expect(badHost.problems).toContainEqual({
      kind: 'invalid_hostname',
      message: expect.stringContaining('not a valid hostname'),
    });

    const full = await value<OnboardingPlan>(
      'planTenant',
      acmeRequest(runtime, { supabase: { organizationSlug: 'insightpulse', region: 'us-east-1' } }),
    );
    expect(full.problems).toContainEqual({ kind: 'org_project_limit', message: expect.stringContaining('Free plan') });
    expect(full.organization).toMatchObject({ plan: 'free', activeProjects: 2, projectLimit: 2 });

    // A Supabase project of that name already in the org (made by hand in the dashboard).
    world.projects.taskifai!.push({ ...structuredClone(odoo), ref: 'acmehandmadeaaaaaaaa', name: 'taskifai-acme' });
    const projectTaken = await value<OnboardingPlan>('planTenant', acmeRequest(runtime));
    expect(projectTaken.problems).toEqual([
      { kind: 'supabase_name_taken', message: expect.stringContaining('taskifai-acme') },
    ]);

    for (const plan of [taken, badHost, full, projectTaken]) {
      const refused = await call('startOnboarding', { planId: plan.planId });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringContaining('Nothing was created') },
      });
    }
    expect(runtime.sandbox.requests.filter((r) => r.startsWith('POST /supabase/v1/projects'))).toEqual([]);
    expect(runtime.sandbox.requests.filter((r) => r === 'POST /v2/apps')).toEqual([]);
    expect(await value('listOnboardings')).toEqual([]);
  });
});
