// The onboarding domain of the contract: a new tenant end to end (Supabase project → schema →
// registry row → App Platform app → DNS → healthy) as one guided, resumable run, and offboarding
// a tenant one confirmed step at a time.
//
// The flow for the window: planTenant (nothing is created; the plan lists every step, the new
// monthly cost and any problem that refuses it) → startOnboarding(planId) → watchOnboarding shows
// each step's progress. A run is kept on disk per context (no secret in it), so after a crash the
// window lists where each run stopped (listOnboardings) and offers Resume or Retry step; a failed
// or abandoned run offers "Remove what was created" (removeCreated), which names exactly what it
// will delete before it does. Every step that acts is written to the Activity log.
import type { Result } from './common';
import type { MonthlyCost } from './apps';
import type { SupabaseProjectState } from './tenants';

/** Supabase compute sizes a new project may ask for (`desired_instance_size`). */
export const SUPABASE_INSTANCE_SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'] as const;
export type SupabaseInstanceSize = (typeof SUPABASE_INSTANCE_SIZES)[number];

/** Supabase regions a project may be placed in (`region_selection: {type: "specific", code}`). */
export const SUPABASE_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ap-east-1',
  'ap-southeast-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-central-1',
  'eu-central-2',
  'ca-central-1',
  'ap-south-1',
  'sa-east-1',
] as const;
export type SupabaseRegion = (typeof SUPABASE_REGIONS)[number];

/**
 * The steps of an onboarding, in the order they run. `registry` is present only when the plan
 * asked for one. Each step looks up before it creates, so running it twice creates nothing twice.
 */
export const ONBOARDING_STEP_KINDS = [
  /** Find the Supabase project by name or create it (POST /v1/projects), then wait for ACTIVE_HEALTHY. */
  'supabase_project',
  /** Read the new project's API keys (held in memory only, re-read on resume: never written). */
  'api_keys',
  /** Apply the template tenant's migrations in the template's order, skipping those present. */
  'migrations',
  /** Optional: the parameterised SQL insert into the registry project, as reviewed in the plan. */
  'registry',
  /** Find the App Platform app by name or create it from the template spec (SUPABASE_URL, keys as SECRET envs). */
  'app',
  /** Create the CNAME to the app's default ingress, or confirm an existing record (or a wildcard) covers it. */
  'dns',
  /** Wait for the deployment to be ACTIVE and the spec's health-check path to answer; then it is in the tenants matrix. */
  'healthy',
] as const;
export type OnboardingStepKind = (typeof ONBOARDING_STEP_KINDS)[number];

export type OnboardingStepState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** What the founder fills in on the "New tenant" form. */
export interface OnboardingRequest {
  /** The new App Platform app's name; also the Supabase project's name. Lowercase letters, digits, dashes. */
  name: string;
  /** The tenant's full hostname, e.g. "acme.taskifai.com": its zone must be one of the account's DNS domains. */
  hostname: string;
  /** The existing tenant whose app spec and Supabase migrations are copied. */
  templateAppId: string;
  /** App Platform region slug (e.g. "fra"); the template's when absent. */
  region?: string;
  supabase: {
    /** The organization the project is created in. */
    organizationSlug: string;
    region: SupabaseRegion;
    /** Omitted: the smallest size the org allows (Supabase's own default). */
    instanceSize?: SupabaseInstanceSize;
  };
  /**
   * Optional registry step: a parameterised insert into another Supabase project (TaskifAI's
   * central login keeps a `tenants` row per tenant). Parameters are sent apart from the SQL
   * ($1, $2…); `{{name}}`, `{{hostname}}`, `{{subdomain}}` (its first label), `{{supabase_url}}`,
   * `{{ref}}` and `{{anon_key}}` in a parameter are filled in when the step runs (the ref and key
   * are not known before the project exists; the key is never written to the run's file).
   */
  registry?: { ref: string; sql: string; parameters: string[] };
  /**
   * Values for the template's other SECRET envs that onboarding cannot make (a shared REDIS_URL,
   * an OPENAI_API_KEY): SECRET values are never copied from the template. Kept in the keychain
   * for the run (memory where there is none), never in a file; the plan lists which are needed.
   */
  secrets?: Array<{ key: string; value: string }>;
}

