// Uptime checks in the sandbox cloud: /v2/uptime/checks (list, create, get, update, delete), a
// check's state (/state: each region up or down, the last outage) and its alerts (/alerts). Shapes
// follow the official spec's examples and godo's UptimeCheck/UptimeAlert. A check's state comes
// from probing its target for real (uptime/probe.ts).
//
// Undocumented, so chosen here: the API's words for a malformed check or alert (a 422 naming the
// field, DigitalOcean's usual error body); the spec lists `method` among a new check's required
// fields but defines no such property, and godo never sends it, so it is accepted and ignored.
// The API does not refuse a second check on the same target; neither does the sandbox.
import type { SandboxDnsEdge } from '../dns';
import { doError, json, notFound, paginate, type Router, type SandboxRequest } from '../http';
import type { SandboxState } from '../state';
import { checkState, probeIfDue } from '../uptime/probe';
import { UPTIME_REGIONS, uptimeWorld, type StoredCheck, type UptimeAlert, type UptimeWorld } from '../uptime/world';

const CHECK_TYPES = ['ping', 'http', 'https'] as const;
const ALERT_TYPES = ['latency', 'down', 'down_global', 'ssl_expiry'] as const;
const COMPARISONS = ['greater_than', 'less_than'] as const;
const PERIODS = ['2m', '3m', '5m', '10m', '15m', '30m', '1h'] as const;

const invalid = (message: string) => doError(422, 'unprocessable_entity', message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** A check from a create or update body, or the words of the refusal. */
function checkFrom(body: unknown, id: string): StoredCheck['check'] | string {
  if (!isObject(body)) return 'The request body must be a JSON object.';
  const { name, type, target, regions, enabled = true } = body;
  if (typeof name !== 'string' || !name.trim()) return 'name is required.';
  if (name.length > 255) return 'name must be at most 255 characters.';
  if (!oneOf(CHECK_TYPES, type)) return `type must be one of ${CHECK_TYPES.join(', ')}.`;
  if (typeof target !== 'string' || !target) return 'target is required.';
  if (type !== 'ping') {
    let url: URL | undefined;
    try {
      url = new URL(target);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== `${type}:`) return `target must be an ${type}:// URL for an ${type} check.`;
  }
  if (!Array.isArray(regions) || regions.length === 0 || !regions.every((r) => oneOf(UPTIME_REGIONS, r)))
    return `regions must list one or more of ${UPTIME_REGIONS.join(', ')}.`;
  if (typeof enabled !== 'boolean') return 'enabled must be true or false.';
  return { id, name, type, target, regions: [...new Set(regions)], enabled };
}

/** An alert from a create body, or the words of the refusal. */
function alertFrom(world: UptimeWorld, body: unknown, id: string): UptimeAlert | string {
  if (!isObject(body)) return 'The request body must be a JSON object.';
  const { name, type, threshold, comparison, notifications, period } = body;
  if (typeof name !== 'string' || !name.trim()) return 'name is required.';
  if (!oneOf(ALERT_TYPES, type)) return `type must be one of ${ALERT_TYPES.join(', ')}.`;
  if (!oneOf(PERIODS, period)) return `period must be one of ${PERIODS.join(', ')}.`;
  const needsThreshold = type === 'latency' || type === 'ssl_expiry';
  if (needsThreshold && (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold <= 0))
    return `threshold must be a positive whole number for a ${type} alert.`;
  if (comparison !== undefined && !oneOf(COMPARISONS, comparison))
    return `comparison must be one of ${COMPARISONS.join(', ')}.`;
  if (!isObject(notifications)) return 'notifications is required.';
  const email = notifications.email ?? [];
  const slack = notifications.slack ?? [];
  if (!Array.isArray(email) || !email.every((e) => typeof e === 'string')) return 'notifications.email must be a list.';
  const unverified = email.find((e) => !world.verifiedEmails.has(String(e).toLowerCase()));
  if (unverified) return `${unverified} is not a verified email on this account.`;
  if (!Array.isArray(slack) || !slack.every((s) => isObject(s) && typeof s.url === 'string'))
    return 'notifications.slack must be a list of {channel, url}.';
  return {
    id,
    name,
    type,
    threshold: typeof threshold === 'number' ? threshold : 0,
    comparison: oneOf(COMPARISONS, comparison) ? comparison : 'greater_than',
    period,
    notifications: {
      email: email,
      slack: (slack as Array<{ url: string; channel?: unknown }>).map((s) => ({
        url: s.url,
        channel: typeof s.channel === 'string' ? s.channel : '',
      })),
    },
  };
}

export function registerUptimeRoutes(router: Router, state: SandboxState, edge: Pick<SandboxDnsEdge, 'connectTo'>) {
  const world = () => uptimeWorld(state);
  const stored = (req: SandboxRequest) => world().checks.get(req.params.checkId ?? '');
  router
    .add('GET', '/v2/uptime/checks', (req) =>
      paginate(
        req,
        'checks',
        [...world().checks.values()].map((c) => c.check),
      ),
    )
    .add('POST', '/v2/uptime/checks', (req) => {
      const check = checkFrom(req.body, world().nextId());
      if (typeof check === 'string') return invalid(check);
      world().checks.set(check.id, { check, createdAt: state.clock.now(), history: {}, alerts: [] });
      return json(201, { check });
    })
    .add('GET', '/v2/uptime/checks/:checkId', (req) => {
      const found = stored(req);
      return found ? json(200, { check: found.check }) : notFound();
    })
    .add('PUT', '/v2/uptime/checks/:checkId', (req) => {
      const found = stored(req);
      if (!found) return notFound();
      // PUT takes the fields given and keeps the rest, as godo's update sends them all anyway.
      const merged = checkFrom({ ...found.check, ...(isObject(req.body) ? req.body : {}) }, found.check.id);
      if (typeof merged === 'string') return invalid(merged);
      // A new target or region starts its own record: what was seen of the old one says nothing.
      if (merged.target !== found.check.target || merged.type !== found.check.type) {
        found.history = {};
        found.lastProbeAt = undefined;
      }
      found.check = merged;
      return json(200, { check: merged });
    })
    .add('DELETE', '/v2/uptime/checks/:checkId', (req) =>
      world().checks.delete(req.params.checkId ?? '') ? { status: 204 } : notFound(),
    )
    .add('GET', '/v2/uptime/checks/:checkId/state', async (req) => {
      const found = stored(req);
      if (!found) return notFound();
      await probeIfDue(state, edge, found);
      return json(200, { state: checkState(found, state.clock.now()) });
    })
    .add('GET', '/v2/uptime/checks/:checkId/alerts', (req) => {
      const found = stored(req);
      return found ? paginate(req, 'alerts', found.alerts) : notFound();
    })
    .add('POST', '/v2/uptime/checks/:checkId/alerts', (req) => {
      const found = stored(req);
      if (!found) return notFound();
      const alert = alertFrom(world(), req.body, world().nextId());
      if (typeof alert === 'string') return invalid(alert);
      found.alerts.push(alert);
      return json(201, { alert });
    })
    .add('GET', '/v2/uptime/checks/:checkId/alerts/:alertId', (req) => {
      const alert = stored(req)?.alerts.find((a) => a.id === req.params.alertId);
      return alert ? json(200, { alert }) : notFound();
    })
    .add('DELETE', '/v2/uptime/checks/:checkId/alerts/:alertId', (req) => {
      const found = stored(req);
      const index = found?.alerts.findIndex((a) => a.id === req.params.alertId) ?? -1;
      if (!found || index < 0) return notFound();
      found.alerts.splice(index, 1);
      return { status: 204 };
    });
}
