// Billing (balance, billing history, invoices), the database clusters the bill includes, and App
// Platform monitoring endpoints of the sandbox cloud, in the shapes of the official spec.
import { doError, json, paginate, type Router, type SandboxRequest } from '../http';
import type { SandboxState } from '../state';
import { balanceOf, billingHistoryOf, invoicePreviewOf, invoicesOf } from '../usage/billing';
import { clustersOf } from '../usage/databases';
import { seriesFor, type SandboxMetric } from '../usage/metrics';

const METRICS: readonly SandboxMetric[] = ['cpu_percentage', 'memory_percentage', 'restart_count'];
/** The real API keeps app metrics for a limited time; asking for more is refused. */
const MAX_WINDOW_SECONDS = 31 * 86_400;

export function registerUsageRoutes(router: Router, state: SandboxState): void {
  router
    .add('GET', '/v2/customers/my/balance', () => json(200, balanceOf(state)))
    .add('GET', '/v2/customers/my/billing_history', (req) => paginate(req, 'billing_history', billingHistoryOf(state)))
    .add('GET', '/v2/customers/my/invoices', (req) => {
      const page = paginate(req, 'invoices', invoicesOf(state));
      return { ...page, body: { ...(page.body as object), invoice_preview: invoicePreviewOf(state) } };
    })
    // Not paged (the spec has no page parameters); tag_name keeps the clusters with that tag.
    .add('GET', '/v2/databases', (req) => {
      const tag = req.url.searchParams.get('tag_name');
      const clusters = clustersOf(state).filter((c) => !tag || (c.tags ?? []).includes(tag));
      return json(200, { databases: clusters });
    });

  for (const metric of METRICS) {
    router.add('GET', `/v2/monitoring/metrics/apps/${metric}`, (req) => metricAnswer(req, state, metric));
  }
}

function metricAnswer(req: SandboxRequest, state: SandboxState, metric: SandboxMetric) {
  const query = req.url.searchParams;
  const appId = query.get('app_id');
  const start = Number(query.get('start'));
  const end = Number(query.get('end'));
  if (!appId || !query.get('start') || !query.get('end') || !Number.isInteger(start) || !Number.isInteger(end)) {
    return doError(400, 'bad_request', 'app_id, start and end (Unix seconds) are required');
  }
  if (end < start || end - start > MAX_WINDOW_SECONDS) return doError(400, 'bad_request', 'invalid time range');
  const record = state.apps.get(appId);
  if (!record) return doError(404, 'not_found', 'The resource you requested could not be found.');
  const component = query.get('app_component') ?? undefined;
  return json(200, {
    status: 'success',
    data: { resultType: 'matrix', result: seriesFor(record, metric, start, end, component) },
  });
}
