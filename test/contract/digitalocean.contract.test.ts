// The sandbox cloud must answer like DigitalOcean: every response the client consumes is checked
// against the official OpenAPI description (with the documented spec-gap overlay) by a validator
// library, so a drift in the sandbox fails here rather than in production.
import { describe, expect, it } from 'vitest';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function fetchFromSandbox(path: string, init: RequestInit = {}) {
  const { sandbox, token } = await sandboxWithClient();
  const response = await fetch(sandbox.url + path.replace('{first}', [...sandbox.state.apps.keys()][0]!), {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
  });
  return { response, body: await response.json(), sandbox, token };
}

const expectValid = expectMatchesSpec;

describe('sandbox answers match the official DigitalOcean spec', () => {
  it.each([
    ['apps_list', '/v2/apps?per_page=200'],
    ['apps_get', '/v2/apps/{first}'],
    ['apps_list_deployments', '/v2/apps/{first}/deployments'],
    ['apps_get_health', '/v2/apps/{first}/health'],
    ['apps_list_instanceSizes', '/v2/apps/tiers/instance_sizes'],
    ['apps_get_instanceSize', '/v2/apps/tiers/instance_sizes/apps-s-1vcpu-1gb'],
    ['apps_list_regions', '/v2/apps/regions'],
    ['projects_list', '/v2/projects'],
  ])('%s (GET %s)', async (operationId, path) => {
    const { response, body } = await fetchFromSandbox(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBe('5000');
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeLessThan(5000);
    expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    await expectValid(operationId, 200, body);
  });

  it('every deployment of every demo app, one by one (apps_get_deployment)', async () => {
    const { sandbox, token } = await sandboxWithClient();
    let checked = 0;
    for (const [appId, record] of sandbox.state.apps) {
      for (const deployment of record.deployments) {
        const response = await fetch(`${sandbox.url}/v2/apps/${appId}/deployments/${deployment.id}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        await expectValid('apps_get_deployment', 200, await response.json());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('a paged list carries links.pages and meta.total like the real API', async () => {
    const { response, body } = await fetchFromSandbox('/v2/apps?per_page=2&page=2');
    expect(response.status).toBe(200);
    await expectValid('apps_list', 200, body);
    expect(body.apps).toHaveLength(2);
    expect(Object.keys(body.links.pages).sort()).toEqual(['first', 'last', 'next', 'prev']);
    expect(body.meta.total).toBeGreaterThan(4);
  });

  it.each([
    [401, 'unauthorized', { Authorization: 'Bearer nope' }, '/v2/apps'],
    [404, 'not_found', {}, '/v2/apps/00000000-0000-4000-8000-000000000000'],
  ])('errors use the spec error body (%i %s)', async (status, id, headers, path) => {
    const { response, body } = await fetchFromSandbox(path, { headers });
    expect(response.status).toBe(status);
    expect(body.id).toBe(id);
    await expectValid(path === '/v2/apps' ? 'apps_list' : 'apps_get', status, body);
  });

  it('a burst over 250 requests a minute gets 429 with Retry-After', async () => {
    const { sandbox, token } = await sandboxWithClient({ rateLimits: { perHour: 5000, perMinute: 3 } });
    const get = () => fetch(`${sandbox.url}/v2/apps/regions`, { headers: { Authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await limited.json();
    expect(body).toMatchObject({ id: 'too_many_requests', message: 'API rate limit exceeded.' });
    await expectValid('apps_list_regions', 429, body);
  });
});
