// The costs domain put together: fleet costs, the account's bill, right-sizing advice.
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { InstanceSizeCache } from '../instanceSizeCache';
import { BillingService } from './billing';
import { FleetCostsService } from './fleetCosts';
import { RightSizingService } from './rightSizing';
import { SupabaseCostsService } from './supabaseCosts';

export interface CostsDomain {
  fleet: FleetCostsService;
  billing: BillingService;
  sizing: RightSizingService;
  supabase: SupabaseCostsService;
}

export function createCostsDomain(client: DigitalOceanClient, sizes: InstanceSizeCache): CostsDomain {
  const fleet = new FleetCostsService(client, sizes);
  // The projection's run rate is the fleet at its minimum scale, as propose prices it.
  const billing = new BillingService(client, () => fleet.runRate());
  return { fleet, billing, sizing: new RightSizingService(client, sizes), supabase: new SupabaseCostsService() };
}
