// The alerts domain of the contract: DigitalOcean's own app alerts (GET /v2/apps/{id}/alerts), with
// where each one goes, and changing its emails (POST …/alerts/{alert_id}/destinations).
//
// What the API says of an alert is whether it is set up (its phase), not whether it fired: there is
// no firing history in App Platform's API, so Fleetdeck does not pretend to have one. An alert whose
// set-up failed (ERROR) watches nothing and tells no one; that is what gets marked.

export const ALERT_PHASES = ['UNKNOWN', 'PENDING', 'CONFIGURING', 'ACTIVE', 'ERROR'] as const;
export type AlertPhase = (typeof ALERT_PHASES)[number];

export interface AppAlert {
  id: string;
  /** The component the alert watches; absent for an app-wide alert. */
  componentName?: string;
  /** The API's rule, e.g. CPU_UTILIZATION, DEPLOYMENT_FAILED. */
  rule: string;
  /** The rule in words with its spec'd threshold: "CPU above 85% for 5 minutes", "A deployment fails". */
  condition: string;
  disabled: boolean;
  phase: AlertPhase;
  emails: string[];
  /**
   * Slack destinations by channel. A webhook URL is a credential (anyone holding it may post), so
   * it stays in the main process; the host and a short tail say which one it is.
   */
  slack: Array<{ channel?: string; hint: string }>;
  /** Why the set-up failed, in the API's words (ERROR). */
  problem?: string;
  /** When the set-up last finished or failed. */
  configuredAt?: string;
}

export interface AppAlerts {
  appId: string;
  alerts: AppAlert[];
  /** Alerts whose set-up failed: they watch nothing, so the app page marks them. */
  failing: number;
}

export interface AlertsMethods {
  listAppAlerts: { request: { appId: string }; response: AppAlerts };
  /**
   * For the overview's marker: what is known of these apps' alerts, at once (apps never read are
   * left out); main reads the due ones in the background within the request budget.
   */
  getFleetAlerts: { request: { appIds: string[] }; response: Record<string, AppAlerts> };
  /** Replaces the alert's emails; its Slack webhooks stay as they are. */
  setAlertEmails: { request: { appId: string; alertId: string; emails: string[] }; response: AppAlert };
}

export type AlertsStreams = Record<never, never>;

export const ALERTS_METHOD_NAMES = [
  'listAppAlerts',
  'getFleetAlerts',
  'setAlertEmails',
] as const satisfies readonly (keyof AlertsMethods)[];
export const ALERTS_STREAM_NAMES = [] as const;

/** True for an alert that should draw the eye: its set-up failed, so it would tell no one. */
export const isAlarming = (alert: Pick<AppAlert, 'phase' | 'disabled'>): boolean =>
  alert.phase === 'ERROR' && !alert.disabled;
