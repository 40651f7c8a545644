// The sandbox's Supabase account: organizations and their projects (the shapes the organization
// endpoints answer, which tests edit in place), plus what only the per-project endpoints show:
// the schema as a set of table names, applied migrations, backups, disk, advisors and keys.
// Status changes (pause, restore) are timed on the sandbox clock and settled on every request.
import type { FaultInjector } from '../faults';
import type { SupabaseAdvisorLint, SupabaseMigrationDetail } from '../../clients/supabase/projectTypes';
import type {
  SupabaseOrganization,
  SupabaseOrganizationDetail,
  SupabaseOrganizationProject,
  SupabaseProjectStatus,
} from '../../clients/supabase/types';

export interface SupabaseTiming {
  /** PAUSING lasts this long before the project is INACTIVE. */
  pausingMs: number;
  /** After a restore: RESTORING for this long, then COMING_UP for comingUpMs, then ACTIVE_HEALTHY. */
  restoringMs: number;
  comingUpMs: number;
  /** A new project is COMING_UP this long before it is ACTIVE_HEALTHY. */
  creatingMs: number;
}

export interface ProjectDetail {
  /** Table names in the project's database (schema-qualified, e.g. public.tenants). */
  tables: Set<string>;
  /** Applied migrations, oldest first. */
  migrations: SupabaseMigrationDetail[];
  /** Idempotency-Key → the version it applied. */
  idempotency: Map<string, string>;
  pitrEnabled: boolean;
  /** Daily backups are kept for the last this many days (0: none, as on a paused Free project). */
  dailyBackups: number;
  disk: { sizeBytes: number; usedBytes: number };
  advisors: { security: SupabaseAdvisorLint[]; performance: SupabaseAdvisorLint[] };
  /** Rows of the tables the SQL endpoint has written (the registry's `tenants`), by table name. */
  rows?: Map<string, Array<Record<string, unknown>>>;
  /** Seeds the project's keys; the same ref always gives the same keys. */
  keySeed: string;
  postgresVersion: string;
  /** When the project last went INACTIVE (its disk figures date from then). */
  pausedAt?: number;
  /** A status change under way: the statuses it will pass through, each from its time on. */
  transition?: Array<{ status: SupabaseProjectStatus; at: number }>;
}

export interface SupabaseWorld {
  organizations: Array<SupabaseOrganization & Pick<SupabaseOrganizationDetail, 'plan'>>;
  /** By organization slug. */
  projects: Record<string, SupabaseOrganizationProject[]>;
  /** By project ref; a project without one answers the per-project endpoints with empty data. */
  details: Record<string, ProjectDetail>;
  timing: SupabaseTiming;
  /** Requests per window per endpoint and scope; tests lower it to meet a 429. */
  rateLimit: { perMinute: number };
  /** Scripted failures of the Supabase endpoints (paths as the API spells them, e.g. /v1/projects). */
  faults: FaultInjector;
}

export const DEFAULT_TIMING: SupabaseTiming = {
  pausingMs: 20_000,
  restoringMs: 30_000,
  comingUpMs: 15_000,
  creatingMs: 12_000,
};

export interface FoundProject {
  project: SupabaseOrganizationProject;
  organization: SupabaseWorld['organizations'][number];
  detail: ProjectDetail;
}

export function findProject(world: SupabaseWorld, ref: string): FoundProject | undefined {
  for (const organization of world.organizations) {
    const project = world.projects[organization.slug]?.find((p) => p.ref === ref);
    if (project) return { project, organization, detail: (world.details[ref] ??= emptyDetail(ref)) };
  }
  return undefined;
}

export function emptyDetail(ref: string): ProjectDetail {
  return {
    tables: new Set(),
    migrations: [],
    idempotency: new Map(),
    pitrEnabled: false,
    dailyBackups: 0,
    disk: { sizeBytes: 8 * 2 ** 30, usedBytes: 0.3 * 2 ** 30 },
    advisors: { security: [], performance: [] },
    keySeed: ref,
    postgresVersion: '17.4.1.054',
  };
}

/** Sets a project's status, and its primary database's, as the organization listing shows them. */
export function setStatus(project: SupabaseOrganizationProject, status: SupabaseProjectStatus): void {
  project.status = status;
  const database = project.databases[0];
  if (database) database.status = DATABASE_STATUS[status] ?? status;
}

// A database's status enum has no INACTIVE, PAUSING or *_FAILED of its own: the spec's nearest
// values stand in (a paused database is UNKNOWN, one going to sleep is GOING_DOWN).
const DATABASE_STATUS: Partial<Record<SupabaseProjectStatus, string>> = {
  INACTIVE: 'UNKNOWN',
  PAUSING: 'GOING_DOWN',
  PAUSE_FAILED: 'UNKNOWN',
  RESTORE_FAILED: 'UNKNOWN',
  UPGRADING: 'RESTARTING',
};

/** Moves every project whose timed status change is due to where it is now. */
export function settle(world: SupabaseWorld, now: number): void {
  for (const projects of Object.values(world.projects)) {
    for (const project of projects) {
      const detail = world.details[project.ref];
      if (!detail?.transition) continue;
      while (detail.transition.length > 0 && detail.transition[0]!.at <= now) {
        const step = detail.transition.shift()!;
        setStatus(project, step.status);
        if (step.status === 'INACTIVE') detail.pausedAt = step.at;
      }
      if (detail.transition.length === 0) delete detail.transition;
    }
  }
}
