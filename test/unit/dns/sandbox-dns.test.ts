// The sandbox's DNS world behaves like the real thing: its DNS server answers Node's resolver
// from the zones (CNAME chains, wildcards, TXT, NXDOMAIN), its Domains API refuses what
// DigitalOcean refuses, and the DNS service refuses bad input in words before sending anything.
import { Resolver } from 'node:dns/promises';
import { describe, expect, it } from 'vitest';
import { dnsWithSandbox } from '../../support/dns';

async function resolverFor(servers: string[]) {
  const resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers(servers);
  return resolver;
}

describe('the sandbox’s loopback DNS server', () => {
  it('answers from the zones: a CNAME chain to 127.0.0.1, a wildcard for any tenant name, TXT validations', async () => {
    const { sandbox, hostOf, appNamed } = await dnsWithSandbox();
    const resolver = await resolverFor(sandbox.dns.resolverServers);
    expect(await resolver.resolveCname('bibbi.taskifai.com')).toEqual([hostOf('taskifai-bibbi')]);
    expect(await resolver.resolve4('bibbi.taskifai.com')).toEqual(['127.0.0.1']);
    expect(await resolver.resolveCname('anything.taskifai.com')).toEqual([hostOf('taskifai-central')]);
    const txt = appNamed('taskifai-central').app.domains!.find((d) => d.spec?.domain === 'taskifai.com')!
      .validations![0]!;
    expect(await resolver.resolveTxt(txt.txt_name!)).toEqual([[txt.txt_value]]);
  });

  it('says NXDOMAIN for names nobody serves, and for App Platform hosts of apps that do not exist', async () => {
    const { sandbox } = await dnsWithSandbox();
    const resolver = await resolverFor(sandbox.dns.resolverServers);
    await expect(resolver.resolve4('odoo.insightpulseai.net')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolve4('gone-abcde.ondigitalocean.app')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('serves a record as soon as it is created through the API', async () => {
    const { sandbox, client } = await dnsWithSandbox();
    await client.createDomainRecord('insightpulseai.net', { type: 'A', name: 'status', data: '203.0.113.44', ttl: 60 });
    const resolver = await resolverFor(sandbox.dns.resolverServers);
    expect(await resolver.resolve4('status.insightpulseai.net')).toEqual(['203.0.113.44']);
  });
});

describe('the sandbox’s Domains API refuses what DigitalOcean refuses (422)', () => {
  it.each([
    [{ type: 'CNAME', name: '@', data: 'x.ondigitalocean.app.', ttl: 1800 }, 'cannot be created at the apex'],
    [{ type: 'A', name: 'www', data: '300.1.1.1', ttl: 1800 }, 'not a valid IPv4 address'],
    [{ type: 'TXT', name: 'app', data: 'v=spf1 -all', ttl: 1800 }, 'already has a CNAME record'],
    [{ type: 'CNAME', name: 'mcp', data: 'other.example.com.', ttl: 1800 }, "can't share its name"],
    [{ type: 'MX', name: '@', data: 'mx.example.com.', ttl: 1800 }, 'Priority must be'],
  ])('%o', async (record, message) => {
    const { sandbox, token } = await dnsWithSandbox();
    const zone = record.name === 'mcp' ? 'insightpulseai.net' : 'taskifai.com';
    const response = await fetch(`${sandbox.url}/v2/domains/${zone}/records`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(record),
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.id).toBe('unprocessable_entity');
    expect(body.message).toContain(message);
  });
});

describe('the DNS service’s record editing', () => {
  it('refuses a CNAME at the apex and a malformed address in words, without calling the API', async () => {
    const { dns, sandbox } = await dnsWithSandbox();
    await expect(
      dns.createRecord('taskifai.com', { type: 'CNAME', name: '@', data: 'x.ondigitalocean.app', ttl: 1800 }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining("can't sit at the apex"),
    });
    await expect(
      dns.createRecord('taskifai.com', { type: 'A', name: 'www', data: 'taskifai.com', ttl: 1800 }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('is not one'),
    });
    expect(sandbox.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('adds, edits and deletes a record, and the list shows each change', async () => {
    const { dns } = await dnsWithSandbox();
    const created = await dns.createRecord('presence360.app', {
      type: 'CNAME',
      name: 'status',
      data: 'presence360.statuspage.io',
      ttl: 3600,
    });
    expect(created).toMatchObject({ type: 'CNAME', name: 'status', data: 'presence360.statuspage.io' });
    const edited = await dns.updateRecord('presence360.app', created.id, {
      type: 'CNAME',
      name: 'status',
      data: 'p360.instatus.com',
      ttl: 600,
    });
    expect(edited).toMatchObject({ id: created.id, data: 'p360.instatus.com', ttl: 600 });
    expect((await dns.listRecords('presence360.app')).filter((r) => r.name === 'status')).toEqual([edited]);
    await dns.deleteRecord('presence360.app', created.id);
    expect((await dns.listRecords('presence360.app')).some((r) => r.name === 'status')).toBe(false);
  });

  it('lists the account’s zones, and a zone’s records apex first', async () => {
    const { dns } = await dnsWithSandbox();
    expect((await dns.listDomains()).map((d) => d.name)).toEqual([
      'insightpulseai.net',
      'presence360.app',
      'taskifai.com',
    ]);
    const records = await dns.listRecords('taskifai.com');
    expect(records.slice(0, 4).map((r) => `${r.name} ${r.type}`)).toEqual(['@ SOA', '@ NS', '@ NS', '@ NS']);
    expect(records.some((r) => r.name === '*' && r.type === 'CNAME')).toBe(true);
  });
});
