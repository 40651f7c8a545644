import { describe, expect, it } from 'vitest';
import type { AccountBilling, AppCost, FleetCosts } from '../../../src-preload/contract';
import {
  compareByRole,
  costTableRows,
  costBars,
  historyBars,
  marginOf,
  parseAmount,
  toCsv,
} from '../../../src-renderer/views/costs/costModel';

const split = (api: number, worker = 0) => ({
  frontend: { min: 0, max: 0 },
  api: { min: api, max: api },
  worker: { min: worker, max: worker },
  database: { min: 0, max: 0 },
  other: { min: 0, max: 0 },
});

function tenant(name: string, apiSize: string, apiPrice: number, workerPrice: number): AppCost {
  const tenantName = name.split('-')[1]!;
  return {
    appId: `id-${name}`,
    name,
    group: 'TaskifAI',
    components: [
      {
        name: `${tenantName}-frontend`,
        kind: 'static_site',
        category: 'frontend',
        scale: '',
        monthlyCost: { min: 0, max: 0 },
        costNote: 'Static sites are free, within the allowance',
      },
      {
        name: `${tenantName}-api`,
        kind: 'service',
        category: 'api',
        sizeSlug: apiSize,
        scale: '×1',
        unitPrice: apiPrice,
        monthlyCost: { min: apiPrice, max: apiPrice },
      },
      {
        name: `${tenantName}-worker`,
        kind: 'worker',
        category: 'worker',
        sizeSlug: 'apps-s-1vcpu-0.5gb',
        scale: '×1',
        unitPrice: workerPrice,
        monthlyCost: { min: workerPrice, max: workerPrice },
      },
    ],
    monthlyCost: { min: apiPrice + workerPrice, max: apiPrice + workerPrice },
    byCategory: split(apiPrice, workerPrice),
    estimated: false,
  };
}

const demo = tenant('taskifai-demo', 'apps-s-1vcpu-1gb', 12, 5);
const bibbi = tenant('taskifai-bibbi', 'apps-s-1vcpu-2gb', 25, 5);
const costs: FleetCosts = {
  fetchedAt: '2026-11-20T12:00:00Z',
  apps: [bibbi, demo],
  groups: [
    {
      group: 'TaskifAI',
      appIds: [bibbi.appId, demo.appId],
      monthlyCost: { min: 47, max: 47 },
      byCategory: split(37, 10),
      estimated: false,
    },
  ],
  monthlyCost: { min: 47, max: 47 },
  proposeFailures: 0,
  databases: [],
  estimated: false,
  priceSources: [],
};

describe('exporting the cost table for a spreadsheet', () => {
  it('quotes commas, quotes and line breaks, and ends every row with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3.5]])).toBe('a,"b,c","say ""hi""","two\nlines",3.5\r\n');
  });

  it('keeps a cell that looks like a formula from running in the spreadsheet', () => {
    expect(toCsv([['=HYPERLINK("x")', '-1', 1, -2]])).toBe(`"'=HYPERLINK(""x"")",'-1,1,-2\r\n`);
  });

  it('writes one line per component with the unit price, the monthly cost and the fleet total last', () => {
    const rows = costTableRows(costs);
    expect(rows[0]).toEqual([
      'Group',
      'App',
      'Component',
      'Type',
      'Size',
      'Instances',
      'Unit price (USD/mo)',
      'Monthly min (USD)',
      'Monthly max (USD)',
      'Note',
      'Estimate',
    ]);
    expect(rows).toHaveLength(1 + 6 + 1);
    expect(rows[2]).toEqual([
      'TaskifAI',
      'taskifai-bibbi',
      'bibbi-api',
      'API (services)',
      'apps-s-1vcpu-2gb',
      '1',
      '25.00',
      '25.00',
      '25.00',
      '',
      '',
    ]);
    expect(rows.at(-1)).toEqual(['Fleet total', '', '', '', '', '', '', '47.00', '47.00', '', '']);
    expect(toCsv(rows)).toContain('"Static sites are free, within the allowance"');
  });
});

