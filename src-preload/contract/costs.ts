// The costs domain of the contract: what the fleet costs by group and component type, what the
// account was billed, and which components are sized wrong for what they do.
import type { ComponentKind, MonthlyCost } from './apps';
import type { InfrastructureCost } from './infrastructure';

/**
 * How the Costs view splits a bill: frontend = static sites, API = services, database = dev
 * databases and the app's share of the managed clusters it uses.
 */
export type CostCategory = 'frontend' | 'api' | 'worker' | 'database' | 'other';

/** A published price list a figure comes from. */
export interface PriceSource {
  label: string;
  url: string;
}

export interface ComponentCost {
  name: string;
  kind: ComponentKind;
  category: CostCategory;
  sizeSlug?: string;
  /** "×2" instances, or autoscaling "2–6". */
  scale: string;
  /** One instance's price from the API's size list. */
  unitPrice?: number;
  monthlyCost: MonthlyCost;
  costNote?: string;
  /** Priced from a published price list rather than by the API: an estimate. */
  estimate?: boolean;
  /** The managed database cluster this component is a share of (spec.databases[].cluster_name). */
  cluster?: string;
}

/**
 * A tenant's share of its Supabase project, the tenants matrix's figure: the project's compute at
 * Supabase's documented prices (before the plan fee and its credits), split evenly among the
 * tenants that use the project. Not part of any DigitalOcean total.
 */
export interface TenantSupabaseShare {
  ref: string;
  /** The project's name; absent when this Supabase account cannot see it. */
  project?: string;
  /** This tenant's share a month; absent when the project's size has no documented price. */
  monthly?: number;
  /** The whole project's compute a month, when priced. */
  projectMonthly?: number;
  /** The other tenants (app names) using the same project. */
  sharedWith?: string[];
}

export interface AppCost {
  appId: string;
  name: string;
  group: string;
  components: ComponentCost[];
  /** Every component's cost, the share of its managed database clusters included. */
  monthlyCost: MonthlyCost;
  byCategory: Record<CostCategory, MonthlyCost>;
  /** Some of monthlyCost is an estimate from published prices (a managed cluster's share). */
  estimated: boolean;
  /** The API's own price of the app's spec (POST /v2/apps/propose); absent when it could not be read. */
  proposedCost?: number;
  /** Set when the API's price and ours disagree, in words (managed clusters left out: propose does not price them). */
  mismatch?: string;
  /** The tenant's Supabase project and its share; absent when it has none (or no Supabase account). */
  supabase?: TenantSupabaseShare;
}

export interface GroupCost {
  group: string;
  appIds: string[];
  monthlyCost: MonthlyCost;
  byCategory: Record<CostCategory, MonthlyCost>;
  estimated: boolean;
  /** The members' Supabase shares added up (absent or 0 when none has a priced project); not in monthlyCost. */
  supabase?: number;
}

/** A Managed Database cluster on the account, billed on its own and shared by the apps that use it. */
export interface DatabaseClusterCost {
  name: string;
  engine: string;
  size: string;
  nodes: number;
  region?: string;
  /** Published price a month; absent when there is none for this engine and size (then not in any total). */
  monthlyPrice?: number;
  /** How it was priced, or why it was not, in words. */
  note: string;
  /** Apps whose spec.databases name it; its price is split evenly among them. Empty: counted once for the account. */
  appIds: string[];
}

export interface FleetCosts {
  fetchedAt: string;
  apps: AppCost[];
  /** Most expensive first (by the minimum). */
  groups: GroupCost[];
  /**
   * Everything above plus the clusters no app uses: every billed resource Fleetdeck knows of, so
   * the CSV's lines always add up to it.
   */
  monthlyCost: MonthlyCost;
  /** Apps whose propose price could not be read (the cross-check is skipped for them). */
  proposeFailures: number;
  /** The account's managed database clusters, priced. */
  databases: DatabaseClusterCost[];
  /** Set when the clusters could not be read (e.g. the token lacks database:read): their cost is missing, in words. */
  databasesProblem?: string;
  /** Some of monthlyCost is an estimate from published prices. */
  estimated: boolean;
  /** Where the estimated and documented prices come from. */
  priceSources: PriceSource[];
  /**
   * Droplets, load balancers and the clusters no app names, per product and environment (in
   * `groups` and `monthlyCost` too). Absent when the context has none to read.
   */
  infrastructure?: InfrastructureCost[];
  /** Why infrastructure is missing from the totals, in words (a scope the token lacks). */
  infrastructureProblem?: string;
  /**
   * The tenants' Supabase shares (AppCost.supabase) added up, beside the DigitalOcean total and
   * never in it; absent when the context has no Supabase account.
   */
  supabase?: {
    monthly: number;
    /** Where the Supabase figures come from. */
    source: PriceSource;
    /** Set when Supabase could not be read: the tenants' shares are missing, in words. */
    problem?: string;
  };
}

