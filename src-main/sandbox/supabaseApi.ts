// The sandbox's Supabase Management API: organizations with their plans and each organization's
// projects with compute sizes, in the shapes of resources/openapi/supabase-subset.json. The world
// follows the seed guides: TaskifAI runs one Supabase project per tenant (demo, BIBBI, Customer3)
// plus its central tenant registry on Pro; InsightPulse keeps its Odoo/Superset database on the
// Free tier in us-east-1.
import type {
  SupabaseOrganization,
  SupabaseOrganizationDetail,
  SupabaseOrganizationProject,
} from '../clients/supabase/types';
import type { SandboxResponse } from './http';
import { json } from './http';
import type { SandboxState, SandboxToken } from './state';

export interface SupabaseWorld {
  organizations: Array<SupabaseOrganization & Pick<SupabaseOrganizationDetail, 'plan'>>;
  /** By organization slug. */
  projects: Record<string, SupabaseOrganizationProject[]>;
}

type ProjectSeed = Pick<SupabaseOrganizationProject, 'ref' | 'name' | 'region' | 'inserted_at'> & {
  size: string;
  status?: SupabaseOrganizationProject['status'];
};

function project(seed: ProjectSeed): SupabaseOrganizationProject {
  const status = seed.status ?? 'ACTIVE_HEALTHY';
  return {
    ref: seed.ref,
    name: seed.name,
    cloud_provider: 'AWS',
    region: seed.region,
    is_branch: false,
    status,
    inserted_at: seed.inserted_at,
    databases: [
      {
        infra_compute_size: seed.size,
        region: seed.region,
        // A paused project's database has no INACTIVE value of its own: the spec's nearest is UNKNOWN.
        status: status === 'INACTIVE' ? 'UNKNOWN' : 'ACTIVE_HEALTHY',
        cloud_provider: 'AWS',
        identifier: seed.ref,
        type: 'PRIMARY',
        disk_volume_size_gb: 8,
        disk_type: 'gp3',
      },
    ],
  };
}

function demoWorld(): SupabaseWorld {
  return {
    // The order and names are what account checks report ("organizations TaskifAI, InsightPulse").
    organizations: [
      { id: 'taskifai', slug: 'taskifai', name: 'TaskifAI', plan: 'pro' },
      { id: 'insightpulse', slug: 'insightpulse', name: 'InsightPulse', plan: 'free' },
    ],
    projects: {
      taskifai: [
        project({
          ref: 'qhwzrtkvylmbnpjsdgfa',
          name: 'TaskifAI-Registry',
          region: 'eu-central-1',
          size: 'micro',
          inserted_at: '2026-03-02T10:14:08.512Z',
        }),
        // Created on Free as Nano and kept at that size after the upgrade: billed at Micro now.
        project({
          ref: 'mvdkxoprtazlyqwcbnje',
          name: 'TaskifAI-Demo',
          region: 'eu-central-1',
          size: 'nano',
          inserted_at: '2026-03-02T10:31:47.090Z',
        }),
        project({
          ref: 'bibzfwkqmtrlxhcevnoa',
          name: 'TaskifAI-BIBBI',
          region: 'eu-central-1',
          size: 'small',
          inserted_at: '2026-05-18T08:02:33.871Z',
        }),
        project({
          ref: 'cuxtrnwqplzhkvjmbyda',
          name: 'TaskifAI-Customer3',
          region: 'eu-west-1',
          size: 'micro',
          inserted_at: '2026-11-13T15:46:20.004Z',
        }),
      ],
      insightpulse: [
        project({
          ref: 'spdtwktxdalcfigzeqrz',
          name: 'insightpulse-odoo',
          region: 'us-east-1',
          size: 'nano',
          inserted_at: '2026-10-21T19:05:11.663Z',
        }),
      ],
    },
  };
}

const worlds = new WeakMap<SandboxState, SupabaseWorld>();

/** The Supabase side of one sandbox: tests may change plans and projects here. */
export function supabaseWorldOf(state: SandboxState): SupabaseWorld {
  let world = worlds.get(state);
  if (!world) {
    world = demoWorld();
    worlds.set(state, world);
  }
  return world;
}

/** Every answer carries the documented rate-limit headers (120 a minute per user and endpoint). */
const RATE_HEADERS = { 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '119', 'x-ratelimit-reset': '60' };

const ORGANIZATION = /^\/v1\/organizations\/([\w-]+)$/;
const ORGANIZATION_PROJECTS = /^\/v1\/organizations\/([\w-]+)\/projects$/;

export function answerSupabase(
  state: SandboxState,
  method: string,
  path: string,
  grant: SandboxToken | undefined,
  query: URLSearchParams = new URLSearchParams(),
): SandboxResponse {
  if (!grant || grant.api !== 'supabase') return json(401, { message: 'Unauthorized' });
  const world = supabaseWorldOf(state);
  const ok = (body: unknown) => json(200, body, RATE_HEADERS);
  if (method !== 'GET') return json(404, { message: 'Not Found' });
  if (path === '/v1/organizations') {
    return ok(world.organizations.map(({ id, slug, name }) => ({ id, slug, name })));
  }
  const detail = ORGANIZATION.exec(path);
  if (detail) {
    const org = world.organizations.find((o) => o.slug === detail[1]);
    if (!org) return json(404, { message: `Organization ${detail[1]} not found` });
    const body: SupabaseOrganizationDetail = {
      id: org.id ?? org.slug,
      name: org.name,
      ...(org.plan ? { plan: org.plan } : {}),
      opt_in_tags: [],
      allowed_release_channels: ['ga'],
    };
    return ok(body);
  }
  const listed = ORGANIZATION_PROJECTS.exec(path);
  if (listed) {
    if (!world.organizations.some((o) => o.slug === listed[1]))
      return json(404, { message: `Organization ${listed[1]} not found` });
    const page = pageOf(query);
    if ('message' in page) return json(400, page);
    const all = [...(world.projects[listed[1]!] ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    return ok({
      projects: all.slice(page.offset, page.offset + page.limit),
      pagination: { count: all.length, limit: page.limit, offset: page.offset },
    });
  }
  return json(404, { message: 'Not Found' });
}

/** offset ≥ 0 (default 0) and limit 1–100 (default 100), as the spec bounds them. */
function pageOf(query: URLSearchParams): { offset: number; limit: number } | { message: string } {
  const offset = Number(query.get('offset') ?? 0);
  const limit = Number(query.get('limit') ?? 100);
  if (!Number.isInteger(offset) || offset < 0) return { message: 'offset must be an integer of at least 0' };
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return { message: 'limit must be an integer from 1 to 100' };
  return { offset, limit };
}
