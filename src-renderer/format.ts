// Pure formatting helpers: money, durations, times and component labels. No React, no stores,
// no clocks read behind the caller's back (pass `nowMs`), so every function is unit-testable.
import type {
  ComponentKind,
  ComponentSummary,
  DeploymentPhase,
  DeploymentSummary,
  HealthState,
  MonthlyCost,
} from '../src-preload/contract';

// ---------------------------------------------------------------------------------------------
// Money

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 58 → "$58.00", 1234.5 → "$1,234.50". Non-finite numbers show as an em dash. */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  // Avoid "-$0.00" for tiny negative rounding noise.
  return usd.format(Math.abs(amount) < 0.005 ? 0 : amount);
}

/** A monthly cost: one amount, or "min–max" (en dash) when autoscaling makes it a range. */
export function formatCost(cost: MonthlyCost): string {
  if (cost.min === cost.max) return formatUsd(cost.min);
  return `${formatUsd(cost.min)}–${formatUsd(cost.max)}`;
}

export function isCostRange(cost: MonthlyCost): boolean {
  return cost.min !== cost.max;
}

export function sumCosts(costs: readonly MonthlyCost[]): MonthlyCost {
  const total = costs.reduce((sum, c) => ({ min: sum.min + c.min, max: sum.max + c.max }), { min: 0, max: 0 });
  return { min: roundCents(total.min), max: roundCents(total.max) };
}

const roundCents = (amount: number) => Math.round(amount * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Durations and times

/** 252 → "4m 12s", 45 → "45s", 3725 → "1h 2m", 90000 → "1d 1h". */
export function formatDuration(totalSeconds: number | undefined): string {
  if (totalSeconds === undefined || !Number.isFinite(totalSeconds) || totalSeconds < 0) return '—';
  const s = Math.round(totalSeconds);
  if (s < 60) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes}m ${s % 60}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** "just now", "5m ago", "3h ago", "3d ago", "4mo ago", "2y ago"; future times read "in 5m". */
export function formatRelativeTime(iso: string | undefined, nowMs: number): string {
  const then = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(then)) return '—';
  const deltaSeconds = Math.round((nowMs - then) / 1000);
  const abs = Math.abs(deltaSeconds);
  if (abs < 45) return 'just now';
  const unit =
    abs < 3600
      ? `${Math.max(1, Math.round(abs / 60))}m`
      : abs < 86_400
        ? `${Math.round(abs / 3600)}h`
        : abs < 30 * 86_400
          ? `${Math.round(abs / 86_400)}d`
          : abs < 365 * 86_400
            ? `${Math.round(abs / (30 * 86_400))}mo`
            : `${Math.round(abs / (365 * 86_400))}y`;
  return deltaSeconds >= 0 ? `${unit} ago` : `in ${unit}`;
}

/** A full timestamp for title attributes: "Nov 22, 2025, 3:57:04 AM UTC" (locale aware). */
export function formatAbsoluteTime(iso: string | undefined, timeZone?: string): string {
  const then = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(then)) return '';
  return dateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long' }, timeZone).format(then);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale, options and zone. toLocaleString builds a new one on every call, which
 * costs more than the formatting: the overview formats a title for every row it draws.
 */
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)} ${timeZone ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Wall-clock time of day, "03:57:04", for "last refreshed". */
export function formatClockTime(iso: string | undefined, timeZone?: string): string {
  const then = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(then)) return '—';
  return dateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }, timeZone).format(then);
}

// ---------------------------------------------------------------------------------------------
// Components

const KIND_ORDER: readonly ComponentKind[] = ['static_site', 'service', 'worker', 'job', 'function', 'database'];
const KIND_LABEL: Record<ComponentKind, [singular: string, plural: string]> = {
  static_site: ['static', 'static'],
  service: ['service', 'services'],
  worker: ['worker', 'workers'],
  job: ['job', 'jobs'],
  function: ['function', 'functions'],
  database: ['database', 'databases'],
};

export function kindLabel(kind: ComponentKind): string {
  return kind === 'static_site' ? 'static site' : KIND_LABEL[kind][0];
}

/** ["1 static", "1 service", "1 worker"]; kinds in a fixed order, absent kinds left out. */
export function kindCounts(components: readonly Pick<ComponentSummary, 'kind'>[]): string[] {
  const counts = new Map<ComponentKind, number>();
  for (const c of components) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return KIND_ORDER.filter((k) => counts.has(k)).map((k) => {
    const n = counts.get(k) ?? 0;
    return `${n} ${KIND_LABEL[k][n === 1 ? 0 : 1]}`;
  });
}

