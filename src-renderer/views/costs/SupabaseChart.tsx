// Each Supabase organization's estimated month as one bar: the plan fee, then the compute the
// plan's credits do not cover. The bar adds up to the estimate printed at its right; pointing at it
// spells out its parts on the line under the chart.
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SupabaseOrganizationCost } from '../../../src-preload/contract';
import { ChartLegend } from './ChartLegend';
import { ChartReadout, readoutParts, useHoveredRow, type ReadoutSeries } from './ChartReadout';
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_PROPS, axisUsd, niceTicks } from './chartTheme';
import { supabaseBars } from './supabaseModel';

const ROW_HEIGHT = 46;
const TOTAL_TICK = { fill: 'var(--text)', fontSize: 12, fontWeight: 600, textAnchor: 'end', dx: 150 } as const;
const PLAN_COLOR = 'var(--chart-supabase-plan)';
const COMPUTE_COLOR = 'var(--chart-supabase-compute)';
const SERIES: ReadoutSeries[] = [
  { key: 'planFee', label: 'Plan fee', color: PLAN_COLOR },
  { key: 'computeBilled', label: 'Compute after credits', color: COMPUTE_COLOR },
];

export function SupabaseChart({ organizations }: { organizations: SupabaseOrganizationCost[] }) {
  // Kept across renders: pointing at a bar re-renders this, and new data would redraw the bars.
  const rows = useMemo(() => supabaseBars(organizations), [organizations]);
  const ticks = useMemo(() => niceTicks(Math.max(1, ...rows.map((r) => r.planFee + r.computeBilled))), [rows]);
  const hovered = useHoveredRow();
  const active = hovered.index === undefined ? undefined : rows[hovered.index];
  return (
    <>
      <div
        className="chart"
        data-testid="supabase-chart"
        style={{ height: rows.length * ROW_HEIGHT + 40, minHeight: 0 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 8 }} barCategoryGap={10}>
            <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
            <XAxis
              type="number"
              ticks={ticks}
              domain={[0, ticks[ticks.length - 1] ?? 'auto']}
              tickFormatter={axisUsd}
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              tickLine={false}
            />
            <YAxis
              type="category"
              dataKey="organization"
              width={150}
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              tickLine={false}
            />
            <YAxis
              yAxisId="total"
              orientation="right"
              type="category"
              dataKey="totalLabel"
              width={160}
              tick={TOTAL_TICK}
              axisLine={false}
              tickLine={false}
            />
            {/* Only the highlight band: what it highlights is told under the chart. */}
            <Tooltip cursor={TOOLTIP_PROPS.cursor} content={hovered.content} isAnimationActive={false} />
            <Bar dataKey="planFee" name="Plan fee" stackId="org" fill={PLAN_COLOR} isAnimationActive={false} />
            <Bar
              dataKey="computeBilled"
              name="Compute after credits"
              stackId="org"
              fill={COMPUTE_COLOR}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartReadout
        testId="supabase-readout"
        title={active?.organization}
        parts={readoutParts(active, SERIES)}
        suffix=" (estimate)"
        empty="nothing to pay on this plan (estimate)"
        total={active ? `${active.totalLabel} a month` : undefined}
        hint="Point at a bar to see its plan fee and compute."
      />
      <ChartLegend
        items={[
          { label: 'Plan fee', color: PLAN_COLOR },
          { label: 'Compute after the plan’s credits', color: COMPUTE_COLOR },
        ]}
      />
    </>
  );
}
