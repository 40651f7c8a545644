// The parts of the Supabase Management API's schemas (resources/openapi/supabase-subset.json)
// that Fleetdeck reads, written out by hand: field names and enums as the spec spells them.
import type { SupabasePlan } from '../../../src-preload/contract';

/** GET /v1/organizations: OrganizationResponseV1. */
export interface SupabaseOrganization {
  /** Deprecated by the spec in favour of slug, still sent. */
  id?: string;
  slug: string;
  name: string;
}

/** GET /v1/organizations/{slug}: V1OrganizationSlugResponse (it carries no slug). */
export interface SupabaseOrganizationDetail {
  id: string;
  name: string;
  plan?: SupabasePlan;
  opt_in_tags: string[];
  allowed_release_channels: string[];
}

export type SupabaseProjectStatus =
  | 'INACTIVE'
  | 'ACTIVE_HEALTHY'
  | 'ACTIVE_UNHEALTHY'
  | 'COMING_UP'
  | 'UNKNOWN'
  | 'GOING_DOWN'
  | 'INIT_FAILED'
  | 'REMOVED'
  | 'RESTORING'
  | 'UPGRADING'
  | 'PAUSING'
  | 'RESTORE_FAILED'
  | 'RESTARTING'
  | 'PAUSE_FAILED'
  | 'RESIZING';

/** One entry of a project's databases[]: the primary and any read replicas. */
export interface SupabaseDatabase {
  infra_compute_size?: string;
  region: string;
  status: string;
  cloud_provider: string;
  identifier: string;
  type: 'PRIMARY' | 'READ_REPLICA';
  disk_volume_size_gb?: number;
  disk_type?: 'gp3' | 'io2';
}

/** GET /v1/organizations/{slug}/projects: an item of OrganizationProjectsResponse.projects. */
export interface SupabaseOrganizationProject {
  ref: string;
  name: string;
  cloud_provider: string;
  region: string;
  is_branch: boolean;
  status: SupabaseProjectStatus;
  inserted_at: string;
  databases: SupabaseDatabase[];
}

export interface SupabaseOrganizationProjectsPage {
  projects: SupabaseOrganizationProject[];
  pagination: { count: number; limit: number; offset: number };
}
