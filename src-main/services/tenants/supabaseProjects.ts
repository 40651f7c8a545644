// A tenant's Supabase project through the Management API: what the matrix shows (schema, backups),
// the project page (services health, disk, advisors, keys), and pause/restore. Per-project reads
// count against that project's own 120-a-minute budget per endpoint, and are kept for a minute,
// so a matrix refresh of 50 tenants is about 100 calls spread over 100 budgets.
import type {
  FleetError,
  Result,
  SupabaseAdvisorFinding,
  SupabaseProjectDetail,
  SupabaseProjectState,
  TenantBackupState,
} from '../../../src-preload/contract';
import type { ErrorMapper } from '../../base/errors';
import { ApiError } from '../../clients/http/apiError';
import { mapWithConcurrency } from '../../base/concurrency';
import type { SupabaseMigration, SupabaseProjectsApi } from '../../clients/supabase/projectTypes';
import { SUPABASE_SERVICE_NAMES } from '../../clients/supabase/projectTypes';

export interface SupabaseAccess {
  /** The context's Supabase client; undefined when the context has no Supabase account. */
  client: () => Promise<SupabaseProjectsApi | undefined>;
  toError: ErrorMapper;
  now?: () => number;
}

export const SUPABASE_NOT_CONNECTED =
  'No Supabase account in this context: add a token in Settings → Accounts to see projects.';
const KEPT_MS = 60_000;
/** States in which the database is not there to answer: reading its schema or backups would only fail. */
const ASLEEP: ReadonlySet<SupabaseProjectState> = new Set(['INACTIVE', 'PAUSING', 'COMING_UP', 'RESTORING', 'REMOVED']);

export function asleepMessage(status: SupabaseProjectState): string {
  return status === 'INACTIVE' || status === 'PAUSING'
    ? 'Paused: restore the project to read its database.'
    : `The project is ${status.toLowerCase().replace(/_/g, ' ')}: its database is not answering yet.`;
}

export class SupabaseProjects {
  private readonly kept = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(private readonly access: SupabaseAccess) {}

  private get now(): number {
    return (this.access.now ?? Date.now)();
  }

  async api(): Promise<SupabaseProjectsApi> {
    const client = await this.access.client();
    if (!client) throw new ApiError({ code: 'unauthorized', message: SUPABASE_NOT_CONNECTED });
    return client;
  }

  /** Forgets what was read of a project: after a pause, a restore or a migration. */
  forget(ref: string): void {
    for (const key of [...this.kept.keys()]) if (key.startsWith(`${ref}:`)) this.kept.delete(key);
  }

  migrations(ref: string): Promise<SupabaseMigration[]> {
    return this.keep(`${ref}:migrations`, async () => (await this.api()).listMigrations(ref));
  }

  async backups(ref: string, status: SupabaseProjectState): Promise<Result<TenantBackupState>> {
    if (ASLEEP.has(status)) return asleep(status);
    try {
      const read = await this.keep(`${ref}:backups`, async () => (await this.api()).listBackups(ref));
      const completed = read.backups.filter((b) => b.status === 'COMPLETED');
      const last = completed
        .map((b) => b.inserted_at)
        .sort()
        .at(-1);
      return {
        ok: true,
        value: { pitrEnabled: read.pitr_enabled, completed: completed.length, ...(last ? { lastBackupAt: last } : {}) },
      };
    } catch (error) {
      return { ok: false, error: this.access.toError('listBackups', error) };
    }
  }

