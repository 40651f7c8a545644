// The costs domain put together: fleet costs, the account's bill, right-sizing advice, and the
// Supabase plans of the tenants' databases.
import type { AccountProvider } from '../../../src-preload/contract/accounts';
import type { InfrastructureInventory } from '../../../src-preload/contract/infrastructure';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import { SUPABASE_API_URL } from '../../clients/supabase/client';
import { groupOf } from '../apps/appView';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import { BillingService } from './billing';
import { FleetCostsService, type TenantSupabaseRead } from './fleetCosts';
import { RightSizingService } from './rightSizing';
import { SupabaseCostsService, type SupabaseAccess } from './supabaseCosts';

export interface CostsDomain {
  fleet: FleetCostsService;
  billing: BillingService;
  sizing: RightSizingService;
  supabase: SupabaseCostsService;
}

/** Where a context's Supabase account is: the session passes what it knows, this picks. */
export interface SupabaseContext {
  demo: boolean;
  context: string;
  /** The sandbox cloud's URL: the demo fleet's Supabase answers are under /supabase. */
  sandboxUrl: string;
  /** Real contexts' Management API base, and the demo fleet's own token for the sandbox. */
  supabase: { url: string; demoToken: string };
  accounts: {
    tokenFor(provider: AccountProvider, context: string): Promise<string | undefined>;
    markNeedsAttention(key: { provider: AccountProvider; context: string }, problem: string): Promise<unknown>;
  };
}

export function supabaseAccessFor(input: SupabaseContext): SupabaseAccess {
  if (input.demo) {
    return { baseUrl: `${input.sandboxUrl}/supabase`, token: async () => input.supabase.demoToken };
  }
  const key = { provider: 'supabase' as const, context: input.context };
  return {
    baseUrl: input.supabase.url,
    token: () => input.accounts.tokenFor('supabase', input.context),
    // A token revoked while in use: the account says so in Settings.
    onUnauthorized: (problem) => void input.accounts.markNeedsAttention(key, problem).catch(() => {}),
  };
}

/** The fleet's tenant group names, as the overview and the cost chart name them. */
function tenantGroupsOf(client: DigitalOceanClient): () => Promise<string[]> {
  return async () => {
    const [apps, projects] = await Promise.all([client.listApps(), client.listProjects().catch(() => [])]);
    const names = new Map(projects.filter((p) => p.id && p.name).map((p) => [p.id!, p.name!]));
    return [...new Set(apps.map((app) => groupOf(app, names)))];
  };
}

/** Without a Supabase context (tests of the DigitalOcean side), Supabase reads as not connected. */
export function createCostsDomain(
  client: DigitalOceanClient,
  sizes: InstanceSizeCache,
  supabase?: SupabaseContext | SupabaseAccess,
  /** Each tenant's Supabase share, from the tenants domain (the matrix's figure). */
  tenantSupabase?: TenantSupabaseRead,
  /** Droplets, balancers and clusters beside the apps (services/infrastructure). */
  infrastructure?: () => Promise<InfrastructureInventory>,
): CostsDomain {
  const fleet = new FleetCostsService(client, sizes, Date.now, tenantSupabase, infrastructure);
  // The projection's run rate is the fleet at its minimum scale, as propose prices it.
  const billing = new BillingService(client, () => fleet.runRate());
  const access: SupabaseAccess =
    supabase === undefined
      ? { baseUrl: SUPABASE_API_URL, token: async () => undefined }
      : 'baseUrl' in supabase
        ? supabase
        : supabaseAccessFor(supabase);
  return {
    fleet,
    billing,
    sizing: new RightSizingService(client, sizes),
    supabase: new SupabaseCostsService(access, tenantGroupsOf(client)),
  };
}
