// App alerts in the sandbox cloud: GET /v2/apps/{id}/alerts and POST …/alerts/{alert_id}/destinations.
// As on DigitalOcean, an alert is *defined* in the app spec (spec.alerts for the app, alerts[] on a
// component) and the API lists each with an id, its destinations and the phase of its set-up. The
// list is derived from the app's current spec on every read, so a spec edit that adds or drops an
// alert shows at once; what the spec does not hold (destinations, a failed set-up) is kept here
// per alert id.
import { createHash } from 'node:crypto';
import type { components } from '../../clients/digitalocean/generated';
import { doError, json, notFound, type Router } from '../http';
import { demoAlertExtras } from '../seed/demoAlerts';
import type { AppRecord, SandboxState } from '../state';

type AppAlert = components['schemas']['app_alert'];
type AlertSpec = components['schemas']['app_alert_spec'];
type SlackWebhook = components['schemas']['app_alert_slack_webhook'];

/** What an alert has beyond its spec: where it goes, and a set-up that failed. */
export interface AlertExtras {
  emails: string[];
  slack_webhooks: SlackWebhook[];
  /** A failed set-up; when it was about one webhook, it lasts while that webhook stays. */
  failure?: { code: string; message: string; at: string; webhookUrl?: string };
}

const books = new WeakMap<SandboxState, Map<string, AlertExtras>>();

/**
 * The alerts' destinations and failures of one sandbox world (tests set a failure through it),
 * starting from the demo fleet's on first use (a fleet without those apps starts empty).
 */
export function alertBook(state: SandboxState): Map<string, AlertExtras> {
  let book = books.get(state);
  if (!book) {
    book = demoAlertExtras(state, alertId);
    books.set(state, book);
  }
  return book;
}

/**
 * An alert's id stays the same while the spec keeps the same rule on the same component, as the
 * real API's do across deployments; a v4-shaped UUID from a hash of the three.
 */
export function alertId(appId: string, componentName: string, rule: string): string {
  const hex = createHash('sha256').update(`${appId}/${componentName}/${rule}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const COMPONENT_LISTS = ['services', 'workers', 'jobs', 'static_sites', 'functions'] as const;

/** Every alert the app's spec defines, app-level first, with the component it watches. */
function specAlerts(record: AppRecord): Array<{ component: string; spec: AlertSpec }> {
  const spec = record.app.spec;
  const found = (spec.alerts ?? []).map((a) => ({ component: '', spec: a as AlertSpec }));
  for (const list of COMPONENT_LISTS) {
    for (const component of (spec[list] ?? []) as Array<{ name?: string; alerts?: AlertSpec[] }>) {
      for (const a of component.alerts ?? []) found.push({ component: component.name ?? '', spec: a });
    }
  }
  return found;
}

/** The app's alerts as the API lists them: set up (ACTIVE) when the app was, unless one failed. */
export function presentAlerts(state: SandboxState, record: AppRecord): AppAlert[] {
  const book = alertBook(state);
  const configuredAt = record.app.updated_at ?? record.app.created_at ?? new Date(state.clock.now()).toISOString();
  return specAlerts(record).map(({ component, spec }) => {
    const id = alertId(record.app.id ?? '', component, spec.rule ?? 'UNSPECIFIED_RULE');
    const extras = book.get(id);
    const failure = extras?.failure;
    const step = {
      name: 'alert-configure-insight-alert',
      status: failure ? ('ERROR' as const) : ('SUCCESS' as const),
      started_at: failure?.at ?? configuredAt,
      ended_at: failure?.at ?? configuredAt,
      ...(failure ? { reason: { code: failure.code, message: failure.message } } : {}),
    };
    return {
      id,
      ...(component ? { component_name: component } : {}),
      spec,
      emails: extras?.emails ?? [],
      slack_webhooks: extras?.slack_webhooks ?? [],
      phase: failure ? 'ERROR' : 'ACTIVE',
      progress: { steps: [step] },
    };
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The request body's destinations, or the words of a 400 like the API's for a malformed one. */
function destinationsOf(body: unknown): Pick<AlertExtras, 'emails' | 'slack_webhooks'> | string {
  if (typeof body !== 'object' || body === null) return 'The request body must be a JSON object.';
  const { emails = [], slack_webhooks = [] } = body as { emails?: unknown; slack_webhooks?: unknown };
  if (!Array.isArray(emails) || !emails.every((e) => typeof e === 'string' && EMAIL.test(e)))
    return 'emails must be a list of email addresses.';
  if (
    !Array.isArray(slack_webhooks) ||
    !slack_webhooks.every(
      (w) =>
        typeof w === 'object' &&
        w !== null &&
        typeof (w as SlackWebhook).url === 'string' &&
        /^https:\/\//.test((w as SlackWebhook).url!),
    )
  )
    return 'slack_webhooks must be a list of {url, channel} with https URLs.';
  return {
    emails: emails as string[],
    slack_webhooks: (slack_webhooks as SlackWebhook[]).map((w) => ({
      url: w.url,
      ...(w.channel ? { channel: w.channel } : {}),
    })),
  };
}

export function registerAlertRoutes(router: Router, state: SandboxState): void {
  router
    .add('GET', '/v2/apps/:appId/alerts', (req) => {
      const record = state.apps.get(req.params.appId ?? '');
      return record ? json(200, { alerts: presentAlerts(state, record) }) : notFound();
    })
    .add('POST', '/v2/apps/:appId/alerts/:alertId/destinations', (req) => {
      const record = state.apps.get(req.params.appId ?? '');
      const alert = record && presentAlerts(state, record).find((a) => a.id === req.params.alertId);
      if (!alert) return notFound();
      const destinations = destinationsOf(req.body);
      if (typeof destinations === 'string') return doError(400, 'bad_request', destinations);
      const book = alertBook(state);
      // The alert is set up afresh: a failure goes unless the webhook it was about is still there.
      const failure = book.get(alert.id!)?.failure;
      const lasting = failure?.webhookUrl && destinations.slack_webhooks.some((w) => w.url === failure.webhookUrl);
      book.set(alert.id!, { ...destinations, ...(lasting ? { failure } : {}) });
      return json(200, { alert: presentAlerts(state, record).find((a) => a.id === alert.id) });
    });
}
