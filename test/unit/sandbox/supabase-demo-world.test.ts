// The demo fleet's TaskifAI apps point at the Supabase projects the sandbox's Supabase account
// holds, and those projects are in the states the tenants view is meant to show.
import { describe, expect, it } from 'vitest';
import { buildDemoFleet } from '../../../src-main/sandbox/seed/demoFleet';
import { demoWorld } from '../../../src-main/sandbox/supabase/demoWorld';
import { FIXED_NOW } from '../../support/sandbox';

describe('the demo Supabase account behind the TaskifAI apps', () => {
  const world = demoWorld(FIXED_NOW);
  const projects = Object.values(world.projects).flat();
  const nameOf = (ref: string) => projects.find((p) => p.ref === ref)?.name;

  it('each TaskifAI app’s SUPABASE_URL names its own project', () => {
    const urls = buildDemoFleet({ nowMs: FIXED_NOW })
      .filter((r) => r.tenantGroup === 'TaskifAI')
      .map((r) => {
        const envs = [...(r.app.spec.envs ?? []), ...(r.app.spec.services ?? []).flatMap((s) => s.envs ?? [])];
        const url = envs.find((e) => e.key === 'SUPABASE_URL')?.value ?? '';
        return [r.app.spec.name, nameOf(/^https:\/\/([a-z]{20})\.supabase\.co$/.exec(url)?.[1] ?? '')];
      });
    expect(Object.fromEntries(urls)).toEqual({
      'taskifai-central': 'TaskifAI-Registry',
      'taskifai-demo': 'TaskifAI-Demo',
      'taskifai-bibbi': 'TaskifAI-BIBBI',
      'taskifai-customer3': 'TaskifAI-Customer3',
    });
  });

  it('the Free project is paused; Demo and Customer3 lack the latest migration, Customer3 with a leftover table', () => {
    expect(projects.map((p) => [p.name, p.status])).toEqual([
      ['TaskifAI-Registry', 'ACTIVE_HEALTHY'],
      ['TaskifAI-Demo', 'ACTIVE_HEALTHY'],
      ['TaskifAI-BIBBI', 'ACTIVE_HEALTHY'],
      ['TaskifAI-Customer3', 'ACTIVE_HEALTHY'],
      ['insightpulse-odoo', 'INACTIVE'],
    ]);
    const latest = (ref: string) => world.details[ref]!.migrations.at(-1)?.name;
    expect(latest('bibzfwkqmtrlxhcevnoa')).toBe('report_schedules');
    expect(latest('mvdkxoprtazlyqwcbnje')).toBe('enable_rls');
    expect(latest('cuxtrnwqplzhkvjmbyda')).toBe('enable_rls');
    expect(world.details.cuxtrnwqplzhkvjmbyda!.tables.has('public.report_schedules')).toBe(true);
    expect(world.details.mvdkxoprtazlyqwcbnje!.tables.has('public.report_schedules')).toBe(false);
  });
});
