// A record is added once, however the founder gets there: a double click, two windows applying
// the same fix, or a retry after the API's answer was lost on the way back. Fleetdeck never sends
// a second POST on a guess: it asks the zone what happened.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/clients/http/apiError';
import { DnsService } from '../../../src-main/services/dns';
import type { DnsRecordInput } from '../../../src-preload/contract';
import { dnsWithSandbox, domainCheck } from '../../support/dns';

const RECORDS = '/v2/domains/taskifai.com/records';
const status: DnsRecordInput = { type: 'CNAME', name: 'status', data: 'taskifai.statuspage.io', ttl: 1800 };
const posts = (requests: string[]) => requests.filter((r) => r.startsWith('POST'));

describe('two identical changes at once', () => {
  it('a double click on "Add record" sends one POST, and both clicks get the same record', async () => {
    const { dns, sandbox, recordsAt } = await dnsWithSandbox();
    sandbox.faults.latencyMs = 40;

    const [first, second] = await Promise.all([
      dns.createRecord('taskifai.com', status),
      dns.createRecord('taskifai.com', status),
    ]);

    expect(posts(sandbox.requests)).toEqual([`POST ${RECORDS}`]);
    expect(second).toEqual(first);
    expect(recordsAt('taskifai.com', 'status')).toHaveLength(1);
  });

  it('two different records for one domain go out one after another, both written', async () => {
    const { dns, sandbox, recordsAt } = await dnsWithSandbox();
    sandbox.faults.latencyMs = 20;
    const a = { type: 'A', name: 'edge', data: '203.0.113.21', ttl: 1800 } as const;
    const b = { ...a, data: '203.0.113.22' };

    await Promise.all([dns.createRecord('taskifai.com', a), dns.createRecord('taskifai.com', b)]);

    // Each change reads the zone it writes to only after the one before it is done.
    const zoneCalls = sandbox.requests.filter((r) => r.includes(RECORDS)).map((r) => r.split(' ')[0]);
    expect(zoneCalls).toEqual(['GET', 'POST', 'GET', 'POST']);
    expect(recordsAt('taskifai.com', 'edge').map((r) => r.data)).toEqual(['203.0.113.21', '203.0.113.22']);
  });

  it('the same one-click fix applied from two windows creates the missing odoo CNAME once', async () => {
    const { dns, sandbox, recordsAt } = await dnsWithSandbox();
    const fix = domainCheck(await dns.checkDns(), 'odoo.insightpulseai.net').fix!;
    sandbox.faults.latencyMs = 40;

    const [one, two] = await Promise.all([dns.applyFix(fix), dns.applyFix(fix)]);

    expect(posts(sandbox.requests)).toEqual(['POST /v2/domains/insightpulseai.net/records']);
    expect(recordsAt('insightpulseai.net', 'odoo')).toHaveLength(1);
    expect(domainCheck(one, 'odoo.insightpulseai.net').status).toBe('ok');
    expect(domainCheck(two, 'odoo.insightpulseai.net').status).toBe('ok');
  });
});

describe('the answer to a record change is lost', () => {
  it('after the API added the record, says it was added, and a retry adds nothing', async () => {
    const { dns, sandbox, recordsAt } = await dnsWithSandbox();
    sandbox.faults.inject({ method: 'POST', pathPrefix: RECORDS, kind: 'drop_after_handling' });

    const created = await dns.createRecord('taskifai.com', status);
    expect(created).toMatchObject({ type: 'CNAME', name: 'status', data: 'taskifai.statuspage.io' });
    expect(created.id).toBe(recordsAt('taskifai.com', 'status')[0]!.id);

    // The founder, unsure, clicks again: the zone already has it, so nothing is sent.
    expect(await dns.createRecord('taskifai.com', status)).toEqual(created);
    expect(posts(sandbox.requests)).toHaveLength(1);
    expect(recordsAt('taskifai.com', 'status')).toHaveLength(1);
  });

  it('when the request never arrived, says the outcome was checked and it did not happen', async () => {
    const { dns, sandbox, recordsAt } = await dnsWithSandbox();
    sandbox.faults.inject({ method: 'POST', pathPrefix: RECORDS, kind: 'drop' });

    const error = await dns.createRecord('taskifai.com', status).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'unknown_outcome',
      message: expect.stringMatching(/got no answer, and taskifai\.com has no such record: it did not happen/),
    });
    expect(recordsAt('taskifai.com', 'status')).toHaveLength(0);
    expect(posts(sandbox.requests)).toHaveLength(1);

    await dns.createRecord('taskifai.com', status);
    expect(recordsAt('taskifai.com', 'status')).toHaveLength(1);
  });

  it('when even the zone can’t be read again, says nobody can tell and to check first', async () => {
    const { client, sandbox, recordsAt } = await dnsWithSandbox();
    // The zone answers the read before the POST; after the lost answer it can't be reached either.
    let reads = 0;
    const unreachableAfterOneRead = new Proxy(client, {
      get(target, property) {
        if (property === 'listDomainRecords' && ++reads > 1) {
          return () => Promise.reject(new ApiError({ code: 'network', message: 'The API could not be reached.' }));
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const dns = new DnsService(unreachableAfterOneRead, sandbox.dns);
    sandbox.faults.inject({ method: 'POST', pathPrefix: RECORDS, kind: 'drop_after_handling' });

    await expect(dns.createRecord('taskifai.com', status)).rejects.toMatchObject({
      code: 'unknown_outcome',
      message: expect.stringMatching(/could not be read again: it may or may not have happened\. Check the records/),
    });
    expect(posts(sandbox.requests)).toHaveLength(1);
    expect(recordsAt('taskifai.com', 'status')).toHaveLength(1);
  });

  it('an edit whose answer is lost after it was saved is reported saved', async () => {
    const { dns, sandbox, recordsAt } = await dnsWithSandbox();
    const record = await dns.createRecord('taskifai.com', status);
    sandbox.faults.inject({ method: 'PUT', pathPrefix: `${RECORDS}/${record.id}`, kind: 'drop_after_handling' });

    const edited = await dns.updateRecord('taskifai.com', record.id, { ...status, ttl: 600 });

    expect(edited).toMatchObject({ id: record.id, ttl: 600 });
    expect(recordsAt('taskifai.com', 'status')).toMatchObject([{ ttl: 600 }]);
  });

  it('a delete whose answer is lost after the record went is reported done', async () => {
    const { dns, sandbox, recordsAt } = await dnsWithSandbox();
    const record = await dns.createRecord('taskifai.com', status);
    sandbox.faults.inject({ method: 'DELETE', pathPrefix: `${RECORDS}/${record.id}`, kind: 'drop_after_handling' });

    expect(await dns.deleteRecord('taskifai.com', record.id)).toBeNull();
    expect(recordsAt('taskifai.com', 'status')).toEqual([]);
  });
});
