// App Platform read endpoints of the sandbox cloud: apps, deployments, health, instance sizes and
// regions, answered in the shapes of the official spec; and deleting an app.
import type { App, Deployment } from '../../clients/digitalocean/types';
import { waitingDeployment } from '../deployEngine';
import { removeAppRecord } from '../appRemoval';
import { SANDBOX_INSTANCE_SIZES, SANDBOX_REGIONS } from '../catalog';
import { doError, json, notFound, paginate, type Router } from '../http';
import { healthOf, lacksScope, type AppRecord, type SandboxState } from '../state';
import { isTerminalPhase } from '../../clients/digitalocean/types';

/**
 * The app as GET returns it: stored fields plus the deployments derived from its history. Create
 * and update name the deployment they started as `pending_deployment` (the spec guarantees it);
 * reads name the one waiting for the running one, if any.
 */
export function presentApp(record: AppRecord, state: SandboxState, started?: Deployment): App {
  const active = record.deployments.find((d) => d.phase === 'ACTIVE');
  const waiting = waitingDeployment(state, record);
  const inProgress = record.deployments.find((d) => !isTerminalPhase(d.phase) && d !== waiting);
  const pending = started ?? waiting;
  const pinned = record.pinnedDeploymentId
    ? record.deployments.find((d) => d.id === record.pinnedDeploymentId)
    : undefined;
  return {
    ...record.app,
    ...(active ? { active_deployment: active } : {}),
    ...(inProgress ? { in_progress_deployment: inProgress } : {}),
    ...(pending ? { pending_deployment: pending } : {}),
    ...(pinned ? { pinned_deployment: pinned } : {}),
    ...(active?.created_at ? { last_deployment_created_at: record.deployments[0]?.created_at } : {}),
  };
}

function withoutProject(app: App): App {
  const { project_id: _omitted, ...rest } = app;
  return rest;
}

export const forbidden = () => doError(403, 'forbidden', 'You are not authorized to perform this operation');

export function registerAppRoutes(router: Router, state: SandboxState): void {
  const recordOf = (appId: string | undefined) => (appId ? state.apps.get(appId) : undefined);

  router
    .add('GET', '/v2/apps', (req) => {
      // project_id comes only with with_projects=true, which needs project:read. What the API does
      // for a token without it is not documented: answering 403 (as /v2/projects does) makes the
      // client prove it falls back.
      const withProjects = req.url.searchParams.get('with_projects') === 'true';
      if (withProjects && lacksScope(state, req.token, 'project:read')) return forbidden();
      const apps = [...state.apps.values()].map((record) => presentApp(record, state));
      return paginate(req, 'apps', withProjects ? apps : apps.map(withoutProject));
    })
    .add('GET', '/v2/apps/tiers/instance_sizes', () => json(200, { instance_sizes: SANDBOX_INSTANCE_SIZES }))
    .add('GET', '/v2/apps/tiers/instance_sizes/:slug', (req) => {
      const size = SANDBOX_INSTANCE_SIZES.find((s) => s.slug === req.params.slug);
      return size ? json(200, { instance_size: size }) : notFound();
    })
    .add('GET', '/v2/apps/regions', () => json(200, { regions: SANDBOX_REGIONS }))
    .add('GET', '/v2/apps/:appId', (req) => {
      const record = recordOf(req.params.appId);
      return record ? json(200, { app: presentApp(record, state) }) : notFound();
    })
    .add('DELETE', '/v2/apps/:appId', (req) => {
      // apps_delete: 200 with the deleted app's id (the spec's example), 404 for an unknown one.
      const record = recordOf(req.params.appId);
      if (!record) return notFound();
      removeAppRecord(state, record);
      return json(200, { id: record.app.id });
    })
    .add('GET', '/v2/apps/:appId/deployments', (req) => {
      const record = recordOf(req.params.appId);
      return record ? paginate(req, 'deployments', record.deployments) : notFound();
    })
    .add('GET', '/v2/apps/:appId/deployments/:deploymentId', (req) => {
      const deployment = recordOf(req.params.appId)?.deployments.find((d) => d.id === req.params.deploymentId);
      return deployment ? json(200, { deployment }) : notFound();
    })
    .add('GET', '/v2/apps/:appId/health', (req) => {
      const record = recordOf(req.params.appId);
      return record ? json(200, { app_health: healthOf(record) }) : notFound();
    });
}
