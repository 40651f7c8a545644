// The live check from this machine: resolve a hostname with Node's resolver (the CNAME chain,
// then addresses), open HTTPS to the first address with SNI = the hostname, and read the status,
// the Strict-Transport-Security header and the certificate's expiry. Every failure becomes a
// finding in words; nothing here throws at the caller.
import { Resolver } from 'node:dns/promises';
import { request } from 'node:https';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { DnsSeverity, LiveFinding, LiveProbe } from '../../../src-preload/contract';
import { normalizeHost } from './records';

/** Where the live check looks: the system's DNS and the internet unless told otherwise. */
export interface ProbeNetwork {
  /** DNS servers to ask ("127.0.0.1:5353"); the system's resolver when absent. */
  resolverServers?: string[];
  /** Where to open the TLS connection for a resolved address; that address, port 443, when absent. */
  connectTo?: (address: string) => { host: string; port: number };
  /** The certificates are a sandbox's own self-signed ones: read them without requiring trust. */
  selfSignedExpected?: boolean;
  timeoutMs?: number;
}

const DAY = 86_400_000;
const MAX_CNAME_CHAIN = 8;
const RANK: Record<DnsSeverity, number> = { problem: 0, warning: 1, info: 2, ok: 3 };
/** A wildcard has no name of its own to resolve: a sample sub-domain stands in for it. */
export const WILDCARD_SAMPLE_LABEL = 'fleetdeck-probe';

export async function probeHostname(hostname: string, network: ProbeNetwork, nowMs: () => number): Promise<LiveProbe> {
  const probedName = normalizeHost(hostname).replace(/^\*\./, `${WILDCARD_SAMPLE_LABEL}.`);
  const timeoutMs = network.timeoutMs ?? 5000;
  const resolver = new Resolver({ timeout: Math.min(2000, timeoutMs), tries: 2 });
  if (network.resolverServers?.length) resolver.setServers(network.resolverServers);
  const resolved = await resolve(resolver, probedName);

  const probe: LiveProbe = {
    hostname,
    probedName,
    resolver: network.resolverServers?.length ? network.resolverServers.join(', ') : 'system resolver',
    cnames: resolved.cnames,
    addresses: resolved.addresses,
    ...(resolved.error ? { resolveError: resolved.error } : {}),
    findings: [],
    probedAt: new Date(nowMs()).toISOString(),
  };
  const address = resolved.addresses[0];
  if (address) probe.https = await fetchHttps(probedName, address, network, timeoutMs, nowMs);
  probe.findings = findingsOf(probe);
  return probe;
}

async function resolve(
  resolver: Resolver,
  name: string,
): Promise<{ cnames: string[]; addresses: string[]; error?: string }> {
  const cnames: string[] = [];
  let current = name;
  for (let i = 0; i < MAX_CNAME_CHAIN; i++) {
    try {
      const [next] = await resolver.resolveCname(current);
      if (!next) break;
      cnames.push(normalizeHost(next));
      current = normalizeHost(next);
    } catch (error) {
      if (codeOf(error) === 'ENODATA') break;
      return { cnames, addresses: [], error: resolveWords(error, current, current !== name) };
    }
  }
  try {
    return { cnames, addresses: await resolver.resolve4(current) };
  } catch (error) {
    if (codeOf(error) !== 'ENODATA')
      return { cnames, addresses: [], error: resolveWords(error, current, current !== name) };
  }
  try {
    return { cnames, addresses: await resolver.resolve6(current) };
  } catch (error) {
    const words =
      codeOf(error) === 'ENODATA'
        ? `${current} has no address (A or AAAA) records, so browsers can't reach it.`
        : resolveWords(error, current, current !== name);
    return { cnames, addresses: [], error: words };
  }
}

export const codeOf = (error: unknown) => (error as { code?: string } | null)?.code ?? '';

