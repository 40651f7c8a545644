// Pure helpers behind the Costs view: the CSV export, chart rows, the compare table. No React,
// no stores, so every function is unit-testable.
import type {
  AccountBilling,
  AppCost,
  ComponentCost,
  CostCategory,
  FleetCosts,
  MonthlyCost,
  TenantSupabaseShare,
} from '../../../src-preload/contract';

export const CATEGORY_LABEL: Record<CostCategory, string> = {
  frontend: 'Frontend (static)',
  api: 'API (services)',
  worker: 'Workers',
  database: 'Databases',
  other: 'Other',
};
export const CATEGORIES: readonly CostCategory[] = ['frontend', 'api', 'worker', 'database', 'other'];

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF rows. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const field = (value: string | number) => {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
    // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

const amount = (n: number) => n.toFixed(2);

/**
 * One line per component, so the spreadsheet can pivot by app, group or type, then the clusters
 * no app uses. Built from the same figures as the totals: the lines add up to the last one.
 */
export function costTableRows(costs: FleetCosts): Array<Array<string | number>> {
  const header = [
    'Group',
    'App',
    'Component',
    'Type',
    'Size',
    'Instances',
    'Unit price (USD/mo)',
    'Monthly min (USD)',
    'Monthly max (USD)',
    'Note',
    'Estimate',
  ];
  const lines = costs.apps.flatMap((app) =>
    app.components.map((c) => [
      app.group,
      app.name,
      c.name,
      CATEGORY_LABEL[c.category],
      c.sizeSlug ?? '',
      c.scale.replace('×', ''),
      c.unitPrice === undefined ? '' : amount(c.unitPrice),
      amount(c.monthlyCost.min),
      amount(c.monthlyCost.max),
      c.costNote ?? '',
      c.estimate ? 'yes' : '',
    ]),
  );
  // Droplets, balancers and the clusters no app names, per product and environment (#18).
  const infrastructure = (costs.infrastructure ?? []).flatMap((row) =>
    row.lines.map((l) => [
      row.group,
      row.label,
      l.name,
      CATEGORY_LABEL[l.category],
      l.sizeSlug ?? '',
      l.scale.replace('×', ''),
      l.unitPrice === undefined ? '' : amount(l.unitPrice),
      amount(l.monthlyCost),
      amount(l.monthlyCost),
      l.note,
      l.estimate ? 'yes' : '',
    ]),
  );
  const carried = clustersWithInfrastructure(costs);
  const unused = costs.databases
    .filter((d) => d.appIds.length === 0 && d.monthlyPrice !== undefined && !carried.has(d.name))
    .map((d) => [
      'Account',
      '',
      d.name,
      CATEGORY_LABEL.database,
      d.size,
      String(d.nodes),
      amount(d.monthlyPrice! / d.nodes),
      amount(d.monthlyPrice!),
      amount(d.monthlyPrice!),
      `No app uses this cluster; it bills all the same. ${d.note}`,
      'yes',
    ]);
  const supabase = costs.apps.flatMap((app) => {
    const share = app.supabase;
    if (share?.monthly === undefined) return [];
    return [
      [
        app.group,
        app.name,
        share.project ?? share.ref,
        SUPABASE_LABEL,
        '',
        '',
        share.projectMonthly === undefined ? '' : amount(share.projectMonthly),
        amount(share.monthly),
        amount(share.monthly),
        supabaseNoteOf(share),
        'yes',
      ],
    ];
  });
  const extra = costs.supabase?.monthly ?? 0;
  const total = [
    'Fleet total',
    '',
    '',
    '',
    '',
    '',
    '',
    amount(costs.monthlyCost.min + extra),
    amount(costs.monthlyCost.max + extra),
  ];
  // With Supabase lines the total is more than DigitalOcean's bill: say which part is which.
  const split = supabase.length
    ? `DigitalOcean ${amount(costs.monthlyCost.min)}–${amount(costs.monthlyCost.max)} + Supabase ${amount(extra)}`
    : '';
  const estimated = costs.estimated || supabase.length > 0;
  return [
    header,
    ...lines,
    ...infrastructure,
    ...supabase,
    ...unused,
    [...total, split, estimated ? 'includes estimates' : ''],
  ];
}

/** Clusters an infrastructure row carries: no longer "used by no app" lines of their own. */
export const clustersWithInfrastructure = (costs: FleetCosts): Set<string | undefined> =>
  new Set((costs.infrastructure ?? []).flatMap((r) => r.lines.map((l) => l.cluster)));

export const SUPABASE_LABEL = 'Supabase';

/** What a tenant's Supabase figure is, and with whom its project is split, in words. */
export function supabaseNoteOf(share: TenantSupabaseShare): string {
  const project = share.project ?? share.ref;
  const base = `Supabase project ${project}: compute at the documented prices, before the plan fee and credits`;
  if (!share.sharedWith?.length) return `${base}.`;
  return `${base}; shared with ${share.sharedWith.join(', ')}, an even share of ${share.projectMonthly === undefined ? 'it' : `$${amount(share.projectMonthly)}`}.`;
}

/** What the main chart's bars stand for: a product group, or one tenant (an app). */
export type ChartBy = 'group' | 'tenant';

export interface CostBarRow extends Record<CostCategory, number> {
  /** The bar's label: the group's name, or the app's. */
  label: string;
  /** The group a tenant's bar belongs to (the group itself for a group's bar). */
  group: string;
  /** The app a tenant's bar opens; absent on a group's bar. */
  appId?: string;
  /** What autoscaling may add at maximum scale. */
  headroom: number;
  /** The tenant's (or the group's tenants') Supabase share a month; 0 without one. */
  supabase: number;
  /** With whom a tenant's Supabase project is split, in words. */
  supabaseNote?: string;
  /** DigitalOcean and Supabase together. */
  total: MonthlyCost;
  /** Part of DigitalOcean's total is an estimate from published prices (the Supabase share always is). */
  estimated: boolean;
  /** A tenant without an app whose bar is its databases' shares of shared clusters: what it is, in words. */
  shareNote?: string;
}

const split = (byCategory: Record<CostCategory, MonthlyCost>) =>
  Object.fromEntries(CATEGORIES.map((c) => [c, byCategory[c].min])) as Record<CostCategory, number>;
const headroomOf = (cost: MonthlyCost) => Math.round((cost.max - cost.min) * 100) / 100;

/**
 * Bars at minimum scale per type, with the autoscaling headroom stacked on top: one per product
 * group, or one per tenant (both most expensive first, as the service sorts them).
 */
export function costBars(costs: FleetCosts, by: ChartBy): CostBarRow[] {
  if (by === 'tenant') {
    const apps = costs.apps.map((a): CostBarRow => {
      const supabase = a.supabase?.monthly ?? 0;
      return {
        label: a.name,
        group: a.group,
        appId: a.appId,
        ...split(a.byCategory),
        headroom: headroomOf(a.monthlyCost),
        supabase,
        ...(a.supabase?.sharedWith?.length ? { supabaseNote: `shared with ${a.supabase.sharedWith.join(', ')}` } : {}),
        total: plus(a.monthlyCost, supabase),
        estimated: a.estimated,
      };
    });
    // A product environment's droplets, balancers and clusters stand beside its apps (#18).
    // Each goes before the first bar cheaper than it; the apps keep the service's order.
    const bars = [...apps];
    for (const bar of infrastructureBars(costs)) {
      const at = bars.findIndex((b) => b.total.min < bar.total.min);
      bars.splice(at === -1 ? bars.length : at, 0, bar);
    }
    return bars;
  }
  return costs.groups.map((g) => {
    const supabase = g.supabase ?? 0;
    return {
      label: g.group,
      group: g.group,
      ...split(g.byCategory),
      headroom: headroomOf(g.monthlyCost),
      supabase,
      total: plus(g.monthlyCost, supabase),
      estimated: g.estimated,
    };
  });
}

/** What a tenant's share row is, in words: whose databases, in which clusters, priced how. */
export function shareNoteOf(row: NonNullable<FleetCosts['infrastructure']>[number]): string | undefined {
  if (!row.tenant) return undefined;
  const clusters = [...new Set(row.lines.map((l) => l.cluster))].join(' and ');
  const databases = row.lines.map((l) => l.name.replace(/ \(.*\)$/, '')).join(', ');
  return `${row.tenant}’s database${row.lines.length === 1 ? '' : 's'} (${databases}): an even share of shared cluster ${clusters}, estimated from DigitalOcean’s published prices.`;
}

function infrastructureBars(costs: FleetCosts): CostBarRow[] {
  return (costs.infrastructure ?? []).map((row) => {
    const shareNote = shareNoteOf(row);
    const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<CostCategory, number>;
    for (const line of row.lines)
      byCategory[line.category] = Math.round((byCategory[line.category] + line.monthlyCost) * 100) / 100;
    return {
      label: row.label,
      group: row.group,
      ...byCategory,
      headroom: 0,
      supabase: 0,
      total: { min: row.monthlyCost, max: row.monthlyCost },
      estimated: row.estimated,
      ...(shareNote ? { shareNote } : {}),
    };
  });
}

/** The tenants whose own rows carry a share of each cluster (cluster name → tenants). */
export function tenantSharesByCluster(costs: FleetCosts): Map<string, string[]> {
  const byCluster = new Map<string, string[]>();
  for (const row of costs.infrastructure ?? []) {
    if (!row.tenant) continue;
    for (const line of row.lines) {
      if (line.cluster) byCluster.set(line.cluster, [...(byCluster.get(line.cluster) ?? []), row.tenant]);
    }
  }
  return byCluster;
}

const plus = (cost: MonthlyCost, extra: number): MonthlyCost => ({
  min: Math.round((cost.min + extra) * 100) / 100,
  max: Math.round((cost.max + extra) * 100) / 100,
});

/** The Supabase projects split between tenants, for the line under the chart: one entry per project. */
export function sharedSupabaseProjects(
  costs: FleetCosts,
): Array<{ project: string; tenants: string[]; monthly?: number }> {
  const byRef = new Map<string, { project: string; tenants: string[]; monthly?: number }>();
  for (const app of costs.apps) {
    const share = app.supabase;
    if (!share?.sharedWith?.length || byRef.has(share.ref)) continue;
    byRef.set(share.ref, {
      project: share.project ?? share.ref,
      tenants: [app.name, ...share.sharedWith],
      ...(share.projectMonthly !== undefined ? { monthly: share.projectMonthly } : {}),
    });
  }
  return [...byRef.values()];
}

export interface HistoryBarRow {
  period: string;
  label: string;
  invoiced?: number;
  /** This month: used so far, and what the projection adds on top. */
  soFar?: number;
  projectedRest?: number;
}

/** "Dec 2025" for "2025-12": the whole year, so a month never reads like a day ("Dec 25"). */
export function monthLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function historyBars(billing: AccountBilling): HistoryBarRow[] {
  const label = (period: string) => {
    const [y, m] = period.split('-').map(Number);
    return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)).toLocaleString('en-US', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
  };
  const past = billing.invoices
    .filter((i) => i.period !== billing.currentPeriod)
    .map((i) => ({ period: i.period, label: label(i.period), invoiced: i.amount }));
  const rest = Math.max(0, Math.round((billing.projectedMonthEnd - billing.monthToDateUsage) * 100) / 100);
  return [
    ...past,
    {
      period: billing.currentPeriod,
      label: label(billing.currentPeriod),
      soFar: billing.monthToDateUsage,
      projectedRest: rest,
    },
  ];
}

