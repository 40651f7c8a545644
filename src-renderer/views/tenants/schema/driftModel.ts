// How the drift answer is laid out: one grid per family of tenants that share a schema (TaskifAI's
// tenants in one, its central registry in another), because a registry migration missing from a
// tenant is not drift. Main already decides who lacks what within a family (`missing`); here the
// tenants are only grouped so that each grid's rows are that family's migrations.
import type { SchemaDrift } from '../../../../src-preload/contract';

export type DriftTenant = SchemaDrift['tenants'][number];
export type DriftMigration = SchemaDrift['migrations'][number];

export const keyOf = (m: DriftMigration): string => m.name ?? m.version;

export interface DriftFamily {
  /** The tenant groups in it, for the caption ("TaskifAI"). */
  groups: string[];
  tenants: DriftTenant[];
  /** Oldest first, as main listed them. */
  migrations: DriftMigration[];
}

export interface DriftLayout {
  families: DriftFamily[];
  /** Tenants with nothing to compare: a paused or unreadable project, or no migrations at all. */
  unread: DriftTenant[];
}

export type CellMark = 'applied' | 'missing' | 'unknown' | 'other';

/** What one grid cell says about one tenant and one migration. */
export function cellMark(tenant: DriftTenant, key: string): CellMark {
  if (tenant.applied.includes(key)) return 'applied';
  if (tenant.missing.includes(key)) return 'missing';
  // A problem hides the history: not "missing", which would invite an apply.
  return tenant.problem ? 'unknown' : 'other';
}

export function layoutDrift(drift: SchemaDrift): DriftLayout {
  const known = (t: DriftTenant) => [...t.applied, ...t.missing];
  const readable = drift.tenants.filter((t) => known(t).length > 0);
  const unread = drift.tenants.filter((t) => known(t).length === 0);

  // Tenants that share any migration are one family (a small union of sets, in list order).
  const members: DriftTenant[][] = [];
  for (const tenant of readable) {
    const keys = new Set(known(tenant));
    const joined = members.flatMap((family, i) => (family.some((t) => known(t).some((k) => keys.has(k))) ? [i] : []));
    const into = joined[0] ?? members.push([]) - 1;
    for (const other of joined.slice(1).reverse()) {
      members[into]!.push(...members[other]!);
      members.splice(other, 1);
    }
    members[into]!.push(tenant);
  }

  // Families with tenants behind come first, then the larger ones: that is where drift is.
  const behind = (family: DriftTenant[]) => family.some((t) => t.missing.length > 0);
  members.sort((a, b) => Number(behind(b)) - Number(behind(a)) || b.length - a.length);
  const families = members.map((tenants) => {
    const keys = new Set(tenants.flatMap(known));
    // Grid order: the order main listed the tenants in, whatever order they were merged in.
    const ordered = readable.filter((t) => tenants.includes(t));
    return {
      groups: [...new Set(ordered.map((t) => t.group))],
      tenants: ordered,
      migrations: drift.migrations.filter((m) => keys.has(keyOf(m))),
    };
  });
  return { families, unread };
}

/** "2 behind", "up to date": the words under a tenant's name. */
export function behindWords(tenant: DriftTenant): string {
  if (tenant.problem) return 'not read';
  const n = tenant.missing.length;
  return n === 0 ? 'up to date' : `${n} behind`;
}

/** Tenants missing at least one migration, across the whole answer. */
export const behindCount = (drift: SchemaDrift): number =>
  drift.tenants.filter((t) => !t.problem && t.missing.length > 0).length;
