// Request schemas of the tenants domain.
import { z } from 'zod';
import type { TenantsMethods, TenantsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, none } from './shared';

/** A Supabase project ref: 20 lowercase letters, as the Management API's spec pattern says. */
const projectRef = z.string().regex(/^[a-z]{20}$/, 'a Supabase project ref is 20 lowercase letters');
const migrationVersion = z.string().regex(/^[0-9A-Za-z_.-]{1,64}$/, 'a migration version such as 20260302103000');
/** A migration the user picked or typed: a name Postgres tooling accepts and SQL of a sane size. */
const migrationSource = z
  .strictObject({
    fromAppId: appId.optional(),
    version: migrationVersion.optional(),
    name: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,99}$/, 'a migration name of letters, digits, "_", "-" or "."')
      .optional(),
    sql: z
      .string()
      .min(1, 'the migration has no SQL')
      .max(512 * 1024, 'a migration over 512 KiB')
      .optional(),
  })
  .refine((s) => (s.fromAppId !== undefined && s.version !== undefined) || s.sql !== undefined, {
    message: 'a migration is a tenant and version to copy from, or SQL',
  });

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
