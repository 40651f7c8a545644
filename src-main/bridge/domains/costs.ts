// The costs domain's side of the contract: which service answers each method.
import type { CostsMethods } from '../../../src-preload/contract';
import type { CostsDomain } from '../../services/costs';
import type { DomainMethodHandlers } from '../dispatcher';

export function costsMethodHandlers(costs: () => CostsDomain): DomainMethodHandlers<CostsMethods> {
  return {
    getFleetCosts: () => costs().fleet.getFleetCosts(),
    getAccountBilling: () => costs().billing.getAccountBilling(),
    getRightSizing: ({ appId }) => costs().sizing.getRightSizing(appId),
    getSupabaseCosts: () => costs().supabase.getSupabaseCosts(),
    getUsageSeries: ({ appId, component, range }) => costs().sizing.getUsageSeries(appId, component, range),
  };
}
