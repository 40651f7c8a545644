// CPU and memory of each service and worker over the last hour, day or week, on the app's detail
// page: the same metrics the right-sizing advice reads, so a founder can see what it saw. An app
// younger than the range has no metrics from before it was created; the charts say where they
// start instead of letting a shorter line pass for the whole range.
import { useEffect } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageRange } from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useClockStore } from '../../stores/clockStore';
import { usageKey, useCostsStore } from '../../stores/costsStore';
import { ChartLegend } from './ChartLegend';
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, TOOLTIP_PROPS } from './chartTheme';
import './costs.css';

const RANGES: readonly UsageRange[] = ['1h', '24h', '7d'];
const RANGE_MS: Record<UsageRange, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };
const RANGE_TEXT: Record<UsageRange, string> = { '1h': 'an hour', '24h': '24 hours', '7d': '7 days' };

/** The app's creation when it falls inside the range: the charts can only start there. */
export function historyStart(createdAt: string | undefined, range: UsageRange, nowMs: number): Date | undefined {
  const created = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isFinite(created) && created > nowMs - RANGE_MS[range] ? new Date(created) : undefined;
}

/** "Nov 27, 14:05": the day and the minute, which a "since" needs. */
export function formatSince(date: Date): string {
  return date.toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

export function formatTick(t: number, range: UsageRange): string {
  const d = new Date(t * 1000);
  // "Sun 15": locales order weekday and day differently, so the two parts are joined here.
  if (range === '7d') return `${d.toLocaleDateString('en-US', { weekday: 'short' })} ${d.getDate()}`;
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

export function UsageCharts({
  appId,
  components,
  createdAt,
}: {
  appId: string;
  components: string[];
  createdAt?: string;
}) {
  const range = useCostsStore((s) => s.usageRange);
  const setRange = useCostsStore((s) => s.setUsageRange);
  const nowMs = useClockStore((s) => s.nowMs);
  const since = historyStart(createdAt, range, nowMs);
  if (components.length === 0) return null;
  return (
    <section className="section" aria-labelledby="usage-title" data-testid="usage-charts">
      <h2 id="usage-title" className="section__title">
        CPU and memory
        <span className="muted section__hint">mean across instances, percent of the instance size</span>
        <span className="segmented" role="group" aria-label="Time range">
          {RANGES.map((r) => (
            <button
              key={r}
              type="button"
              className="segmented__button"
              aria-pressed={r === range}
              onClick={() => setRange(r)}
            >
              {r}
            </button>
          ))}
        </span>
      </h2>
      {since ? (
        <p className="usage-since" data-testid="usage-since">
          Since {formatSince(since)}: the app was created then, less than {RANGE_TEXT[range]} ago, so there is no
          history before it.
        </p>
      ) : null}
      <div className="usage-grid">
        {components.map((component) => (
          <UsageChart key={component} appId={appId} component={component} range={range} />
        ))}
      </div>
    </section>
  );
}

function UsageChart({ appId, component, range }: { appId: string; component: string; range: UsageRange }) {
  const entry = useCostsStore((s) => s.usage[usageKey(appId, component, range)]);
  const load = useCostsStore((s) => s.loadUsage);
  useEffect(() => {
    void load(appId, component);
  }, [appId, component, range, load]);

  let body;
  if (!entry?.value && entry?.error) {
    body = (
      <ErrorState
        title="Couldn’t read metrics"
        error={entry.error}
        onRetry={() => void load(appId, component)}
        retrying={entry.loading}
      />
    );
  } else if (!entry?.value) {
    body = <LoadingState label="Reading metrics…" />;
  } else if (entry.value.points.length === 0) {
    body = <EmptyState title="No metrics in this range" />;
  } else {
    body = (
      <>
        <div className="chart" style={{ height: 180 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={entry.value.points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(t: number) => formatTick(t, range)}
                tick={AXIS_TICK}
                axisLine={AXIS_LINE}
                tickLine={false}
                minTickGap={28}
              />
              <YAxis
                domain={[0, 100]}
                ticks={[0, 25, 50, 75, 100]}
                tickFormatter={(v: number) => `${v}%`}
                tick={AXIS_TICK}
                axisLine={AXIS_LINE}
                tickLine={false}
                width={44}
              />
              <ReferenceLine y={80} stroke="var(--warning-dot)" strokeDasharray="4 3" />
              <Tooltip
                {...TOOLTIP_PROPS}
                labelFormatter={(t) =>
                  new Date(Number(t) * 1000).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })
                }
                formatter={(value, name) => [`${Number(value).toFixed(1)}%`, name]}
              />
              <Line
                type="monotone"
                dataKey="cpu"
                name="CPU"
                stroke="var(--chart-api)"
                dot={false}
                strokeWidth={1.6}
                isAnimationActive={false}
              />
              <Line
                type="monotone"
                dataKey="memory"
                name="Memory"
                stroke="var(--chart-worker)"
                dot={false}
                strokeWidth={1.6}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <ChartLegend
          items={[
            { label: 'CPU', color: 'var(--chart-api)' },
            { label: 'Memory', color: 'var(--chart-worker)' },
            { label: '80% line', color: 'var(--warning-dot)' },
          ]}
        />
      </>
    );
  }
  return (
    <div className="chart-card usage-card" data-testid="usage-chart" data-component={component}>
      <div className="usage-card__title">
        <strong>{component}</strong>
        {entry?.value ? (
          <span className="muted">
            {entry.value.instances === 1 ? '1 instance' : `${entry.value.instances} instances`}
          </span>
        ) : null}
      </div>
      {body}
    </div>
  );
}
