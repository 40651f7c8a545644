// The uptime domain's side of the contract: which service answers each method.
import type { UptimeMethods } from '../../../src-preload/contract';
import type { UptimeDomain } from '../../services/uptime';
import type { DomainMethodHandlers } from '../dispatcher';

export function uptimeMethodHandlers(domain: () => UptimeDomain): DomainMethodHandlers<UptimeMethods> {
  return {
    getUptimeOverview: () => domain().uptime.getUptimeOverview(),
    getTenantUptime: ({ appId }) => domain().uptime.getTenantUptime(appId),
    createTenantUptimeChecks: ({ appId }) => domain().uptime.createTenantUptimeChecks(appId),
    deleteUptimeCheck: ({ appId, checkId }) => domain().uptime.deleteUptimeCheck(appId, checkId),
    addHealthPath: ({ appId, path }) => domain().uptime.addHealthPath(appId, path),
    removeHealthPath: ({ appId, path }) => domain().uptime.removeHealthPath(appId, path),
    listAlertPolicies: () => domain().policies.list(),
    updateAlertPolicy: (edit) => domain().policies.update(edit),
  };
}
