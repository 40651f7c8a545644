// DigitalOcean's own app alerts, read for the app page: each alert's rule and threshold in words,
// where it goes, and whether it is set up. The page reads the list when it opens; the overview's
// marker reads what is known of every app (fleetAlerts.ts), refreshed in the background.
import {
  ALERT_PHASES,
  isAlarming,
  type AlertPhase,
  type AppAlert,
  type AppAlerts,
} from '../../../src-preload/contract';
import type { AppAlert as ApiAlert, DigitalOceanClient } from '../../clients/digitalocean/client';
import { ApiError } from '../../clients/http/apiError';
import { fleetAlertsFor, type FleetAlerts } from './fleetAlerts';

type AlertsClient = Pick<DigitalOceanClient, 'listAlerts' | 'assignAlertDestinations'>;

const WINDOW: Record<string, string> = {
  FIVE_MINUTES: '5 minutes',
  TEN_MINUTES: '10 minutes',
  THIRTY_MINUTES: '30 minutes',
  ONE_HOUR: 'an hour',
};

const EVENT: Record<string, string> = {
  DEPLOYMENT_FAILED: 'A deployment fails',
  DEPLOYMENT_LIVE: 'A deployment goes live',
  DOMAIN_FAILED: 'A domain fails to configure',
  DOMAIN_LIVE: 'A domain goes live',
  AUTOSCALE_FAILED: 'Autoscaling fails',
  AUTOSCALE_SUCCEEDED: 'Autoscaling succeeds',
};

// Metric rules with what they measure and the unit of their threshold.
const METRIC: Record<string, { what: string; unit: (v: number) => string }> = {
  CPU_UTILIZATION: { what: 'CPU', unit: (v) => `${v}%` },
  MEM_UTILIZATION: { what: 'Memory', unit: (v) => `${v}%` },
  RESTART_COUNT: { what: 'Restarts', unit: (v) => `${v}` },
  REQUESTS_PER_SECOND: { what: 'Requests', unit: (v) => `${v}/s` },
  REQUEST_DURATION_P95_MS: { what: 'p95 request time', unit: (v) => `${v} ms` },
};

/** The rule and its spec'd threshold in words: "CPU above 85% for 5 minutes". */
export function conditionOf(spec: ApiAlert['spec']): string {
  const rule = spec?.rule ?? 'UNSPECIFIED_RULE';
  const event = EVENT[rule];
  if (event) return event;
  const metric = METRIC[rule] ?? { what: words(rule), unit: (v: number) => `${v}` };
  if (spec?.value === undefined) return metric.what;
  const side = spec.operator === 'LESS_THAN' ? 'below' : 'above';
  const window = spec.window ? WINDOW[spec.window] : undefined;
  return `${metric.what} ${side} ${metric.unit(spec.value)}${window ? ` for ${window}` : ''}`;
}

const words = (rule: string) => {
  const text = rule.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A webhook URL posts to the channel for anyone who has it: only its host and last characters leave main. */
const webhookHint = (url: string | undefined): string => {
  if (!url) return '';
  try {
    return `${new URL(url).host} …${url.slice(-4)}`;
  } catch {
    return `…${url.slice(-4)}`;
  }
};

export function toAppAlert(alert: ApiAlert): AppAlert {
  const steps = alert.progress?.steps ?? [];
  const failed = steps.find((s) => s.status === 'ERROR');
  const last = steps[steps.length - 1];
  const phase: AlertPhase = (ALERT_PHASES as readonly string[]).includes(alert.phase ?? '')
    ? (alert.phase as AlertPhase)
    : 'UNKNOWN';
  const problem = failed?.reason?.message ?? failed?.reason?.code;
  const configuredAt = last?.ended_at ?? last?.started_at;
  return {
    id: alert.id ?? '',
    ...(alert.component_name ? { componentName: alert.component_name } : {}),
    rule: alert.spec?.rule ?? 'UNSPECIFIED_RULE',
    condition: conditionOf(alert.spec),
    disabled: alert.spec?.disabled ?? false,
    phase,
    emails: alert.emails ?? [],
    slack: (alert.slack_webhooks ?? []).map((w) => ({
      ...(w.channel ? { channel: w.channel } : {}),
      hint: webhookHint(w.url),
    })),
    ...(problem ? { problem } : {}),
    ...(configuredAt ? { configuredAt } : {}),
  };
}

export class AlertsService {
  private readonly fleet: FleetAlerts;

  constructor(private readonly client: AlertsClient) {
    // Made per call by the bridge: the overview's cache lives with the context's client instead.
    this.fleet = fleetAlertsFor(client, (appId) => this.read(appId));
  }

  async listAppAlerts(appId: string): Promise<AppAlerts> {
    const value = await this.read(appId);
    this.fleet.remember(value);
    return value;
  }

  /** The overview's marker: what is known of these apps' alerts, reading the due ones in the background. */
  getFleetAlerts(appIds: readonly string[]): Record<string, AppAlerts> {
    return this.fleet.known(appIds);
  }

  private async read(appId: string): Promise<AppAlerts> {
    const alerts = (await this.client.listAlerts(appId)).map(toAppAlert);
    return { appId, alerts, failing: alerts.filter(isAlarming).length };
  }

  /**
   * The API replaces both kinds of destination at once, and the window never holds a webhook URL:
   * the alert's current webhooks are read and sent back unchanged beside the new emails.
   */
  async setAlertEmails(appId: string, alertId: string, emails: string[]): Promise<AppAlert> {
    const current = (await this.client.listAlerts(appId)).find((a) => a.id === alertId);
    if (!current) {
      throw new ApiError({ code: 'not_found', message: 'That alert is no longer in the app’s spec.' });
    }
    this.fleet.forget(appId);
    const updated = await this.client.assignAlertDestinations(appId, alertId, {
      emails: [...new Set(emails.map((e) => e.trim()).filter(Boolean))],
      slack_webhooks: current.slack_webhooks ?? [],
    });
    return toAppAlert(updated);
  }
}
