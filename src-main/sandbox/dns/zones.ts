// The sandbox's DNS world: the zones on the DigitalOcean account (what /v2/domains serves), zones
// hosted at other providers (answered only by the loopback DNS server, as the rest of the
// internet would), the few hosts a founder serves from a server of their own, and the App Platform
// hosts of apps in other accounts. One lookup rule (exact name, else the "*" wildcard of the
// closest existing ancestor, RFC 4592) serves the DNS server and the HTTPS edge.
import type { DomainRecord } from '../../clients/digitalocean/types';

export interface StoredRecord extends Omit<DomainRecord, 'id'> {
  id: number;
  name: string;
  data: string;
  ttl: number;
}

export interface SandboxZone {
  name: string;
  ttl: number;
  records: StoredRecord[];
}

/** A host served by a server of the founder's own (not App Platform), e.g. a marketing site. */
export interface OriginServer {
  hostname: string;
  status: number;
  hsts?: string;
  certificateExpiresAt: string;
}

export interface SandboxDns {
  /** Zones on the account, by name. */
  zones: Map<string, SandboxZone>;
  /** Zones at other DNS providers: not in the API, but the loopback DNS server answers them. */
  elsewhere: SandboxZone[];
  origins: OriginServer[];
  /** The Strict-Transport-Security header each app sends, by app name; none when absent. */
  hstsByApp: Record<string, string>;
  /**
   * Live *.ondigitalocean.app hosts of apps in other DigitalOcean accounts (another team's): they
   * resolve and answer like any live app, but this account's API does not list their apps.
   */
  foreignAppHosts: string[];
  nextRecordId: number;
}

export const DIGITALOCEAN_NAMESERVERS = ['ns1.digitalocean.com', 'ns2.digitalocean.com', 'ns3.digitalocean.com'];
export const APP_PLATFORM_SUFFIX = '.ondigitalocean.app';

export function emptyDns(): SandboxDns {
  return { zones: new Map(), elsewhere: [], origins: [], hstsByApp: {}, foreignAppHosts: [], nextRecordId: 3_352_896 };
}

export const normalizeName = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');

/** A record as the API returns it: unused attributes are null, not absent. */
export function storeRecord(
  dns: SandboxDns,
  input: Omit<DomainRecord, 'id'> & { name: string; data: string },
  defaultTtl = 1800,
): StoredRecord {
  const record: StoredRecord = {
    id: dns.nextRecordId++,
    type: input.type.toUpperCase(),
    name: input.name,
    data: input.data,
    priority: input.priority ?? null,
    port: input.port ?? null,
    ttl: input.ttl ?? defaultTtl,
    weight: input.weight ?? null,
    flags: input.flags ?? null,
    tag: input.tag ?? null,
  };
  return record;
}

/** A new zone with the NS and SOA records DigitalOcean creates for every domain. */
export function newZone(dns: SandboxDns, name: string, ttl = 1800): SandboxZone {
  const zone: SandboxZone = { name, ttl, records: [] };
  for (const ns of DIGITALOCEAN_NAMESERVERS)
    zone.records.push(storeRecord(dns, { type: 'NS', name: '@', data: ns, ttl }));
  zone.records.push(storeRecord(dns, { type: 'SOA', name: '@', data: '1800', ttl }));
  return zone;
}

/** The zone text GET /v2/domains/{name} returns in `zone_file`. */
export function zoneFile(zone: SandboxZone): string {
  const fqdn = (name: string) => (name === '@' ? `${zone.name}.` : `${name}.${zone.name}.`);
  const lines = [
    `$ORIGIN ${zone.name}.`,
    `$TTL ${zone.ttl}`,
    `${zone.name}. IN SOA ns1.digitalocean.com. hostmaster.${zone.name}. 1415982609 10800 3600 604800 1800`,
  ];
  for (const r of zone.records) {
    if (r.type === 'SOA') continue;
    const data =
      r.type === 'TXT'
        ? `"${r.data}"`
        : ['CNAME', 'NS', 'MX'].includes(r.type) && r.data !== '@'
          ? `${r.data}.`
          : r.data;
    const priority = r.type === 'MX' || r.type === 'SRV' ? `${r.priority ?? 0} ` : '';
    lines.push(`${fqdn(r.name)} ${r.ttl} IN ${r.type} ${priority}${data}`);
  }
  return lines.join('\n') + '\n';
}

/** The zone (on the account or elsewhere) that holds a fully qualified name: the longest suffix wins. */
export function zoneFor(dns: SandboxDns, fqdn: string): SandboxZone | undefined {
  const name = normalizeName(fqdn);
  let best: SandboxZone | undefined;
  for (const zone of [...dns.zones.values(), ...dns.elsewhere]) {
    if (name !== zone.name && !name.endsWith(`.${zone.name}`)) continue;
    if (!best || zone.name.length > best.name.length) best = zone;
  }
  return best;
}

export function relativeName(zone: SandboxZone, fqdn: string): string {
  const name = normalizeName(fqdn);
  return name === zone.name ? '@' : name.slice(0, -(zone.name.length + 1));
}

/** A record's target as a fully qualified name ("@" is the zone's apex). */
export function targetOf(zone: SandboxZone, record: StoredRecord): string {
  return record.data === '@' ? zone.name : normalizeName(record.data);
}

/**
 * The records that answer for a name: its own; else, when the name does not exist (no records,
 * nothing below it: a name with only children is an empty non-terminal, which exists), the "*"
 * record of its closest encloser, the nearest ancestor that exists (RFC 4592 section 3.3.1).
 */
export function recordsAt(
  zone: SandboxZone,
  fqdn: string,
): { records: StoredRecord[]; exists: boolean; viaWildcard: boolean } {
  const rel = relativeName(zone, fqdn);
  const names = zone.records.map((r) => r.name.toLowerCase());
  const exists = (name: string) => name === '@' || names.some((n) => n === name || n.endsWith(`.${name}`));
  const own = zone.records.filter((r) => r.name.toLowerCase() === rel);
  if (own.length > 0 || exists(rel)) return { records: own, exists: true, viaWildcard: false };
  let encloser = rel;
  do encloser = encloser.includes('.') ? encloser.slice(encloser.indexOf('.') + 1) : '@';
  while (!exists(encloser));
  const source = encloser === '@' ? '*' : `*.${encloser}`;
  const wildcard = zone.records.filter((r) => r.name.toLowerCase() === source);
  return { records: wildcard, exists: wildcard.length > 0, viaWildcard: wildcard.length > 0 };
}
