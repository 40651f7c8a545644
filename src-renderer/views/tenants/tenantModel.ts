// Pure helpers behind the tenants matrix and the tenant page: plain words for Supabase states,
// the filter, the sort order of every column and what a degraded provider says. No React, no
// stores, so the stores and the tests share exactly what the screen does.
import type {
  AppHealthSummary,
  FleetError,
  HealthState,
  ProviderReach,
  Result,
  SupabaseProjectState,
  TenantRow,
  TenantSourceState,
  TenantsMatrix,
} from '../../../src-preload/contract';
import type { Tone } from '../../format';

export type TenantSorting = { id: string; desc: boolean }[];

const STATUS_WORDS: Record<SupabaseProjectState, { label: string; tone: Tone }> = {
  ACTIVE_HEALTHY: { label: 'Healthy', tone: 'success' },
  ACTIVE_UNHEALTHY: { label: 'Unhealthy', tone: 'danger' },
  INACTIVE: { label: 'Paused', tone: 'neutral' },
  COMING_UP: { label: 'Starting', tone: 'progress' },
  RESTORING: { label: 'Starting', tone: 'progress' },
  RESTARTING: { label: 'Restarting', tone: 'progress' },
  PAUSING: { label: 'Pausing', tone: 'progress' },
  GOING_DOWN: { label: 'Pausing', tone: 'progress' },
  UPGRADING: { label: 'Upgrading', tone: 'progress' },
  RESIZING: { label: 'Resizing', tone: 'progress' },
  INIT_FAILED: { label: 'Failed to start', tone: 'danger' },
  RESTORE_FAILED: { label: 'Restore failed', tone: 'danger' },
  PAUSE_FAILED: { label: 'Pause failed', tone: 'danger' },
  REMOVED: { label: 'Removed', tone: 'muted' },
  UNKNOWN: { label: 'Unknown', tone: 'muted' },
};

export function supabaseStatusWords(status: SupabaseProjectState): { label: string; tone: Tone } {
  return STATUS_WORDS[status] ?? { label: status, tone: 'muted' };
}

/** States that change on their own within minutes: the page keeps reading until they settle. */
const SETTLING: ReadonlySet<SupabaseProjectState> = new Set([
  'PAUSING',
  'GOING_DOWN',
  'COMING_UP',
  'RESTORING',
  'RESTARTING',
  'UPGRADING',
  'RESIZING',
]);

export const isSettling = (status: SupabaseProjectState | undefined): boolean =>
  status !== undefined && SETTLING.has(status);

export const shortSha = (sha: string | undefined): string => (sha ? sha.slice(0, 7) : '');

/** What one provider's banner says, or nothing when it answered. */
export function providerProblem(name: 'Supabase' | 'GitHub', reach: ProviderReach): string | undefined {
  if (reach.state === 'connected') return undefined;
  if (reach.state === 'not_connected') {
    const why = reach.message ? ` ${reach.message}` : '';
    return `${name} is not connected: its columns are empty.${why} Connect ${name} in Settings → Accounts.`;
  }
  return `${name} did not answer, so its columns show “—”: ${reach.message ?? 'no reason given'}`;
}

/** The worst source of a tenant: the one furthest behind, a red CI before a green one. */
export function worstSource(sources: readonly TenantSourceState[]): TenantSourceState | undefined {
  const rank = (s: TenantSourceState) =>
    (s.behindBy ?? -1) * 10 + (s.ci === 'failure' ? 5 : s.ci === 'pending' ? 2 : 0);
  return [...sources].sort((a, b) => rank(b) - rank(a))[0];
}

