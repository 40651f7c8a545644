// Twelve months of invoices, and this month as used so far plus the projection to month end.
// Months are named with the whole year ("Dec 2025"): "Dec 25" read like the 25th of December.
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccountBilling } from '../../../src-preload/contract';
import { formatUsd } from '../../format';
import { ChartLegend } from './ChartLegend';
import { ChartReadout, readoutParts, useHoveredRow, type ReadoutSeries } from './ChartReadout';
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_PROPS, axisUsd, niceTicks } from './chartTheme';
import { historyBars, monthLabel } from './costModel';

const SERIES: ReadoutSeries[] = [
  { key: 'invoiced', label: 'Invoiced', color: 'var(--chart-invoice)' },
  { key: 'soFar', label: 'This month so far', color: 'var(--chart-api)' },
  { key: 'projectedRest', label: 'Projected to month end', color: 'var(--chart-projection)' },
];

export function HistoryChart({ billing }: { billing: AccountBilling }) {
  // Kept across renders: pointing at a bar re-renders this, and new data would redraw the bars.
  const rows = useMemo(
    () =>
      historyBars(billing).map((r) =>
        r.projectedRest !== undefined ? { ...r, projectionLabel: `≈ ${formatUsd(billing.projectedMonthEnd)}` } : r,
      ),
    [billing],
  );
  const ticks = useMemo(
    () => niceTicks(Math.max(billing.projectedMonthEnd, ...billing.invoices.map((i) => i.amount))),
    [billing],
  );
  const hovered = useHoveredRow();
  const active = hovered.index === undefined ? undefined : rows[hovered.index];
  return (
    <>
      <div className="chart" data-testid="history-chart" style={{ height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 24, right: 16, bottom: 4, left: 8 }} barCategoryGap="22%">
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis
              dataKey="period"
              tickFormatter={monthLabel}
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              tickLine={false}
              interval={0}
            />
            <YAxis
              ticks={ticks}
              domain={[0, ticks[ticks.length - 1] ?? 'auto']}
              tickFormatter={axisUsd}
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              tickLine={false}
              width={64}
            />
            {/* Only the highlight band: what it highlights is told under the chart. */}
            <Tooltip cursor={TOOLTIP_PROPS.cursor} content={hovered.content} isAnimationActive={false} />
            <Bar
              dataKey="invoiced"
              name="Invoiced"
              stackId="month"
              fill="var(--chart-invoice)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="soFar"
              name="This month so far"
              stackId="month"
              fill="var(--chart-api)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="projectedRest"
              name="Projected to month end"
              stackId="month"
              fill="var(--chart-projection)"
              stroke="var(--chart-api)"
              strokeDasharray="4 3"
              isAnimationActive={false}
            >
              {/* Drawn as plain text: recharts wraps a label to the bar's width. */}
              <LabelList
                dataKey="projectionLabel"
                content={({ x, y, width, value }) =>
                  value === undefined || value === null ? null : (
                    <text
                      x={Number(x) + Number(width) / 2}
                      y={Number(y) - 8}
                      textAnchor="middle"
                      fill="var(--text)"
                      fontSize={12}
                      fontWeight={600}
                    >
                      {String(value)}
                    </text>
                  )
                }
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartReadout
        testId="history-readout"
        title={active ? monthLabel(active.period) : undefined}
        parts={readoutParts(active, SERIES)}
        total={
          active?.projectedRest !== undefined ? `≈ ${formatUsd(billing.projectedMonthEnd)} by month end` : undefined
        }
        hint="Point at a month to see what was invoiced or used."
      />
      <ChartLegend
        items={[
          { label: 'Invoiced', color: 'var(--chart-invoice)' },
          { label: 'This month so far', color: 'var(--chart-api)' },
          { label: 'Projected to month end', color: 'var(--chart-projection)', dashed: true },
        ]}
      />
    </>
  );
}
