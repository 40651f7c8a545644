// The costs domain put together: fleet costs, the account's bill, right-sizing advice, and the
// Supabase plans of the tenants' databases.
import type { AccountProvider } from '../../../src-preload/contract/accounts';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import { SUPABASE_API_URL } from '../../clients/supabase/client';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import { BillingService } from './billing';
import { FleetCostsService, type InfrastructureRead, type TenantSupabaseRead } from './fleetCosts';
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

/** Without a Supabase context (tests of the DigitalOcean side), Supabase reads as not connected. */
export function createCostsDomain(
  client: DigitalOceanClient,
  sizes: InstanceSizeCache,
  supabase?: SupabaseContext | SupabaseAccess,
  /** Each tenant's Supabase share, from the tenants domain (the matrix's figure). */
  tenantSupabase?: TenantSupabaseRead,
  /** Droplets, balancers and clusters beside the apps (services/infrastructure), placed among the costs' own reads. */
  infrastructure?: InfrastructureRead,
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
    // The Supabase panel's groups come from the same shared reads as the fleet's costs.
    supabase: new SupabaseCostsService(access, () => fleet.tenantGroups()),
  };
}