export interface CompareRow {
  component: string;
  cells: Array<ComponentCost | undefined>;
  /** Last app's cost minus the first's, at minimum scale. */
  difference: number;
}

/** Components lined up by name across apps (tenants of one product share names). */
export function compareRows(apps: readonly AppCost[]): CompareRow[] {
  const names: string[] = [];
  for (const app of apps) for (const c of app.components) if (!names.includes(c.name)) names.push(c.name);
  return names.map((name) => {
    const cells = apps.map((a) => a.components.find((c) => c.name === name));
    const first = cells[0]?.monthlyCost.min ?? 0;
    const last = cells[cells.length - 1]?.monthlyCost.min ?? 0;
    return { component: name, cells, difference: Math.round((last - first) * 100) / 100 };
  });
}

/**
 * Tenants name components after themselves (demo-api, bibbi-api); lining them up by role reads
 * better, so the app's name prefix is dropped when every app shares the pattern.
 */
export function roleOf(app: Pick<AppCost, 'name'>, componentName: string): string {
  const tenant = app.name.split('-').slice(1).join('-');
  return tenant && componentName.startsWith(`${tenant}-`) ? componentName.slice(tenant.length + 1) : componentName;
}

export function compareByRole(apps: readonly AppCost[]): CompareRow[] {
  return compareRows(
    apps.map((a) => ({ ...a, components: a.components.map((c) => ({ ...c, name: roleOf(a, c.name) })) })),
  );
}

export interface Margin {
  margin: number;
  /** Of revenue; undefined without revenue. */
  percent?: number;
}

/** What a tenant group earns over what it costs; costs at minimum scale, as billed by default. */
export function marginOf(revenue: number, cost: MonthlyCost): Margin {
  const margin = Math.round((revenue - cost.min) * 100) / 100;
  return revenue > 0 ? { margin, percent: Math.round((margin / revenue) * 1000) / 10 } : { margin };
}

/** Revenue typed by a person: "$1,250.50" and "1250.5" both read as 1250.5; junk reads as undefined. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/[$,\s]/g, '');
  if (cleaned === '') return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) / 100 : undefined;
}
