// What each project holds (GET /v2/projects/{id}/resources): its apps, and the droplets, load
// balancers, database clusters and volumes filed under it (infra/model.ts), as URNs the way the API lists
// them.
import type { ProjectResource } from '../../clients/digitalocean/infrastructure';
import type { Project } from '../../clients/digitalocean/types';
import { notFound, paginate, type Router } from '../http';
import type { SandboxState } from '../state';
import { projectsOf } from './projects';

export function registerProjectResourceRoutes(router: Router, state: SandboxState): void {
  router.add('GET', '/v2/projects/:projectId/resources', (req) => {
    const project = projectsOf(state).find((p) => p.id === req.params.projectId);
    if (!project) return notFound();
    return paginate(req, 'resources', projectResourcesOf(state, project));
  });
}

/** The project's apps and (from infra/model.ts) droplets, balancers, clusters and volumes, as URNs. */
function projectResourcesOf(state: SandboxState, project: Project): ProjectResource[] {
  const origin = 'https://api.digitalocean.com';
  const apps = [...state.apps.values()]
    .filter((r) => r.app.project_id === project.id)
    .map((r) => ({ urn: `do:app:${r.app.id}`, assigned_at: r.app.created_at, self: `${origin}/v2/apps/${r.app.id}` }));
  const infra = (state.infra?.projects.find((p) => p.id === project.id)?.resources ?? []).map((urn) => {
    const [, kind, id] = urn.split(':');
    const path =
      kind === 'droplet'
        ? 'droplets'
        : kind === 'loadbalancer'
          ? 'load_balancers'
          : kind === 'volume'
            ? 'volumes'
            : 'databases';
    return { urn, assigned_at: project.created_at, self: `${origin}/v2/${path}/${id}` };
  });
  return [...apps, ...infra].map((r) => ({
    urn: r.urn,
    ...(r.assigned_at ? { assigned_at: r.assigned_at } : {}),
    links: { self: r.self },
    status: 'ok' as const,
  }));
}
