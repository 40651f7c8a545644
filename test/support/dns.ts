// The DNS service wired to a real client against a real sandbox (its Domains API, its loopback DNS
// server and HTTPS edge), plus small readers of the sandbox's zones for the stories' assertions.
import { DnsService } from '../../src-main/services/dns';
import type { AppDomainCheck, DnsCheckReport } from '../../src-preload/contract';
import { sandboxWithClient } from './sandbox';

export async function dnsWithSandbox() {
  const setup = await sandboxWithClient();
  const { sandbox } = setup;
  const dns = new DnsService(setup.client, sandbox.dns);
  const appNamed = (name: string) => {
    const record = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === name);
    if (!record) throw new Error(`no demo app ${name}`);
    return record;
  };
  const hostOf = (appName: string) => new URL(appNamed(appName).app.default_ingress!).hostname;
  /** The sandbox zone's records at a relative name, as the API stores them. */
  const recordsAt = (zone: string, name: string) =>
    sandbox.state.dns?.zones.get(zone)?.records.filter((r) => r.name === name) ?? [];
  return { ...setup, dns, appNamed, hostOf, recordsAt };
}

export function domainCheck(report: DnsCheckReport, hostname: string): AppDomainCheck {
  const found = report.apps.flatMap((a) => a.domains).find((d) => d.hostname === hostname);
  if (!found) throw new Error(`no check for ${hostname}`);
  return found;
}

export const DAY = 86_400_000;
