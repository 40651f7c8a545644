// The tenants domain of the contract. A tenant is what the founder runs for one customer: an App
// Platform app, the Supabase project its spec points at, the GitHub repo and branch each component
// builds from, and its domains. Every column that comes from another provider is a Result of its
// own, so a refused Supabase or GitHub token degrades only those columns, with the reason.
import type { Result } from './common';
import type { DeploymentPhase, MonthlyCost } from './apps';
import type { InfrastructureTenant } from './infrastructure';

export const SUPABASE_PROJECT_STATES = [
  'INACTIVE',
  'ACTIVE_HEALTHY',
  'ACTIVE_UNHEALTHY',
  'COMING_UP',
  'UNKNOWN',
  'GOING_DOWN',
  'INIT_FAILED',
  'REMOVED',
  'RESTORING',
  'UPGRADING',
  'PAUSING',
  'RESTORE_FAILED',
  'RESTARTING',
  'PAUSE_FAILED',
  'RESIZING',
] as const;
/** As the Management API reports it: a paused project is INACTIVE (there is no PAUSED). */
export type SupabaseProjectState = (typeof SUPABASE_PROJECT_STATES)[number];

export const CI_STATES = ['success', 'failure', 'pending', 'none'] as const;
export type CiState = (typeof CI_STATES)[number];

/** How a tenant came to have its Supabase project. */
export interface TenantSupabaseLink {
  ref: string;
  /** 'derived': read from the spec (SUPABASE_URL, a *.supabase.co or pooler host); 'linked': set by hand. */
  how: 'derived' | 'linked';
  /** Where it was derived from, e.g. "central-api · SUPABASE_URL". */
  from?: string;
  /** The project as the Supabase account sees it; absent when the account cannot see the ref. */
  project?: { name: string; organization: string; status: SupabaseProjectState; region: string };
  /** Set when the ref is not a project the Supabase account can see (another org, a typo). */
  unmatched?: string;
  /**
   * Other tenants using the same project (InsightPulse's apps share one database): its compute is
   * then split evenly between them, so no dollar is counted twice.
   */
  sharedWith?: string[];
}

export interface TenantSchemaState {
  /** The newest applied migration's version and name. */
  latest?: { version: string; name?: string };
  applied: number;
  /** Migrations other tenants of the same group have and this one lacks, oldest first. */
  missing: string[];
}

export interface TenantBackupState {
  pitrEnabled: boolean;
  /** The newest completed backup (ISO), absent when there is none. */
  lastBackupAt?: string;
  completed: number;
}

export interface TenantSourceState {
  component: string;
  repo: string;
  branch: string;
  /** The commit the active deployment built, when the API says. */
  deployedSha?: string;
  headSha: string;
  headTitle: string;
  /** Commits on the branch the deployment does not have; undefined when it cannot be compared. */
  behindBy?: number;
  ci: CiState;
}

export interface TenantDomainState {
  name: string;
  /** The App Platform domain phase (ACTIVE, PENDING, CONFIGURING, ERROR). */
  phase?: string;
  ok: boolean;
}

export interface TenantRow {
  appId: string;
  name: string;
  group: string;
  region: string;
  phase?: DeploymentPhase;
  inProgress: boolean;
  domains: TenantDomainState[];
  /** null: the app references no Supabase project and none is linked. */
  supabase: TenantSupabaseLink | null;
  /** Absent when the tenant has no Supabase project. */
  schema?: Result<TenantSchemaState>;
  backups?: Result<TenantBackupState>;
  /** One entry per distinct repo/branch of the app's components; absent when none builds from GitHub. */
  sources?: Result<TenantSourceState[]>;
  cost: {
    digitalocean: MonthlyCost;
    /**
     * The project's compute estimate, or this tenant's even share of it when tenants share the
     * project (the organization's plan fee is shared by all, not in here).
     */
    supabase?: number;
    total: MonthlyCost;
  };
}

export interface ProviderReach {
  state: 'connected' | 'not_connected' | 'error';
  /** Why it is not connected or failed, in words. */
  message?: string;
}

export interface UnmatchedProject {
  ref: string;
  name: string;
  organization: string;
  status: SupabaseProjectState;
}

export interface TenantsMatrix {
  fetchedAt: string;
  tenants: TenantRow[];
  /** Supabase projects no tenant uses: a registry, a leftover, one to link by hand. */
  unmatchedProjects: UnmatchedProject[];
  providers: { supabase: ProviderReach; github: ProviderReach };
  /**
   * Tenants known only by their databases in a shared managed cluster (tenant_<slug>, Presence360's
   * churches): no app of their own, each with its share of the cluster's price (an estimate).
   */
  databaseTenants?: InfrastructureTenant[];
  /** Why the database-only tenants could not be read (a missing scope, the API's words). */
  databaseTenantsProblem?: string;
}

export interface SupabaseServiceState {
  name: string;
  status: 'COMING_UP' | 'ACTIVE_HEALTHY' | 'UNHEALTHY';
  error?: string;
}

