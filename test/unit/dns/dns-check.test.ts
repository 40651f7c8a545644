// The founder checks that every tenant's domains are served by the account's DNS: the seeded
// fleet has one missing record (odoo, in ERROR) and one dangling record (a deleted tenant), and
// each problem comes with a one-click fix that leaves the check clean.
import { describe, expect, it } from 'vitest';
import { buildDnsReport } from '../../../src-main/services/dns/check';
import type { App } from '../../../src-main/clients/digitalocean/types';
import { DANGLING_HOST, TASKIFAI_APEX_SERVER } from '../../../src-main/sandbox/seed/dnsZones';
import { dnsWithSandbox, domainCheck } from '../../support/dns';

describe('the DNS check of the demo fleet', () => {
  it('finds the missing CNAME behind odoo’s ERROR and the dangling record of a deleted tenant, and nothing else', async () => {
    const { dns, hostOf } = await dnsWithSandbox();
    const report = await dns.checkDns();

    const odoo = domainCheck(report, 'odoo.insightpulseai.net');
    expect(odoo).toMatchObject({ status: 'missing', severity: 'problem', phase: 'ERROR', zone: 'insightpulseai.net' });
    expect(odoo.problem).toContain('No record for odoo.insightpulseai.net');
    expect(odoo.fix).toMatchObject({
      kind: 'create',
      domain: 'insightpulseai.net',
      record: { type: 'CNAME', name: 'odoo', data: `${hostOf('odoo-saas-platform')}.` },
    });
    expect(odoo.validations).toEqual([
      expect.objectContaining({ state: 'missing', txtName: '_acme-challenge.odoo.insightpulseai.net' }),
    ]);

    expect(report.dangling).toHaveLength(1);
    expect(report.dangling[0]).toMatchObject({
      domain: 'taskifai.com',
      hostname: 'customer2.taskifai.com',
      record: { type: 'CNAME', data: DANGLING_HOST },
      fix: { kind: 'delete', domain: 'taskifai.com' },
    });
    expect(report.dangling[0]!.problem).toContain('no app in this account owns');

    expect(report.problems).toBe(2);
    const flagged = report.apps
      .flatMap((a) => a.domains)
      .filter((d) => d.severity === 'problem')
      .map((d) => d.hostname);
    expect(flagged).toEqual(['odoo.insightpulseai.net']);
    expect(report.apps[0]!.appName).toBe('odoo-saas-platform');
  });

  it('counts the wildcard record as covering the wildcard domain, and a just-added CNAME as right while App Platform validates', async () => {
    const { dns } = await dnsWithSandbox();
    const report = await dns.checkDns();
    expect(domainCheck(report, '*.taskifai.com')).toMatchObject({ status: 'ok', severity: 'ok' });
    expect(domainCheck(report, 'app.taskifai.com')).toMatchObject({ status: 'ok', severity: 'ok' });
    const customer3 = domainCheck(report, 'customer3.taskifai.com');
    expect(customer3).toMatchObject({ status: 'ok', phase: 'PENDING', severity: 'info' });
    expect(customer3.note).toContain('still validating');
    expect(customer3.validations.map((v) => v.state)).toEqual(['present']);
  });

  it('says why an apex can’t point at the app, unless App Platform manages the zone', async () => {
    const { dns } = await dnsWithSandbox();
    const report = await dns.checkDns();
    const apex = domainCheck(report, 'taskifai.com');
    expect(apex).toMatchObject({
      status: 'apex',
      severity: 'warning',
      record: { type: 'A', data: TASKIFAI_APEX_SERVER },
    });
    expect(apex.problem).toContain("can't be a CNAME");
    expect(apex.problem).toContain('set zone: taskifai.com');
    expect(apex.fix).toBeUndefined();
    expect(domainCheck(report, 'presence360.app')).toMatchObject({
      status: 'managed',
      managedByAppPlatform: true,
      phase: 'CONFIGURING',
    });
    expect(domainCheck(report, 'api.multivio.com')).toMatchObject({ status: 'external', severity: 'info' });
  });

  it('creates the missing CNAME and TXT with one click each, after which odoo’s record is ok', async () => {
    const { dns, hostOf, recordsAt } = await dnsWithSandbox();
    const before = await dns.checkDns();
    const odoo = domainCheck(before, 'odoo.insightpulseai.net');

    const afterCname = await dns.applyFix(odoo.fix!);
    expect(domainCheck(afterCname, 'odoo.insightpulseai.net')).toMatchObject({ status: 'ok' });
    expect(recordsAt('insightpulseai.net', 'odoo')).toEqual([
      expect.objectContaining({ type: 'CNAME', data: hostOf('odoo-saas-platform') }),
    ]);

    const txtFix = domainCheck(afterCname, 'odoo.insightpulseai.net').validations[0]!.fix!;
    const afterTxt = await dns.applyFix(txtFix);
    const fixed = domainCheck(afterTxt, 'odoo.insightpulseai.net');
    expect(fixed.validations[0]!.state).toBe('present');
    // Only App Platform can clear its ERROR phase: the row waits for it instead of staying a problem.
    expect(fixed).toMatchObject({ phase: 'ERROR', severity: 'info' });
    expect(fixed.problem).toBeUndefined();
    expect(fixed.note).toContain('waiting for App Platform to re-validate');
    expect(afterTxt.problems).toBe(before.problems - 1);
  });

  it('does not create the record twice when the same fix is applied again', async () => {
    const { dns, recordsAt } = await dnsWithSandbox();
    const fix = domainCheck(await dns.checkDns(), 'odoo.insightpulseai.net').fix!;
    await dns.applyFix(fix);
    await dns.applyFix(fix);
    expect(recordsAt('insightpulseai.net', 'odoo')).toHaveLength(1);
  });

  it('deletes the dangling record, and the check has one problem less', async () => {
    const { dns, recordsAt } = await dnsWithSandbox();
    const before = await dns.checkDns();
    const after = await dns.applyFix(before.dangling[0]!.fix!);
    expect(after.dangling).toEqual([]);
    expect(after.problems).toBe(before.problems - 1);
    expect(recordsAt('taskifai.com', 'customer2')).toEqual([]);
  });

  it('flags a CNAME pointing at another tenant’s app as mismatched and corrects it in place', async () => {
    const { dns, client, hostOf, recordsAt } = await dnsWithSandbox();
    const [superset] = recordsAt('insightpulseai.net', 'superset');
    await client.updateDomainRecord('insightpulseai.net', superset!.id, {
      type: 'CNAME',
      name: 'superset',
      data: `${hostOf('mcp-coordinator')}.`,
      ttl: 3600,
    });

    const check = domainCheck(await dns.checkDns(), 'superset.insightpulseai.net');
    expect(check).toMatchObject({
      status: 'mismatched',
      severity: 'problem',
      fix: { kind: 'update', recordId: superset!.id },
    });
    expect(check.problem).toContain('(mcp-coordinator)');

    const after = await dns.applyFix(check.fix!);
    expect(domainCheck(after, 'superset.insightpulseai.net').status).toBe('ok');
    expect(recordsAt('insightpulseai.net', 'superset')).toEqual([
      expect.objectContaining({ id: superset!.id, data: hostOf('superset-analytics'), ttl: 3600 }),
    ]);
  });

  it('sees that a tenant without a CNAME of its own falls to the wildcard, which serves another app', async () => {
    const { dns, client, recordsAt } = await dnsWithSandbox();
    await client.deleteDomainRecord('taskifai.com', recordsAt('taskifai.com', 'demo')[0]!.id);
    const demo = domainCheck(await dns.checkDns(), 'demo.taskifai.com');
    expect(demo).toMatchObject({
      status: 'missing',
      record: { name: '*' },
      fix: { kind: 'create', record: { name: 'demo' } },
    });
    expect(demo.problem).toContain('the wildcard *.taskifai.com sends it to');
    expect(demo.problem).toContain('(taskifai-central)');
  });

  it('refuses a fix whose record changed since the check, and changes nothing', async () => {
    const { dns, client, recordsAt } = await dnsWithSandbox();
    const fix = domainCheck(await dns.checkDns(), 'odoo.insightpulseai.net').fix!;
    await client.createDomainRecord('insightpulseai.net', {
      type: 'CNAME',
      name: 'odoo',
      data: 'elsewhere.example.net.',
      ttl: 1800,
    });
    await expect(dns.applyFix(fix)).rejects.toMatchObject({
      code: 'stale',
      message: expect.stringContaining('Re-check'),
    });
    expect(recordsAt('insightpulseai.net', 'odoo')).toEqual([
      expect.objectContaining({ data: 'elsewhere.example.net' }),
    ]);
  });
});