/** Every project the account is known to have: the tenants' own and the unmatched ones. */
export function knownProjects(
  matrix: TenantsMatrix | undefined,
): Array<{ ref: string; name: string; organization: string; status: SupabaseProjectState; usedBy?: string }> {
  if (!matrix) return [];
  const out = new Map<
    string,
    { ref: string; name: string; organization: string; status: SupabaseProjectState; usedBy?: string }
  >();
  for (const t of matrix.tenants) {
    const p = t.supabase?.project;
    if (t.supabase && p) out.set(t.supabase.ref, { ref: t.supabase.ref, ...p, usedBy: t.name });
  }
  for (const p of matrix.unmatchedProjects) if (!out.has(p.ref)) out.set(p.ref, { ...p });
  return [...out.values()].sort((a, b) => a.organization.localeCompare(b.organization) || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------
// Filter

/** Case-insensitive; every word must match the name, group, region, project or a repo. */
export function tenantMatches(row: TenantRow, text: string, group: string): boolean {
  if (group && row.group !== group) return false;
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const sources = row.sources?.ok ? row.sources.value.map((s) => `${s.repo}@${s.branch}`) : [];
  const haystack = [
    row.name,
    row.group,
    row.region,
    row.supabase?.ref ?? '',
    row.supabase?.project?.name ?? '',
    ...sources,
    ...row.domains.map((d) => d.name),
  ].map((f) => f.toLowerCase());
  return needle.split(/\s+/).every((word) => haystack.some((field) => field.includes(word)));
}

export const groupsOf = (matrix: TenantsMatrix | undefined): string[] =>
  [...new Set(matrix?.tenants.map((t) => t.group) ?? [])].sort((a, b) => a.localeCompare(b));

// ---------------------------------------------------------------------------------------------
// Sort: one key per column; a cell with nothing to compare (an error, no project) always goes last.

type SortKey = string | number | undefined;

const HEALTH_RANK: Record<HealthState, number> = { unhealthy: 0, degraded: 1, unknown: 2, healthy: 3 };
const SUPABASE_RANK: Partial<Record<SupabaseProjectState, number>> = {
  INIT_FAILED: 0,
  RESTORE_FAILED: 0,
  PAUSE_FAILED: 0,
  ACTIVE_UNHEALTHY: 1,
  INACTIVE: 2,
};

const valueOf = <T>(result: Result<T> | undefined): T | undefined => (result?.ok ? result.value : undefined);

export function sortKey(row: TenantRow, column: string, health: Record<string, AppHealthSummary>): SortKey {
  switch (column) {
    case 'name':
      return row.name.toLowerCase();
    case 'app': {
      // Worst health first when ascending; a deploy under way sorts just before its health peers.
      const h = health[row.appId];
      const rank = h && !h.pending ? HEALTH_RANK[h.state] : undefined;
      return rank === undefined ? undefined : rank * 2 + (row.inProgress ? 0 : 1);
    }
    case 'source': {
      const sources = valueOf(row.sources);
      const worst = sources ? worstSource(sources) : undefined;
      return worst?.behindBy;
    }
    case 'schema': {
      const schema = valueOf(row.schema);
      return schema ? schema.missing.length : undefined;
    }
    case 'supabase': {
      const status = row.supabase?.project?.status;
      if (!status) return row.supabase?.unmatched ? -1 : undefined;
      return SUPABASE_RANK[status] ?? (isSettling(status) ? 3 : 4);
    }
    case 'backups': {
      const b = valueOf(row.backups);
      if (!b) return undefined;
      if (b.pitrEnabled) return Number.MAX_SAFE_INTEGER;
      return b.lastBackupAt ? Date.parse(b.lastBackupAt) : 0;
    }
    case 'domains': {
      if (row.domains.length === 0) return undefined;
      return row.domains.filter((d) => d.ok).length / row.domains.length;
    }
    case 'cost':
      return row.cost.total.max;
    default:
      return undefined;
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Rows filtered by text and group, then sorted by the first sort entry (ties by name). */
export function visibleTenants(
  rows: readonly TenantRow[],
  options: { filter: string; group: string; sorting: TenantSorting; health?: Record<string, AppHealthSummary> },
): TenantRow[] {
  const health = options.health ?? {};
  const shown = rows.filter((r) => tenantMatches(r, options.filter, options.group));
  const sort = options.sorting[0];
  const byName = (a: TenantRow, b: TenantRow) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name);
  if (!sort) return shown.sort(byName);
  const sign = sort.desc ? -1 : 1;
  return shown.sort((a, b) => {
    const ka = sortKey(a, sort.id, health);
    const kb = sortKey(b, sort.id, health);
    if (ka === undefined || kb === undefined) {
      if (ka === kb) return byName(a, b);
      return ka === undefined ? 1 : -1;
    }
    return sign * compareKeys(ka, kb) || byName(a, b);
  });
}

/** The reason a provider column is empty for a row, in the API's words. */
export const reasonOf = (error: FleetError | undefined): string => error?.message ?? 'Not available';
