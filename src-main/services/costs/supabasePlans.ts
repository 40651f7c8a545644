// Supabase prices as the Supabase docs state them (/work/shared/specs/supabase-endpoints.md,
// "Plan costs"), and the arithmetic that turns an organization's plan and compute sizes into a
// monthly estimate. Only documented numbers are used: a plan or size the docs give no price for
// gets no number and says so, rather than a guess.
import type { SupabasePlan, SupabasePriceSource } from '../../../src-preload/contract';

export const SUPABASE_BILLING_SOURCE: SupabasePriceSource = {
  label: 'Supabase docs: About billing on Supabase',
  url: 'https://supabase.com/docs/guides/platform/billing-on-supabase',
};
export const SUPABASE_COMPUTE_SOURCE: SupabasePriceSource = {
  label: 'Supabase docs: Manage Compute usage',
  url: 'https://supabase.com/docs/guides/platform/manage-your-usage/compute',
};
export const SUPABASE_SOURCES: SupabasePriceSource[] = [SUPABASE_BILLING_SOURCE, SUPABASE_COMPUTE_SOURCE];

interface PlanPrice {
  fee: number;
  computeCredits: number;
}

/** Free: $0. Pro: $25/month per organization, including $10/month of compute credits. */
const PLAN_PRICES: Partial<Record<SupabasePlan, PlanPrice>> = {
  free: { fee: 0, computeCredits: 0 },
  pro: { fee: 25, computeCredits: 10 },
};

/** Monthly compute per project: Micro ≈ $10 ($0.01344/h), Small ≈ $15, Medium ≈ $60, Large ≈ $110. */
const COMPUTE_PRICES: Record<string, number> = { micro: 10, small: 15, medium: 60, large: 110 };

const PLAN_LABEL: Record<SupabasePlan, string> = {
  free: 'Free',
  pro: 'Pro',
  team: 'Team',
  enterprise: 'Enterprise',
  platform: 'Platform',
};

export const planLabel = (plan: SupabasePlan): string => PLAN_LABEL[plan];

export function planPrice(plan: SupabasePlan): PlanPrice | undefined {
  return PLAN_PRICES[plan];
}

export interface ComputePrice {
  monthly?: number;
  note?: string;
}

/** One project's compute: Nano is free on the Free plan and billed at the Micro price elsewhere. */
export function computePrice(size: string | undefined, plan: SupabasePlan | undefined): ComputePrice {
  if (!size) return { note: 'Compute size not reported by the API: not priced.' };
  if (size === 'nano') {
    if (plan === 'free') return { monthly: 0, note: 'Nano is free on the Free plan.' };
    if (plan === undefined) return { note: 'Nano is free on Free and billed at Micro on paid plans: plan unknown.' };
    return { monthly: COMPUTE_PRICES.micro, note: 'Nano is billed at the Micro price on paid plans.' };
  }
  const monthly = COMPUTE_PRICES[size];
  if (monthly === undefined) return { note: `Price not documented for ${size} compute: not included.` };
  return { monthly };
}

/** Statuses of a project that runs no compute, so bills none (the docs: paused projects don't count). */
const PAUSED_STATUSES = new Set(['INACTIVE', 'PAUSING', 'PAUSE_FAILED']);

/** A project's compute as billed: nothing while paused, otherwise its size's documented price. */
export function projectComputePrice(
  size: string | undefined,
  plan: SupabasePlan | undefined,
  status: string | undefined,
): ComputePrice {
  if (status && PAUSED_STATUSES.has(status))
    return { monthly: 0, note: 'Paused: no compute is billed while a project is paused.' };
  return computePrice(size, plan);
}

export interface OrganizationEstimate {
  planFee?: number;
  computeCredits?: number;
  computeEstimate: number;
  creditsApplied: number;
  monthlyEstimate?: number;
  partial: boolean;
  notes: string[];
}

/**
 * Plan fee + documented compute − credits. Credits pay for compute only, so they never take the
 * compute below zero. Example from the docs: three Micro projects on Pro = 25 + 30 − 10 = $45.
 */
export function estimateOrganization(
  plan: SupabasePlan | undefined,
  projects: ReadonlyArray<{ computeEstimate?: number; status?: string }>,
): OrganizationEstimate {
  const price = plan ? planPrice(plan) : undefined;
  const computeEstimate = roundCents(projects.reduce((sum, p) => sum + (p.computeEstimate ?? 0), 0));
  const unpriced = projects.filter((p) => p.computeEstimate === undefined).length;
  const creditsApplied = Math.min(price?.computeCredits ?? 0, computeEstimate);
  const notes: string[] = [];
  if (plan && !price) {
    notes.push(`The docs give no price for the ${planLabel(plan)} plan: see supabase.com/pricing or your invoice.`);
  }
  if (unpriced > 0) {
    notes.push(
      `${unpriced} project${unpriced === 1 ? '' : 's'} without a documented compute price: the estimate is at least this much.`,
    );
  }
  if (plan === 'free') {
    const active = projects.filter((p) => p.status !== 'INACTIVE').length;
    if (active > 2) {
      notes.push(
        `${active} active projects: the Free plan includes two free projects per owner, counted across organizations.`,
      );
    }
  }
  return {
    ...(price ? { planFee: price.fee, computeCredits: price.computeCredits } : {}),
    computeEstimate,
    creditsApplied,
    ...(price ? { monthlyEstimate: roundCents(price.fee + computeEstimate - creditsApplied) } : {}),
    partial: unpriced > 0,
    notes,
  };
}

const roundCents = (amount: number) => Math.round(amount * 100) / 100;
