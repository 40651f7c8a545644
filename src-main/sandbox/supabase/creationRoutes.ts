// Creating and deleting projects: POST /v1/projects (V1CreateProjectBody, answered 201 with
// V1ProjectResponse) and DELETE /v1/projects/{ref} (200, V1ProjectRefResponse). A new project is
// COMING_UP for a while of the sandbox clock, then ACTIVE_HEALTHY, as the docs say to poll for.
import { randomInt } from 'node:crypto';
import { SUPABASE_INSTANCE_SIZES, SUPABASE_REGIONS } from '../../../src-preload/contract/onboarding';
import type { SupabaseOrganizationProject } from '../../clients/supabase/types';
import { json, type SandboxResponse } from '../http';
import { forbidden, message, route, withProject, type SupabaseCall, type SupabaseRoute } from './routing';
import { emptyDetail, findProject, type SupabaseWorld } from './world';

/**
 * The spec's region codes for region_selection {type: "specific"}: the list the contract offers
 * the onboarding form, which is the spec's.
 */
const SPECIFIC_REGIONS: readonly string[] = SUPABASE_REGIONS;
/** Where a smart group lands in the sandbox (the real choice is Supabase's, by load). */
const SMART_GROUPS: Record<string, string> = { americas: 'us-east-1', emea: 'eu-central-1', apac: 'ap-southeast-1' };
/** desired_instance_size as the spec enumerates it: the sizes the form offers, then the larger ones. */
const SIZES: readonly string[] = [
  ...SUPABASE_INSTANCE_SIZES,
  '4xlarge',
  '8xlarge',
  '12xlarge',
  '16xlarge',
  '24xlarge',
  '24xlarge_optimized_memory',
  '24xlarge_optimized_cpu',
  '24xlarge_high_memory',
  '48xlarge',
  '48xlarge_optimized_memory',
  '48xlarge_optimized_cpu',
  '48xlarge_high_memory',
];
const BODY_KEYS = new Set([
  'db_pass',
  'name',
  'organization_id',
  'organization_slug',
  'plan',
  'region',
  'region_selection',
  'kps_enabled',
  'desired_instance_size',
  'template_url',
  'release_channel',
  'postgres_engine',
]);
/** The docs: a Free plan allows two active projects, counted over every org the user administers. */
export const FREE_ACTIVE_PROJECTS = 2;

/** Active Free projects of the account: paused (INACTIVE) ones do not count, per the docs. */
export function activeFreeProjects(world: SupabaseWorld): number {
  return world.organizations
    .filter((o) => o.plan === 'free')
    .flatMap((o) => world.projects[o.slug] ?? [])
    .filter((p) => p.status !== 'INACTIVE' && p.status !== 'REMOVED').length;
}

function newRef(world: SupabaseWorld): string {
  for (;;) {
    const ref = Array.from({ length: 20 }, () => String.fromCharCode(97 + randomInt(26))).join('');
    if (!findProject(world, ref)) return ref;
  }
}

type CreateBody = Record<string, unknown> & { region_selection?: { type?: unknown; code?: unknown } };

/** The region the body asks for, or the words of a 400 (the API's own are undocumented). */
function regionOf(body: CreateBody): { region: string } | { problem: string } {
  const selection = body.region_selection;
  if (selection !== undefined && body.region !== undefined)
    return { problem: 'Only one of region or region_selection can be specified.' };
  if (selection === undefined) {
    if (body.region === undefined) return { region: 'us-east-1' };
    return typeof body.region === 'string' && SPECIFIC_REGIONS.includes(body.region)
      ? { region: body.region }
      : { problem: `region must be one of ${SPECIFIC_REGIONS.join(', ')}` };
  }
  if (selection.type === 'specific' && typeof selection.code === 'string' && SPECIFIC_REGIONS.includes(selection.code))
    return { region: selection.code };
  if (selection.type === 'smartGroup' && typeof selection.code === 'string' && SMART_GROUPS[selection.code])
    return { region: SMART_GROUPS[selection.code]! };
  return { problem: 'region_selection must be {type: "specific", code} or {type: "smartGroup", code}' };
}

