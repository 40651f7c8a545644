// The sandbox's Domains API must answer like DigitalOcean's: every path and method it serves is
// checked against the official OpenAPI description, errors included.
import { describe, expect, it } from 'vitest';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function domainsApi() {
  const { sandbox, token } = await sandboxWithClient();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  const firstRecordId = () => sandbox.state.dns!.zones.get('taskifai.com')!.records.find((r) => r.name === 'app')!.id;
  return { call, firstRecordId };
}

describe('sandbox Domains answers match the official DigitalOcean spec', () => {
  it('domains_list (GET /v2/domains)', async () => {
    const { call } = await domainsApi();
    const { status, body, headers } = await call('GET', '/v2/domains');
    expect(status).toBe(200);
    expect(headers.get('ratelimit-limit')).toBe('5000');
    await expectMatchesSpec('domains_list', 200, body);
    expect(body.domains.map((d: { name: string }) => d.name).sort()).toEqual([
      'insightpulseai.net',
      'presence360.app',
      'taskifai.com',
    ]);
    expect(body.meta.total).toBe(3);
  });

  it('domains_create (POST /v2/domains) with an apex address, then domains_get and domains_delete', async () => {
    const { call } = await domainsApi();
    const created = await call('POST', '/v2/domains', { name: 'presence360.dev', ip_address: '203.0.113.7' });
    expect(created.status).toBe(201);
    await expectMatchesSpec('domains_create', 201, created.body);

    const got = await call('GET', '/v2/domains/presence360.dev');
    expect(got.status).toBe(200);
    await expectMatchesSpec('domains_get', 200, got.body);
    expect(got.body.domain.zone_file).toContain('presence360.dev. 1800 IN A 203.0.113.7');

    const deleted = await call('DELETE', '/v2/domains/presence360.dev');
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call('GET', '/v2/domains/presence360.dev')).status).toBe(404);
  });

  it('domains_list_records, whole and paged, filtered by FQDN and type', async () => {
    const { call } = await domainsApi();
    const all = await call('GET', '/v2/domains/taskifai.com/records');
    await expectMatchesSpec('domains_list_records', 200, all.body);
    expect(all.body.domain_records.length).toBe(all.body.meta.total);

    const paged = await call('GET', '/v2/domains/taskifai.com/records?per_page=3&page=2');
    await expectMatchesSpec('domains_list_records', 200, paged.body);
    expect(paged.body.domain_records).toHaveLength(3);
    expect(Object.keys(paged.body.links.pages).sort()).toEqual(['first', 'last', 'next', 'prev']);

    const filtered = await call('GET', '/v2/domains/taskifai.com/records?name=app.taskifai.com&type=CNAME');
    await expectMatchesSpec('domains_list_records', 200, filtered.body);
    expect(filtered.body.domain_records).toEqual([
      expect.objectContaining({ name: 'app', type: 'CNAME', weight: null, flags: null }),
    ]);
  });

  it('domains_create_record, domains_get_record, domains_update_record, domains_patch_record, domains_delete_record', async () => {
    const { call } = await domainsApi();
    const created = await call('POST', '/v2/domains/taskifai.com/records', {
      type: 'CNAME',
      name: 'status',
      data: 'taskifai.statuspage.io.',
      ttl: 1800,
    });
    expect(created.status).toBe(201);
    await expectMatchesSpec('domains_create_record', 201, created.body);
    const id = created.body.domain_record.id;

    const got = await call('GET', `/v2/domains/taskifai.com/records/${id}`);
    await expectMatchesSpec('domains_get_record', 200, got.body);
    expect(got.body.domain_record).toMatchObject({ id, data: 'taskifai.statuspage.io', priority: null, port: null });

    const put = await call('PUT', `/v2/domains/taskifai.com/records/${id}`, {
      type: 'CNAME',
      name: 'status',
      data: 'p.instatus.com.',
      ttl: 600,
    });
    expect(put.status).toBe(200);
    await expectMatchesSpec('domains_update_record', 200, put.body);

    const patched = await call('PATCH', `/v2/domains/taskifai.com/records/${id}`, { ttl: 300 });
    expect(patched.status).toBe(200);
    await expectMatchesSpec('domains_patch_record', 200, patched.body);
    expect(patched.body.domain_record).toMatchObject({ data: 'p.instatus.com', ttl: 300 });

    const deleted = await call('DELETE', `/v2/domains/taskifai.com/records/${id}`);
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/v2/domains/taskifai.com/records/${id}`)).status).toBe(404);
  });

  it.each([
    ['domains_get', 'GET', '/v2/domains/unknown.example'],
    ['domains_list_records', 'GET', '/v2/domains/unknown.example/records'],
    ['domains_get_record', 'GET', '/v2/domains/taskifai.com/records/1'],
    ['domains_delete_record', 'DELETE', '/v2/domains/taskifai.com/records/1'],
  ])('%s answers 404 in the spec error body (%s %s)', async (operationId, method, path) => {
    const { call } = await domainsApi();
    const { status, body } = await call(method, path);
    expect(status).toBe(404);
    expect(body).toMatchObject({ id: 'not_found', request_id: expect.any(String) });
    await expectMatchesSpec(operationId, 404, body);
  });

  it('a record DigitalOcean would refuse gets 422 in the spec error body', async () => {
    const { call, firstRecordId } = await domainsApi();
    const created = await call('POST', '/v2/domains/taskifai.com/records', {
      type: 'CNAME',
      name: '@',
      data: 'x.ondigitalocean.app.',
    });
    expect(created.status).toBe(422);
    await expectMatchesSpec('domains_create_record', 422, created.body);
    const changed = await call('PUT', `/v2/domains/taskifai.com/records/${firstRecordId()}`, {
      type: 'A',
      data: '203.0.113.1',
    });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toContain("can't be changed");
    await expectMatchesSpec('domains_update_record', 422, changed.body);
  });
});
