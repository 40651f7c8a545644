// A record can point at one of the founder's own apps and still lead nowhere: App Platform only
// serves the names in the app's spec. The check flags such a record as a warning, says which app
// and what to do, and offers no automatic fix (the spec may lack the domain, or the record may be
// a leftover).
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src-main/clients/digitalocean/types';
import { buildDnsReport } from '../../../src-main/services/dns/check';
import { dnsWithSandbox } from '../../support/dns';

describe('records pointing at an app of this account that does not serve their name', () => {
  it('warns that staging.insightpulseai.net points at taskifai-demo, which does not serve it', async () => {
    const { dns, client, hostOf } = await dnsWithSandbox();
    const before = await dns.checkDns();
    expect(before.unserved).toEqual([]);

    await client.createDomainRecord('insightpulseai.net', {
      type: 'CNAME',
      name: 'staging',
      data: `${hostOf('taskifai-demo')}.`,
      ttl: 1800,
    });
    const report = await dns.checkDns();

    expect(report.unserved).toEqual([
      expect.objectContaining({
        domain: 'insightpulseai.net',
        hostname: 'staging.insightpulseai.net',
        appName: 'taskifai-demo',
        severity: 'warning',
        record: expect.objectContaining({ type: 'CNAME', name: 'staging' }),
      }),
    ]);
    expect(report.unserved[0]!.problem).toContain(
      'points at taskifai-demo, which does not serve staging.insightpulseai.net: add the domain to its spec or remove the record',
    );
    expect(report.unserved[0]).not.toHaveProperty('fix');
    // Not dangling (the app is ours), not a problem, one warning more.
    expect(report.dangling.map((d) => d.hostname)).not.toContain('staging.insightpulseai.net');
    expect(report.problems).toBe(before.problems);
    expect(report.warnings).toBe(before.warnings + 1);
  });

  describe('on its own', () => {
    const app = (name: string, domains: Array<{ domain: string; wildcard?: boolean }>) =>
      ({
        id: `${name}-id`,
        spec: { name, domains: domains.map((d) => ({ ...d, type: 'PRIMARY' })) },
        default_ingress: `https://${name}-abcde.ondigitalocean.app`,
        domains: domains.map((d) => ({ spec: { domain: d.domain }, phase: 'ACTIVE' })),
      }) as unknown as App;
    const cname = (id: number, name: string, target: string) => ({
      id,
      type: 'CNAME' as const,
      name,
      data: `${target}-abcde.ondigitalocean.app.`,
      ttl: 1800,
    });

    it('counts names one label under a wildcard domain as served, and deeper names as not', () => {
      const report = buildDnsReport(
        [app('shop', [{ domain: 'example.com', wildcard: true }])],
        [{ name: 'example.com', records: [cname(1, 'eu', 'shop'), cname(2, 'a.b', 'shop')] }],
        0,
      );
      expect(report.unserved.map((u) => u.hostname)).toEqual(['a.b.example.com']);
    });

    it('leaves a wrong record for another app’s domain to that app’s check: reported once, as mismatched', () => {
      const report = buildDnsReport(
        [app('shop', [{ domain: 'shop.example.com' }]), app('blog', [{ domain: 'blog.example.com' }])],
        [{ name: 'example.com', records: [cname(1, 'shop', 'blog'), cname(2, 'blog', 'blog')] }],
        0,
      );
      expect(report.unserved).toEqual([]);
      expect(report.apps.find((a) => a.appName === 'shop')!.domains[0]).toMatchObject({ status: 'mismatched' });
      expect(report.problems).toBe(1);
    });
  });
});
