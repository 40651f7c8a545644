// Load balancers (list, one) in the shapes of the official spec, and their targets' health.
//
// The load balancer object carries no per-droplet health: neither the spec nor godo has a field
// for it. What the API offers is a Monitoring metric,
// GET /v2/monitoring/metrics/load_balancer/droplets_health_checks?lb_id&start&end, whose spec
// entry gives only the generic metrics shape (data.result[] of {metric: labels, values}) and
// documents neither the labels nor what a value means. The sandbox answers one series per target
// labelled `lb_id` and `droplet_id`, 1 while the droplet passes its health check and 0 while it
// fails; Fleetdeck's reader treats any other label set or value as "unknown" rather than guess.
import { doError, json, notFound, paginate, type Router } from '../http';
import { infraOf, settleInfra } from '../infra/model';
import type { SandboxState } from '../state';
import { stepFor } from '../usage/metrics';

/** The real API keeps load balancer metrics for a limited time; the sandbox refuses longer windows. */
const MAX_WINDOW_SECONDS = 31 * 86_400;

export function registerLoadBalancerRoutes(router: Router, state: SandboxState): void {
  const infra = () => {
    settleInfra(state);
    return infraOf(state);
  };
  router
    .add('GET', '/v2/load_balancers', (req) => paginate(req, 'load_balancers', [...infra().loadBalancers.values()]))
    .add('GET', '/v2/load_balancers/:lbId', (req) => {
      const lb = infra().loadBalancers.get(req.params.lbId ?? '');
      return lb ? json(200, { load_balancer: lb }) : notFound();
    })
    .add('GET', '/v2/monitoring/metrics/load_balancer/droplets_health_checks', (req) => {
      const query = req.url.searchParams;
      const lbId = query.get('lb_id');
      const start = Number(query.get('start'));
      const end = Number(query.get('end'));
      if (!lbId || !query.get('start') || !query.get('end') || !Number.isInteger(start) || !Number.isInteger(end)) {
        return doError(400, 'bad_request', 'lb_id, start and end (Unix seconds) are required');
      }
      if (end < start || end - start > MAX_WINDOW_SECONDS) return doError(400, 'bad_request', 'invalid time range');
      const lb = infra().loadBalancers.get(lbId);
      if (!lb) return notFound();
      const step = stepFor(start, end);
      const result = (lb.droplet_ids ?? []).flatMap((id) => {
        const droplet = infra().droplets.get(id);
        if (!droplet) return [];
        // A droplet that is off fails its checks as surely as one whose endpoint does.
        const passing = droplet.healthy && droplet.status === 'active' ? '1' : '0';
        const values: Array<[number, string]> = [];
        for (let t = start; t <= end; t += step) values.push([t, passing]);
        return [{ metric: { lb_id: lbId, droplet_id: String(id) }, values }];
      });
      return json(200, { status: 'success', data: { resultType: 'matrix', result } });
    });
}
