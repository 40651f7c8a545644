// The founder types a record DNS can't hold — an empty label, a label or name too long, a target
// that isn't a name, a TXT value over two lines — and is told which rule it breaks before anything
// is sent: by the bridge when it comes from the window, by the service whatever the caller.
import { describe, expect, it } from 'vitest';
import { dnsMethodSchemas } from '../../../src-main/bridge/schemas/dns';
import type { DnsRecordInput } from '../../../src-preload/contract';
import { dnsWithSandbox } from '../../support/dns';

const label = (length: number, char = 'a') => char.repeat(length);
/** Four 60-character labels: 243 characters, 256 once ".taskifai.com" is added. */
const longRelative = [label(60, 'a'), label(60, 'b'), label(60, 'c'), label(60, 'd')].join('.');
const longTarget = `${[1, 2, 3, 4, 5].map((n) => label(60, String(n))).join('.')}.example.com`;

const cases: Array<[story: string, record: DnsRecordInput, rule: RegExp]> = [
  [
    'a name with an empty label',
    { type: 'A', name: 'a..b', data: '203.0.113.20', ttl: 1800 },
    /^A DNS name has no empty labels.*"a\.\.b"/,
  ],
  [
    'a 64-character label',
    { type: 'A', name: `${label(64)}.staging`, data: '203.0.113.20', ttl: 1800 },
    /^A DNS label is at most 63 characters: "a{64}" has 64\./,
  ],
  [
    'a name over 253 characters once the zone is added',
    { type: 'TXT', name: longRelative, data: 'hello', ttl: 1800 },
    /^A DNS name is at most 253 characters: .* has 256\./,
  ],
  [
    'a CNAME target over 253 characters',
    { type: 'CNAME', name: 'shop', data: longTarget, ttl: 1800 },
    /^A DNS name is at most 253 characters: .*\(the CNAME record's value\)/,
  ],
  [
    'a CNAME target with an empty label',
    { type: 'CNAME', name: 'shop', data: 'shops..myshopify.com', ttl: 1800 },
    /^A DNS name has no empty labels.*\(the CNAME record's value\)/,
  ],
  [
    'an MX target with an empty label',
    { type: 'MX', name: '@', data: 'mx..mail.example.com', ttl: 1800, priority: 10 },
    /^A DNS name has no empty labels.*\(the MX record's value\)/,
  ],
  [
    'an NS target over 253 characters',
    { type: 'NS', name: 'lab', data: longTarget, ttl: 1800 },
    /^A DNS name is at most 253 characters: .*\(the NS record's value\)/,
  ],
  [
    'an SRV target with a 64-character label',
    {
      type: 'SRV',
      name: '_sip._tls',
      data: `${label(64)}.example.com`,
      ttl: 1800,
      priority: 10,
      weight: 5,
      port: 5061,
    },
    /^A DNS label is at most 63 characters: .*\(the SRV record's value\)/,
  ],
  [
    'a TXT value with a NUL character',
    { type: 'TXT', name: 'note', data: 'v=spf1 -all\0x', ttl: 1800 },
    /^A TXT record's value can't contain a NUL character\./,
  ],
  [
    'a TXT value over two lines',
    { type: 'TXT', name: 'note', data: 'first line\nsecond line', ttl: 1800 },
    /^A TXT record's value is one line: it can't contain a line break\./,
  ],
  [
    'a CAA value with a carriage return',
    { type: 'CAA', name: '@', data: 'letsencrypt.org\r; x', ttl: 1800, flags: 0, tag: 'issue' },
    /^A CAA record's value is one line/,
  ],
];

describe('a record DNS can’t hold is refused before it is sent', () => {
  it.each(cases)('the service refuses %s, naming the rule', async (_story, record, rule) => {
    const { dns, sandbox } = await dnsWithSandbox();
    await expect(dns.createRecord('taskifai.com', record)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(rule),
    });
    expect(sandbox.requests.filter((r) => !r.startsWith('GET'))).toEqual([]);
  });

  it.each(cases)('the bridge refuses %s in the same words', (_story, record, rule) => {
    const parsed = dnsMethodSchemas.createRecord.safeParse({ domain: 'taskifai.com', record });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(rule));
  });

  it('an edit to such a value is refused too, and the record stays as it was', async () => {
    const { dns, recordsAt } = await dnsWithSandbox();
    const txt = await dns.createRecord('taskifai.com', { type: 'TXT', name: 'note', data: 'hello', ttl: 1800 });
    await expect(
      dns.updateRecord('taskifai.com', txt.id, { type: 'TXT', name: 'note', data: 'hello\nworld', ttl: 1800 }),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/line break/) });
    expect(recordsAt('taskifai.com', 'note').map((r) => r.data)).toEqual(['hello']);
    const edit = { type: 'TXT', name: 'note', data: 'a\0b', ttl: 1800 };
    expect(dnsMethodSchemas.updateRecord.safeParse({ domain: 'taskifai.com', id: txt.id, record: edit }).success).toBe(
      false,
    );
  });

  it('a domain or hostname that breaks a size rule is told which one at the bridge', () => {
    const probe = dnsMethodSchemas.probeHost.safeParse({ hostname: `${label(64)}.taskifai.com` });
    expect(probe.error?.issues[0]?.message).toMatch(/^A DNS label is at most 63 characters/);
    const domain = dnsMethodSchemas.listRecords.safeParse({ domain: `${longRelative}.example.com` });
    expect(domain.error?.issues[0]?.message).toMatch(/^A DNS name is at most 253 characters/);
  });
});

describe('what stays valid', () => {
  it('the apex "@", the wildcard "*" and a 63-character label are taken', async () => {
    const { dns, recordsAt } = await dnsWithSandbox();
    const records: DnsRecordInput[] = [
      { type: 'TXT', name: '@', data: 'google-site-verification=abc', ttl: 1800 },
      { type: 'A', name: '*.preview', data: '203.0.113.30', ttl: 1800 },
      { type: 'TXT', name: label(63), data: 'fits', ttl: 1800 },
    ];
    for (const record of records) {
      expect(dnsMethodSchemas.createRecord.safeParse({ domain: 'taskifai.com', record }).success).toBe(true);
      await dns.createRecord('taskifai.com', record);
    }
    expect(recordsAt('taskifai.com', '*.preview')).toHaveLength(1);
    expect(recordsAt('taskifai.com', label(63))).toHaveLength(1);
  });
});
