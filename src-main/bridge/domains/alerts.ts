// The alerts domain's side of the contract: which service answers each method.
import type { AlertsMethods } from '../../../src-preload/contract';
import type { AlertsService } from '../../services/alerts/alertsService';
import type { DomainMethodHandlers } from '../dispatcher';

export function alertsMethodHandlers(alerts: () => AlertsService): DomainMethodHandlers<AlertsMethods> {
  return {
    listAppAlerts: ({ appId }) => alerts().listAppAlerts(appId),
    getFleetAlerts: async ({ appIds }) => alerts().getFleetAlerts(appIds),
    setAlertEmails: ({ appId, alertId, emails }) => alerts().setAlertEmails(appId, alertId, emails),
  };
}