function resolveWords(error: unknown, name: string, isTarget: boolean): string {
  switch (codeOf(error)) {
    case 'ENOTFOUND':
      return isTarget
        ? `The CNAME points at ${name}, which does not exist in DNS (NXDOMAIN): nothing answers there.`
        : `${name} does not exist in DNS (NXDOMAIN): there is no record for it.`;
    case 'ETIMEOUT':
      return `The DNS server did not answer for ${name} in time.`;
    case 'ECONNREFUSED':
      return 'The DNS server refused the connection.';
    case 'ESERVFAIL':
      return `The DNS server failed to answer for ${name} (SERVFAIL): a broken delegation or CNAME loop.`;
    case 'EREFUSED':
      return `The DNS server refused to answer for ${name}.`;
    default:
      return `Resolving ${name} failed: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

export function fetchHttps(
  hostname: string,
  address: string,
  network: ProbeNetwork,
  timeoutMs: number,
  nowMs: () => number,
): Promise<NonNullable<LiveProbe['https']>> {
  const target = network.connectTo?.(address) ?? { host: address, port: 443 };
  const connectedTo = network.connectTo ? `${address} (via ${target.host}:${target.port})` : `${address}:443`;
  return new Promise((settle) => {
    const req = request({
      host: target.host,
      port: target.port,
      servername: hostname,
      method: 'GET',
      path: '/',
      headers: { host: hostname, 'user-agent': 'Fleetdeck live check' },
      // Only the sandbox's own self-signed certificates are read without trust; a real host's
      // untrusted certificate fails the handshake and is reported as a finding.
      rejectUnauthorized: !network.selfSignedExpected,
      agent: false,
      timeout: timeoutMs,
    });
    req.on('response', (res) => {
      const cert = (res.socket as TLSSocket).getPeerCertificate();
      const hsts = res.headers['strict-transport-security'];
      res.resume();
      settle({
        connectedTo,
        status: res.statusCode,
        ...(hsts ? { hsts } : {}),
        ...certificateFacts(hostname, cert, network, nowMs),
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => settle({ connectedTo, error: httpsWords(error, hostname, target.host, timeoutMs) }));
    req.end();
  });
}

function certificateFacts(hostname: string, cert: PeerCertificate, network: ProbeNetwork, nowMs: () => number) {
  if (!cert || !cert.valid_to) return {};
  const names = [cert.subject?.CN, ...(cert.subjectaltname ?? '').split(',').map((s) => s.trim().replace(/^DNS:/, ''))]
    .filter((n): n is string => !!n)
    .filter((n, i, all) => all.indexOf(n) === i);
  const expiresAt = new Date(cert.valid_to).toISOString();
  // Trust was waived for the sandbox, not the name check: a certificate for another name is a finding.
  const mismatch = network.selfSignedExpected ? checkServerIdentity(hostname, cert) : undefined;
  return {
    certificateNames: names,
    certificateExpiresAt: expiresAt,
    certificateDaysLeft: Math.floor((Date.parse(expiresAt) - nowMs()) / DAY),
    ...(mismatch
      ? {
          error: `The certificate is for ${names.join(', ')}, not ${hostname}: this name has no certificate of its own yet.`,
        }
      : {}),
  };
}

function httpsWords(error: Error, hostname: string, host: string, timeoutMs: number): string {
  switch (codeOf(error)) {
    case 'ECONNREFUSED':
      return `Nothing accepts HTTPS connections at ${host} (connection refused).`;
    case 'ETIMEDOUT':
      return `No HTTPS answer from ${host} within ${Math.round(timeoutMs / 1000)} s.`;
    case 'ECONNRESET':
      return 'The connection was reset during the TLS handshake.';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'The certificate is not trusted: it is self-signed, and browsers will refuse it.';
    case 'CERT_HAS_EXPIRED':
      return 'The certificate has expired: browsers will refuse it.';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The certificate does not cover ${hostname}: browsers will refuse it.`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'The certificate is not trusted: its chain can’t be verified (a missing intermediate certificate?).';
    default:
      return `HTTPS failed: ${error.message}.`;
  }
}

function findingsOf(probe: LiveProbe): LiveFinding[] {
  const out: LiveFinding[] = [];
  if (probe.resolveError) out.push({ severity: 'problem', text: probe.resolveError });
  else if (probe.addresses.length > 0) {
    const chain = [probe.probedName, ...probe.cnames].join(' → ');
    out.push({ severity: 'ok', text: `Resolves: ${chain} → ${probe.addresses.join(', ')}.` });
  }
  const https = probe.https;
  if (https) {
    if (https.error) out.push({ severity: 'problem', text: https.error });
    if (https.status !== undefined) {
      out.push(
        https.status < 400
          ? { severity: 'ok', text: `HTTPS answers ${https.status}.` }
          : {
              severity: 'problem',
              text: `HTTPS answers ${https.status}${https.status === 404 ? ': no app answers on this name' : ''}.`,
            },
      );
      out.push(
        https.hsts
          ? { severity: 'ok', text: `HSTS: ${https.hsts}.` }
          : { severity: 'warning', text: 'No Strict-Transport-Security header: browsers may try plain HTTP first.' },
      );
    }
    const days = https.certificateDaysLeft;
    // A certificate for other names (the only error that comes with certificate facts) is no
    // certificate for this one: its days left must not read as good news.
    if (days !== undefined && https.error && https.certificateNames) {
      out.push({
        severity: 'info',
        text: `That other certificate runs ${days} more days; it does not cover this name.`,
      });
    } else if (days !== undefined) {
      if (days < 0) out.push({ severity: 'problem', text: `The certificate expired ${-days} days ago.` });
      else if (days < 14) out.push({ severity: 'problem', text: `The certificate expires in ${days} days.` });
      else if (days < 30) out.push({ severity: 'warning', text: `The certificate expires in ${days} days.` });
      else out.push({ severity: 'ok', text: `The certificate is valid for ${days} more days.` });
    }
  }
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