function create(call: SupabaseCall): SandboxResponse {
  if (call.readOnly) return forbidden();
  const body = (call.body ?? {}) as CreateBody;
  if (typeof body !== 'object' || Array.isArray(body)) return message(400, 'The body must be a JSON object.');
  // The spec's V1CreateProjectBody has additionalProperties: false.
  const extra = Object.keys(body).find((k) => !BODY_KEYS.has(k));
  if (extra) return message(400, `property ${extra} should not exist`);
  if (typeof body.db_pass !== 'string' || body.db_pass === '') return message(400, 'db_pass is required');
  if (typeof body.name !== 'string' || body.name === '' || body.name.length > 256)
    return message(400, 'name must be a string of at most 256 characters');
  const slug = body.organization_slug;
  if (typeof slug !== 'string' || !/^[\w-]+$/.test(slug)) return message(400, 'organization_slug is required');
  const size = body.desired_instance_size;
  if (size !== undefined && (typeof size !== 'string' || !SIZES.includes(size)))
    return message(400, `desired_instance_size must be one of ${SIZES.join(', ')}`);
  const region = regionOf(body);
  if ('problem' in region) return message(400, region.problem);
  const organization = call.world.organizations.find((o) => o.slug === slug);
  // Unknown organization: the API's status and words are undocumented.
  if (!organization) return message(404, `Organization ${slug} not found`);
  if (organization.plan === 'free' && activeFreeProjects(call.world) >= FREE_ACTIVE_PROJECTS)
    // The docs name the limit (two active free projects per user) but not the API's refusal; this
    // is a 400 in the spirit of the dashboard's message.
    return message(
      400,
      `The following organization members have reached their maximum limits for the number of active free projects: ${FREE_ACTIVE_PROJECTS} of ${FREE_ACTIVE_PROJECTS}. Pause or delete a project, or upgrade ${organization.name} to a paid plan.`,
    );
  const ref = newRef(call.world);
  const insertedAt = new Date(call.now).toISOString();
  const project: SupabaseOrganizationProject = {
    ref,
    name: body.name,
    cloud_provider: 'AWS',
    region: region.region,
    is_branch: false,
    status: 'COMING_UP',
    inserted_at: insertedAt,
    databases: [
      {
        infra_compute_size: typeof size === 'string' ? size : organization.plan === 'free' ? 'nano' : 'micro',
        region: region.region,
        status: 'COMING_UP',
        cloud_provider: 'AWS',
        identifier: ref,
        type: 'PRIMARY',
        disk_volume_size_gb: 8,
        disk_type: 'gp3',
      },
    ],
  };
  (call.world.projects[slug] ??= []).push(project);
  const detail = emptyDetail(ref);
  detail.transition = [{ status: 'ACTIVE_HEALTHY', at: call.now + call.world.timing.creatingMs }];
  call.world.details[ref] = detail;
  return json(201, {
    id: ref,
    ref,
    organization_id: organization.slug,
    organization_slug: organization.slug,
    name: project.name,
    region: project.region,
    created_at: insertedAt,
    status: project.status,
  });
}

function remove(call: SupabaseCall): SandboxResponse {
  if (call.readOnly) return forbidden();
  return withProject(call, ({ project, organization }) => {
    const list = call.world.projects[organization.slug] ?? [];
    call.world.projects[organization.slug] = list.filter((p) => p.ref !== project.ref);
    delete call.world.details[project.ref];
    // V1ProjectRefResponse's id is an integer (the project's database id, which the API keeps to itself).
    return json(200, { id: Math.abs(hashOf(project.ref)), ref: project.ref, name: project.name });
  });
}

const hashOf = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

export const CREATION_ROUTES: SupabaseRoute[] = [
  route('POST', '/v1/projects', create),
  route('DELETE', '/v1/projects/{ref}', remove),
];
