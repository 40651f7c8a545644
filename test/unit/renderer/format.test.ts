import { describe, expect, it } from 'vitest';
import type { FleetApp } from '../../../src-preload/contract';
import {
  formatCost,
  formatDuration,
  formatRelativeTime,
  formatScale,
  formatUsd,
  summarizeKinds,
  wrapBetween,
} from '../../../src-renderer/format';
import { parseHash, hrefFor } from '../../../src-renderer/stores/navigationStore';
import { appMatchesFilter, groupRows } from '../../../src-renderer/views/overview/fleetModel';

describe('how the window writes numbers and times', () => {
  it('writes money in dollars with cents, and autoscaled ranges with an en dash', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(-0.001)).toBe('$0.00');
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatCost({ min: 58, max: 174 })).toBe('$58.00–$174.00');
    expect(formatCost({ min: 12, max: 12 })).toBe('$12.00');
  });

  it('writes durations and ages the way a person reads them', () => {
    expect(formatDuration(252)).toBe('4m 12s');
    expect(formatDuration(3725)).toBe('1h 2m');
    expect(formatDuration(undefined)).toBe('—');
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(formatRelativeTime('2026-11-20T11:59:50Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-11-17T12:00:00Z', now)).toBe('3d ago');
    expect(formatRelativeTime('2026-11-20T12:05:00Z', now)).toBe('in 5m');
  });

  it('summarises components and their scale', () => {
    expect(summarizeKinds([{ kind: 'static_site' }, { kind: 'service' }, { kind: 'worker' }])).toBe(
      '1 static · 1 service · 1 worker',
    );
    expect(formatScale({ autoscaling: { min: 2, max: 6 } })).toBe('2–6');
    expect(formatScale({ instanceCount: 2 })).toBe('×2');
  });

  it('lets a narrow cell wrap the summary only after a "·", never inside "1 service"', () => {
    const text = wrapBetween(['fra', '1 static', '2 services']);
    expect(text.replace(/\u00a0/g, ' ')).toBe('fra · 1 static · 2 services');
    expect(text.split(' ')).toEqual(['fra\u00a0·', '1\u00a0static\u00a0·', '2\u00a0services']);
  });
});

describe('the fleet overview model', () => {
  const app = (name: string, group: string, cost: number, region = 'fra'): FleetApp => ({
    id: name,
    name,
    group,
    region,
    components: [{ name: `${name}-api`, kind: 'service', monthlyCost: { min: cost, max: cost } }],
    monthlyCost: { min: cost, max: cost },
  });

  it('matches every word of the filter somewhere in the app', () => {
    expect(appMatchesFilter(app('taskifai-demo', 'TaskifAI', 5), 'taskifai fra')).toBe(true);
    expect(appMatchesFilter(app('taskifai-demo', 'TaskifAI', 5), 'taskifai nyc')).toBe(false);
    expect(appMatchesFilter(app('odoo', 'InsightPulse', 5), 'odoo-api')).toBe(true);
  });

  it("groups sorted rows by product, in the order of each group's first row, with group totals", () => {
    const rows = [app('b', 'Beta', 50), app('a1', 'Alpha', 20), app('b2', 'Beta', 10)];
    const blocks = groupRows(rows, (r) => r);
    expect(blocks.map((b) => [b.group, b.rows.map((r) => r.name), b.monthlyCost.min])).toEqual([
      ['Beta', ['b', 'b2'], 60],
      ['Alpha', ['a1'], 20],
    ]);
  });

  it('sorted by cost, groups go by their total, not by their most expensive app', () => {
    // Beta's one app is the dearest, but Alpha's three cost more together.
    const rows = [app('b', 'Beta', 50), app('a1', 'Alpha', 30), app('a2', 'Alpha', 20), app('a3', 'Alpha', 10)];
    const blocks = groupRows(rows, (r) => r, { desc: true });
    expect(blocks.map((b) => [b.group, b.monthlyCost.min])).toEqual([
      ['Alpha', 60],
      ['Beta', 50],
    ]);
    expect(groupRows(rows, (r) => r, { desc: false }).map((b) => b.group)).toEqual(['Beta', 'Alpha']);
  });

  it('routes hashes to views and back', () => {
    expect(parseHash('#/apps/abc-123')).toEqual({ name: 'app', appId: 'abc-123' });
    expect(parseHash('#/activity')).toEqual({ name: 'activity' });
    expect(parseHash('#/nonsense')).toEqual({ name: 'overview' });
    expect(hrefFor({ name: 'app', appId: 'a b' })).toBe('#/apps/a%20b');
  });

  it("routes an app's spec editor, the drafts list and DNS, and back again", () => {
    expect(parseHash('#/apps/abc-123/spec')).toEqual({ name: 'spec', appId: 'abc-123' });
    expect(parseHash('#/specs')).toEqual({ name: 'specs' });
    expect(parseHash('#/dns')).toEqual({ name: 'dns' });
    expect(parseHash('#/apps/abc-123/specs')).toEqual({ name: 'overview' });
    for (const route of [{ name: 'spec', appId: 'a b' }, { name: 'specs' }, { name: 'dns' }] as const) {
      expect(parseHash(hrefFor(route))).toEqual(route);
    }
  });
});
