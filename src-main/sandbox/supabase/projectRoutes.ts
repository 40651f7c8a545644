// The sandbox's per-project Supabase endpoints: the project, its services' health, pause and
// restore on the sandbox clock, backups, disk, advisors and API keys.
import { SUPABASE_SERVICE_NAMES, type SupabaseServiceName } from '../../clients/supabase/projectTypes';
import { json, type SandboxResponse } from '../http';
import { apiKeysOf } from './apiKeys';
import { forbidden, message, route, withProject, type SupabaseCall, type SupabaseRoute } from './routing';
import { findProject, setStatus, type FoundProject, type SupabaseWorld } from './world';

const DAY = 86_400_000;

function projectBody({ project, organization, detail }: FoundProject) {
  return {
    // Both deprecated by the spec, both still required by its schema and sent (the CLI's recordings).
    id: project.ref,
    ref: project.ref,
    organization_id: organization.slug,
    organization_slug: organization.slug,
    name: project.name,
    region: project.region,
    status: project.status,
    database: {
      host: `db.${project.ref}.supabase.co`,
      version: detail.postgresVersion,
      postgres_engine: detail.postgresVersion.split('.')[0]!,
      release_channel: 'ga',
    },
    created_at: project.inserted_at,
  };
}

const allProjects = (world: SupabaseWorld) =>
  world.organizations.flatMap((organization) =>
    (world.projects[organization.slug] ?? []).map((p) => projectBody(findProject(world, p.ref)!)),
  );

/** What one service reports, from the project's status. */
function serviceHealth(name: SupabaseServiceName, status: string) {
  if (status === 'ACTIVE_HEALTHY') {
    const info =
      name === 'auth'
        ? { name: 'GoTrue', version: 'v2.180.0', description: 'GoTrue is a user registration and authentication API' }
        : name === 'realtime'
          ? { healthy: true, db_connected: true, replication_connected: true, connected_cluster: 1 }
          : undefined;
    return { name, healthy: true, status: 'ACTIVE_HEALTHY', ...(info ? { info } : {}) };
  }
  if (['COMING_UP', 'RESTORING', 'RESTARTING', 'UPGRADING', 'RESIZING'].includes(status))
    return { name, healthy: false, status: 'COMING_UP' };
  // What the API says of a paused project's services is undocumented; its status enum has no
  // "paused", so each service is UNHEALTHY and the error says why.
  return { name, healthy: false, status: 'UNHEALTHY', error: `The project is ${status}` };
}

function health(call: SupabaseCall): SandboxResponse {
  return withProject(call, ({ project }) => {
    // The spec makes `services` a required array in form style (services=auth&services=db), as the
    // CLI's generated client sends it; other spellings (services[]=…, a comma list) name no service.
    const services = call.query.getAll('services');
    if (services.length === 0) return message(400, 'services is required: name one or more services to check.');
    const unknown = services.find((s) => !(SUPABASE_SERVICE_NAMES as readonly string[]).includes(s));
    if (unknown !== undefined)
      return message(400, `services must be one of ${SUPABASE_SERVICE_NAMES.join(', ')} (got "${unknown}")`);
    const timeout = call.query.get('timeout_ms');
    if (timeout !== null && !(/^\d+$/.test(timeout) && Number(timeout) <= 10_000))
      return message(400, 'timeout_ms must be an integer from 0 to 10000');
    return json(
      200,
      [...new Set(services)].map((s) => serviceHealth(s as SupabaseServiceName, project.status)),
    );
  });
}

function pause(call: SupabaseCall): SandboxResponse {
  if (call.readOnly) return forbidden();
  return withProject(call, ({ project, organization, detail }) => {
    // The docs: only Free-plan projects can be paused (the project_pausing entitlement). The API's
    // exact refusal for a paid plan is undocumented; this 400 says what the docs say.
    if (organization.plan !== 'free')
      return message(
        400,
        `Projects on the ${organization.plan ?? 'current'} plan cannot be paused: only Free plan projects can.`,
      );
    if (project.status !== 'ACTIVE_HEALTHY')
      return message(400, `This project cannot be paused while it is ${project.status}`);
    setStatus(project, 'PAUSING');
    detail.transition = [{ status: 'INACTIVE', at: call.now + call.world.timing.pausingMs }];
    return { status: 200 };
  });
}

