// Schema drift across tenants: which migrations each tenant's project has applied, which it lacks
// next to the tenants that share its schema, and applying a missing one tenant by tenant.
//
// Migrations are matched by name, not version: the Management API gives a migration applied
// through it a version of its own (the body has no version), so the same migration carries
// different versions in different projects. Tenants "share a schema" when their histories share
// a migration: TaskifAI's registry project has a history of its own and is not held against the
// tenants.
import type {
  MigrationFile,
  MigrationReview,
  MigrationRun,
  MigrationSource,
  SchemaDrift,
} from '../../../src-preload/contract';
import { ApiError } from '../../clients/http/apiError';
import type { SupabaseMigration } from '../../clients/supabase/projectTypes';

export interface DriftTenant {
  appId: string;
  name: string;
  group: string;
  ref: string;
  applied?: SupabaseMigration[];
  problem?: string;
}

export const migrationKey = (m: SupabaseMigration): string => m.name ?? m.version;

/** Tenants whose histories overlap, each family with its migrations in the order first seen. */
function families(tenants: readonly DriftTenant[]): DriftTenant[][] {
  const parent = tenants.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const owner = new Map<string, number>();
  tenants.forEach((t, i) => {
    for (const m of t.applied ?? []) {
      const key = migrationKey(m);
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, i);
      else parent[root(i)] = root(seen);
    }
  });
  const groups = new Map<number, DriftTenant[]>();
  tenants.forEach((t, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), t]));
  return [...groups.values()];
}

export function schemaDrift(tenants: readonly DriftTenant[]): SchemaDrift {
  const migrations: SchemaDrift['migrations'] = [];
  const out: SchemaDrift['tenants'] = [];
  for (const family of families(tenants)) {
    // Oldest first by the earliest version any tenant recorded it under.
    const seen = new Map<string, { version: string; name?: string; appliedOn: string[] }>();
    for (const t of family) {
      for (const m of t.applied ?? []) {
        const key = migrationKey(m);
        const entry = seen.get(key) ?? { version: m.version, ...(m.name ? { name: m.name } : {}), appliedOn: [] };
        if (m.version < entry.version) entry.version = m.version;
        entry.appliedOn.push(t.appId);
        seen.set(key, entry);
      }
    }
    const ordered = [...seen.entries()].sort((a, b) => a[1].version.localeCompare(b[1].version));
    migrations.push(...ordered.map(([, entry]) => entry));
    for (const t of family) {
      const has = new Set((t.applied ?? []).map(migrationKey));
      out.push({
        appId: t.appId,
        name: t.name,
        group: t.group,
        ref: t.ref,
        applied: (t.applied ?? []).map(migrationKey),
        missing: t.applied ? ordered.filter(([key]) => !has.has(key)).map(([key]) => key) : [],
        ...(t.problem ? { problem: t.problem } : {}),
      });
    }
  }
  return { migrations, tenants: out };
}

/** The SQL a project recorded for a migration, as one script. */
export function scriptOf(statements: readonly string[] | undefined): string {
  return (statements ?? [])
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.endsWith(';') ? s : `${s};`))
    .join('\n');
}

/**
 * Several .sql files as one review: each file one migration, in the order given (the window sorts
 * a folder by file name, as the Supabase CLI applies it). The bridge has checked names and sizes.
 */
export function filesReview(files: readonly MigrationFile[]): MigrationReview {
  if (files.length === 1) return { name: files[0]!.name, sql: files[0]!.sql, from: 'the .sql file you picked' };
  return {
    name: `${files.length} migrations`,
    sql: files.map((f) => `-- ${f.name}\n${f.sql.trim()}`).join('\n\n'),
    from: `${files.length} .sql files you picked`,
    migrations: files.map((f) => ({ name: f.name, sql: f.sql })),
  };
}

export interface MigrationApplier {
  review(source: MigrationSource): Promise<MigrationReview>;
  /** Whether the project already has a migration of this name. */
  has(ref: string, name: string): Promise<boolean>;
  apply(ref: string, migration: { name: string; query: string }, idempotencyKey: string): Promise<void>;
}

export interface RunTarget {
  appId: string;
  name: string;
  ref?: string;
}

/**
 * Applies one migration to each target in turn and stops at the first failure: the rest are
 * left not started, so a bad migration reaches one tenant, not all of them. A tenant that already
 * has it is passed over (a retry after a halt never applies anything twice).
 */
export function runMigration<Entry>(
  applier: MigrationApplier,
  review: MigrationReview,
  targets: readonly RunTarget[],
  keyFor: (ref: string) => string,
  hooks: RunHooks<Entry>,
): Promise<MigrationRun> {
  return runMigrations(applier, review.name, [{ name: review.name, sql: review.sql }], targets, keyFor, hooks);
}

export interface RunHooks<Entry> {
  before: (target: RunTarget, migration: string) => Entry;
  after: (entry: Entry, step: MigrationRun['steps'][number]) => void;
}

/**
 * Several migrations (a folder of .sql files), each tenant in turn taking them in order: the
 * migrations a tenant already has (by name) are passed over on that tenant alone, and the first
 * failure anywhere stops the run, leaving every later step, on this tenant and the next, not
 * started. One step per tenant and migration; with a single migration, as runMigration always was.
 */
export async function runMigrations<Entry>(
  applier: MigrationApplier,
  title: string,
  migrations: readonly MigrationFile[],
  targets: readonly RunTarget[],
  keyFor: (ref: string, migration: MigrationFile) => string,
  hooks: RunHooks<Entry>,
): Promise<MigrationRun> {
  const several = migrations.length > 1;
  const plan = targets.flatMap((target) => migrations.map((migration) => ({ target, migration })));
  const steps: MigrationRun['steps'] = plan.map(({ target, migration }) => ({
    appId: target.appId,
    name: target.name,
    ...(several ? { migration: migration.name } : {}),
    state: 'not_started',
  }));
  let halted = false;
  for (const [i, { target, migration }] of plan.entries()) {
    const step = steps[i]!;
    const entry = hooks.before(target, migration.name);
    try {
      if (!target.ref)
        throw new ApiError({ code: 'invalid_argument', message: `${target.name} has no Supabase project.` });
      if (await applier.has(target.ref, migration.name)) {
        step.state = 'already_applied';
      } else {
        await applier.apply(target.ref, { name: migration.name, query: migration.sql }, keyFor(target.ref, migration));
        step.state = 'applied';
      }
    } catch (error) {
      step.state = 'failed';
      step.error = error instanceof Error ? error.message : String(error);
      halted = i < plan.length - 1;
    }
    hooks.after(entry, step);
    if (step.state === 'failed') break;
  }
  return { migration: title, steps, halted };
}
