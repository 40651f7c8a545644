// Pure helpers for the Supabase panel: plan names, the chart's bars and the fleet total with the
// Supabase estimate. No React, so each is unit-testable.
import type { MonthlyCost, SupabaseCosts, SupabaseOrganizationCost, SupabasePlan } from '../../../src-preload/contract';
import { formatUsd } from '../../format';

const PLAN_NAME: Record<SupabasePlan, string> = {
  free: 'Free',
  pro: 'Pro',
  team: 'Team',
  enterprise: 'Enterprise',
  platform: 'Platform',
};

export const planName = (plan: SupabasePlan | undefined): string => (plan ? PLAN_NAME[plan] : 'Plan unknown');

export interface SupabaseBar {
  organization: string;
  planFee: number;
  /** Compute left to pay once the plan's credits are used. */
  computeBilled: number;
  /** Right-hand label: the estimate, or why there is none. */
  totalLabel: string;
}

/** One bar per organization: plan fee + compute after credits, which adds up to the estimate. */
export function supabaseBars(organizations: readonly SupabaseOrganizationCost[]): SupabaseBar[] {
  return organizations.map((org) => ({
    organization: org.name,
    planFee: org.planFee ?? 0,
    computeBilled: Math.max(0, org.computeEstimate - org.creditsApplied),
    totalLabel: estimateLabel(org),
  }));
}

/** "≈ $60.00", "≥ $75.00" when some compute has no documented price, or why there is no number. */
export function estimateLabel(org: Pick<SupabaseOrganizationCost, 'monthlyEstimate' | 'partial' | 'plan'>): string {
  if (org.monthlyEstimate === undefined) return org.plan ? 'fee not documented' : 'no estimate';
  return `${org.partial ? '≥' : '≈'} ${formatUsd(org.monthlyEstimate)}`;
}

/** The fleet's DigitalOcean cost plus the Supabase estimate; undefined until both are known. */
export function fleetWithSupabase(
  fleet: MonthlyCost | undefined,
  supabase: SupabaseCosts | undefined,
): MonthlyCost | undefined {
  if (!fleet || !supabase?.connected || supabase.problem) return undefined;
  const add = (n: number) => Math.round((n + supabase.monthlyEstimate) * 100) / 100;
  return { min: add(fleet.min), max: add(fleet.max) };
}
