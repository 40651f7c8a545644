// Right-sizing advice from a week of App Platform metrics. The rules are pure functions over
// metric series so they can be tested on synthetic data; prices come from the API's size list.
import type {
  RightSizingReport,
  SizeDirection,
  SizingAdvice,
  SizingEvidence,
  UsagePoint,
  UsageRange,
  UsageSeries,
} from '../../../src-preload/contract';
import type { AppMetric, DigitalOceanClient } from '../../clients/digitalocean/client';
import type { InstanceSize, MetricsSeries } from '../../clients/digitalocean/types';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import type { InstanceSizeCatalog } from '../apps/instanceSizes';

export const WINDOW_DAYS = 7;
export const RULES = {
  /** Both must hold to go down: a size is chosen for its busiest hours, not its average. */
  downCpuBelow: 30,
  downMemoryBelow: 50,
  upCpuAbove: 80,
  upMemoryAbove: 90,
  /** A deploy or a maintenance restarts a component once or twice a week; more is a crash loop. */
  restartsAtLeast: 3,
} as const;

/** Numeric samples of every series (every instance) together; non-numbers are dropped. */
export function samplesOf(series: readonly MetricsSeries[]): number[] {
  const out: number[] = [];
  for (const s of series) {
    for (const point of s.values) {
      const v = Number(point[1]);
      if (Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
const round1 = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10);

/** Restarts counted from cumulative counters, one per instance; a counter reset counts from zero. */
export function restartsIn(series: readonly MetricsSeries[]): number {
  let total = 0;
  for (const s of series) {
    let previous: number | undefined;
    for (const point of s.values) {
      const v = Number(point[1]);
      if (!Number.isFinite(v)) continue;
      if (previous !== undefined) total += v >= previous ? v - previous : v;
      previous = v;
    }
  }
  return total;
}

export function evidenceOf(
  cpu: readonly MetricsSeries[],
  memory: readonly MetricsSeries[],
  restarts: readonly MetricsSeries[],
): SizingEvidence {
  const c = samplesOf(cpu);
  const m = samplesOf(memory);
  const e: SizingEvidence = { restarts: restartsIn(restarts), samples: c.length + m.length };
  const fields = {
    cpuP95: round1(percentile(c, 95)),
    memoryP95: round1(percentile(m, 95)),
    cpuMean: round1(mean(c)),
    memoryMean: round1(mean(m)),
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(e, { [key]: value });
  return e;
}

/** Which way a component should move, and why, in words a founder can check against the chart. */
export function sizingRule(e: SizingEvidence): { direction: SizeDirection; reason: string; need?: 'cpu' | 'memory' } {
  // Words carry whole percentages, as the evidence beside them is shown.
  const cpu = Math.round(e.cpuP95 ?? 0);
  const memory = Math.round(e.memoryP95 ?? 0);
  if (e.restarts >= RULES.restartsAtLeast) {
    return {
      direction: 'up',
      reason: `Restarted ${e.restarts} times in ${WINDOW_DAYS} days — often out of memory.`,
      need: 'memory',
    };
  }
  if (e.cpuP95 === undefined || e.memoryP95 === undefined) {
    return { direction: 'keep', reason: `No CPU or memory metrics in the last ${WINDOW_DAYS} days.` };
  }
  if (e.memoryP95 > RULES.upMemoryAbove) {
    return {
      direction: 'up',
      reason: `Memory peaks at ${memory}% (p95), above ${RULES.upMemoryAbove}%.`,
      need: 'memory',
    };
  }
  if (e.cpuP95 > RULES.upCpuAbove) {
    return { direction: 'up', reason: `CPU peaks at ${cpu}% (p95), above ${RULES.upCpuAbove}%.`, need: 'cpu' };
  }
  if (e.cpuP95 < RULES.downCpuBelow && e.memoryP95 < RULES.downMemoryBelow) {
    return {
      direction: 'down',
      reason: `CPU stays under ${RULES.downCpuBelow}% (p95 ${cpu}%) and memory under ${RULES.downMemoryBelow}% (p95 ${memory}%).`,
    };
  }
  return { direction: 'keep', reason: `CPU p95 ${cpu}% and memory p95 ${memory}% are within range.` };
}

const num = (s: string | undefined) => (s === undefined ? NaN : Number.parseFloat(s));

/**
 * The next size in the same CPU family that the component can actually use: one that allows its
 * instance count and autoscaling, gives more of what it lacks going up, and less of neither
 * resource going down.
 */
export function neighbourSize(
  sizes: readonly InstanceSize[],
  current: InstanceSize,
  direction: 'up' | 'down',
  use: { instances: number; autoscaled: boolean; need?: 'cpu' | 'memory' },
): InstanceSize | undefined {
  const cpus = num(current.cpus);
  const mem = num(current.memory_bytes);
  const price = num(current.usd_per_month);
  const fits = (s: InstanceSize) =>
    s.cpu_type === current.cpu_type &&
    Number.isFinite(num(s.usd_per_month)) &&
    !(use.instances > 1 && s.single_instance_only) &&
    !(use.autoscaled && !s.scalable);
  const candidates = sizes.filter(fits);
  if (direction === 'down') {
    return candidates
      .filter((s) => num(s.cpus) <= cpus && num(s.memory_bytes) <= mem && num(s.usd_per_month) < price)
      .filter((s) => num(s.cpus) < cpus || num(s.memory_bytes) < mem)
      .sort((a, b) => num(b.usd_per_month) - num(a.usd_per_month))[0];
  }
  return candidates
    .filter((s) => num(s.cpus) >= cpus && num(s.memory_bytes) >= mem && num(s.usd_per_month) > price)
    .filter((s) => (use.need === 'cpu' ? num(s.cpus) > cpus : use.need === 'memory' ? num(s.memory_bytes) > mem : true))
    .sort((a, b) => num(a.usd_per_month) - num(b.usd_per_month))[0];
}

export interface SizedComponent {
  name: string;
  sizeSlug?: string;
  instances: number;
  autoscaled: boolean;
}

export function adviseComponent(
  component: SizedComponent,
  evidence: SizingEvidence,
  catalog: InstanceSizeCatalog,
): SizingAdvice {
  const current = catalog.resolve(component.sizeSlug);
  const rule = sizingRule(evidence);
  const base = { component: component.name, evidence, currentSlug: current?.slug ?? component.sizeSlug ?? 'unknown' };
  if (!current)
    return { ...base, direction: 'keep', reason: `Size "${component.sizeSlug ?? ''}" is not in the API's size list.` };
  if (rule.direction === 'keep') return { ...base, direction: 'keep', reason: rule.reason };
  const next = neighbourSize(catalog.sizes, current, rule.direction, {
    ...component,
    ...(rule.need ? { need: rule.need } : {}),
  });
  if (!next?.slug) {
    const edge =
      rule.direction === 'down' ? 'already the smallest size that fits' : 'already the largest size in its family';
    return { ...base, direction: 'keep', reason: `${rule.reason} It is ${edge}.` };
  }
  const delta = (num(next.usd_per_month) - num(current.usd_per_month)) * component.instances;
  return {
    ...base,
    direction: rule.direction,
    reason: rule.reason,
    suggestedSlug: next.slug,
    monthlyDelta: Math.round(delta * 100) / 100,
  };
}

const RANGE_SECONDS: Record<UsageRange, number> = { '1h': 3600, '24h': 86_400, '7d': 7 * 86_400 };

/** One line per metric for a chart: the mean of all instances at each timestamp. */
export function meanByTimestamp(cpu: readonly MetricsSeries[], memory: readonly MetricsSeries[]): UsagePoint[] {
  const points = new Map<number, { cpu: number[]; memory: number[] }>();
  const add = (series: readonly MetricsSeries[], key: 'cpu' | 'memory') => {
    for (const s of series) {
      for (const [t, raw] of s.values) {
        const v = Number(raw);
        const at = Number(t);
        if (!Number.isFinite(v) || !Number.isFinite(at)) continue;
        const point = points.get(at) ?? { cpu: [], memory: [] };
        point[key].push(v);
        points.set(at, point);
      }
    }
  };
  add(cpu, 'cpu');
  add(memory, 'memory');
  return [...points.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, p]) => {
      const c = round1(mean(p.cpu));
      const m = round1(mean(p.memory));
      return { t, ...(c !== undefined ? { cpu: c } : {}), ...(m !== undefined ? { memory: m } : {}) };
    });
}

type SizingClient = Pick<DigitalOceanClient, 'getApp' | 'getAppMetric'>;

export class RightSizingService {
  constructor(
    private readonly client: SizingClient,
    private readonly sizes: InstanceSizeCache,
    private readonly now: () => number = Date.now,
  ) {}

  async getRightSizing(appId: string): Promise<RightSizingReport> {
    const [app, catalog] = await Promise.all([this.client.getApp(appId), this.sizes.catalog()]);
    const end = Math.floor(this.now() / 1000);
    const start = end - WINDOW_DAYS * 86_400;
    const compute = [...(app.spec.services ?? []), ...(app.spec.workers ?? [])];
    const advice = await Promise.all(
      compute.map(async (c) => {
        const name = c.name ?? '';
        const read = (metric: AppMetric) => this.client.getAppMetric(metric, appId, name, start, end);
        const [cpu, memory, restarts] = await Promise.all([
          read('cpu_percentage'),
          read('memory_percentage'),
          read('restart_count'),
        ]);
        const instances = c.autoscaling?.min_instance_count ?? c.instance_count ?? 1;
        return adviseComponent(
          {
            name,
            ...(c.instance_size_slug ? { sizeSlug: c.instance_size_slug } : {}),
            instances,
            autoscaled: Boolean(c.autoscaling),
          },
          evidenceOf(cpu, memory, restarts),
          catalog,
        );
      }),
    );
    return { appId, windowDays: WINDOW_DAYS, advice };
  }

  async getUsageSeries(appId: string, component: string, range: UsageRange): Promise<UsageSeries> {
    const end = Math.floor(this.now() / 1000);
    const start = end - RANGE_SECONDS[range];
    const [cpu, memory] = await Promise.all([
      this.client.getAppMetric('cpu_percentage', appId, component, start, end),
      this.client.getAppMetric('memory_percentage', appId, component, start, end),
    ]);
    return {
      appId,
      component,
      range,
      instances: Math.max(cpu.length, memory.length),
      points: meanByTimestamp(cpu, memory),
    };
  }
}
