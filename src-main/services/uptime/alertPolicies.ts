// The account's Monitoring alert policies (droplets, load balancers, database clusters), listed in
// words and edited: comparison, threshold, window, on/off and emails. The API's PUT replaces the
// policy whole, so an edit re-reads it and sends every other field back as it was; a threshold out
// of range is refused here before anything is sent.
import type { AlertPolicyEdit, AlertPolicyView } from '../../../src-preload/contract';
import { isPercentPolicyType, policyValueProblem } from '../../../src-preload/contract/uptime';
import { ApiError } from '../../clients/http/apiError';
import type { AlertPolicy, UptimeClient } from '../../clients/digitalocean/uptime';
import type { AuditLog } from '../deploys/auditLog';

export type AlertPoliciesApi = Pick<UptimeClient, 'listAlertPolicies' | 'getAlertPolicy' | 'updateAlertPolicy'>;

const METRICS: Record<string, string> = {
  cpu: 'CPU',
  load_1: 'Load (1 min)',
  load_5: 'Load (5 min)',
  load_15: 'Load (15 min)',
  memory_utilization_percent: 'Memory',
  disk_utilization_percent: 'Disk',
  disk_read: 'Disk read (MB/s)',
  disk_write: 'Disk write (MB/s)',
  public_outbound_bandwidth: 'Public outbound (Mbps)',
  public_inbound_bandwidth: 'Public inbound (Mbps)',
  private_outbound_bandwidth: 'Private outbound (Mbps)',
  private_inbound_bandwidth: 'Private inbound (Mbps)',
  cpu_alerts: 'CPU',
  memory_utilization_alerts: 'Memory',
  disk_utilization_alerts: 'Disk',
  load_15_alerts: 'Load (15 min)',
};

function resourceOf(type: string): AlertPolicyView['resource'] {
  if (type.startsWith('v1/dbaas/')) return 'database';
  if (type.startsWith('v1/insights/lbaas/')) return 'load_balancer';
  if (type.startsWith('v1/droplet/autoscale')) return 'autoscale';
  return 'droplet';
}

const RESOURCE_WORDS: Record<AlertPolicyView['resource'], [one: string, many: string]> = {
  droplet: ['droplet', 'droplets'],
  load_balancer: ['load balancer', 'load balancers'],
  database: ['database cluster', 'database clusters'],
  autoscale: ['autoscale pool', 'autoscale pools'],
};

export function policyView(policy: AlertPolicy): AlertPolicyView {
  const resource = resourceOf(policy.type);
  const last = policy.type.split('/').at(-1) ?? policy.type;
  const unit = isPercentPolicyType(policy.type) ? '%' : '';
  const [one, many] = RESOURCE_WORDS[resource];
  const scope = [
    ...(policy.tags ?? []).map((t) => `tag ${t}`),
    ...(policy.entities?.length ? [`${policy.entities.length} ${policy.entities.length === 1 ? one : many}`] : []),
  ];
  return {
    uuid: policy.uuid,
    type: policy.type,
    resource,
    metric: METRICS[last] ?? last.replace(/_/g, ' '),
    unit,
    description: policy.description,
    compare: policy.compare,
    value: policy.value,
    window: policy.window,
    enabled: policy.enabled,
    emails: [...(policy.alerts?.email ?? [])],
    slackChannels: (policy.alerts?.slack ?? []).map((s) => s.channel).filter(Boolean),
    appliesTo: scope.length > 0 ? scope.join(', ') : `every ${one}`,
  };
}

export class AlertPolicies {
  constructor(
    private readonly deps: {
      client: AlertPoliciesApi;
      audit: Pick<AuditLog, 'start' | 'finish'>;
      context: string;
      toMessage: (error: unknown) => string;
    },
  ) {}

  async list(): Promise<AlertPolicyView[]> {
    const policies = await this.deps.client.listAlertPolicies();
    return policies
      .map(policyView)
      .sort((a, b) => a.resource.localeCompare(b.resource) || a.description.localeCompare(b.description));
  }

  async update(edit: AlertPolicyEdit): Promise<AlertPolicyView> {
    const current = await this.deps.client.getAlertPolicy(edit.uuid);
    const problem = policyValueProblem(current.type, edit.value);
    if (problem) throw new ApiError({ code: 'invalid_argument', message: problem });
    const { uuid: _uuid, ...rest } = current;
    void _uuid;
    const entry = this.deps.audit.start({
      context: this.deps.context,
      action: 'alert_policy',
      target: current.description,
      parameters: {
        compare: edit.compare,
        value: edit.value,
        window: edit.window,
        enabled: edit.enabled,
        emails: edit.emails.join(', '),
      },
    });
    try {
      const updated = await this.deps.client.updateAlertPolicy(edit.uuid, {
        ...rest,
        compare: edit.compare,
        value: edit.value,
        window: edit.window,
        enabled: edit.enabled,
        alerts: { email: edit.emails, slack: current.alerts?.slack ?? [] },
      });
      const view = policyView(updated);
      this.deps.audit.finish(entry, {
        result: 'succeeded',
        message: `${view.metric} ${view.compare === 'GreaterThan' ? 'above' : 'below'} ${view.value}${view.unit} for ${view.window}${view.enabled ? '' : ' (off)'}.`,
      });
      return view;
    } catch (error) {
      this.deps.audit.finish(entry, { result: 'failed', message: this.deps.toMessage(error) });
      throw error;
    }
  }
}
