// The uptime domain, built per account context: tenants' health paths and their DigitalOcean
// Uptime checks, and the account's Monitoring alert policies.
import type { App } from '../../clients/digitalocean/types';
import type { AuditLog } from '../deploys/auditLog';
import { AlertPolicies, type AlertPoliciesApi } from './alertPolicies';
import { UptimeService, type UptimeApi } from './uptimeService';
import { UserHealthPaths } from './userPaths';

export { UptimeService } from './uptimeService';
export { AlertPolicies } from './alertPolicies';

export interface UptimeDomainDeps {
  client: UptimeApi & AlertPoliciesApi;
  /** The context's apps with their specs and domains (a fleet read). */
  apps: () => Promise<App[]>;
  app: (appId: string) => Promise<App>;
  dataDir: string;
  context: string;
  audit: Pick<AuditLog, 'start' | 'finish'>;
  toMessage: (error: unknown) => string;
}

export interface UptimeDomain {
  uptime: UptimeService;
  policies: AlertPolicies;
}

export function createUptimeDomain(deps: UptimeDomainDeps): UptimeDomain {
  return {
    uptime: new UptimeService({
      client: deps.client,
      apps: deps.apps,
      app: deps.app,
      paths: new UserHealthPaths(deps.dataDir, deps.context),
      audit: deps.audit,
      context: deps.context,
      toMessage: deps.toMessage,
    }),
    policies: new AlertPolicies({
      client: deps.client,
      audit: deps.audit,
      context: deps.context,
      toMessage: deps.toMessage,
    }),
  };
}
