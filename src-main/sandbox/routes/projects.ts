// Projects: the sandbox files each app under its product's project, as a founder does in the
// DigitalOcean panel; Fleetdeck groups the fleet by them.
import type { Project } from '../../clients/digitalocean/types';
import { paginate, type Router } from '../http';
import type { SandboxState } from '../state';
import { SANDBOX_OWNER_UUID } from '../seed/random';

export function projectsOf(state: SandboxState): Project[] {
  const projects = new Map<string, Project>();
  for (const record of state.apps.values()) {
    const id = record.app.project_id;
    if (!id || projects.has(id)) continue;
    projects.set(id, {
      id,
      owner_uuid: record.app.owner_uuid,
      owner_id: 258992,
      name: record.tenantGroup,
      description: `${record.tenantGroup} apps`,
      purpose: 'Web Application',
      environment: 'Production',
      is_default: false,
      created_at: record.app.created_at,
      updated_at: record.app.updated_at,
    });
  }
  // Projects that hold only droplets, balancers or clusters (infra/model.ts) are listed too.
  for (const p of state.infra?.projects ?? []) {
    if (!projects.has(p.id)) {
      projects.set(p.id, {
        id: p.id,
        owner_uuid: SANDBOX_OWNER_UUID,
        owner_id: 258992,
        name: p.name,
        description: p.description,
        purpose: 'Web Application',
        environment: p.environment,
        is_default: false,
        created_at: p.createdAt,
        updated_at: p.createdAt,
      });
    }
  }
  return [...projects.values()];
}

export function registerProjectRoutes(router: Router, state: SandboxState): void {
  router.add('GET', '/v2/projects', (req) => paginate(req, 'projects', projectsOf(state)));
}
