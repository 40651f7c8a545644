// Pure helpers behind the overview table: the row shape, the text filter and the grouping of
// sorted rows into one block per product. No React, no stores.
import type { AppHealthSummary, FleetApp, HealthState, MonthlyCost } from '../../../src-preload/contract';
import { sumCosts } from '../../format';

/** One table row: the app and, once read, its health and when it was read. */
export interface FleetRow {
  app: FleetApp;
  health?: HealthState;
  healthCheckedAt?: string;
  /** Queued for its first background read. */
  healthPending?: boolean;
}

/** Rows made before, by app object: an app and health that did not change keep their row. */
const madeRows = new WeakMap<FleetApp, { known: AppHealthSummary | undefined; row: FleetRow }>();

export function toFleetRows(apps: readonly FleetApp[], health: Record<string, AppHealthSummary>): FleetRow[] {
  return apps.map((app) => {
    const known = health[app.id];
    const made = madeRows.get(app);
    if (made && made.known === known) return made.row;
    const row: FleetRow = !known
      ? { app }
      : known.pending
        ? { app, healthPending: true }
        : { app, health: known.state, ...(known.checkedAt ? { healthCheckedAt: known.checkedAt } : {}) };
    madeRows.set(app, { known, row });
    return row;
  });
}

/** Case-insensitive match on name, group, region (slug and label) and component names. */
export function appMatchesFilter(app: FleetApp, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [app.name, app.group, app.region, app.regionLabel ?? '', ...app.components.map((c) => c.name)];
  // Every word must match somewhere: "taskifai fra" finds taskifai apps in Frankfurt.
  return needle.split(/\s+/).every((word) => haystack.some((field) => field.toLowerCase().includes(word)));
}

/** Worst first when sorted ascending. */
const HEALTH_RANK: Record<HealthState, number> = { unhealthy: 0, degraded: 1, unknown: 2, healthy: 3 };

export function healthRank(state: HealthState | undefined): number | undefined {
  return state === undefined ? undefined : HEALTH_RANK[state];
}

export interface GroupBlock<TRow> {
  group: string;
  rows: TRow[];
  /** Summed monthly cost of the rows shown. */
  monthlyCost: MonthlyCost;
}

/**
 * Splits rows (already filtered and sorted) into product groups; rows keep their sorted order
 * inside a group. Groups appear in the order of their first row (a sort by name keeps them
 * alphabetical), except when sorted by cost: then a group goes by what it costs in all, not by its
 * most expensive app (by the top of autoscaled ranges, as the cost column sorts apps).
 */
export function groupRows<TRow>(
  rows: readonly TRow[],
  appOf: (row: TRow) => FleetApp,
  byCost?: { desc: boolean },
): GroupBlock<TRow>[] {
  const blocks = new Map<string, TRow[]>();
  for (const row of rows) {
    const group = appOf(row).group;
    const list = blocks.get(group);
    if (list) list.push(row);
    else blocks.set(group, [row]);
  }
  const groups = [...blocks].map(([group, list]) => ({
    group,
    rows: list,
    monthlyCost: sumCosts(list.map((r) => appOf(r).monthlyCost)),
  }));
  if (!byCost) return groups;
  const sign = byCost.desc ? -1 : 1;
  return groups.sort((a, b) => sign * (a.monthlyCost.max - b.monthlyCost.max || a.monthlyCost.min - b.monthlyCost.min));
}

/** Number of distinct groups (products) in a fleet. */
export function countGroups(apps: readonly FleetApp[]): number {
  return new Set(apps.map((a) => a.group)).size;
}