/** How the new app gets one of the template's SECRET envs. */
export interface OnboardingSecretEnv {
  key: string;
  /** from_supabase: the new project's URL or key; generated: a fresh random value (SECRET_KEY…); provided: in the request; missing: a problem. */
  how: 'from_supabase' | 'generated' | 'provided' | 'missing';
}

/** Why a plan is refused; nothing is created while a plan has problems. */
export type OnboardingProblemKind =
  | 'app_name_taken'
  | 'supabase_name_taken'
  | 'invalid_hostname'
  | 'hostname_taken'
  | 'zone_not_found'
  | 'org_project_limit'
  | 'template_not_found'
  | 'template_has_no_supabase'
  | 'invalid_registry'
  /** A SECRET env of the template has no value: give it in `secrets`. */
  | 'secret_missing';

export interface OnboardingProblem {
  kind: OnboardingProblemKind;
  /** Words for the founder: what is wrong and what to change. */
  message: string;
}

export interface OnboardingPlanStep {
  kind: OnboardingStepKind;
  /** "Create Supabase project acme (eu-central-1, micro)". */
  title: string;
  /** More of what the step will do: the migrations by name, the DNS record, the health path. */
  detail?: string;
}

export interface OnboardingPlan {
  /** Pass to startOnboarding; a plan is kept until the app quits or it is started. */
  planId: string;
  request: OnboardingRequest;
  templateName: string;
  steps: OnboardingPlanStep[];
  /** The template's migrations, oldest first, as they will be applied. */
  migrations: Array<{ version: string; name?: string }>;
  /** The registry insert for review: exactly what will be sent (placeholders shown as written). */
  registry?: { ref: string; projectName?: string; sql: string; parameters: string[] };
  /** Every SECRET env of the template and where the new app's value comes from (never the value). */
  secrets: OnboardingSecretEnv[];
  /** What DNS will do: a CNAME to create, or the wildcard/record that already covers the hostname. */
  dns: {
    zone: string;
    record: string;
    action: 'create_cname' | 'covered_by_wildcard' | 'existing_record';
    covering?: string;
  };
  /** The health-check path the spec declares (`/health`), probed over HTTPS when the app is live. */
  healthPath: string;
  cost: {
    /** The new app's App Platform price (the template's spec as proposed for the new name). */
    digitalocean: MonthlyCost;
    /** The project's compute estimate for the chosen size on the org's plan (Supabase documents prices; no invoice API). */
    supabase: number;
    total: MonthlyCost;
    /** How the Supabase figure was reached, e.g. "Pro org: micro compute $10/mo". */
    note?: string;
  };
  /** The org's plan, and how many active projects it has against its limit (Free: 2). */
  organization: { slug: string; name: string; plan: string; activeProjects: number; projectLimit?: number };
  /** Non-empty: startOnboarding refuses this plan. */
  problems: OnboardingProblem[];
}

/** Something a run created (and so removeCreated may delete). */
export interface CreatedResource {
  kind: 'supabase_project' | 'app' | 'dns_record' | 'registry_row';
  /** The project ref, app id, `zone/recordId`, or registry `ref`. */
  id: string;
  /** In words: "Supabase project acme (abcdefghijklmnopqrst)". */
  label: string;
  /** Set once removeCreated deleted it. */
  removedAt?: string;
}

export interface OnboardingRunStep {
  kind: OnboardingStepKind;
  title: string;
  state: OnboardingStepState;
  /** What is happening now: "Supabase project COMING_UP (40s)", "3 of 7 migrations applied". */
  progress?: string;
  /** Why it failed, in the API's (or Postgres's) words. */
  error?: string;
  startedAt?: string;
  endedAt?: string;
}

export type OnboardingRunState =
  /** A step is running in this process. */
  | 'running'
  /** Stopped at a failed step: Retry step, Resume, or Remove what was created. */
  | 'failed'
  /** Stopped without a failure (the app quit or crashed mid-step): Resume continues. */
  | 'interrupted'
  | 'done'
  /** removeCreated ran: what the run created is gone. */
  | 'removed';