describe('the charts and the comparison', () => {
  it('stacks each group by type with the autoscaling headroom on top', () => {
    const withRange: FleetCosts = { ...costs, groups: [{ ...costs.groups[0]!, monthlyCost: { min: 47, max: 200 } }] };
    expect(costBars(withRange, 'group')[0]).toMatchObject({ label: 'TaskifAI', api: 37, worker: 10, headroom: 153 });
  });

  it('stacks each tenant (one app) by type instead when the chart is switched to tenants', () => {
    expect(costBars(costs, 'tenant')).toEqual([
      expect.objectContaining({ label: 'taskifai-bibbi', group: 'TaskifAI', appId: 'id-taskifai-bibbi', api: 25 }),
      expect.objectContaining({ label: 'taskifai-demo', group: 'TaskifAI', appId: 'id-taskifai-demo', api: 12 }),
    ]);
  });

  it('writes a managed cluster no app uses as an account line, so the lines still add up to the total', () => {
    const withCluster: FleetCosts = {
      ...costs,
      monthlyCost: { min: 62, max: 62 },
      estimated: true,
      databases: [
        {
          name: 'old-pg',
          engine: 'pg',
          size: 'db-s-1vcpu-1gb',
          nodes: 1,
          monthlyPrice: 15,
          note: 'estimate',
          appIds: [],
        },
      ],
    };
    const rows = costTableRows(withCluster);
    expect(rows.at(-2)).toEqual(
      expect.arrayContaining(['Account', 'old-pg', 'Databases', 'db-s-1vcpu-1gb', '15.00', 'yes']),
    );
    const lines = rows.slice(1, -1);
    expect(lines.reduce((t, r) => t + Number(r[7]), 0)).toBe(62);
    expect(rows.at(-1)).toEqual(['Fleet total', '', '', '', '', '', '', '62.00', '62.00', '', 'includes estimates']);
  });

  it('shows past invoices and this month as used-so-far plus the projected rest', () => {
    const billing: AccountBilling = {
      generatedAt: '2026-11-20T12:00:00Z',
      monthToDateUsage: 286,
      monthToDateBalance: 286,
      accountBalance: 0,
      projectedMonthEnd: 440,
      projectionBasis: 'App Platform at today’s run rate.',
      currentPeriod: '2026-11',
      invoices: [
        { invoiceUuid: 'a', period: '2026-09', amount: 420.46 },
        { invoiceUuid: 'b', period: '2026-10', amount: 433.94 },
      ],
      history: [],
    };
    expect(historyBars(billing)).toEqual([
      { period: '2026-09', label: 'Sep 26', invoiced: 420.46 },
      { period: '2026-10', label: 'Oct 26', invoiced: 433.94 },
      { period: '2026-11', label: 'Nov 26', soFar: 286, projectedRest: 154 },
    ]);
  });

  it('lines tenants up by role (api, worker) and shows how much more the second costs', () => {
    const rows = compareByRole([demo, bibbi]);
    expect(rows.map((r) => r.component)).toEqual(['frontend', 'api', 'worker']);
    expect(rows[1]).toMatchObject({ difference: 13 });
    expect(rows[1]?.cells.map((c) => c?.sizeSlug)).toEqual(['apps-s-1vcpu-1gb', 'apps-s-1vcpu-2gb']);
    expect(rows[2]?.difference).toBe(0);
  });
});

describe('the margin a tenant group leaves', () => {
  it('is revenue minus what the group costs at its usual (minimum) scale', () => {
    expect(marginOf(250, { min: 101, max: 101 })).toEqual({ margin: 149, percent: 59.6 });
    expect(marginOf(50, { min: 58, max: 364 })).toEqual({ margin: -8, percent: -16 });
    expect(marginOf(0, { min: 35, max: 35 })).toEqual({ margin: -35 });
  });

  it('reads revenue the way a person types it', () => {
    expect(parseAmount('$1,250.50')).toBe(1250.5);
    expect(parseAmount(' 300 ')).toBe(300);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('lots')).toBeUndefined();
    expect(parseAmount('-5')).toBeUndefined();
  });
});
