// The founder checks a hostname live from the laptop: Node's own resolver asks the sandbox's DNS
// server, a real TLS handshake reaches the sandbox's HTTPS edge with SNI = the hostname, and the
// answer comes back in words: where the name resolves, the HTTPS status, HSTS, certificate days.
import { describe, expect, it } from 'vitest';
import { DAY, dnsWithSandbox, domainCheck } from '../../support/dns';
import { FIXED_NOW } from '../../support/sandbox';
import { DnsService } from '../../../src-main/services/dns';
import { DANGLING_HOST, TASKIFAI_APEX_SERVER } from '../../../src-main/sandbox/seed/dnsZones';

describe('the live check against the sandbox’s DNS server and HTTPS edge', () => {
  it('follows a tenant’s CNAME to its App Platform host and reads status, HSTS and certificate days', async () => {
    const { dns, sandbox, hostOf, appNamed } = await dnsWithSandbox();
    const probe = await dns.probeHost('demo.taskifai.com');

    expect(probe.resolver).toBe(sandbox.dns.resolverServers[0]);
    expect(probe.cnames).toEqual([hostOf('taskifai-demo')]);
    expect(probe.addresses).toEqual(['127.0.0.1']);
    const expiresAt = appNamed('taskifai-demo').app.domains![0]!.certificate_expires_at!;
    expect(probe.https).toMatchObject({
      status: 200,
      hsts: 'max-age=31536000',
      certificateNames: ['demo.taskifai.com'],
      certificateDaysLeft: Math.floor((Date.parse(expiresAt) - FIXED_NOW) / DAY),
    });
    expect(probe.https?.error).toBeUndefined();
    expect(probe.findings.every((f) => f.severity === 'ok')).toBe(true);
  });

  it('warns that the apex’s own server has a certificate running out within the week', async () => {
    const { dns } = await dnsWithSandbox();
    const probe = await dns.probeHost('taskifai.com');
    expect(probe.addresses).toEqual([TASKIFAI_APEX_SERVER]);
    expect(probe.https?.certificateDaysLeft).toBe(6);
    expect(probe.findings[0]).toEqual({ severity: 'problem', text: 'The certificate expires in 6 days.' });
  });

  it('reports a name that does not exist (NXDOMAIN) in words, not as a failure', async () => {
    const { dns } = await dnsWithSandbox();
    const probe = await dns.probeHost('nobody.insightpulseai.net');
    expect(probe.addresses).toEqual([]);
    expect(probe.resolveError).toBe(
      'nobody.insightpulseai.net does not exist in DNS (NXDOMAIN): there is no record for it.',
    );
    expect(probe.https).toBeUndefined();
    expect(probe.findings).toEqual([{ severity: 'problem', text: probe.resolveError }]);
  });

  it('shows that the dangling record leads to an App Platform host that no longer exists', async () => {
    const { dns } = await dnsWithSandbox();
    const probe = await dns.probeHost('customer2.taskifai.com');
    expect(probe.cnames).toEqual([DANGLING_HOST]);
    expect(probe.resolveError).toContain(
      `The CNAME points at ${DANGLING_HOST}, which does not exist in DNS (NXDOMAIN)`,
    );
  });

  it('notices that a domain App Platform is still validating has no certificate of its own and no app behind it yet', async () => {
    const { dns } = await dnsWithSandbox();
    const probe = await dns.probeHost('customer3.taskifai.com');
    expect(probe.https).toMatchObject({
      status: 404,
      certificateNames: ['*.ondigitalocean.app', 'ondigitalocean.app'],
    });
    expect(probe.https?.error).toContain('not customer3.taskifai.com');
    expect(probe.findings.filter((f) => f.severity === 'problem')).toHaveLength(2);
    expect(probe.findings).toContainEqual({
      severity: 'warning',
      text: 'No Strict-Transport-Security header: browsers may try plain HTTP first.',
    });
  });

  it('does not count the days left on a certificate for other names as good news', async () => {
    const { dns } = await dnsWithSandbox();
    const probe = await dns.probeHost('customer3.taskifai.com');
    const days = probe.findings.filter((f) => /more days/.test(f.text));
    expect(days).toEqual([
      {
        severity: 'info',
        text: `That other certificate runs ${probe.https!.certificateDaysLeft} more days; it does not cover this name.`,
      },
    ]);
    expect(probe.findings.some((f) => f.severity === 'ok' && /certificate/i.test(f.text))).toBe(false);
  });

  it('resolves a name once its missing record is fixed', async () => {
    const { dns, hostOf } = await dnsWithSandbox();
    const before = await dns.probeHost('odoo.insightpulseai.net');
    expect(before.resolveError).toContain('NXDOMAIN');
    await dns.applyFix(domainCheck(await dns.checkDns(), 'odoo.insightpulseai.net').fix!);
    const after = await dns.probeHost('odoo.insightpulseai.net');
    expect(after.cnames).toEqual([hostOf('odoo-saas-platform')]);
    expect(after.addresses).toEqual(['127.0.0.1']);
  });

  it('probes a wildcard through a sample sub-domain', async () => {
    const { dns, hostOf } = await dnsWithSandbox();
    const probe = await dns.probeHost('*.taskifai.com');
    expect(probe.probedName).toBe('fleetdeck-probe.taskifai.com');
    expect(probe.cnames).toEqual([hostOf('taskifai-central')]);
    expect(probe.https?.certificateNames).toEqual(['taskifai.com', '*.taskifai.com']);
  });

  it('reports an untrusted certificate on a real host as a finding, without reading past it', async () => {
    const { client, sandbox } = await dnsWithSandbox();
    // The real-host path: trust is required, as it is for every non-sandbox host.
    const strict = new DnsService(client, { ...sandbox.dns, selfSignedExpected: false });
    const probe = await strict.probeHost('demo.taskifai.com');
    expect(probe.https?.status).toBeUndefined();
    expect(probe.https?.error).toBe('The certificate is not trusted: it is self-signed, and browsers will refuse it.');
    expect(probe.findings[0]!.severity).toBe('problem');
  });

  it('says so when the DNS server does not answer', async () => {
    const { client, sandbox } = await dnsWithSandbox();
    // A loopback port with nothing behind it: the resolver gives up instead of hanging.
    const silent = new DnsService(client, { ...sandbox.dns, resolverServers: ['127.0.0.1:9'], timeoutMs: 300 });
    const probe = await silent.probeHost('demo.taskifai.com');
    expect(probe.resolveError).toMatch(/did not answer|refused/);
  });
});
