// Fleet costs per product group or per tenant, stacked by component type at minimum scale, with
// autoscaling headroom on top. A group's bar opens its apps on the overview, a tenant's its app
// page; pointing at a bar spells out its parts on the line under the chart.
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FleetCosts } from '../../../src-preload/contract';
import { formatCost } from '../../format';
import { ChartLegend } from './ChartLegend';
import { ChartReadout, readoutParts, useHoveredRow, type ReadoutSeries } from './ChartReadout';
import { AXIS_LINE, AXIS_TICK, CATEGORY_COLOR, GRID_STROKE, TOOLTIP_PROPS, axisUsd, niceTicks } from './chartTheme';
import { CATEGORIES, CATEGORY_LABEL, costBars, SUPABASE_LABEL, type ChartBy } from './costModel';

const ROW_HEIGHT = 46;
/** Tenants are named app by app ("presence360-control-plane"): their labels need more room. */
const LABEL_WIDTH: Record<ChartBy, number> = { group: 150, tenant: 210 };
/** Marks a total that includes a published-price estimate (a managed database's share). */
export const ESTIMATE_MARK = '*';
const TOTAL_TICK = { fill: 'var(--text)', fontSize: 12, fontWeight: 600, textAnchor: 'end', dx: 130 } as const;
const SERIES: ReadoutSeries[] = [
  ...CATEGORIES.map((c) => ({ key: c, label: CATEGORY_LABEL[c], color: CATEGORY_COLOR[c] })),
  { key: 'supabase', label: SUPABASE_LABEL, color: CATEGORY_COLOR.supabase },
  { key: 'headroom', label: 'Autoscaling up to max', color: CATEGORY_COLOR.headroom },
];

interface FleetCostsChartProps {
  costs: FleetCosts;
  by: ChartBy;
  onOpenGroup: (group: string) => void;
  onOpenApp: (appId: string) => void;
}

export function FleetCostsChart({ costs, by, onOpenGroup, onOpenApp }: FleetCostsChartProps) {
  // Kept across renders: pointing at a bar re-renders this, and new data would redraw the bars
  // under the pointer (a click's mouseup then lands on a new element and is lost).
  const rows = useMemo(
    () =>
      costBars(costs, by).map((r) => ({
        ...r,
        totalLabel: `${formatCost(r.total)}${r.estimated ? ` ${ESTIMATE_MARK}` : ''}`,
      })),
    [costs, by],
  );
  const hasHeadroom = rows.some((r) => r.headroom > 0);
  const hasSupabase = rows.some((r) => r.supabase > 0);
  const ticks = useMemo(() => niceTicks(Math.max(...rows.map((r) => r.total.max))), [rows]);
  const legend = [
    ...CATEGORIES.map((c) => ({ label: CATEGORY_LABEL[c], color: CATEGORY_COLOR[c] })),
    ...(hasSupabase ? [{ label: `${SUPABASE_LABEL} (compute share, estimate)`, color: CATEGORY_COLOR.supabase }] : []),
    ...(hasHeadroom ? [{ label: 'Autoscaling, up to max', color: CATEGORY_COLOR.headroom }] : []),
  ];
  const hovered = useHoveredRow();
  const active = hovered.index === undefined ? undefined : rows[hovered.index];
  const open = (index: number) => {
    const row = rows[index];
    if (row?.appId) onOpenApp(row.appId);
    else if (row) onOpenGroup(row.group);
  };
  const estimated = rows.some((r) => r.estimated);
  return (
    <>
      <div
        className="chart"
        data-testid="fleet-costs-chart"
        data-by={by}
        style={{ height: rows.length * ROW_HEIGHT + 40 }}
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
              dataKey="label"
              width={LABEL_WIDTH[by]}
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              tickLine={false}
            />
            {/* Totals as a right-hand column: a label on a zero-width segment would not be drawn. */}
            <YAxis
              yAxisId="total"
              orientation="right"
              type="category"
              dataKey="totalLabel"
              width={140}
              tick={TOTAL_TICK}
              axisLine={false}
              tickLine={false}
            />
            {/* Only the highlight band: what it highlights is told under the chart. */}
            <Tooltip cursor={TOOLTIP_PROPS.cursor} content={hovered.content} isAnimationActive={false} />
            {CATEGORIES.map((category) => (
              <Bar
                key={category}
                dataKey={category}
                name={CATEGORY_LABEL[category]}
                stackId="cost"
                fill={CATEGORY_COLOR[category]}
                cursor="pointer"
                onClick={(_, index) => open(index)}
                isAnimationActive={false}
              />
            ))}
            {/* After DigitalOcean's types, before the headroom: the minimum-scale bill ends where the grey starts. */}
            <Bar
              dataKey="supabase"
              name={SUPABASE_LABEL}
              stackId="cost"
              fill={CATEGORY_COLOR.supabase}
              cursor="pointer"
              onClick={(_, index) => open(index)}
              isAnimationActive={false}
            />
            <Bar
              dataKey="headroom"
              name="Autoscaling up to max"
              stackId="cost"
              fill={CATEGORY_COLOR.headroom}
              cursor="pointer"
              onClick={(_, index) => open(index)}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartReadout
        testId="fleet-costs-readout"
        title={
          active ? (active.appId || active.shareNote ? `${active.label} (${active.group})` : active.label) : undefined
        }
        parts={readoutParts(active, SERIES)}
        total={
          active
            ? `${formatCost(active.total)} a month${active.estimated || active.supabase > 0 ? ', partly estimated' : ''}`
            : undefined
        }
        {...(active?.supabaseNote
          ? { note: `Supabase ${active.supabaseNote}` }
          : active?.shareNote
            ? { note: active.shareNote }
            : {})}
        hint={
          by === 'tenant'
            ? 'Point at a bar to see what it is made of; click it to open the app.'
            : 'Point at a bar to see what it is made of; click it to open the group’s apps.'
        }
      />
      <ChartLegend items={legend} />
      {estimated ? (
        <p className="chart-footnote muted" data-testid="chart-estimate-note">
          {ESTIMATE_MARK} includes a managed database’s share at DigitalOcean’s published price (an estimate: the API
          gives no price for a cluster).
        </p>
      ) : null}
    </>
  );
}