  /** Everything the project page shows; each part fails on its own. */
  async detail(
    project: { ref: string; name: string; organization: string; region: string; status: SupabaseProjectState },
    pause: SupabaseProjectDetail['pause'],
    computeEstimate: number | undefined,
  ): Promise<SupabaseProjectDetail> {
    const api = await this.api();
    const { ref, status } = project;
    const sleeping = ASLEEP.has(status);
    const settle = async <T>(operation: string, read: () => Promise<T>): Promise<Result<T>> => {
      if (sleeping) return asleep(status);
      try {
        return { ok: true, value: await read() };
      } catch (error) {
        return { ok: false, error: this.access.toError(operation, error) };
      }
    };
    const [services, backups, disk, advisors, apiKeys, migrations] = await Promise.all([
      settle('getServicesHealth', async () =>
        (await api.getServicesHealth(ref, SUPABASE_SERVICE_NAMES)).map((s) => ({
          name: s.name,
          status: s.status,
          ...(s.error ? { error: s.error } : {}),
        })),
      ),
      settle('listBackups', async () => {
        const read = await api.listBackups(ref);
        return {
          pitrEnabled: read.pitr_enabled,
          backups: read.backups
            .map((b) => ({ id: String(b.id), status: b.status, at: b.inserted_at, physical: b.is_physical_backup }))
            .sort((a, b) => b.at.localeCompare(a.at)),
        };
      }),
      settle('getDiskUtilization', async () => {
        const { metrics } = await api.getDiskUtilization(ref);
        return { usedBytes: metrics.fs_used_bytes, sizeBytes: metrics.fs_size_bytes };
      }),
      settle('listAdvisors', async () => {
        const [security, performance] = await Promise.all([
          api.listAdvisorLints(ref, 'security'),
          api.listAdvisorLints(ref, 'performance'),
        ]);
        const findings = (kind: SupabaseAdvisorFinding['kind'], lints: typeof security): SupabaseAdvisorFinding[] =>
          lints.map((l) => ({ kind, level: l.level, title: l.title, detail: l.detail, remediation: l.remediation }));
        return [...findings('security', security), ...findings('performance', performance)].sort(
          (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
        );
      }),
      // Keys are listed as the API sends them without reveal, and cut further here: a name, a type
      // and the first characters are enough to tell them apart; a key never crosses the bridge whole.
      settle('listApiKeys', async () =>
        (await api.listApiKeys(ref)).map((k) => ({
          name: k.name,
          type: k.type ?? 'legacy',
          preview: keyPreview(k.api_key ?? k.prefix ?? ''),
        })),
      ),
      settle('listMigrations', () => this.migrations(ref)),
    ]);
    return {
      ...project,
      services,
      backups,
      disk,
      advisors,
      apiKeys,
      migrations,
      pause,
      ...(computeEstimate !== undefined ? { computeEstimate } : {}),
    };
  }

  async pause(ref: string): Promise<SupabaseProjectState> {
    const api = await this.api();
    await api.pauseProject(ref);
    this.forget(ref);
    return (await api.getProject(ref)).status;
  }

  async restore(ref: string): Promise<SupabaseProjectState> {
    const api = await this.api();
    await api.restoreProject(ref);
    this.forget(ref);
    return (await api.getProject(ref)).status;
  }

  /** Schema state of many projects, a few at a time. */
  async migrationsOf(refs: readonly string[]): Promise<Map<string, Result<SupabaseMigration[]>>> {
    const results = await mapWithConcurrency(refs, 4, async (ref): Promise<[string, Result<SupabaseMigration[]>]> => {
      try {
        return [ref, { ok: true, value: await this.migrations(ref) }];
      } catch (error) {
        return [ref, { ok: false, error: this.access.toError('listMigrations', error) }];
      }
    });
    return new Map(results);
  }

  private keep<T>(key: string, read: () => Promise<T>): Promise<T> {
    const found = this.kept.get(key);
    if (found && this.now - found.at < KEPT_MS) return found.value as Promise<T>;
    const value = read();
    this.kept.set(key, { at: this.now, value });
    value.catch(() => this.kept.delete(key));
    return value;
  }
}

function asleep<T>(status: SupabaseProjectState): Result<T> {
  const error: FleetError = { code: 'unprocessable', message: asleepMessage(status) };
  return { ok: false, error };
}

const LEVEL_ORDER = { ERROR: 0, WARN: 1, INFO: 2 } as const;

/** "sb_secret_abc…" or "eyJhbGciOi…": enough to recognise a key, never enough to use it. */
export function keyPreview(key: string): string {
  if (!key) return '(hidden)';
  const visible = Math.min(12, Math.max(4, Math.floor(key.length / 4)));
  return `${key.slice(0, visible)}…`;
}
