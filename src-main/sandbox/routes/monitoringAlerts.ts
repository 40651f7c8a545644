// Monitoring alert policies in the sandbox cloud: /v2/monitoring/alerts (list, create) and
// /v2/monitoring/alerts/{alert_uuid} (get, update, delete), for droplets, load balancers and
// database clusters. Shapes are the spec's alert_policy and godo's AlertPolicy; an update replaces
// the policy whole (the spec requires every field of alert_policy_request on PUT, as on POST).
//
// Undocumented, so chosen here: the words of a refusal (a 422 naming the field); that a percentage
// metric refuses a value outside 0–100; that an email not verified on the account is refused (the
// spec says it "has to be one that is verified on that DigitalOcean account", not how it refuses).
import { isPercentPolicyType } from '../../../src-preload/contract/uptime';
import type { components } from '../../clients/digitalocean/generated';
import { doError, json, notFound, paginate, type Router } from '../http';
import type { SandboxState } from '../state';
import { uptimeWorld, type AlertPolicy, type UptimeWorld } from '../uptime/world';

type PolicyType = AlertPolicy['type'];
const COMPARES = ['GreaterThan', 'LessThan'] as const;
const WINDOWS = ['5m', '10m', '30m', '1h'] as const;

/** Every type the spec's enum lists (from the generated types, so the two cannot drift apart). */
const TYPES: Record<PolicyType, true> = {
  'v1/insights/droplet/load_1': true,
  'v1/insights/droplet/load_5': true,
  'v1/insights/droplet/load_15': true,
  'v1/insights/droplet/memory_utilization_percent': true,
  'v1/insights/droplet/disk_utilization_percent': true,
  'v1/insights/droplet/cpu': true,
  'v1/insights/droplet/disk_read': true,
  'v1/insights/droplet/disk_write': true,
  'v1/insights/droplet/public_outbound_bandwidth': true,
  'v1/insights/droplet/public_inbound_bandwidth': true,
  'v1/insights/droplet/private_outbound_bandwidth': true,
  'v1/insights/droplet/private_inbound_bandwidth': true,
  'v1/insights/lbaas/avg_cpu_utilization_percent': true,
  'v1/insights/lbaas/connection_utilization_percent': true,
  'v1/insights/lbaas/droplet_health': true,
  'v1/insights/lbaas/tls_connections_per_second_utilization_percent': true,
  'v1/insights/lbaas/increase_in_http_error_rate_percentage_5xx': true,
  'v1/insights/lbaas/increase_in_http_error_rate_percentage_4xx': true,
  'v1/insights/lbaas/increase_in_http_error_rate_count_5xx': true,
  'v1/insights/lbaas/increase_in_http_error_rate_count_4xx': true,
  'v1/insights/lbaas/high_http_request_response_time': true,
  'v1/insights/lbaas/high_http_request_response_time_50p': true,
  'v1/insights/lbaas/high_http_request_response_time_95p': true,
  'v1/insights/lbaas/high_http_request_response_time_99p': true,
  'v1/dbaas/alerts/load_15_alerts': true,
  'v1/dbaas/alerts/memory_utilization_alerts': true,
  'v1/dbaas/alerts/disk_utilization_alerts': true,
  'v1/dbaas/alerts/cpu_alerts': true,
  'v1/droplet/autoscale_alerts/current_instances': true,
  'v1/droplet/autoscale_alerts/target_instances': true,
  'v1/droplet/autoscale_alerts/current_cpu_utilization': true,
  'v1/droplet/autoscale_alerts/target_cpu_utilization': true,
  'v1/droplet/autoscale_alerts/current_memory_utilization': true,
  'v1/droplet/autoscale_alerts/target_memory_utilization': true,
  'v1/droplet/autoscale_alerts/scale_up': true,
  'v1/droplet/autoscale_alerts/scale_down': true,
};

/** Metrics measured in percent: a threshold past 100 could never be crossed. */
export const isPercentType = isPercentPolicyType;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

type PolicyRequest = components['schemas']['alert_policy_request'];

function policyFrom(world: UptimeWorld, body: unknown, uuid: string): AlertPolicy | string {
  if (!isObject(body)) return 'The request body must be a JSON object.';
  const b = body as Partial<Record<keyof PolicyRequest, unknown>>;
  if (typeof b.type !== 'string' || !(b.type in TYPES)) return 'type is not a known alert policy type.';
  if (typeof b.description !== 'string' || !b.description.trim()) return 'description is required.';
  if (!COMPARES.includes(b.compare as never)) return 'compare must be GreaterThan or LessThan.';
  if (!WINDOWS.includes(b.window as never)) return `window must be one of ${WINDOWS.join(', ')}.`;
  if (typeof b.value !== 'number' || !Number.isFinite(b.value) || b.value < 0) return 'value must be a number ≥ 0.';
  if (isPercentType(b.type) && b.value > 100) return 'value must be between 0 and 100 for a percentage.';
  if (typeof b.enabled !== 'boolean') return 'enabled must be true or false.';
  if (!strings(b.entities)) return 'entities must be a list of ids.';
  if (!strings(b.tags)) return 'tags must be a list of tag names.';
  if (!isObject(b.alerts) || !strings(b.alerts.email) || !Array.isArray(b.alerts.slack))
    return 'alerts must hold email and slack lists.';
  const unverified = b.alerts.email.find((e) => !world.verifiedEmails.has(e.toLowerCase()));
  if (unverified) return `${unverified} is not a verified email on this account.`;
  const slack = b.alerts.slack as unknown[];
  if (!slack.every((s) => isObject(s) && typeof s.url === 'string' && typeof s.channel === 'string'))
    return 'alerts.slack must be a list of {channel, url}.';
  return {
    uuid,
    type: b.type as PolicyType,
    description: b.description,
    compare: b.compare as AlertPolicy['compare'],
    value: b.value,
    window: b.window as AlertPolicy['window'],
    entities: b.entities,
    tags: b.tags,
    alerts: {
      email: b.alerts.email,
      slack: (slack as Array<{ url: string; channel: string }>).map(({ url, channel }) => ({ url, channel })),
    },
    enabled: b.enabled,
  };
}

export function registerMonitoringAlertRoutes(router: Router, state: SandboxState): void {
  const world = () => uptimeWorld(state);
  const invalid = (message: string) => doError(422, 'unprocessable_entity', message);
  router
    .add('GET', '/v2/monitoring/alerts', (req) => paginate(req, 'policies', [...world().policies.values()]))
    .add('POST', '/v2/monitoring/alerts', (req) => {
      const policy = policyFrom(world(), req.body, world().nextId());
      if (typeof policy === 'string') return invalid(policy);
      world().policies.set(policy.uuid, policy);
      return json(200, { policy });
    })
    .add('GET', '/v2/monitoring/alerts/:uuid', (req) => {
      const policy = world().policies.get(req.params.uuid ?? '');
      return policy ? json(200, { policy }) : notFound();
    })
    .add('PUT', '/v2/monitoring/alerts/:uuid', (req) => {
      const uuid = req.params.uuid ?? '';
      if (!world().policies.has(uuid)) return notFound();
      const policy = policyFrom(world(), req.body, uuid);
      if (typeof policy === 'string') return invalid(policy);
      world().policies.set(uuid, policy);
      return json(200, { policy });
    })
    .add('DELETE', '/v2/monitoring/alerts/:uuid', (req) =>
      world().policies.delete(req.params.uuid ?? '') ? { status: 204 } : notFound(),
    );
}
