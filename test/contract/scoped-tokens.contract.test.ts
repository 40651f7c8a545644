// Custom-scoped DigitalOcean tokens (GA since 2024) may lack project:read or account:read. The
// sandbox answers like the API (project_id only with with_projects=true; 403 where a scope is
// missing), and the client still lists the fleet, grouped by name instead of by project.
import { describe, expect, it } from 'vitest';
import { DigitalOceanClient } from '../../src-main/clients/digitalocean/client';
import { AppsService } from '../../src-main/services/apps/appsService';
import { InstanceSizeCache } from '../../src-main/services/apps/instanceSizeCache';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

const SCOPED = `dop_v1_${'f6'.repeat(32)}`;

async function get(url: string, token: string) {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('project_id and scopes, as the API answers them', () => {
  it('GET /v2/apps leaves project_id out unless with_projects=true is sent', async () => {
    const { sandbox, token } = await sandboxWithClient();
    const plain = await get(`${sandbox.url}/v2/apps?per_page=200`, token);
    const withProjects = await get(`${sandbox.url}/v2/apps?per_page=200&with_projects=true`, token);
    const ids = (body: Record<string, unknown>) =>
      (body.apps as Array<{ project_id?: string }>).map((a) => a.project_id);
    expect(ids(plain.body).every((id) => id === undefined)).toBe(true);
    expect(ids(withProjects.body).every((id) => typeof id === 'string')).toBe(true);
    await expectMatchesSpec('apps_list', 200, withProjects.body);
  });

  it('a token without project:read is refused with_projects and /v2/projects, one without account:read /v2/account', async () => {
    const { sandbox } = await sandboxWithClient();
    sandbox.state.tokens.set(SCOPED, { scopes: 'read-write', lacks: ['project:read', 'account:read'] });
    for (const path of ['/v2/apps?with_projects=true', '/v2/projects', '/v2/account']) {
      const answer = await get(sandbox.url + path, SCOPED);
      expect(answer.status, path).toBe(403);
      expect(answer.body).toMatchObject({
        id: 'forbidden',
        message: 'You are not authorized to perform this operation',
      });
    }
    expect((await get(`${sandbox.url}/v2/apps`, SCOPED)).status).toBe(200);
  });

  it('the client sends with_projects, and falls back once for a token without project:read', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const apps = await client.listApps();
    expect(apps.every((a) => a.project_id)).toBe(true);
    expect(sandbox.requests.at(-1)).toMatch(/^GET \/v2\/apps\?.*with_projects=true/);

    sandbox.state.tokens.set(SCOPED, { scopes: 'read-write', lacks: ['project:read'] });
    const scoped = new DigitalOceanClient({ baseUrl: sandbox.url, token: () => SCOPED });
    const service = new AppsService(scoped, new InstanceSizeCache(scoped));
    const before = sandbox.requests.length;
    const fleet = await service.listFleet();
    expect(fleet.apps.length).toBe(apps.length);
    await service.listFleet();
    const asked = sandbox.requests.slice(before).filter((r) => r.startsWith('GET /v2/apps?'));
    // First with projects (refused), then without, and the next refresh goes straight without.
    expect(asked.filter((r) => r.includes('with_projects')).length).toBe(1);
    expect(asked.length).toBe(3);
  });
});

describe("the sandbox's scope table", () => {
  it('names the scope the official spec lists for every operation of the committed subset it covers', async () => {
    const { readFileSync } = await import('node:fs');
    const { scopeFor } = await import('../../src-main/sandbox/scopes');
    const spec = JSON.parse(readFileSync('resources/openapi/digitalocean-subset.json', 'utf8')) as {
      paths: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>;
    };
    let checked = 0;
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const listed = operation.security?.[0]?.['bearer_auth']?.[0];
        const concrete = path.replace(/\{[^}]+\}/g, 'x1');
        const ours = scopeFor(method.toUpperCase(), concrete);
        if (!listed || ours === undefined) continue;
        checked++;
        if (ours !== listed) wrong.push(`${method.toUpperCase()} ${path}: spec ${listed}, sandbox ${ours}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});
