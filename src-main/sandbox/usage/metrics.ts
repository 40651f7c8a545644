// Prometheus-style metric series for the sandbox's apps, shaped by each component's behaviour:
// CPU follows the working day (busy afternoons, quiet nights), memory stays nearly flat, and an
// UNHEALTHY component keeps restarting. Values are a pure function of time, so a chart read twice
// shows the same line. An app has no metrics from before it was created: a series starts at its
// created_at, as the real API's would.
import type { MetricsSeries } from '../../clients/digitalocean/types';
import type { AppRecord, ComponentBehaviour } from '../state';

export type SandboxMetric = 'cpu_percentage' | 'memory_percentage' | 'restart_count';

/** At most this many points per series, like the real API's automatic step. */
const MAX_POINTS = 200;
const MIN_STEP_SECONDS = 60;
const RESTART_EVERY_SECONDS = 5 * 3600;

export function stepFor(startSec: number, endSec: number): number {
  const span = Math.max(0, endSec - startSec);
  return Math.max(MIN_STEP_SECONDS, Math.ceil(span / MAX_POINTS / MIN_STEP_SECONDS) * MIN_STEP_SECONDS);
}

function hash(text: string, n: number): number {
  let h = 2166136261 ^ n;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}

/** 0 at 03:00 UTC, 1 at 15:00 UTC. */
const dayCurve = (tSec: number) => (1 - Math.cos(((tSec / 3600 - 3) / 24) * 2 * Math.PI)) / 2;

function valueAt(metric: SandboxMetric, b: ComponentBehaviour, key: string, tSec: number): number {
  const noise = hash(key, Math.floor(tSec / 60)) - 0.5;
  if (metric === 'cpu_percentage') {
    const v = b.cpuPercent * (0.6 + 0.8 * dayCurve(tSec)) + noise * Math.max(2, b.cpuPercent * 0.15);
    return clampPercent(v);
  }
  if (metric === 'memory_percentage') {
    return clampPercent(b.memoryPercent * (0.95 + 0.1 * dayCurve(tSec)) + noise * 3);
  }
  return b.state === 'UNHEALTHY' ? Math.floor(tSec / RESTART_EVERY_SECONDS) % 1000 : 0;
}

const clampPercent = (v: number) => Math.round(Math.min(100, Math.max(0, v)) * 100) / 100;

export function instanceCountOf(record: AppRecord, component: string): number | undefined {
  const c = [...(record.app.spec.services ?? []), ...(record.app.spec.workers ?? [])].find((x) => x.name === component);
  if (!c) return undefined;
  return c.autoscaling?.min_instance_count ?? c.instance_count ?? 1;
}

/** The first second an app can have metrics for: its creation (undefined when unknown). */
function createdSecOf(record: AppRecord): number | undefined {
  const ms = record.app.created_at ? Date.parse(record.app.created_at) : NaN;
  return Number.isFinite(ms) ? Math.ceil(ms / 1000) : undefined;
}

/** One series per instance of each compute component (or of the one asked for). */
export function seriesFor(
  record: AppRecord,
  metric: SandboxMetric,
  startSec: number,
  endSec: number,
  component?: string,
): MetricsSeries[] {
  const names = Object.keys(record.behaviour).filter((n) => !component || n === component);
  // The step follows the window asked for, as the API's does; only the points before creation go.
  const step = stepFor(startSec, endSec);
  const from = Math.max(startSec, createdSecOf(record) ?? startSec);
  const first = Math.ceil(from / step) * step;
  if (first > endSec) return [];
  const series: MetricsSeries[] = [];
  for (const name of names) {
    const behaviour = record.behaviour[name];
    const count = instanceCountOf(record, name);
    if (!behaviour || count === undefined) continue;
    for (let i = 0; i < count; i++) {
      const instance = `${name}-${hash(record.app.id ?? '', i)
        .toString(16)
        .slice(2, 12)}`;
      const values: Array<[number, string]> = [];
      for (let t = first; t <= endSec; t += step) {
        values.push([t, String(valueAt(metric, behaviour, instance, t))]);
      }
      series.push({
        metric: { app_uuid: record.app.id ?? '', app_component: name, app_component_instance: instance },
        values,
      });
    }
  }
  return series;
}
