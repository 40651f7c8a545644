// The tenants domain's side of the contract: which service answers each method.
import type { TenantsMethods } from '../../../src-preload/contract';
import type { TenantsService } from '../../services/tenants';
import type { DomainMethodHandlers } from '../dispatcher';

export function tenantsMethodHandlers(tenants: () => TenantsService): DomainMethodHandlers<TenantsMethods> {
  return {
    listTenants: () => tenants().listTenants(),
    getTenant: ({ appId }) => tenants().getTenant(appId),
    linkSupabaseProject: ({ appId, ref }) => tenants().link(appId, ref),
    unlinkSupabaseProject: ({ appId }) => tenants().unlink(appId),
    pauseSupabaseProject: ({ ref }) => tenants().pause(ref),
    restoreSupabaseProject: ({ ref }) => tenants().restore(ref),
    getDeploySource: ({ appId }) => tenants().deploySource(appId),
    getSchemaDrift: () => tenants().drift(),
    reviewMigration: (source) => tenants().review(source),
    applyMigration: ({ source, appIds }) => tenants().applyMigration(source, appIds),
  };
}
