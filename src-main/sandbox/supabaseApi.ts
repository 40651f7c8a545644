// The sandbox's Supabase Management API, in the shapes of resources/openapi/supabase-subset.json:
// organizations with their plans, each organization's projects, and the per-project endpoints of
// src-main/sandbox/supabase/ (health, pause and restore, backups, disk, advisors, keys,
// migrations, SQL), creating and deleting projects. Every answer carries the x-ratelimit headers of the bucket it counted in.
import type { IncomingHttpHeaders } from 'node:http';
import type { SupabaseOrganizationDetail } from '../clients/supabase/types';
import type { SandboxResponse } from './http';
import { json } from './http';
import type { SandboxState, SandboxToken } from './state';
import { supabaseWorldOf } from './supabase/demoWorld';
import { MIGRATION_ROUTES } from './supabase/migrationRoutes';
import { PROJECT_ROUTES } from './supabase/projectRoutes';
import { CREATION_ROUTES } from './supabase/creationRoutes';
import { QUERY_ROUTES } from './supabase/queryRoutes';
import { takeRequest, tooManyRequests } from './supabase/rateLimits';
import { message, route, type SupabaseCall, type SupabaseRoute } from './supabase/routing';
import { settle } from './supabase/world';

export type { SupabaseWorld, SupabaseTiming } from './supabase/world';
export { setSupabaseTiming, supabaseWorldOf } from './supabase/demoWorld';

/** What a request carried besides its path: the migrations POST reads its body and Idempotency-Key. */
export interface SupabaseRequestParts {
  headers?: IncomingHttpHeaders;
  body?: unknown;
}

const ORGANIZATION_ROUTES: SupabaseRoute[] = [
  route('GET', '/v1/organizations', ({ world }) =>
    json(
      200,
      world.organizations.map(({ id, slug, name }) => ({ id, slug, name })),
    ),
  ),
  route('GET', '/v1/organizations/{slug}', ({ world, params }) => {
    const org = world.organizations.find((o) => o.slug === params[0]);
    if (!org) return message(404, `Organization ${params[0]} not found`);
    const body: SupabaseOrganizationDetail = {
      id: org.id ?? org.slug,
      name: org.name,
      ...(org.plan ? { plan: org.plan } : {}),
      opt_in_tags: [],
      allowed_release_channels: ['ga'],
    };
    return json(200, body);
  }),
  route('GET', '/v1/organizations/{slug}/projects', ({ world, params, query }) => {
    if (!world.organizations.some((o) => o.slug === params[0]))
      return message(404, `Organization ${params[0]} not found`);
    const page = pageOf(query);
    if ('message' in page) return json(400, page);
    const all = [...(world.projects[params[0]!] ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    return json(200, {
      projects: all.slice(page.offset, page.offset + page.limit),
      pagination: { count: all.length, limit: page.limit, offset: page.offset },
    });
  }),
];

const ROUTES = [...ORGANIZATION_ROUTES, ...PROJECT_ROUTES, ...CREATION_ROUTES, ...MIGRATION_ROUTES, ...QUERY_ROUTES];

export function answerSupabase(
  state: SandboxState,
  method: string,
  path: string,
  grant: SandboxToken | undefined,
  query: URLSearchParams = new URLSearchParams(),
  request: SupabaseRequestParts = {},
): SandboxResponse {
  if (!grant || grant.api !== 'supabase') return json(401, { message: 'Unauthorized' });
  let found: { route: SupabaseRoute; params: string[] } | undefined;
  for (const candidate of ROUTES) {
    const match = candidate.method === method ? candidate.pattern.exec(path) : null;
    if (match) found = { route: candidate, params: match.slice(1).map(decodeURIComponent) };
    if (found) break;
  }
  if (!found) return message(404, 'Not Found');
  const world = supabaseWorldOf(state);
  const now = state.clock.now();
  // Calls that name no organization or project count against the user.
  const limit = takeRequest(world, now, `${method} ${found.route.template}`, found.params[0] ?? 'user');
  if (!limit.allowed) return tooManyRequests(limit.headers);
  settle(world, now);
  // A test fails one step of an onboarding here (the server's own faults answer DigitalOcean's paths).
  const fault = world.faults.take(method, path);
  if (fault?.kind === 'status')
    return message(
      fault.status ?? 500,
      String((fault.body as { message?: string } | undefined)?.message ?? 'Internal Server Error'),
    );
  const call: SupabaseCall = {
    world,
    now,
    params: found.params,
    query,
    headers: request.headers ?? {},
    body: request.body,
    readOnly: grant.scopes === 'read-only',
  };
  const answer = found.route.handler(call);
  return { ...answer, headers: { ...answer.headers, ...limit.headers } };
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
