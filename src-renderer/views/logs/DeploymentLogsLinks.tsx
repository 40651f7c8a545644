// "Build · Deploy" log links on a deployment row: the archived log once it finished, the live
// one while it runs (the Logs view decides which the API offers).
import type { DeploymentSummary } from '../../../src-preload/contract';
import { hrefFor, useNavigationStore } from '../../stores/navigationStore';

export function DeploymentLogsLinks({ deployment }: { deployment: DeploymentSummary }) {
  const appId = useNavigationStore((s) => (s.route.name === 'app' ? s.route.appId : undefined));
  if (!appId) return null;
  const href = (type: 'BUILD' | 'DEPLOY') =>
    hrefFor({
      name: 'logs',
      query: `app=${encodeURIComponent(appId)}&deployment=${encodeURIComponent(deployment.id)}&type=${type}`,
    });
  return (
    <span className="deployment-logs" data-testid="deployment-logs">
      <a href={href('BUILD')} data-testid="deployment-build-logs" title="Build log of this deployment">
        Build
      </a>
      <span className="sep" aria-hidden="true">
        {' · '}
      </span>
      <a href={href('DEPLOY')} data-testid="deployment-deploy-logs" title="Deploy log of this deployment">
        Deploy
      </a>
    </span>
  );
}
