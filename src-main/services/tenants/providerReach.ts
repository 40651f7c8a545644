// Whether the tenants matrix reaches Supabase and GitHub, in words a banner can show. A provider
// that is not connected or refuses the token empties only its own columns.
import type { InfrastructureTenant, ProviderReach, Result, SupabaseCosts } from '../../../src-preload/contract';
import type { ErrorMapper } from '../../base/errors';
import type { App } from '../../clients/digitalocean/types';
import { projectDirectory, type KnownProject } from './tenantRows';

/** The Supabase read as the matrix uses it: how it went, and the projects it found. */
export function supabaseReachOf(
  read: SupabaseCosts | { failed: unknown },
  toError: ErrorMapper,
): { supabase: ProviderReach; directory: Map<string, KnownProject> } {
  if ('failed' in read) {
    return {
      supabase: { state: 'error', message: toError('listTenants', read.failed).message },
      directory: new Map(),
    };
  }
  if (!read.connected) {
    return {
      supabase: {
        state: 'not_connected',
        message: 'No Supabase account in this context: add a token in Settings → Accounts.',
      },
      directory: new Map(),
    };
  }
  if (read.problem) return { supabase: { state: 'error', message: read.problem }, directory: new Map() };
  return { supabase: { state: 'connected' }, directory: projectDirectory(read) };
}

/**
 * A token that is set but refused (revoked, expired, without access) reads as connected until
 * it is used: the first refusal among the source reads is what the banner says.
 */
export function refusedReach(reach: ProviderReach, results: Iterable<Result<unknown>>): ProviderReach {
  if (reach.state !== 'connected') return reach;
  for (const result of results) {
    if (!result.ok && (result.error.code === 'unauthorized' || result.error.code === 'forbidden'))
      return { state: 'error', message: result.error.message };
  }
  return reach;
}

/**
 * The tenants known only by their databases in shared clusters; a refused or failed read is a
 * sentence beside the matrix, never a failed matrix.
 */
export async function databaseTenantsOf(
  read: ((apps: readonly App[]) => Promise<InfrastructureTenant[]>) | undefined,
  apps: readonly App[],
  toError: ErrorMapper,
): Promise<{ databaseTenants?: InfrastructureTenant[]; databaseTenantsProblem?: string }> {
  if (!read) return {};
  try {
    return { databaseTenants: await read(apps) };
  } catch (error) {
    return {
      databaseTenantsProblem: `Tenants’ databases in shared clusters: ${toError('listTenants', error).message}`,
    };
  }
}
