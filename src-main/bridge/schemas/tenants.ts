// Request schemas of the tenants domain.
import { z } from 'zod';
import type { TenantsMethods, TenantsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, none } from './shared';

/** A Supabase project ref: 20 lowercase letters, as the Management API's spec pattern says. */
const projectRef = z.string().regex(/^[a-z]{20}$/, 'a Supabase project ref is 20 lowercase letters');
const migrationVersion = z.string().regex(/^[0-9A-Za-z_.-]{1,64}$/, 'a migration version such as 20260302103000');
const migrationName = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,99}$/, 'a migration name of letters, digits, "_", "-" or "."');
const migrationSql = z
  .string()
  .min(1, 'the migration has no SQL')
  .max(512 * 1024, 'a migration over 512 KiB');
/** A folder of migrations is a handful to a few hundred files; the whole set fits in one message. */
export const MAX_MIGRATION_FILES = 200;
const MAX_MIGRATION_FILES_BYTES = 8 * 1024 * 1024;
/** Several .sql files, each one migration, in the order they run: unique names, a sane total. */
const migrationFiles = z
  .array(z.strictObject({ name: migrationName, sql: migrationSql }))
  .min(1, 'no migration files')
  .max(MAX_MIGRATION_FILES, `more than ${MAX_MIGRATION_FILES} migration files`)
  .superRefine((files, ctx) => {
    const seen = new Set<string>();
    for (const file of files) {
      if (seen.has(file.name)) ctx.addIssue({ code: 'custom', message: `two files are named ${file.name}` });
      seen.add(file.name);
    }
    if (files.reduce((n, f) => n + f.sql.length, 0) > MAX_MIGRATION_FILES_BYTES)
      ctx.addIssue({ code: 'custom', message: 'migration files over 8 MiB together' });
  });
/** A migration the user picked or typed: a name Postgres tooling accepts and SQL of a sane size. */
const migrationSource = z
  .strictObject({
    fromAppId: appId.optional(),
    version: migrationVersion.optional(),
    name: migrationName.optional(),
    sql: migrationSql.optional(),
    files: migrationFiles.optional(),
  })
  .refine(
    (s) =>
      [s.fromAppId !== undefined && s.version !== undefined, s.sql !== undefined, s.files !== undefined].filter(Boolean)
        .length === 1,
    { message: 'a migration is a tenant and version to copy from, SQL, or a list of .sql files — one of them' },
  );

export const tenantsMethodSchemas = {
  listTenants: none,
  getTenant: z.strictObject({ appId }),
  linkSupabaseProject: z.strictObject({ appId, ref: projectRef }),
  unlinkSupabaseProject: z.strictObject({ appId }),
  pauseSupabaseProject: z.strictObject({ ref: projectRef }),
  restoreSupabaseProject: z.strictObject({ ref: projectRef }),
  getDeploySource: z.strictObject({ appId }),
  getSchemaDrift: none,
  reviewMigration: migrationSource,
  applyMigration: z.strictObject({
    source: migrationSource,
    appIds: z.array(appId).min(1, 'choose at least one tenant').max(500),
  }),
} satisfies MethodSchemas<TenantsMethods>;

export const tenantsStreamSchemas = {} satisfies StreamSchemas<TenantsStreams>;
