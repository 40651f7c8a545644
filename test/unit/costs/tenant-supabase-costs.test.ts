// The Costs page's by-tenant bars carry each tenant's Supabase share: the same figure as the
// tenants matrix (one function computes it), a shared project split evenly, groups adding their
// tenants' shares back up, and the CSV's lines still adding up to its last one.
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src-main/clients/digitalocean/types';
import { groupCosts } from '../../../src-main/services/costs/fleetCosts';
import { rowOf, supabaseShares, type KnownProject } from '../../../src-main/services/tenants/tenantRows';
import type { AppCost, FleetApp, FleetCosts } from '../../../src-preload/contract';
import {
  costBars,
  costTableRows,
  sharedSupabaseProjects,
  supabaseNoteOf,
} from '../../../src-renderer/views/costs/costModel';

const SHARED = 'sharedsharedsharedsh';
const OWN = 'ownownownownownownow';
const url = (ref: string) => `https://${ref}.supabase.co`;

function app(name: string, ref?: string): App {
  return {
    id: `id-${name}`,
    spec: {
      name,
      services: [
        {
          name: 'api',
          ...(ref ? { envs: [{ key: 'SUPABASE_URL', value: url(ref), scope: 'RUN_TIME' as const }] } : {}),
        },
      ],
    },
  };
}

const project = (ref: string, name: string, computeEstimate?: number): KnownProject => ({
  ref,
  name,
  organization: 'Org',
  plan: 'pro',
  status: 'ACTIVE_HEALTHY',
  region: 'eu-central-1',
  ...(computeEstimate !== undefined ? { computeEstimate } : {}),
});

const directory = new Map([
  [SHARED, project(SHARED, 'insightpulse', 30)],
  [OWN, project(OWN, 'taskifai-bibbi', 15)],
]);
const apps = [app('pulse-a', SHARED), app('pulse-b', SHARED), app('pulse-c', SHARED), app('bibbi', OWN), app('plain')];

describe('a tenant’s Supabase share, as the matrix and the Costs page both read it', () => {
  it('splits a shared project evenly and names the others; a tenant of its own carries it whole', () => {
    const shares = supabaseShares(apps, new Map(), directory);
    expect(shares.get('id-pulse-a')).toEqual({
      ref: SHARED,
      project: 'insightpulse',
      monthly: 10,
      projectMonthly: 30,
      sharedWith: ['pulse-b', 'pulse-c'],
    });
    expect(shares.get('id-bibbi')).toEqual({ ref: OWN, project: 'taskifai-bibbi', monthly: 15, projectMonthly: 15 });
    expect(shares.has('id-plain')).toBe(false);
  });

  it('follows a hand link over the spec, and an unlink leaves the tenant without a share', () => {
    const shares = supabaseShares(
      apps,
      new Map<string, string | null>([
        ['id-plain', OWN],
        ['id-pulse-c', null],
      ]),
      directory,
    );
    expect(shares.get('id-plain')).toMatchObject({ monthly: 7.5, sharedWith: ['bibbi'] });
    expect(shares.get('id-pulse-a')).toMatchObject({ monthly: 15, sharedWith: ['pulse-b'] });
    expect(shares.has('id-pulse-c')).toBe(false);
  });

  it('is the figure the tenants matrix adds to DigitalOcean', () => {
    const shares = supabaseShares(apps, new Map(), directory);
    const share = shares.get('id-pulse-a')!;
    const fleetApp = {
      id: 'id-pulse-a',
      name: 'pulse-a',
      group: 'InsightPulse',
      region: 'fra',
      monthlyCost: { min: 5, max: 5 },
    };
    const row = rowOf({
      app: apps[0]!,
      fleetApp: fleetApp as unknown as FleetApp,
      supabase: {
        ref: SHARED,
        how: 'derived',
        project: { name: 'insightpulse', organization: 'Org', status: 'ACTIVE_HEALTHY', region: 'eu-central-1' },
        sharedWith: share.sharedWith!,
      },
      project: directory.get(SHARED)!,
    });
    expect(row.cost.supabase).toBe(share.monthly);
    expect(row.cost.total).toEqual({ min: 15, max: 15 });
  });

  it('has no amount for a project whose size has no documented price', () => {
    const unpriced = new Map([[OWN, project(OWN, 'taskifai-bibbi')]]);
    expect(supabaseShares([app('bibbi', OWN)], new Map(), unpriced).get('id-bibbi')).toEqual({
      ref: OWN,
      project: 'taskifai-bibbi',
    });
  });
});

