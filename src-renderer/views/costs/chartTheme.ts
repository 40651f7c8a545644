// Chart colours and text styles come from the CSS variables, so light and dark mode follow the
// rest of the app without a second palette in code.
import type { CostCategory } from '../../../src-preload/contract';
import { formatUsd } from '../../format';

export const CATEGORY_COLOR: Record<CostCategory | 'headroom' | 'supabase', string> = {
  frontend: 'var(--chart-frontend)',
  api: 'var(--chart-api)',
  worker: 'var(--chart-worker)',
  database: 'var(--chart-database)',
  other: 'var(--chart-other)',
  headroom: 'var(--chart-headroom)',
  // A tenant's Supabase share: its own hue, apart from DigitalOcean's component types.
  supabase: 'var(--chart-supabase)',
};

export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 } as const;
export const AXIS_LINE = { stroke: 'var(--border-strong)' } as const;
export const GRID_STROKE = 'var(--border)';

export const TOOLTIP_PROPS = {
  contentStyle: {
    background: 'var(--surface)',
    border: '1px solid var(--border-strong)',
    borderRadius: 6,
    color: 'var(--text)',
    fontSize: 12,
  },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text-2)' },
  cursor: { fill: 'var(--surface-hover)' },
} as const;

/** Axis labels: whole dollars ("$1,250"), cents would crowd the ticks. */
export function axisUsd(value: number): string {
  return formatUsd(value).replace(/\.00$/, '');
}

/** Round axis steps ($50, $100, $250…) up to just above `max`, instead of $95, $190, $285. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / (target - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 100) / 100);
}
