import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/clients/http/apiError';
import { RestClient } from '../../../src-main/clients/http/restClient';
import { FIXED_NOW, sandboxWithClient } from '../../support/sandbox';

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the DigitalOcean client against the sandbox cloud', () => {
  it('reads every page of a 450-app fleet, 200 at a time', async () => {
    const { client, sandbox } = await sandboxWithClient({ syntheticApps: 450 });
    const apps = await client.listApps();
    expect(apps).toHaveLength(450);
    expect(new Set(apps.map((a) => a.id)).size).toBe(450);
    expect(sandbox.requests).toEqual([
      'GET /v2/apps?per_page=200&with_projects=true',
      'GET /v2/apps?per_page=200&with_projects=true&page=2',
      'GET /v2/apps?per_page=200&with_projects=true&page=3',
    ]);
  });

  it('exposes the rate-limit headers of the last answer', async () => {
    const { client } = await sandboxWithClient();
    await client.listInstanceSizes();
    await client.listInstanceSizes();
    expect(client.rateLimit).toMatchObject({ limit: 5000, remaining: 4998 });
    // Reset is when the oldest counted request leaves the rolling hour (on the sandbox's clock).
    expect(client.rateLimit!.resetAt).toBeGreaterThanOrEqual(Math.floor(FIXED_NOW / 1000) + 3600);
    expect(client.rateLimit!.resetAt).toBeLessThan(Math.floor(FIXED_NOW / 1000) + 3700);
  });

  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    const { client, sandbox, sleeps } = await sandboxWithClient();
    sandbox.faults.inject({ pathPrefix: '/v2/apps/tiers', kind: 'status', status: 429, retryAfterSeconds: 3 });
    const sizes = await client.listInstanceSizes();
    expect(sizes.length).toBeGreaterThan(10);
    expect(sleeps).toEqual([3000]);
  });

  it('gives up on a Retry-After too long to wait, saying so', async () => {
    const { client, sandbox } = await sandboxWithClient();
    sandbox.faults.inject({ pathPrefix: '/v2/apps/tiers', kind: 'status', status: 429, retryAfterSeconds: 600 });
    const error = await failureOf(client.listInstanceSizes());
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(600);
    expect(error.message).toBe('DigitalOcean: API rate limit exceeded.');
  });

  it('retries server errors and dropped connections with growing, capped delays', async () => {
    const { client, sandbox, sleeps } = await sandboxWithClient();
    sandbox.faults.inject({ pathPrefix: '/v2/apps', kind: 'status', status: 503, times: 2 });
    sandbox.faults.inject({ pathPrefix: '/v2/apps', kind: 'drop', times: 1 });
    const apps = await client.listApps();
    expect(apps.length).toBeGreaterThan(5);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]! * 0.9);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(8000);
  });

  it('stops retrying after four attempts and reports the API error with its request id', async () => {
    const { client, sandbox, sleeps } = await sandboxWithClient();
    sandbox.faults.inject({ pathPrefix: '/v2/apps', kind: 'status', status: 500, times: 10 });
    const error = await failureOf(client.listApps());
    expect(sleeps).toHaveLength(4);
    expect(error.code).toBe('server_error');
    expect(error.message).toBe('DigitalOcean: Unexpected server-side error');
    expect(error.requestId).toMatch(/^sandbox-/);
  });

  it('never retries a mutation blindly', async () => {
    const { sandbox, token, sleeps } = await sandboxWithClient();
    sandbox.faults.inject({ pathPrefix: '/v2/apps', kind: 'status', status: 503, times: 5 });
    const rest = new RestClient({
      service: 'DigitalOcean',
      baseUrl: sandbox.url,
      token: () => token,
      sleep: async (ms) => void sleeps.push(ms),
    });
    const error = await failureOf(rest.request('POST', '/v2/apps/abc/deployments', { body: { force_build: false } }));
    expect(error.code).toBe('server_error');
    expect(sleeps).toEqual([]);
  });

  it('maps a missing app to not_found with the API message', async () => {
    const { client } = await sandboxWithClient();
    const error = await failureOf(client.getApp('00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ code: 'not_found', status: 404, apiId: 'not_found' });
    expect(error.message).toBe('DigitalOcean: The resource you requested could not be found.');
  });

  it('turns a refused token into a clear 401 that never contains the token', async () => {
    const { sandbox } = await sandboxWithClient();
    const secret = 'dop_v1_' + 'f'.repeat(64);
    const rest = new RestClient({ service: 'DigitalOcean', baseUrl: sandbox.url, token: () => secret });
    const error = await failureOf(rest.request('GET', '/v2/apps'));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('DigitalOcean: Unable to authenticate you.');
    const everything = JSON.stringify({
      ...error,
      message: error.message,
      stack: error.stack,
      fleet: error.toFleetError(),
    });
    expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/authorization/i);
  });

  it('reports an unreachable API as a network error', async () => {
    const rest = new RestClient({
      service: 'DigitalOcean',
      baseUrl: 'http://127.0.0.1:9',
      token: () => 'x',
      sleep: async () => {},
    });
    const error = await failureOf(rest.request('GET', '/v2/apps'));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/could not be reached/);
  });

  it('refuses to send the token to another host named in a next link', async () => {
    const { sandbox, token } = await sandboxWithClient();
    const rest = new RestClient({ service: 'DigitalOcean', baseUrl: sandbox.url, token: () => token });
    const error = await failureOf(rest.request('GET', 'https://evil.example/v2/apps?page=2'));
    expect(error.message).toMatch(/refused to follow a link to another host/);
  });
});
