// The four App Platform log endpoints (active deployment or a given one; all components or one,
// by path or by the undocumented `component_name` query). They answer `{live_url, historic_urls}`
// with short-lived signed URLs served by the sandbox's log hub.
import type { LogType } from '../../clients/digitalocean/client';
import { doError, json, notFound, type Router, type SandboxRequest } from '../http';
import type { SandboxLogs } from '../logs/hub';
import type { SandboxState } from '../state';

const TYPES: readonly LogType[] = ['BUILD', 'DEPLOY', 'RUN', 'RUN_RESTARTED'];

export function registerLogRoutes(router: Router, state: SandboxState, logs: SandboxLogs): void {
  const answer = (req: SandboxRequest) => {
    const record = state.apps.get(req.params.appId ?? '');
    if (!record) return notFound();
    const deployment = req.params.deploymentId
      ? record.deployments.find((d) => d.id === req.params.deploymentId)
      : record.deployments.find((d) => d.phase === 'ACTIVE');
    if (!deployment) return notFound();

    const q = req.url.searchParams;
    const type = q.get('type') ?? '';
    if (!TYPES.includes(type as LogType)) {
      return doError(400, 'bad_request', `type must be one of ${TYPES.join(', ')}`);
    }
    const component = req.params.component ?? q.get('component_name') ?? undefined;
    const spec = deployment.spec;
    const known = [spec?.services, spec?.workers, spec?.jobs, spec?.static_sites].some((list) =>
      list?.some((c) => c.name === component),
    );
    if (component && !known) return notFound();
    const tail = q.get('tail_lines');
    const tailLines = tail === null ? undefined : Number.parseInt(tail, 10);
    if (tailLines !== undefined && (!Number.isFinite(tailLines) || tailLines < 0)) {
      return doError(400, 'bad_request', 'tail_lines must be a non-negative integer');
    }
    return json(
      200,
      logs.urlsFor(deployment, record.app.id ?? '', {
        type: type as LogType,
        follow: q.get('follow') === 'true',
        component,
        tailLines,
      }),
    );
  };

  router
    .add('GET', '/v2/apps/:appId/logs', answer)
    .add('GET', '/v2/apps/:appId/components/:component/logs', answer)
    .add('GET', '/v2/apps/:appId/deployments/:deploymentId/logs', answer)
    .add('GET', '/v2/apps/:appId/deployments/:deploymentId/components/:component/logs', answer);
}
