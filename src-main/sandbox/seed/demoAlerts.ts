// Destinations of the demo fleet's alerts, and the one that is in trouble. The alerts themselves
// come from each app's spec (BASIC_ALERTS on TaskifAI's apps); the API keeps where they go apart
// from the spec, so the demo says it here: the founder's mailbox for every alert, and a Slack
// channel for customer3's domain alerts whose webhook Slack no longer accepts (the channel was
// archived), so that alert's set-up failed and it would not tell anyone.
import type { AlertExtras } from '../routes/alerts';
import type { SandboxState } from '../state';

const FOUNDER = 'founder@taskifai.com';
const BROKEN_SLACK = {
  app: 'taskifai-customer3',
  rule: 'DOMAIN_FAILED',
  webhook: {
    url: 'https://hooks.slack.com/services/T0TASKIFAI/B0CUSTOMER3/archivedchannelhook01',
    channel: '#customer3-ops',
  },
  failure: { code: 'SlackWebhookRejected', message: 'Slack answered 404 channel_is_archived for #customer3-ops.' },
};

/** The demo's destinations by alert id (`idOf` names an app-level alert as the API does). */
export function demoAlertExtras(
  state: SandboxState,
  idOf: (appId: string, componentName: string, rule: string) => string,
): Map<string, AlertExtras> {
  const book = new Map<string, AlertExtras>();
  for (const record of state.apps.values()) {
    const appId = record.app.id ?? '';
    for (const alert of record.app.spec.alerts ?? []) {
      const rule = alert.rule ?? 'UNSPECIFIED_RULE';
      const broken = record.app.spec.name === BROKEN_SLACK.app && rule === BROKEN_SLACK.rule;
      const at = new Date(state.clock.now() - 26 * 3600_000).toISOString();
      book.set(idOf(appId, '', rule), {
        emails: [FOUNDER],
        slack_webhooks: broken ? [BROKEN_SLACK.webhook] : [],
        ...(broken ? { failure: { ...BROKEN_SLACK.failure, at, webhookUrl: BROKEN_SLACK.webhook.url } } : {}),
      });
    }
  }
  return book;
}