/** "1 static · 1 service · 1 worker". */
export function summarizeKinds(components: readonly Pick<ComponentSummary, 'kind'>[]): string {
  return kindCounts(components).join(' · ');
}

/**
 * Items joined by " · " into one text that wraps only after a "·": the spaces inside an item and
 * before its "·" do not break. One text node where a span per item made a dozen DOM nodes in each
 * overview row, and every row a scroll brings in pays for each.
 */
export function wrapBetween(items: readonly string[]): string {
  return items.map((item) => item.replaceAll(' ', '\u00a0')).join('\u00a0· ');
}

/** Components that run on an instance size (static sites, functions and databases do not). */
export function isSized(component: Pick<ComponentSummary, 'kind'>): boolean {
  return component.kind === 'service' || component.kind === 'worker' || component.kind === 'job';
}

/** "×2" for a fixed count, "2–6" for autoscaling, "" when the component has no instances. */
export function formatScale(component: Pick<ComponentSummary, 'instanceCount' | 'autoscaling'>): string {
  if (component.autoscaling) return `${component.autoscaling.min}–${component.autoscaling.max}`;
  if (component.instanceCount !== undefined) return `×${component.instanceCount}`;
  return '';
}

export interface SizeLabel {
  /** The slug as the spec writes it ("default" when the spec leaves it to the API). */
  slug: string;
  /** "×2" or "2–6". */
  scale: string;
  /** For legacy slugs: "≈ apps-s-1vcpu-0.5gb", the current slug it is priced as. */
  hint?: string;
}

export const DEFAULT_SIZE_SLUG = 'apps-s-1vcpu-0.5gb';

export function sizeLabel(component: ComponentSummary): SizeLabel | undefined {
  if (!isSized(component)) return undefined;
  return {
    slug: component.sizeSlug ?? DEFAULT_SIZE_SLUG,
    scale: formatScale(component),
    ...(component.pricedAsSlug ? { hint: `≈ ${component.pricedAsSlug}` } : {}),
  };
}

export function formatPercent(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return `${Math.round(value)}%`;
}

// ---------------------------------------------------------------------------------------------
// Deployments and health

export type Tone = 'success' | 'neutral' | 'danger' | 'warning' | 'progress' | 'muted';

const PHASE_TONE: Record<DeploymentPhase, Tone> = {
  ACTIVE: 'success',
  SUPERSEDED: 'neutral',
  ERROR: 'danger',
  CANCELED: 'warning',
  PENDING_BUILD: 'progress',
  BUILDING: 'progress',
  PENDING_DEPLOY: 'progress',
  DEPLOYING: 'progress',
  UNKNOWN: 'muted',
};

export function phaseTone(phase: DeploymentPhase): Tone {
  return PHASE_TONE[phase] ?? 'muted';
}

export function isInProgress(phase: DeploymentPhase): boolean {
  return PHASE_TONE[phase] === 'progress';
}

/** "PENDING_BUILD" → "PENDING BUILD". */
export function phaseLabel(phase: string): string {
  return phase.replaceAll('_', ' ');
}

/** "2/6" from a deployment's progress, "" when it reports none. */
export function formatProgress(deployment: Pick<DeploymentSummary, 'progress'>): string {
  const p = deployment.progress;
  return p && p.total > 0 ? `${p.done}/${p.total}` : '';
}

const HEALTH_TONE: Record<HealthState, Tone> = {
  healthy: 'success',
  degraded: 'warning',
  unhealthy: 'danger',
  unknown: 'muted',
};

export function healthTone(state: HealthState): Tone {
  return HEALTH_TONE[state] ?? 'muted';
}

/** "2/3 ready" when both numbers are known. */
export function formatReplicas(ready: number | undefined, desired: number | undefined): string {
  if (ready === undefined || desired === undefined) return '';
  return `${ready}/${desired} ready`;
}

/** "owner/repo@main", an image reference as is, "" for none. */
export function formatSource(source: { kind: string; ref: string; branch?: string }): string {
  if (source.kind === 'none' || !source.ref) return '';
  return source.branch ? `${source.ref}@${source.branch}` : source.ref;
}

/** "https://x.ondigitalocean.app/" → "x.ondigitalocean.app". */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
