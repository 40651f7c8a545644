// The per-project parts of the Supabase Management API that the tenants domain reads and acts on,
// as resources/openapi/supabase-subset.json spells them (V1ProjectWithDatabaseResponse,
// V1ServiceHealthResponse, V1BackupsResponse, DiskUtilMetricsResponse, V1ProjectAdvisorsResponse,
// ApiKeyResponse, V1ListMigrationsResponse, V1GetMigrationResponse).
import type { SupabaseProjectStatus } from './types';

export const SUPABASE_SERVICE_NAMES = [
  'auth',
  'db',
  'db_postgres_user',
  'pooler',
  'realtime',
  'rest',
  'storage',
  'pg_bouncer',
] as const;
export type SupabaseServiceName = (typeof SUPABASE_SERVICE_NAMES)[number];

/** GET /v1/projects/{ref} (and each item of GET /v1/projects). */
export interface SupabaseProject {
  ref: string;
  organization_slug: string;
  name: string;
  region: string;
  created_at: string;
  status: SupabaseProjectStatus;
  database?: { host: string; version: string; postgres_engine?: string; release_channel?: string };
}

/** GET /v1/projects/{ref}/health?services=…: one entry per service asked for. */
export interface SupabaseServiceHealth {
  name: SupabaseServiceName;
  status: 'COMING_UP' | 'ACTIVE_HEALTHY' | 'UNHEALTHY';
  /** Deprecated by the spec in favour of status, still sent. */
  healthy?: boolean;
  error?: string;
}

export interface SupabaseBackup {
  id: number;
  is_physical_backup: boolean;
  status: 'COMPLETED' | 'FAILED' | 'PENDING' | 'REMOVED' | 'ARCHIVED' | 'CANCELLED';
  inserted_at: string;
}

/** GET /v1/projects/{ref}/database/backups. */
export interface SupabaseBackups {
  region: string;
  walg_enabled: boolean;
  pitr_enabled: boolean;
  backups: SupabaseBackup[];
  physical_backup_data: {
    earliest_physical_backup_date_unix?: number;
    latest_physical_backup_date_unix?: number;
  };
}

/** GET /v1/projects/{ref}/config/disk/util. */
export interface SupabaseDiskUtilization {
  timestamp: string;
  metrics: { fs_size_bytes: number; fs_avail_bytes: number; fs_used_bytes: number };
}

/** One lint of GET /v1/projects/{ref}/advisors/{security,performance}. */
export interface SupabaseAdvisorLint {
  name: string;
  title: string;
  level: 'ERROR' | 'WARN' | 'INFO';
  facing: 'EXTERNAL';
  categories: Array<'PERFORMANCE' | 'SECURITY'>;
  description: string;
  detail: string;
  remediation: string;
  metadata?: Record<string, unknown>;
  cache_key: string;
}

export type SupabaseAdvisorKind = 'security' | 'performance';

/** GET /v1/projects/{ref}/api-keys (never with reveal=true: Fleetdeck shows keys masked). */
export interface SupabaseApiKey {
  name: string;
  api_key?: string | null;
  id?: string | null;
  type?: 'legacy' | 'publishable' | 'secret' | null;
  prefix?: string | null;
  description?: string | null;
}

/** GET /v1/projects/{ref}/database/migrations: applied migrations, oldest first. */
export interface SupabaseMigration {
  version: string;
  name?: string;
}

/** GET /v1/projects/{ref}/database/migrations/{version}: with the SQL that was applied. */
export interface SupabaseMigrationDetail extends SupabaseMigration {
  statements?: string[];
  rollback?: string[];
  created_by?: string;
  idempotency_key?: string;
}

/**
 * What the tenants domain needs of a Supabase account, per project. SupabaseClient implements it;
 * services take a Pick of it so a test can see exactly what a service may call.
 */
export interface SupabaseProjectsApi {
  getProject(ref: string): Promise<SupabaseProject>;
  getServicesHealth(ref: string, services: readonly SupabaseServiceName[]): Promise<SupabaseServiceHealth[]>;
  /** POST /v1/projects/{ref}/pause: the project goes PAUSING, then INACTIVE. */
  pauseProject(ref: string): Promise<void>;
  /** POST /v1/projects/{ref}/restore: the project goes RESTORING/COMING_UP, then ACTIVE_HEALTHY. */
  restoreProject(ref: string): Promise<void>;
  listBackups(ref: string): Promise<SupabaseBackups>;
  getDiskUtilization(ref: string): Promise<SupabaseDiskUtilization>;
  listAdvisorLints(ref: string, kind: SupabaseAdvisorKind): Promise<SupabaseAdvisorLint[]>;
  listApiKeys(ref: string): Promise<SupabaseApiKey[]>;
  listMigrations(ref: string): Promise<SupabaseMigration[]>;
  getMigration(ref: string, version: string): Promise<SupabaseMigrationDetail>;
  /** POST /v1/projects/{ref}/database/migrations with an Idempotency-Key, so a retry never applies twice. */
  applyMigration(ref: string, migration: { query: string; name?: string }, idempotencyKey: string): Promise<void>;
}

/** V1CreateProjectBody, as much of it as onboarding sends. */
export interface SupabaseCreateProjectBody {
  name: string;
  organization_slug: string;
  db_pass: string;
  region_selection: { type: 'specific'; code: string } | { type: 'smartGroup'; code: 'americas' | 'emea' | 'apac' };
  desired_instance_size?: string;
}
