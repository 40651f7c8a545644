// A record is only "dangling" (deleted with one click) when its App Platform host is really gone:
// it does not resolve (NXDOMAIN) or App Platform's edge answers 404 there. A zone shared with
// another team can point at that team's live app, which this account does not own: that is a
// warning with no fix, never a delete.
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src-main/clients/digitalocean/types';
import { buildDnsReport } from '../../../src-main/services/dns/check';
import { DANGLING_HOST, FOREIGN_APP_HOST as FOREIGN_HOST } from '../../../src-main/sandbox/seed/dnsZones';
import { dnsWithSandbox } from '../../support/dns';

describe('records pointing at App Platform hosts this account does not own', () => {
  it('still offers to delete the seeded customer2 record: its host does not resolve', async () => {
    const { dns } = await dnsWithSandbox();
    const report = await dns.checkDns();
    expect(report.dangling).toHaveLength(1);
    expect(report.dangling[0]).toMatchObject({
      hostname: 'customer2.taskifai.com',
      severity: 'problem',
      record: { data: DANGLING_HOST },
      fix: { kind: 'delete', domain: 'taskifai.com' },
    });
    expect(report.dangling[0]!.problem).toContain('NXDOMAIN');
  });

  it('warns about a record pointing at another team’s live app, and offers no fix', async () => {
    const { dns, client } = await dnsWithSandbox();
    await client.createDomainRecord('taskifai.com', {
      type: 'CNAME',
      name: 'partners',
      data: `${FOREIGN_HOST}.`,
      ttl: 1800,
    });

    const report = await dns.checkDns();
    const foreign = report.dangling.find((d) => d.hostname === 'partners.taskifai.com');
    expect(foreign).toMatchObject({ severity: 'warning', record: { data: FOREIGN_HOST } });
    expect(foreign!.fix).toBeUndefined();
    expect(foreign!.problem).toContain("points at an app this account doesn't own (another team's?)");
    // Only the seeded odoo and customer2 problems count; the warning does not.
    expect(report.problems).toBe(2);
  });

  it('gives a record that is wrong for an app and points at a gone host one fix: the update', () => {
    const shop = {
      id: 'shop-id',
      spec: { name: 'shop', domains: [{ domain: 'shop.example.com', type: 'PRIMARY' }] },
      default_ingress: 'https://shop-abcde.ondigitalocean.app',
      domains: [{ spec: { domain: 'shop.example.com' }, phase: 'ACTIVE' }],
    } as unknown as App;
    const stale = { id: 1, type: 'CNAME' as const, name: 'shop', data: 'gone-zzzzz.ondigitalocean.app.', ttl: 1800 };
    const report = buildDnsReport(
      [shop],
      [{ name: 'example.com', records: [stale] }],
      0,
      new Map([
        ['gone-zzzzz.ondigitalocean.app', { state: 'gone' as const, evidence: 'it does not exist in DNS (NXDOMAIN)' }],
      ]),
    );
    expect(report.apps[0]!.domains[0]).toMatchObject({ status: 'mismatched', fix: { kind: 'update', recordId: 1 } });
    expect(report.dangling).toEqual([]);
    expect(report.problems).toBe(1);
  });
});
