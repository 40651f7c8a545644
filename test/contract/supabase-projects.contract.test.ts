// The sandbox's per-project Supabase answers are the Management API's: every success validated
// against the official spec (resources/openapi/supabase-subset.json), every error in a status the
// spec lists for the operation with the `{message}` body the API sends (the CLI's recordings; the
// spec gives errors no body). Where the sandbox answers a status the spec does not list (400 for
// a refused pause, restore or migration, 404 for an unknown ref), the test names it undocumented.
import { describe, expect, it } from 'vitest';
import supabase from '../../resources/openapi/supabase-subset.json';
import { TENANT_MIGRATIONS } from '../../src-main/sandbox/supabase/migrationHistory';
import { setSupabaseTiming, supabaseWorldOf } from '../../src-main/sandbox/supabaseApi';
import { specValidator } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

const DEMO = 'mvdkxoprtazlyqwcbnje';
const BIBBI = 'bibzfwkqmtrlxhcevnoa';
const CUSTOMER3 = 'cuxtrnwqplzhkvjmbyda';
const ODOO = 'spdtwktxdalcfigzeqrz';
const UNKNOWN = 'zzzzzzzzzzzzzzzzzzzz';

/** Statuses the sandbox answers that the spec does not list for these operations. */
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
  setSupabaseTiming(sandbox.state, { pausingMs: 1000, restoringMs: 1000, comingUpMs: 1000 });
  const send = (method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${sandbox.url}/supabase${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  return { sandbox, send, later: (ms: number) => sandbox.state.clock.advance(ms) };
}

/** Holds one answer to the spec: its status listed (or known undocumented), its body valid, its headers. */
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
  if (status !== 401) {
    for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
      expect(response.headers.get(header), header).toMatch(/^\d+$/);
  }
  return body;
}

describe('projects, health and pause/restore answer in the official shapes', () => {
  it('the validator is awake: a project without the fields the spec requires is refused', async () => {
    const { validator } = await spec();
    expect(validator.validateResponse({ ref: BIBBI }, 'v1-get-project', 200).errors).not.toBeNull();
  });

  it('GET /v1/projects and /v1/projects/{ref}, 404 for an unknown ref, 401 for an unknown token', async () => {
    const { send } = await account();
    const all = (await expectAnswer('v1-list-all-projects', await send('GET', '/v1/projects'), 200)) as unknown[];
    expect(all).toHaveLength(5);
    await expectAnswer('v1-get-project', await send('GET', `/v1/projects/${BIBBI}`), 200);
    await expectAnswer('v1-get-project', await send('GET', `/v1/projects/${ODOO}`), 200);
    await expectAnswer('v1-get-project', await send('GET', `/v1/projects/${UNKNOWN}`), 404);
    const stranger = await fetch((await send('GET', '/v1/projects')).url, { headers: { Authorization: 'Bearer no' } });
    await expectAnswer('v1-get-project', stranger, 401);
  });

  it('GET /health for an active, a paused and a waking project; 400 without services', async () => {
    const { send, later } = await account();
    const services = 'services=auth&services=db&services=realtime&services=rest';
    await expectAnswer('v1-get-services-health', await send('GET', `/v1/projects/${BIBBI}/health?${services}`), 200);
    await expectAnswer('v1-get-services-health', await send('GET', `/v1/projects/${ODOO}/health?${services}`), 200);
    await expectAnswer('v1-restore-a-project', await send('POST', `/v1/projects/${ODOO}/restore`), 200);
    later(1000);
    await expectAnswer('v1-get-services-health', await send('GET', `/v1/projects/${ODOO}/health?${services}`), 200);
    await expectAnswer('v1-get-services-health', await send('GET', `/v1/projects/${BIBBI}/health`), 400);
    await expectAnswer('v1-get-services-health', await send('GET', `/v1/projects/${BIBBI}/health?services[]=db`), 400);
  });

  it('POST /pause and /restore: 200s, the PAUSING refusal, the paid-plan refusal, 403 for read-only', async () => {
    const { send, later } = await account();
    await expectAnswer('v1-restore-a-project', await send('POST', `/v1/projects/${ODOO}/restore`), 200);
    later(2000);
    await expectAnswer('v1-pause-a-project', await send('POST', `/v1/projects/${ODOO}/pause`), 200);
    const refused = await expectAnswer('v1-restore-a-project', await send('POST', `/v1/projects/${ODOO}/restore`), 400);
    expect(refused).toEqual({ message: 'This project is no longer in a paused state, it is PAUSING' });
    await expectAnswer('v1-pause-a-project', await send('POST', `/v1/projects/${DEMO}/pause`), 400);
    await expectAnswer('v1-pause-a-project', await send('POST', `/v1/projects/${UNKNOWN}/pause`), 404);
    const readOnly = await account('read-only');
    await expectAnswer('v1-pause-a-project', await readOnly.send('POST', `/v1/projects/${ODOO}/pause`), 403);
    await expectAnswer('v1-restore-a-project', await readOnly.send('POST', `/v1/projects/${ODOO}/restore`), 403);
  });

  it('429 past the limit, with the x-ratelimit headers and no more', async () => {
    const { send, sandbox } = await account();
    supabaseWorldOf(sandbox.state).rateLimit.perMinute = 1;
    await expectAnswer('v1-get-project', await send('GET', `/v1/projects/${DEMO}`), 200);
    const limited = await send('GET', `/v1/projects/${DEMO}`);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    await expectAnswer('v1-get-project', limited, 429);
  });
});