export interface InvoiceSummary {
  invoiceUuid: string;
  /** YYYY-MM */
  period: string;
  amount: number;
}

export interface BillingEntry {
  date: string;
  type: string;
  description: string;
  amount: number;
}

export interface AccountBilling {
  generatedAt: string;
  monthToDateUsage: number;
  monthToDateBalance: number;
  accountBalance: number;
  /** The whole account's month end: the apps at their run rate, other products extrapolated. */
  projectedMonthEnd: number;
  /** How the projection was made, in words (it covers the whole account, not only the apps). */
  projectionBasis: string;
  /** YYYY-MM of the month being projected. */
  currentPeriod: string;
  /** Oldest first, at most 12. */
  invoices: InvoiceSummary[];
  /** Newest first. */
  history: BillingEntry[];
}

export type SizeDirection = 'down' | 'up' | 'keep';

export interface SizingEvidence {
  /** 95th percentile over the window, percent of the size. */
  cpuP95?: number;
  memoryP95?: number;
  cpuMean?: number;
  memoryMean?: number;
  restarts: number;
  /** Samples read across all instances. */
  samples: number;
}

export interface SizingAdvice {
  component: string;
  direction: SizeDirection;
  reason: string;
  evidence: SizingEvidence;
  currentSlug: string;
  suggestedSlug?: string;
  /** Monthly change at the current instance count: negative is a saving. */
  monthlyDelta?: number;
}

export interface RightSizingReport {
  appId: string;
  windowDays: number;
  advice: SizingAdvice[];
}

export type UsageRange = '1h' | '24h' | '7d';

export interface UsagePoint {
  /** Epoch seconds. */
  t: number;
  /** Mean across instances, percent of the size. */
  cpu?: number;
  memory?: number;
}

export interface UsageSeries {
  appId: string;
  component: string;
  range: UsageRange;
  instances: number;
  points: UsagePoint[];
}

export type SupabasePlan = 'free' | 'pro' | 'team' | 'enterprise' | 'platform';

/** A documentation page a price comes from. */
export interface SupabasePriceSource {
  label: string;
  url: string;
}

export interface SupabaseProjectCost {
  ref: string;
  name: string;
  region?: string;
  status?: string;
  /** The primary database's compute size as the API reports it ("nano", "micro", "small"…). */
  computeSize?: string;
  /** The tenant group whose name matches the project (or its organization), when one does. */
  group?: string;
  /**
   * Estimated monthly compute from the documented prices, before the plan's credits; absent when
   * the docs give no price for the size.
   */
  computeEstimate?: number;
  /** How the size was priced, or why it has no number, in words. */
  computeNote?: string;
}

export interface SupabaseOrganizationCost {
  slug: string;
  name: string;
  /** Absent when the token may not read the organization (its problem says why). */
  plan?: SupabasePlan;
  /** The plan's documented monthly fee; absent when the docs give none (Team, Enterprise). */
  planFee?: number;
  /** Compute credits the plan includes each month, when the docs state them. */
  computeCredits?: number;
  projects: SupabaseProjectCost[];
  /** Sum of the projects' documented compute prices. */
  computeEstimate: number;
  /** The part of the compute the credits cover: never more than the compute itself. */
  creditsApplied: number;
  /** Plan fee + compute − credits: an estimate from the documented prices, not a bill. Absent without a plan fee. */
  monthlyEstimate?: number;
  /** True when some compute has no documented price: the estimate is then a lower bound. */
  partial: boolean;
  /** What the estimate leaves out or assumes, in words. */
  notes: string[];
  /** Set when this organization could not be read in full, in words. */
  problem?: string;
}

export interface SupabaseCosts {
  /** False when the context has no Supabase account: the view says how to connect one. */
  connected: boolean;
  fetchedAt: string;
  organizations: SupabaseOrganizationCost[];
  /** Sum of the organizations' estimates (those with one). */
  monthlyEstimate: number;
  /** True when an organization has no estimate or only a lower bound. */
  partial: boolean;
  /** Where the prices come from, shown beside every estimate. */
  source: SupabasePriceSource;
  /** Every documentation page the prices come from, the main one first. */
  sources: SupabasePriceSource[];
  /** Set when Supabase could not be read, in words. */
  problem?: string;
}

export interface CostsMethods {
  getFleetCosts: { request: void; response: FleetCosts };
  getAccountBilling: { request: void; response: AccountBilling };
  getRightSizing: { request: { appId: string }; response: RightSizingReport };
  getUsageSeries: { request: { appId: string; component: string; range: UsageRange }; response: UsageSeries };
  getSupabaseCosts: { request: void; response: SupabaseCosts };
}

export type CostsStreams = Record<never, never>;

export const COSTS_METHOD_NAMES = [
  'getFleetCosts',
  'getAccountBilling',
  'getRightSizing',
  'getUsageSeries',
  'getSupabaseCosts',
] as const;
export const COSTS_STREAM_NAMES = [] as const;
