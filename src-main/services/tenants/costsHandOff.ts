// What the tenants domain hands the Costs page: each app's share of its Supabase project, the
// matrix's own figure, so a tenant's bar and its row in the matrix never disagree. Made from the
// caller's apps, the hand links and the costs domain's Supabase read: no DigitalOcean request.
import type { SupabaseCosts, TenantSupabaseShare } from '../../../src-preload/contract';
import type { App } from '../../clients/digitalocean/types';
import type { TenantLinks } from './tenantLinks';
import { projectDirectory, supabaseShares } from './tenantRows';

/** Each app's Supabase share by app id, and why some are missing. */
export interface TenantSupabaseShares {
  shares: ReadonlyMap<string, TenantSupabaseShare>;
  problem?: string;
}

/** Undefined without a Supabase account; a problem when Supabase could not be read. */
export async function supabaseSharesOf(
  apps: readonly App[],
  links: Pick<TenantLinks, 'all'>,
  supabaseDirectory: () => Promise<SupabaseCosts>,
): Promise<TenantSupabaseShares | undefined> {
  const [linked, costs] = await Promise.all([links.all(), supabaseDirectory()]);
  if (!costs.connected) return undefined;
  if (costs.problem) return { shares: new Map(), problem: costs.problem };
  return { shares: supabaseShares(apps, linked, projectDirectory(costs)) };
}