describe('backups, disk, advisors and keys answer in the official shapes', () => {
  it('GET /database/backups with PITR, without, and for the paused Free project', async () => {
    const { send } = await account();
    for (const ref of [BIBBI, DEMO, ODOO])
      await expectAnswer('v1-list-all-backups', await send('GET', `/v1/projects/${ref}/database/backups`), 200);
  });

  it('GET /config/disk/util', async () => {
    const { send } = await account();
    for (const ref of [BIBBI, ODOO])
      await expectAnswer('v1-get-disk-utilization', await send('GET', `/v1/projects/${ref}/config/disk/util`), 200);
  });

  it('GET /advisors/security and /performance; 400 while the database is paused', async () => {
    const { send } = await account();
    await expectAnswer('v1-get-security-advisors', await send('GET', `/v1/projects/${BIBBI}/advisors/security`), 200);
    const perf = await send('GET', `/v1/projects/${BIBBI}/advisors/performance`);
    await expectAnswer('v1-get-performance-advisors', perf, 200);
    await expectAnswer('v1-get-security-advisors', await send('GET', `/v1/projects/${DEMO}/advisors/security`), 200);
    await expectAnswer('v1-get-security-advisors', await send('GET', `/v1/projects/${ODOO}/advisors/security`), 400);
  });

  it('GET /api-keys without reveal', async () => {
    const { send } = await account();
    const keys = await expectAnswer(
      'v1-get-project-api-keys',
      await send('GET', `/v1/projects/${BIBBI}/api-keys`),
      200,
    );
    expect(keys).toHaveLength(4);
  });
});

describe('migrations answer in the official shapes', () => {
  const latest = TENANT_MIGRATIONS.at(-1)!;

  it('GET the history and one migration; 404 for a version never applied', async () => {
    const { send } = await account();
    const path = `/v1/projects/${BIBBI}/database/migrations`;
    await expectAnswer('v1-list-migration-history', await send('GET', path), 200);
    await expectAnswer('v1-get-a-migration', await send('GET', `${path}/${latest.version}`), 200);
    await expectAnswer('v1-get-a-migration', await send('GET', `${path}/20200101000000`), 404);
  });

  it('POST applies (200), refuses a conflict in Postgres’s words (400) and a read-only token (403)', async () => {
    const { send } = await account();
    const body = { query: latest.sql, name: latest.name };
    const headers = { 'Idempotency-Key': 'contract-1' };
    const demo = `/v1/projects/${DEMO}/database/migrations`;
    await expectAnswer('v1-apply-a-migration', await send('POST', demo, { body, headers }), 200);
    await expectAnswer('v1-apply-a-migration', await send('POST', demo, { body, headers }), 200);
    const customer3 = `/v1/projects/${CUSTOMER3}/database/migrations`;
    const failed = await expectAnswer('v1-apply-a-migration', await send('POST', customer3, { body }), 400);
    expect(failed).toEqual({
      message: 'Failed to run sql query: ERROR:  42P07: relation "report_schedules" already exists',
    });
    await expectAnswer('v1-apply-a-migration', await send('POST', demo, { body: {} }), 400);
    const readOnly = await account('read-only');
    await expectAnswer('v1-apply-a-migration', await readOnly.send('POST', demo, { body, headers }), 403);
  });
});