describe('the check on its own', () => {
  const app = (name: string, domains: Array<{ domain: string; wildcard?: boolean }>, phase = 'ACTIVE') =>
    ({
      id: `${name}-id`,
      spec: { name, domains: domains.map((d) => ({ ...d, type: 'PRIMARY' })) },
      default_ingress: `https://${name}-abcde.ondigitalocean.app`,
      domains: domains.map((d) => ({ spec: { domain: d.domain }, phase })),
    }) as unknown as App;
  const cname = (id: number, name: string, data: string) => ({ id, type: 'CNAME' as const, name, data, ttl: 1800 });

  it('counts a name covered by a wildcard that points at its app as served', () => {
    const report = buildDnsReport(
      [app('shop', [{ domain: 'shop.example.com' }])],
      [{ name: 'example.com', records: [cname(1, '*', 'shop-abcde.ondigitalocean.app')] }],
      0,
    );
    expect(report.apps[0]!.domains[0]).toMatchObject({ status: 'wildcard', severity: 'ok', record: { name: '*' } });
    expect(report.problems).toBe(0);
  });

  it('treats an app that was never deployed as having nothing to point at, not as a problem', () => {
    const undeployed = { ...app('new', [{ domain: 'new.example.com' }], 'PENDING'), default_ingress: undefined } as App;
    const report = buildDnsReport([undeployed], [{ name: 'example.com', records: [] }], 0);
    expect(report.apps[0]!.domains[0]).toMatchObject({ status: 'no_ingress', severity: 'info' });
  });
});