export interface OnboardingRun {
  id: string;
  /** The account context the run acts in; it never acts in another. */
  context: string;
  name: string;
  hostname: string;
  plan: OnboardingPlan;
  state: OnboardingRunState;
  steps: OnboardingRunStep[];
  /** Exactly what this run created, in creation order; what removeCreated deletes. */
  created: CreatedResource[];
  /** Filled as steps learn them. */
  supabaseRef?: string;
  supabaseStatus?: SupabaseProjectState;
  appId?: string;
  liveUrl?: string;
  /** The DB password is kept in the OS keychain ('keychain') or, where there is none, only until quit ('memory'); 'gone' after removal or quit. */
  dbPassword: 'keychain' | 'memory' | 'gone';
  createdAt: string;
  updatedAt: string;
}

export type OffboardingStepKind = 'confirm_backup' | 'pause_project' | 'delete_app' | 'remove_dns' | 'mark_inactive';

export interface OffboardingStep {
  kind: OffboardingStepKind;
  title: string;
  /** What it will do, e.g. the record's name and value, the last backup's date. */
  detail: string;
  /** Deletes need the tenant's app name typed back (runOffboardingStep's `typedName`). */
  needsTypedName: boolean;
  /** Already true of the tenant (project INACTIVE, record gone): running it changes nothing. */
  done: boolean;
  /** Why it cannot run (no project, no registry row, no backup), in words. */
  blocked?: string;
}

export interface OffboardingPlan {
  appId: string;
  appName: string;
  supabaseRef?: string;
  /** The newest completed backup (ISO), absent when none exists. */
  lastBackupAt?: string;
  steps: OffboardingStep[];
}

export interface OnboardingMethods {
  /** Checks the request against the live accounts and prices it; creates nothing. */
  planTenant: { request: OnboardingRequest; response: OnboardingPlan };
  /** Starts the plan's run (refused while the plan has problems) and answers at once; follow it with watchOnboarding. */
  startOnboarding: { request: { planId: string }; response: OnboardingRun };
  /** The active context's runs, newest first, each with where it stopped. */
  listOnboardings: { request: void; response: OnboardingRun[] };
  getOnboarding: { request: { id: string }; response: OnboardingRun };
  /** Runs the failed step again, then the rest. */
  retryStep: { request: { id: string }; response: OnboardingRun };
  /** Continues an interrupted or failed run from its first unfinished step. */
  resumeOnboarding: { request: { id: string }; response: OnboardingRun };
  /**
   * `confirm: false` (or absent) lists what would be deleted and deletes nothing; `confirm: true`
   * deletes exactly the run's created resources (DNS record, app, registry row, Supabase project),
   * newest first, and is refused unless `typedName` is the run's name. An app is deleted only by
   * the id the run recorded, and only while it still has the run's name.
   */
  removeCreated: {
    request: { id: string; confirm?: boolean; typedName?: string };
    response: { run: OnboardingRun; resources: CreatedResource[] };
  };
  /** The generated DB password, only when the founder asks for it. */
  revealDbPassword: { request: { id: string }; response: { password: string } };
  planOffboarding: { request: { appId: string }; response: OffboardingPlan };
  /** One step at a time, each confirmed; deletes are refused unless `typedName` is the app's name. */
  runOffboardingStep: {
    request: { appId: string; step: OffboardingStepKind; typedName?: string };
    response: OffboardingPlan;
  };
}

export interface OnboardingStreams {
  /** The run after every change, until it stops (done, failed, interrupted) and a little after. */
  watchOnboarding: { request: { id: string }; event: Result<OnboardingRun> };
}

export const ONBOARDING_METHOD_NAMES = [
  'planTenant',
  'startOnboarding',
  'listOnboardings',
  'getOnboarding',
  'retryStep',
  'resumeOnboarding',
  'removeCreated',
  'revealDbPassword',
  'planOffboarding',
  'runOffboardingStep',
] as const;
export const ONBOARDING_STREAM_NAMES = ['watchOnboarding'] as const;
