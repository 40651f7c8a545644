// @vitest-environment jsdom
// The founder fixed odoo's CNAME and TXT. App Platform still says ERROR, which only it can clear:
// the row must say the domain is fixed and waiting, offer a Re-check that reads the phase again
// and says what it found; and a live check that meets a certificate for other names must not show
// its days left in green beside "not for this name".
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppDomainCheck, DnsCheckReport, LiveProbe, Result } from '../../../src-preload/contract';
import { useDnsStore } from '../../../src-renderer/stores/dnsStore';
import { CheckReport } from '../../../src-renderer/views/dns/CheckReport';
import { LiveProbeResult } from '../../../src-renderer/views/dns/LiveProbeResult';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useDnsStore.setState({ report: { loading: false }, rechecks: {} });
});

// What main's check says of odoo after both fixes (dns-check.test.ts reads it from the sandbox).
const fixedOdoo = {
  hostname: 'odoo.insightpulseai.net',
  type: 'PRIMARY',
  phase: 'ERROR',
  validations: [{ txtName: '_acme-challenge.odoo.insightpulseai.net', txtValue: 'v', state: 'present' }],
  managedByAppPlatform: false,
  zone: 'insightpulseai.net',
  status: 'ok',
  severity: 'info',
  record: { id: 7, type: 'CNAME', name: 'odoo', data: 'odoo-saas-platform-x1y2z.ondigitalocean.app.', ttl: 1800 },
  expectedTarget: 'odoo-saas-platform-x1y2z.ondigitalocean.app',
  note: 'Fixed on the DNS side: waiting for App Platform to re-validate.',
} as unknown as AppDomainCheck;

const reportWith = (domain: AppDomainCheck, checkedAt = '2026-12-03T07:40:00Z') =>
  ({
    checkedAt,
    apps: [
      { appId: 'odoo', appName: 'odoo-saas-platform', defaultIngressHost: domain.expectedTarget, domains: [domain] },
    ],
    appsWithoutDomains: 0,
    zones: ['insightpulseai.net'],
    dangling: [],
    unserved: [],
    problems: 0,
    warnings: 0,
  }) as DnsCheckReport;

function Report() {
  const report = useDnsStore((s) => s.report.value);
  const rechecks = useDnsStore((s) => s.rechecks);
  if (!report) return null;
  return (
    <CheckReport
      report={report}
      probes={{}}
      rechecks={rechecks}
      onFix={() => {}}
      onProbe={() => {}}
      onRecheck={(h) => void useDnsStore.getState().recheck(h)}
    />
  );
}

const odooRow = () =>
  document.querySelector<HTMLElement>('[data-testid="dns-domain-row"][data-hostname="odoo.insightpulseai.net"]')!;

describe('a domain fixed on the DNS side while App Platform still reports ERROR', () => {
  it('is shown as fixed and waiting, not as a problem, and Re-check says App Platform still reports ERROR', async () => {
    const checkDns = vi.fn(async (): Promise<Result<DnsCheckReport>> => ({
      ok: true,
      value: reportWith(fixedOdoo, '2026-12-03T07:45:00Z'),
    }));
    vi.stubGlobal('fleet', { checkDns });
    useDnsStore.setState({ report: { value: reportWith(fixedOdoo), loading: false } });
    render(<Report />);

    const row = odooRow();
    expect(row.className).not.toContain('dns-domain--problem');
    expect(within(row).getByTestId('dns-waiting').textContent).toBe('fixed, waiting for App Platform to re-validate');
    expect(within(row).queryByTestId('dns-fix-button')).toBeNull();

    fireEvent.click(within(row).getByTestId('dns-recheck-button'));
    expect(await within(odooRow()).findByTestId('dns-recheck-result')).toHaveProperty(
      'textContent',
      expect.stringMatching(/^Re-checked at \d\d:\d\d:\d\d: App Platform still reports ERROR\.$/),
    );
    expect(checkDns).toHaveBeenCalledTimes(1);
  });

  it('a domain whose record is still missing keeps its problem and its Fix', () => {
    const missing = {
      hostname: 'odoo.insightpulseai.net',
      type: 'PRIMARY',
      phase: 'ERROR',
      validations: [],
      managedByAppPlatform: false,
      status: 'missing',
      severity: 'problem',
      expectedTarget: 'odoo.ondigitalocean.app',
      problem: 'No record for odoo.insightpulseai.net.',
      fix: {
        kind: 'create',
        domain: 'insightpulseai.net',
        record: { type: 'CNAME', name: 'odoo', data: 'x.', ttl: 1800 },
        summary: 'Create',
      },
    } as unknown as AppDomainCheck;
    const report = {
      apps: [{ appId: 'a', appName: 'odoo-saas-platform', defaultIngressHost: 'x', domains: [missing] }],
      appsWithoutDomains: 0,
    } as unknown as DnsCheckReport;
    render(
      <CheckReport
        report={report}
        probes={{}}
        rechecks={{}}
        onFix={() => {}}
        onProbe={() => {}}
        onRecheck={() => {}}
      />,
    );
    expect(odooRow().className).toContain('dns-domain--problem');
    expect(within(odooRow()).queryByTestId('dns-waiting')).toBeNull();
    expect(within(odooRow()).getByTestId('dns-fix-button')).toBeTruthy();
  });
});

/** acme.taskifai.com answering with a certificate for these names, 46 days from expiry. */
const probeWith = (names: string[]): LiveProbe => ({
  hostname: 'acme.taskifai.com',
  probedName: 'acme.taskifai.com',
  resolver: '127.0.0.1:53',
  cnames: ['taskifai-central-a1b2c.ondigitalocean.app'],
  addresses: ['127.0.0.1'],
  https: { connectedTo: '127.0.0.1:443', status: 404, certificateNames: names, certificateDaysLeft: 46 },
  findings: [],
  probedAt: '2026-12-03T07:40:00Z',
});

describe('a live check that meets a certificate for other names', () => {
  it('says the certificate is not for this name instead of a green count of days', async () => {
    render(
      <LiveProbeResult state={{ value: probeWith(['*.ondigitalocean.app', 'ondigitalocean.app']), loading: false }} />,
    );
    const cert = screen.getByTestId('dns-probe-cert');
    expect(cert.textContent).toContain('not for this name');
    expect(cert.textContent).not.toMatch(/days left/);
    expect(cert.querySelector('.badge--success')).toBeNull();
  });

  it('still shows the days left when the certificate is for the name', async () => {
    render(<LiveProbeResult state={{ value: probeWith(['*.taskifai.com']), loading: false }} />);
    expect(screen.getByTestId('dns-probe-cert').textContent).toMatch(/^\d+ days left$/);
  });
});