function restore(call: SupabaseCall): SandboxResponse {
  if (call.readOnly) return forbidden();
  return withProject(call, ({ project, detail }) => {
    // The API's words while a pause is still under way (supabase/supabase#44933, #43215).
    if (project.status !== 'INACTIVE')
      return message(400, `This project is no longer in a paused state, it is ${project.status}`);
    const { restoringMs, comingUpMs } = call.world.timing;
    setStatus(project, 'RESTORING');
    delete detail.pausedAt;
    detail.transition = [
      { status: 'COMING_UP', at: call.now + restoringMs },
      { status: 'ACTIVE_HEALTHY', at: call.now + restoringMs + comingUpMs },
    ];
    return { status: 200 };
  });
}

function backups(call: SupabaseCall): SandboxResponse {
  return withProject(call, ({ project, detail }) => {
    // One a day at 03:00 UTC, newest first, for as many days as the project keeps them.
    let at = Math.floor(call.now / DAY) * DAY + 3 * 3_600_000;
    if (at > call.now) at -= DAY;
    const list = Array.from({ length: detail.dailyBackups }, (_, i) => at - i * DAY).map((time) => ({
      id: Math.floor(time / DAY),
      is_physical_backup: detail.pitrEnabled,
      status: 'COMPLETED',
      inserted_at: new Date(time).toISOString(),
    }));
    const oldest = list.at(-1);
    return json(200, {
      region: project.region,
      walg_enabled: true,
      pitr_enabled: detail.pitrEnabled,
      backups: list,
      physical_backup_data:
        detail.pitrEnabled && oldest
          ? {
              earliest_physical_backup_date_unix: Math.floor(Date.parse(oldest.inserted_at) / 1000),
              latest_physical_backup_date_unix: Math.floor((call.now - 120_000) / 1000),
            }
          : {},
    });
  });
}

function diskUtil(call: SupabaseCall): SandboxResponse {
  return withProject(call, ({ detail }) => {
    // A paused project's disk is not measured; its last figures date from when it paused.
    const at = detail.pausedAt ?? Math.floor(call.now / 60_000) * 60_000;
    const { sizeBytes, usedBytes } = detail.disk;
    return json(200, {
      timestamp: new Date(at).toISOString(),
      metrics: { fs_size_bytes: sizeBytes, fs_avail_bytes: sizeBytes - usedBytes, fs_used_bytes: usedBytes },
    });
  });
}

/**
 * The advisors lint the running database, so a project that is not up has none to lint. What the
 * API answers then is undocumented: a 400 that says so.
 */
export function needsDatabase(found: FoundProject): SandboxResponse | undefined {
  const { status } = found.project;
  if (status === 'ACTIVE_HEALTHY' || status === 'ACTIVE_UNHEALTHY') return undefined;
  return message(400, `The project's database is not reachable while the project is ${status}`);
}

const advisors = (kind: 'security' | 'performance') => (call: SupabaseCall) =>
  withProject(call, (found) => {
    const lintType = call.query.get('lint_type');
    if (kind === 'security' && lintType !== null && lintType !== 'sql') return message(400, 'lint_type must be sql');
    return needsDatabase(found) ?? json(200, { lints: found.detail.advisors[kind] });
  });

function apiKeys(call: SupabaseCall): SandboxResponse {
  return withProject(call, ({ project, detail }) => {
    const reveal = call.query.get('reveal');
    if (reveal !== null && reveal !== 'true' && reveal !== 'false')
      return message(400, 'reveal must be a boolean string, true or false');
    return json(200, apiKeysOf(project, detail.keySeed, reveal === 'true'));
  });
}

export const PROJECT_ROUTES: SupabaseRoute[] = [
  route('GET', '/v1/projects', (call) => json(200, allProjects(call.world))),
  route('GET', '/v1/projects/{ref}', (call) => withProject(call, (found) => json(200, projectBody(found)))),
  route('GET', '/v1/projects/{ref}/health', health),
  route('POST', '/v1/projects/{ref}/pause', pause),
  route('POST', '/v1/projects/{ref}/restore', restore),
  route('GET', '/v1/projects/{ref}/database/backups', backups),
  route('GET', '/v1/projects/{ref}/config/disk/util', diskUtil),
  route('GET', '/v1/projects/{ref}/advisors/security', advisors('security')),
  route('GET', '/v1/projects/{ref}/advisors/performance', advisors('performance')),
  route('GET', '/v1/projects/{ref}/api-keys', apiKeys),
];
