// What the sandbox's loopback DNS server answers: records from the account's zones and the zones
// hosted elsewhere, CNAME chains followed to the end (as a recursive resolver would put them in
// one answer), and App Platform hosts: a live app's *.ondigitalocean.app host is 127.0.0.1 (this
// account's apps and other teams' alike), the host of an app that no longer exists is NXDOMAIN.
import type { SandboxState } from '../state';
import { APP_PLATFORM_SUFFIX, normalizeName, recordsAt, targetOf, zoneFor } from './zones';

export type QueryType = 'A' | 'AAAA' | 'CNAME' | 'TXT';
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

export interface AnswerRecord {
  type: QueryType;
  name: string;
  ttl: number;
  data: string;
}

export interface DnsAnswer {
  rcode: Rcode;
  answers: AnswerRecord[];
}

/** Where the sandbox's App Platform edge listens: every live app host resolves here. */
export const EDGE_ADDRESS = '127.0.0.1';
const MAX_CHAIN = 8;

/** Every live App Platform host: this account's apps', and the other accounts' the sandbox knows. */
export function appHosts(state: SandboxState): Set<string> {
  const hosts = new Set<string>((state.dns?.foreignAppHosts ?? []).map(normalizeName));
  for (const { app } of state.apps.values()) {
    if (app.default_ingress) hosts.add(normalizeName(new URL(app.default_ingress).hostname));
  }
  return hosts;
}

export function answerQuery(state: SandboxState, qname: string, qtype: QueryType, depth = 0): DnsAnswer {
  const name = normalizeName(qname);
  if (depth > MAX_CHAIN) return { rcode: 'SERVFAIL', answers: [] };
  if (name.endsWith(APP_PLATFORM_SUFFIX)) {
    if (!appHosts(state).has(name)) return { rcode: 'NXDOMAIN', answers: [] };
    return { rcode: 'NOERROR', answers: qtype === 'A' ? [{ type: 'A', name, ttl: 60, data: EDGE_ADDRESS }] : [] };
  }
  const zone = state.dns ? zoneFor(state.dns, name) : undefined;
  if (!zone) return { rcode: 'NXDOMAIN', answers: [] };
  const { records, exists } = recordsAt(zone, name);
  if (!exists) return { rcode: 'NXDOMAIN', answers: [] };

  const cname = records.find((r) => r.type === 'CNAME');
  if (cname && qtype !== 'CNAME') {
    const target = targetOf(zone, cname);
    const next = answerQuery(state, target, qtype, depth + 1);
    return { rcode: next.rcode, answers: [{ type: 'CNAME', name, ttl: cname.ttl, data: target }, ...next.answers] };
  }
  const answers = records
    .filter((r) => r.type === qtype)
    .map((r) => ({ type: qtype, name, ttl: r.ttl, data: qtype === 'CNAME' ? targetOf(zone, r) : r.data }));
  return { rcode: 'NOERROR', answers };
}
