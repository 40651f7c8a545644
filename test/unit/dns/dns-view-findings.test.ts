// What the DNS view tells the founder before a change, and how it counts: deleting or editing a
// record that serves a live app names the app and its domain; the summary lists exactly as many
// problems and warnings as it counts; the free-form live check refuses a non-hostname in words and
// keeps its result apart from the tracked hostnames' rows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DnsRecord } from '../../../src-preload/contract';
import { FOREIGN_APP_HOST } from '../../../src-main/sandbox/seed/dnsZones';
import { hostnameFrom, useDnsStore } from '../../../src-renderer/stores/dnsStore';
import { countOf, recordUsage, reportFindings } from '../../../src-renderer/views/dns/reportFindings';
import { dnsWithSandbox } from '../../support/dns';

describe('before a record is deleted or edited', () => {
  it('says that mcp’s CNAME is mcp-coordinator’s primary domain, and that an unrelated record serves nothing', async () => {
    const { dns, recordsAt } = await dnsWithSandbox();
    const report = await dns.checkDns();
    const mcp = (await dns.listRecords('insightpulseai.net')).find((r) => r.name === 'mcp')!;

    expect(recordUsage(report, 'insightpulseai.net', mcp, 'delete')).toEqual([
      'mcp.insightpulseai.net is mcp-coordinator’s primary domain: deleting this record takes it offline.',
    ]);
    expect(recordUsage(report, 'insightpulseai.net', mcp, 'edit')).toEqual([
      'mcp.insightpulseai.net is mcp-coordinator’s primary domain: pointing this record elsewhere takes it offline.',
    ]);
    const mx = recordsAt('taskifai.com', '@').find((r) => r.type === 'MX')!;
    expect(recordUsage(report, 'taskifai.com', mx as DnsRecord, 'delete')).toEqual([]);
  });

  it('names every domain a wildcard record serves, and the certificate renewal a TXT record keeps alive', async () => {
    const { dns } = await dnsWithSandbox();
    const report = await dns.checkDns();
    const records = await dns.listRecords('taskifai.com');
    const wildcard = records.find((r) => r.name === '*')!;
    expect(recordUsage(report, 'taskifai.com', wildcard, 'delete')).toEqual([
      '*.taskifai.com is taskifai-central’s alias domain: deleting this record takes it offline.',
    ]);
    const txt = records.find((r) => r.type === 'TXT' && r.name === '_acme-challenge.customer3')!;
    expect(recordUsage(report, 'taskifai.com', txt, 'delete')).toEqual([
      expect.stringContaining(
        'App Platform validates taskifai-customer3’s customer3.taskifai.com with this TXT record',
      ),
    ]);
  });
});

describe('the summary of the check', () => {
  it('lists exactly as many problems and warnings as the report counts, problems first', async () => {
    const { dns, client, hostOf } = await dnsWithSandbox();
    await client.createDomainRecord('taskifai.com', {
      type: 'CNAME',
      name: 'partners',
      data: `${FOREIGN_APP_HOST}.`,
      ttl: 1800,
    });
    await client.createDomainRecord('insightpulseai.net', {
      type: 'CNAME',
      name: 'staging',
      data: `${hostOf('taskifai-demo')}.`,
      ttl: 1800,
    });
    const report = await dns.checkDns();
    const findings = reportFindings(report);

    expect(findings.filter((f) => f.severity === 'problem')).toHaveLength(report.problems);
    expect(findings.filter((f) => f.severity === 'warning')).toHaveLength(report.warnings);
    expect(report.problems).toBe(2);
    expect(report.warnings).toBe(3);
    expect(findings.map((f) => f.hostname)).toEqual([
      'odoo.insightpulseai.net',
      'customer2.taskifai.com',
      'taskifai.com',
      'partners.taskifai.com',
      'staging.insightpulseai.net',
    ]);
    expect([countOf(1, 'problem'), countOf(7, 'problem'), countOf(0, 'warning')]).toEqual([
      '1 problem',
      '7 problems',
      '0 warnings',
    ]);
  });
});

describe('the free-form live check', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useDnsStore.setState({ liveCheck: { typed: '' }, probes: {} });
  });

  it('reads a pasted URL as its hostname, and refuses what is no hostname', () => {
    expect(hostnameFrom(' https://Demo.TaskifAI.com/login?x=1 ')).toBe('demo.taskifai.com');
    expect(hostnameFrom('app.example.com.')).toBe('app.example.com');
    expect(hostnameFrom('not a host')).toBeUndefined();
    expect(hostnameFrom('localhost')).toBeUndefined();
  });

  it('says “Enter a hostname such as app.example.com” without asking the main process, and shows a good one’s result under the input', async () => {
    const probeHost = vi.fn(async ({ hostname }: { hostname: string }) => ({
      ok: true as const,
      value: {
        hostname,
        probedName: hostname,
        resolver: 'test',
        cnames: [],
        addresses: ['127.0.0.1'],
        findings: [],
        probedAt: '',
      },
    }));
    vi.stubGlobal('window', { fleet: { probeHost } });
    const store = useDnsStore.getState();

    store.typeLive('demo taskifai');
    await store.checkLive();
    expect(useDnsStore.getState().liveCheck.inputError).toBe('Enter a hostname such as app.example.com');
    expect(probeHost).not.toHaveBeenCalled();

    store.typeLive('Demo.taskifai.com');
    expect(useDnsStore.getState().liveCheck.inputError).toBeUndefined();
    await store.checkLive();
    const { liveCheck, probes } = useDnsStore.getState();
    expect(probeHost).toHaveBeenCalledWith({ hostname: 'demo.taskifai.com' });
    expect(liveCheck).toMatchObject({ typed: 'Demo.taskifai.com', hostname: 'demo.taskifai.com' });
    expect(liveCheck.result?.value?.addresses).toEqual(['127.0.0.1']);
    // The tracked row of demo.taskifai.com does not grow a result it did not ask for.
    expect(probes).toEqual({});
  });
});