const zero = { min: 0, max: 0 };
function cost(name: string, group: string, api: number, supabase?: AppCost['supabase']): AppCost {
  return {
    appId: `id-${name}`,
    name,
    group,
    components: [
      {
        name: 'api',
        kind: 'service',
        category: 'api',
        sizeSlug: 'apps-s-1vcpu-1gb',
        scale: '×1',
        unitPrice: api,
        monthlyCost: { min: api, max: api },
      },
    ],
    monthlyCost: { min: api, max: api },
    byCategory: { frontend: zero, api: { min: api, max: api }, worker: zero, database: zero, other: zero },
    estimated: false,
    ...(supabase ? { supabase } : {}),
  };
}

const pulseShare = (others: string[]) => ({
  ref: SHARED,
  project: 'insightpulse',
  monthly: 10,
  projectMonthly: 30,
  sharedWith: others,
});
const costApps = [
  cost('pulse-a', 'InsightPulse', 12, pulseShare(['pulse-b', 'pulse-c'])),
  cost('pulse-b', 'InsightPulse', 12, pulseShare(['pulse-a', 'pulse-c'])),
  cost('pulse-c', 'InsightPulse', 12, pulseShare(['pulse-a', 'pulse-b'])),
  cost('bibbi', 'TaskifAI', 40, { ref: OWN, project: 'taskifai-bibbi', monthly: 15, projectMonthly: 15 }),
];

describe('the Costs page with the tenants’ Supabase shares', () => {
  const groups = groupCosts(costApps);
  const fleet: FleetCosts = {
    fetchedAt: '2026-12-03T12:00:00Z',
    apps: costApps,
    groups,
    monthlyCost: { min: 76, max: 76 },
    proposeFailures: 0,
    databases: [],
    estimated: false,
    priceSources: [],
    supabase: { monthly: 45, source: { label: 'docs', url: 'https://supabase.com/docs' } },
  };

  it('adds a group’s shares back up to its projects, and orders groups by the combined total', () => {
    // InsightPulse: 36 on DigitalOcean + its one 30 project; TaskifAI: 40 + 15.
    expect(groups.map((g) => [g.group, g.monthlyCost.min, g.supabase])).toEqual([
      ['InsightPulse', 36, 30],
      ['TaskifAI', 40, 15],
    ]);
  });

  it('stacks a Supabase part on each tenant’s bar, says with whom it is shared, and totals both', () => {
    const bars = costBars(fleet, 'tenant');
    expect(bars[0]).toMatchObject({
      label: 'pulse-a',
      api: 12,
      supabase: 10,
      supabaseNote: 'shared with pulse-b, pulse-c',
      total: { min: 22, max: 22 },
    });
    expect(bars[3]).toMatchObject({ label: 'bibbi', supabase: 15, total: { min: 55, max: 55 } });
    expect(bars[3]?.supabaseNote).toBeUndefined();
    expect(costBars(fleet, 'group')[0]).toMatchObject({
      label: 'InsightPulse',
      supabase: 30,
      total: { min: 66, max: 66 },
    });
  });

  it('lists each shared project once with every tenant using it', () => {
    expect(sharedSupabaseProjects(fleet)).toEqual([
      { project: 'insightpulse', tenants: ['pulse-a', 'pulse-b', 'pulse-c'], monthly: 30 },
    ]);
  });

  it('writes a Supabase line per tenant in the CSV, and the lines add up to the total', () => {
    const rows = costTableRows(fleet);
    const supabase = rows.filter((r) => r[3] === 'Supabase');
    expect(supabase).toHaveLength(4);
    expect(supabase[0]).toEqual([
      'InsightPulse',
      'pulse-a',
      'insightpulse',
      'Supabase',
      '',
      '',
      '30.00',
      '10.00',
      '10.00',
      supabaseNoteOf(pulseShare(['pulse-b', 'pulse-c'])),
      'yes',
    ]);
    expect(supabase[0]![9]).toContain('shared with pulse-b, pulse-c, an even share of $30.00');
    const lines = rows.slice(1, -1);
    expect(lines.reduce((t, r) => t + Number(r[7]), 0)).toBe(121);
    expect(rows.at(-1)).toEqual([
      'Fleet total',
      '',
      '',
      '',
      '',
      '',
      '',
      '121.00',
      '121.00',
      'DigitalOcean 76.00–76.00 + Supabase 45.00',
      'includes estimates',
    ]);
  });

  it('leaves the CSV as it was without Supabase', () => {
    const plain: FleetCosts = { ...fleet, apps: costApps.map(({ supabase: _, ...a }) => a), supabase: undefined };
    delete plain.supabase;
    expect(costTableRows(plain).at(-1)).toEqual(['Fleet total', '', '', '', '', '', '', '76.00', '76.00', '', '']);
  });
});