export interface SupabaseAdvisorFinding {
  kind: 'security' | 'performance';
  level: 'ERROR' | 'WARN' | 'INFO';
  title: string;
  detail: string;
  remediation: string;
}

export interface SupabaseProjectDetail {
  ref: string;
  name: string;
  organization: string;
  region: string;
  status: SupabaseProjectState;
  /** Services health; empty while the project is paused (nothing answers). */
  services: Result<SupabaseServiceState[]>;
  backups: Result<{
    pitrEnabled: boolean;
    backups: Array<{ id: string; status: string; at: string; physical: boolean }>;
  }>;
  disk: Result<{ usedBytes: number; sizeBytes: number }>;
  advisors: Result<SupabaseAdvisorFinding[]>;
  /** Never in full: a name, its type and the first characters. */
  apiKeys: Result<Array<{ name: string; type: string; preview: string }>>;
  migrations: Result<Array<{ version: string; name?: string }>>;
  /** Whether Fleetdeck may offer Pause, and the honest words for the confirmation. */
  pause: { allowed: boolean; reason?: string };
  computeEstimate?: number;
}

export interface TenantDetail {
  row: TenantRow;
  supabase?: Result<SupabaseProjectDetail>;
}

export interface CommitLine {
  sha: string;
  title: string;
  author: string;
  date: string;
  url: string;
}

export interface CiCheck {
  name: string;
  state: Exclude<CiState, 'none'>;
  url?: string;
}

/** What a deploy of one app would build, per repo and branch of its components. */
export interface DeploySourcePreview {
  appId: string;
  sources: Array<{
    components: string[];
    repo: string;
    branch: string;
    deployedSha?: string;
    head?: CommitLine;
    /** Newest first; what this deploy ships that the running deployment does not have. */
    commits: CommitLine[];
    /** More commits than listed (the compare was cut). */
    moreCommits: number;
    ci: CiState;
    checks: CiCheck[];
    /** Why the branch could not be read (not connected, not found), in words. */
    problem?: string;
  }>;
  /** Set when GitHub is not connected in this context: the dialog says so instead of lists. */
  github: ProviderReach;
}

export interface SchemaDrift {
  /** Every migration any tenant of the group has, oldest first, with who has it. */
  migrations: Array<{ version: string; name?: string; appliedOn: string[] }>;
  tenants: Array<{
    appId: string;
    name: string;
    group: string;
    ref: string;
    applied: string[];
    missing: string[];
    problem?: string;
  }>;
}

export interface MigrationSource {
  /** Taken from a tenant that has it (its statements as that project recorded them). */
  fromAppId?: string;
  version?: string;
  /** Or written/picked by the user from a .sql file. */
  name?: string;
  sql?: string;
  /**
   * Or several .sql files (a folder such as supabase/migrations): each one migration, named from
   * its file name, applied in this order.
   */
  files?: MigrationFile[];
}

export interface MigrationFile {
  name: string;
  sql: string;
}

export interface MigrationReview {
  /** The migration's name; for several files, what they are together ("3 migrations"). */
  name: string;
  version?: string;
  /** The SQL of a single migration; for several, each one's is in `migrations`. */
  sql: string;
  from: string;
  /** Several migrations, in the order they run on each tenant. */
  migrations?: MigrationFile[];
}

export interface MigrationRunStep {
  appId: string;
  name: string;
  /** Which migration, when the run has several (one step per tenant and migration). */
  migration?: string;
  state: 'applied' | 'failed' | 'not_started' | 'already_applied';
  /** Postgres's (or the API's) own words when it failed. */
  error?: string;
}

export interface MigrationRun {
  migration: string;
  steps: MigrationRunStep[];
  /** True when it stopped at a failure and left the rest not started. */
  halted: boolean;
}

export interface TenantsMethods {
  listTenants: { request: void; response: TenantsMatrix };
  getTenant: { request: { appId: string }; response: TenantDetail };
  linkSupabaseProject: { request: { appId: string; ref: string }; response: TenantRow };
  /** Forgets a hand link, or marks a derived project as not this tenant's. */
  unlinkSupabaseProject: { request: { appId: string }; response: TenantRow };
  pauseSupabaseProject: { request: { ref: string }; response: { status: SupabaseProjectState } };
  restoreSupabaseProject: { request: { ref: string }; response: { status: SupabaseProjectState } };
  getDeploySource: { request: { appId: string }; response: DeploySourcePreview };
  getSchemaDrift: { request: void; response: SchemaDrift };
  reviewMigration: { request: MigrationSource; response: MigrationReview };
  /** One tenant at a time in the given order, halting at the first failure. */
  applyMigration: { request: { source: MigrationSource; appIds: string[] }; response: MigrationRun };
}

export type TenantsStreams = Record<never, never>;

export const TENANTS_METHOD_NAMES = [
  'listTenants',
  'getTenant',
  'linkSupabaseProject',
  'unlinkSupabaseProject',
  'pauseSupabaseProject',
  'restoreSupabaseProject',
  'getDeploySource',
  'getSchemaDrift',
  'reviewMigration',
  'applyMigration',
] as const;
export const TENANTS_STREAM_NAMES = [] as const;
