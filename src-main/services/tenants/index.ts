// The tenants domain, built per account context from the clients it may call.
import type { InfrastructureTenant, SupabaseCosts } from '../../../src-preload/contract';
import type { ErrorMapper } from '../../base/errors';
import type { App } from '../../clients/digitalocean/types';
import type { GitHubReposApi } from '../../clients/github/types';
import type { SupabaseProjectsApi } from '../../clients/supabase/projectTypes';
import type { AppsService } from '../apps/appsService';
import type { AuditLog } from '../deploys/auditLog';
import { SourceStatus } from './sourceStatus';
import { SupabaseProjects } from './supabaseProjects';
import { TenantLinks } from './tenantLinks';
import { TenantsService } from './tenantsService';

export { TenantsService } from './tenantsService';

export interface TenantsDomainDeps {
  context: string;
  dataDir: string;
  apps: Pick<AppsService, 'fleetAndApps'>;
  /** The Supabase organizations and projects with their costs (one read shared with the costs domain). */
  supabaseDirectory: () => Promise<SupabaseCosts>;
  /** Undefined when the context has no account of that provider. */
  supabase: () => Promise<SupabaseProjectsApi | undefined>;
  github: () => Promise<GitHubReposApi | undefined>;
  audit: Pick<AuditLog, 'start' | 'finish'>;
  toError: ErrorMapper;
  /** Tenants known only by their databases in shared clusters (Presence360's churches). */
  databaseTenants?: (apps: readonly App[]) => Promise<InfrastructureTenant[]>;
}

export function createTenantsDomain(deps: TenantsDomainDeps): TenantsService {
  return new TenantsService({
    context: deps.context,
    fleet: () => deps.apps.fleetAndApps(),
    supabaseDirectory: deps.supabaseDirectory,
    projects: new SupabaseProjects({ client: deps.supabase, toError: deps.toError }),
    sources: new SourceStatus({ client: deps.github, toError: deps.toError }),
    links: new TenantLinks(deps.dataDir, deps.context),
    audit: deps.audit,
    toError: deps.toError,
    ...(deps.databaseTenants ? { databaseTenants: deps.databaseTenants } : {}),
  });
}
