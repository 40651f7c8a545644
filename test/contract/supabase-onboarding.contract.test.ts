// The sandbox's answers for onboarding a tenant are the Management API's: creating a project
// (201 V1ProjectResponse, COMING_UP then ACTIVE_HEALTHY), deleting one (200 V1ProjectRefResponse)
// and the SQL endpoint (201, rows), each validated against resources/openapi/supabase-subset.json.
// Where the sandbox answers a status the spec does not list (400 for a Free org at its limit or a
// statement Postgres refuses, 404 for an unknown organization), the test names it undocumented.
import { describe, expect, it } from 'vitest';
import supabase from '../../resources/openapi/supabase-subset.json';
import { setSupabaseTiming, supabaseWorldOf } from '../../src-main/sandbox/supabaseApi';
import { specValidator } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

const REGISTRY = 'qhwzrtkvylmbnpjsdgfa';
const UNDOCUMENTED = new Set([400, 404]);

type Operation = { operationId: string; responses: Record<string, unknown> };
const operations = new Map<string, Operation>(
  Object.values(supabase.paths as Record<string, Record<string, Operation>>)
    .flatMap((item) => Object.values(item))
    .map((op) => [op.operationId, op]),
);
let validator: ReturnType<typeof specValidator> | undefined;
const spec = () => (validator ??= specValidator(supabase));

async function account(scopes: 'read-write' | 'read-only' = 'read-write') {
  const { sandbox } = await sandboxWithClient();
  const token = `sbp_${Math.random().toString(16).slice(2).padEnd(40, '0')}`;
  sandbox.state.tokens.set(token, { scopes, api: 'supabase' });
  setSupabaseTiming(sandbox.state, { creatingMs: 5000 });
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}/supabase${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  return { sandbox, send, later: (ms: number) => sandbox.state.clock.advance(ms) };
}

async function expectAnswer(operationId: string, response: Response, status: number): Promise<unknown> {
  const { validator } = await spec();
  const text = await response.text();
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  expect(response.status, text).toBe(status);
  const operation = operations.get(operationId);
  expect(operation, `${operationId} is in the subset`).toBeDefined();
  if (!UNDOCUMENTED.has(status)) expect(Object.keys(operation!.responses)).toContain(String(status));
  const result = validator.validateResponse(body, operationId, status);
  expect(result.errors ?? [], JSON.stringify(result.errors?.slice(0, 3), null, 1)).toEqual([]);
  if (status >= 400) expect(body).toEqual({ message: expect.any(String) });
  return body;
}

const acme = {
  name: 'taskifai-acme',
  organization_slug: 'taskifai',
  db_pass: 'a-generated-password-of-32-chars',
  region_selection: { type: 'specific', code: 'eu-central-1' },
  desired_instance_size: 'micro',
};

describe('creating and deleting a project', () => {
  it('POST /v1/projects answers 201, COMING_UP until the project is ACTIVE_HEALTHY; DELETE answers 200', async () => {
    const { send, later } = await account();
    const created = (await expectAnswer('v1-create-a-project', await send('POST', '/v1/projects', acme), 201)) as {
      ref: string;
      status: string;
    };
    expect(created).toMatchObject({ name: 'taskifai-acme', region: 'eu-central-1', status: 'COMING_UP' });
    expect(created.ref).toMatch(/^[a-z]{20}$/);
    const coming = await expectAnswer('v1-get-project', await send('GET', `/v1/projects/${created.ref}`), 200);
    expect(coming).toMatchObject({ status: 'COMING_UP' });
    later(5000);
    const up = await expectAnswer('v1-get-project', await send('GET', `/v1/projects/${created.ref}`), 200);
    expect(up).toMatchObject({ status: 'ACTIVE_HEALTHY' });
    const gone = await expectAnswer('v1-delete-a-project', await send('DELETE', `/v1/projects/${created.ref}`), 200);
    expect(gone).toMatchObject({ ref: created.ref, name: 'taskifai-acme' });
    await expectAnswer('v1-get-project', await send('GET', `/v1/projects/${created.ref}`), 404);
  });

  it('refuses a body the spec does not allow, an unknown org, a Free org at its limit, and a read-only token', async () => {
    const { sandbox, send } = await account();
    await expectAnswer('v1-create-a-project', await send('POST', '/v1/projects', { ...acme, plan_name: 'pro' }), 400);
    await expectAnswer(
      'v1-create-a-project',
      await send('POST', '/v1/projects', { ...acme, organization_slug: 'nope' }),
      404,
    );
    const world = supabaseWorldOf(sandbox.state);
    const odoo = world.projects.insightpulse![0]!;
    world.projects.insightpulse!.push({
      ...structuredClone(odoo),
      ref: 'ipactiveaaaaaaaaaaaa',
      status: 'ACTIVE_HEALTHY',
    });
    world.projects.insightpulse!.push({
      ...structuredClone(odoo),
      ref: 'ipactivebbbbbbbbbbbb',
      status: 'ACTIVE_HEALTHY',
    });
    const full = (await expectAnswer(
      'v1-create-a-project',
      await send('POST', '/v1/projects', { ...acme, organization_slug: 'insightpulse' }),
      400,
    )) as { message: string };
    expect(full.message).toMatch(/maximum limits for the number of active free projects/);
    const reader = await account('read-only');
    await expectAnswer('v1-create-a-project', await reader.send('POST', '/v1/projects', acme), 403);
  });
});

describe('the SQL endpoint', () => {
  it('runs a parameterised insert into the registry (201, rows) and refuses a duplicate key in Postgres words', async () => {
    const { send } = await account();
    const insert = {
      query:
        'insert into public.tenants (subdomain, display_name, database_url, database_anon_key) values ($1, $2, $3, $4) returning subdomain, is_active',
      parameters: ['acme', 'Acme', 'https://abcdefghijklmnopqrst.supabase.co', 'anon'],
    };
    const rows = await expectAnswer(
      'v1-run-a-query',
      await send('POST', `/v1/projects/${REGISTRY}/database/query`, insert),
      201,
    );
    expect(rows).toEqual([{ subdomain: 'acme', is_active: true }]);
    const again = (await expectAnswer(
      'v1-run-a-query',
      await send('POST', `/v1/projects/${REGISTRY}/database/query`, insert),
      400,
    )) as { message: string };
    expect(again.message).toBe(
      'Failed to run sql query: ERROR:  23505: duplicate key value violates unique constraint "tenants_subdomain_key"',
    );
    const read = await expectAnswer(
      'v1-run-a-query',
      await send('POST', `/v1/projects/${REGISTRY}/database/query`, {
        query: 'select display_name from public.tenants where subdomain = $1',
        parameters: ['acme'],
        read_only: true,
      }),
      201,
    );
    expect(read).toEqual([{ display_name: 'Acme' }]);
    const one = await expectAnswer(
      'v1-run-a-query',
      await send('POST', `/v1/projects/${REGISTRY}/database/query`, { query: 'select 1' }),
      201,
    );
    expect(one).toEqual([{ '?column?': 1 }]);
  });
});
