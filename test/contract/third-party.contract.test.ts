// The sandbox's third-party answers are the real APIs' shapes: DigitalOcean GET /v2/account,
// Supabase's organizations, plans and projects, and GitHub GET /user, each validated against its
// own official spec.
import { describe, expect, it } from 'vitest';
import github from '../../resources/openapi/github-subset.json';
import supabase from '../../resources/openapi/supabase-subset.json';
import { supabaseWorldOf } from '../../src-main/sandbox/supabaseApi';
import { expectMatchesSpec, specValidator } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function granted(api: 'digitalocean' | 'supabase' | 'github', scopes: 'read-write' | 'read-only' = 'read-write') {
  const { sandbox } = await sandboxWithClient();
  const token = `${api}-token-${Math.random().toString(16).slice(2)}`;
  sandbox.state.tokens.set(token, { scopes, api });
  const get = (path: string, bearer = token) =>
    fetch(sandbox.url + path, { headers: { Authorization: `Bearer ${bearer}` } });
  const post = (path: string) =>
    fetch(sandbox.url + path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
  return { get, post, sandbox };
}

describe('account checks answer in the official shapes', () => {
  it('DigitalOcean GET /v2/account (account_get)', async () => {
    const { get } = await granted('digitalocean');
    const response = await get('/v2/account');
    expect(response.status).toBe(200);
    await expectMatchesSpec('account_get', 200, await response.json());
  });

  it('Supabase GET /v1/organizations (v1-list-all-organizations), and 401 for a DigitalOcean token', async () => {
    const spec = await specValidator(supabase);
    const { get } = await granted('supabase');
    const response = await get('/supabase/v1/organizations');
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(spec.validator.validateResponse(body, 'v1-list-all-organizations', 200).errors ?? []).toEqual([]);
    expect((await get('/supabase/v1/organizations', 'not-a-supabase-token')).status).toBe(401);
  });

  it('Supabase GET /v1/organizations/{slug} (v1-get-an-organization) reports each organization’s plan', async () => {
    const spec = await specValidator(supabase);
    const { get } = await granted('supabase');
    const plans: Record<string, string> = {};
    for (const slug of ['taskifai', 'insightpulse']) {
      const response = await get(`/supabase/v1/organizations/${slug}`);
      const body = (await response.json()) as { plan: string };
      expect(response.status).toBe(200);
      expect(spec.validator.validateResponse(body, 'v1-get-an-organization', 200).errors ?? []).toEqual([]);
      plans[slug] = body.plan;
    }
    expect(plans).toEqual({ taskifai: 'pro', insightpulse: 'free' });
    expect((await get('/supabase/v1/organizations/nobody')).status).toBe(404);
    expect((await get('/supabase/v1/organizations/taskifai', 'not-a-supabase-token')).status).toBe(401);
  });

  it('Supabase GET /v1/organizations/{slug}/projects (v1-get-all-projects-for-organization) lists compute sizes, paged', async () => {
    const spec = await specValidator(supabase);
    const { get, sandbox } = await granted('supabase');
    const response = await get('/supabase/v1/organizations/taskifai/projects');
    const body = (await response.json()) as {
      projects: Array<{ ref: string; name: string; databases: Array<{ infra_compute_size: string }> }>;
      pagination: unknown;
    };
    expect(response.status).toBe(200);
    expect(spec.validator.validateResponse(body, 'v1-get-all-projects-for-organization', 200).errors ?? []).toEqual([]);
    expect(body.projects.map((p) => [p.name, p.databases[0]?.infra_compute_size])).toEqual([
      ['TaskifAI-BIBBI', 'small'],
      ['TaskifAI-Customer3', 'micro'],
      ['TaskifAI-Demo', 'nano'],
      ['TaskifAI-Registry', 'micro'],
    ]);
    expect(body.pagination).toEqual({ count: 4, limit: 100, offset: 0 });
    // Project refs are 20 lowercase letters, as GET /v1/projects/{ref} requires.
    for (const project of Object.values(supabaseWorldOf(sandbox.state).projects).flat())
      expect(project.ref).toMatch(/^[a-z]{20}$/);
    expect((await get('/supabase/v1/organizations/nobody/projects')).status).toBe(404);
  });

  it('GitHub GET /user (users/get-authenticated) with x-oauth-scopes, and 401 Bad credentials', async () => {
    const spec = await specValidator(github);
    const { get } = await granted('github');
    const response = await get('/github/user');
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-oauth-scopes')).toBe('repo, workflow');
    expect(spec.validator.validateResponse(body, 'users/get-authenticated', 200).errors ?? []).toEqual([]);
    const refused = await get('/github/user', 'ghp_revoked');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('a read-only DigitalOcean token is refused mutations with 403', async () => {
    const { get, post } = await granted('digitalocean', 'read-only');
    const apps = (await (await get('/v2/apps')).json()) as { apps: Array<{ id: string }> };
    expect(apps.apps.length).toBeGreaterThan(0);
    const refused = await post(`/v2/apps/${apps.apps[0]!.id}/deployments`);
    expect(refused.status).toBe(403);
    const body = await refused.json();
    expect(body).toMatchObject({ id: 'forbidden' });
    await expectMatchesSpec('apps_create_deployment', 403, body);
  });
});
