// The words around the Costs charts: a month is named with its whole year, and what a pointed-at
// bar is made of lists only the parts that cost something, in the chart's order.
import { describe, expect, it } from 'vitest';
import { readoutParts } from '../../../src-renderer/views/costs/ChartReadout';
import { monthLabel } from '../../../src-renderer/views/costs/costModel';

describe('naming a month', () => {
  it('with the whole year, so December 2025 never reads like the 25th of December', () => {
    expect(monthLabel('2025-12')).toBe('Dec 2025');
    expect(monthLabel('2026-01')).toBe('Jan 2026');
  });

  it('leaves a period it cannot read as it is', () => {
    expect(monthLabel('soon')).toBe('soon');
  });
});

describe('what a pointed-at bar is made of', () => {
  const series = [
    { key: 'frontend', label: 'Frontend (static)', color: 'a' },
    { key: 'api', label: 'API (services)', color: 'b' },
    { key: 'worker', label: 'Workers', color: 'c' },
    { key: 'headroom', label: 'Autoscaling up to max', color: 'd' },
  ];

  it('names the parts with an amount and leaves out the $0.00 ones', () => {
    const taskifai = { group: 'TaskifAI', frontend: 0, api: 79, worker: 22, headroom: 0 };
    expect(readoutParts(taskifai, series).map((p) => `${p.label} ${p.amount}`)).toEqual([
      'API (services) 79',
      'Workers 22',
    ]);
  });

  it('has nothing to say when nothing is pointed at, or a bar costs nothing', () => {
    expect(readoutParts(undefined, series)).toEqual([]);
    expect(readoutParts({ frontend: 0, api: 0.001, worker: undefined }, series)).toEqual([]);
  });
});
