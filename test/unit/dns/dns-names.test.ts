// Names as people type them: IDN domains (punycode TLDs such as xn--p1ai), upper case and a
// trailing dot are taken and normalized; a record name typed in full gets told what to write; a
// wildcard answers for every name below its closest existing ancestor (RFC 4592), as DNS does.
import { Resolver } from 'node:dns/promises';
import { describe, expect, it } from 'vitest';
import { dnsMethodSchemas } from '../../../src-main/bridge/schemas/dns';
import { recordsAnswering } from '../../../src-main/services/dns/records';
import type { DnsRecord } from '../../../src-preload/contract';
import { dnsWithSandbox } from '../../support/dns';

const parsed = <T>(result: { success: boolean; data?: T }) => (result.success ? result.data : undefined);

describe('hostnames and domains at the bridge', () => {
  it('takes IDN names in punycode, with their xn-- top-level domain', () => {
    expect(parsed(dnsMethodSchemas.probeHost.safeParse({ hostname: 'shop.xn--p1ai' }))).toEqual({
      hostname: 'shop.xn--p1ai',
    });
    expect(parsed(dnsMethodSchemas.listRecords.safeParse({ domain: 'xn--80ak6aa92e.xn--p1ai' }))).toEqual({
      domain: 'xn--80ak6aa92e.xn--p1ai',
    });
  });

  it('lower-cases and drops one trailing dot instead of refusing', () => {
    expect(parsed(dnsMethodSchemas.probeHost.safeParse({ hostname: 'App.TaskifAI.com.' }))).toEqual({
      hostname: 'app.taskifai.com',
    });
    expect(parsed(dnsMethodSchemas.listRecords.safeParse({ domain: 'TaskifAI.com.' }))).toEqual({
      domain: 'taskifai.com',
    });
  });

  it('still refuses what is not a name', () => {
    for (const hostname of ['app..example.com', 'app.example.com..', 'app', '-app.example.com', 'app.example.c0m']) {
      expect(dnsMethodSchemas.probeHost.safeParse({ hostname }).success, hostname).toBe(false);
    }
  });
});

describe('a record name typed in full', () => {
  const create = (name: string) => ({
    domain: 'taskifai.com',
    record: { type: 'CNAME' as const, name, data: 'taskifai.statuspage.io', ttl: 1800 },
  });

  it.each(['app.taskifai.com.', 'app.taskifai.com', 'APP.taskifai.com.'])(
    '"%s" passes the bridge and the service says to write "app"',
    async (name) => {
      const request = dnsMethodSchemas.createRecord.safeParse(create(name));
      expect(request.success).toBe(true);
      const { dns, sandbox } = await dnsWithSandbox();
      await expect(dns.createRecord('taskifai.com', create(name).record)).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringContaining('write "app"'),
      });
      expect(sandbox.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    },
  );

  it('says a full name outside the zone can’t be a record of it', async () => {
    const { dns } = await dnsWithSandbox();
    await expect(dns.createRecord('taskifai.com', create('app.example.com.').record)).rejects.toMatchObject({
      message: expect.stringContaining('not in taskifai.com'),
    });
  });
});

describe('wildcards answer below their closest existing ancestor', () => {
  const record = (id: number, name: string): DnsRecord => ({ id, type: 'CNAME', name, data: 'x.example.net', ttl: 60 });
  const zone = [record(1, '*'), record(2, 'app'), record(3, 'x.deep')];

  it('covers a.b under “*” when neither b nor anything under it exists', () => {
    expect(recordsAnswering(zone, 'a.b').wildcard.map((r) => r.id)).toEqual([1]);
    expect(recordsAnswering(zone, 'c.a.b').wildcard.map((r) => r.id)).toEqual([1]);
  });

  it('does not cover names under an existing name that has no wildcard of its own', () => {
    expect(recordsAnswering(zone, 'sub.app').wildcard).toEqual([]);
    // "deep" exists (it has a child), so y.deep is not the apex wildcard's.
    expect(recordsAnswering(zone, 'y.deep').wildcard).toEqual([]);
    expect(recordsAnswering(zone, 'deep')).toEqual({ own: [], wildcard: [] });
  });

  it('uses the wildcard of the closest encloser, not a higher one', () => {
    const nested = [...zone, record(4, '*.deep')];
    expect(recordsAnswering(nested, 'a.b.deep').wildcard.map((r) => r.id)).toEqual([4]);
    expect(recordsAnswering(nested, 'a.b').wildcard.map((r) => r.id)).toEqual([1]);
  });

  it('is how the sandbox’s DNS server answers too', async () => {
    const { sandbox, hostOf } = await dnsWithSandbox();
    const resolver = new Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers(sandbox.dns.resolverServers);
    expect(await resolver.resolveCname('a.b.taskifai.com')).toEqual([hostOf('taskifai-central')]);
    // customer3 exists: a name under it is not the apex wildcard's.
    await expect(resolver.resolve4('x.customer3.taskifai.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
