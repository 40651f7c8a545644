// Is an App Platform host that no app in this account owns really gone? Before the check offers to
// delete a record pointing at one, the host is resolved (and fetched over HTTPS when it resolves):
// a zone shared with another team can point at that team's live app. Short timeouts, and nothing
// throws: a host that can't be checked is "unknown", which never earns a delete.
import { Resolver } from 'node:dns/promises';
import type { TargetLiveness } from './check';
import { codeOf, fetchHttps, type ProbeNetwork } from './liveProbe';

/** Seconds matter here: every dangling candidate is checked before the report is shown. */
export const TARGET_DNS_TIMEOUT_MS = 1500;
export const TARGET_HTTPS_TIMEOUT_MS = 2500;

export async function checkAppTarget(
  host: string,
  network: ProbeNetwork,
  nowMs: () => number,
  timeouts = { dnsMs: TARGET_DNS_TIMEOUT_MS, httpsMs: TARGET_HTTPS_TIMEOUT_MS },
): Promise<TargetLiveness> {
  const resolver = new Resolver({ timeout: timeouts.dnsMs, tries: 1 });
  if (network.resolverServers?.length) resolver.setServers(network.resolverServers);
  let addresses: string[] = [];
  for (const lookup of [() => resolver.resolve4(host), () => resolver.resolve6(host)]) {
    try {
      addresses = await lookup();
      break;
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOTFOUND') return { state: 'gone', evidence: 'does not exist in DNS (NXDOMAIN)' };
      if (code !== 'ENODATA') {
        return { state: 'unknown', evidence: `could not be resolved (${code || 'no answer'})` };
      }
    }
  }
  const address = addresses[0];
  if (!address) return { state: 'unknown', evidence: 'exists in DNS but has no address' };
  const https = await fetchHttps(host, address, network, timeouts.httpsMs, nowMs);
  if (https.status === 404) {
    return { state: 'gone', evidence: 'resolves, but HTTPS answers 404 there (no app answers on it)' };
  }
  return {
    state: 'live',
    evidence:
      https.status !== undefined
        ? `still resolves, and HTTPS answers ${https.status}`
        : `still resolves (to ${address})`,
  };
}
