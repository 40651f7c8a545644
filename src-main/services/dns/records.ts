// Records between the API's shape and the contract's, names between relative and fully
// qualified, and what makes a record wrong before it is ever sent (said in words).
import { isIP } from 'node:net';
import {
  CAA_TAGS,
  type CaaTag,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordType,
} from '../../../src-preload/contract';
import { dnsRecordProblem } from '../../../src-preload/contract/nameRules';
import type { DomainRecord } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { HOSTNAME_PATTERN } from '../../../src-preload/contract/namePatterns';

export const APP_PLATFORM_SUFFIX = '.ondigitalocean.app';
/** Record types whose data is a hostname. */
const HOST_VALUED = new Set<DnsRecordType>(['CNAME', 'MX', 'NS', 'SRV']);
/** Labels of letters, digits, "_" and "-"; the TLD is letters or an IDN's punycode ("xn--p1ai"). */
const HOSTNAME = HOSTNAME_PATTERN;
/** The fields only some record types have; an edit that leaves one out keeps the record's own. */
const TYPE_FIELDS = ['priority', 'port', 'weight', 'flags', 'tag'] as const;

export const normalizeHost = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');

export function toDnsRecord(r: DomainRecord): DnsRecord {
  return {
    id: r.id ?? 0,
    type: r.type.toUpperCase() as DnsRecordType,
    name: r.name ?? '@',
    data: r.data ?? '',
    ttl: r.ttl ?? 1800,
    priority: r.priority ?? null,
    port: r.port ?? null,
    weight: r.weight ?? null,
    flags: r.flags ?? null,
    // The spec lists only these tags; anything else would be the API's own drift, shown as none.
    tag: CAA_TAGS.find((t) => t === r.tag) ?? null,
  };
}

/**
 * The body the API takes. Hostname data is sent fully qualified (trailing dot), which
 * DigitalOcean asks of CNAME, MX, NS and SRV records; "@" stays "@".
 */
export function toApiRecord(input: DnsRecordInput): Omit<DomainRecord, 'id'> {
  const data = input.data.trim();
  return {
    type: input.type,
    name: input.name.trim().toLowerCase(),
    data: HOST_VALUED.has(input.type) && data !== '@' && !data.endsWith('.') ? `${data}.` : data,
    ttl: input.ttl,
    priority: input.priority ?? null,
    port: input.port ?? null,
    weight: input.weight ?? null,
    // No default tag: a CAA record's tag says what it allows, and guessing "issue" would rewrite it.
    ...(input.type === 'CAA' ? { flags: input.flags ?? null, tag: input.tag ?? null } : {}),
  };
}

/** Flags 0 is what a CAA record without the critical bit has; its tag is never guessed. */
export const withCaaDefaults = (input: DnsRecordInput): DnsRecordInput =>
  input.type === 'CAA' && input.flags === undefined ? { ...input, flags: 0 } : input;

/**
 * An edit as it will be saved: every type-specific field the edit leaves out (undefined) is taken
 * from the record as it is now, so an editor that doesn't know a field can't reset it.
 */
export function withCurrentFields(edit: DnsRecordInput, current: DnsRecord): DnsRecordInput {
  const merged: DnsRecordInput = { ...edit };
  for (const field of TYPE_FIELDS) {
    if (merged[field] === undefined && current[field] !== undefined && current[field] !== null) {
      (merged as Record<string, unknown>)[field] = current[field];
    }
  }
  return merged;
}

/** The fully qualified name of a record in a zone. */
export const fqdnOf = (zone: string, name: string) => (name === '@' ? zone : `${name}.${zone}`).toLowerCase();

/** A record's target as a fully qualified name ("@" is the zone's apex). */
export const targetOf = (zone: string, record: DnsRecord) => (record.data === '@' ? zone : normalizeHost(record.data));

/** Hostnames compare without case or trailing dot; TXT values and addresses compare as written. */
export const valueOf = (zone: string, r: DnsRecordInput) =>
  HOST_VALUED.has(r.type) ? targetOf(zone, r as DnsRecord) : r.data.trim().replace(/^"|"$/g, '');

/**
 * Whether a record in the zone is the one an input describes: same type, name, value and TTL, and
 * the same value for every type-specific field the input sets. Two of them would be a duplicate.
 */
export function sameRecordAs(zone: string, record: DnsRecord, input: DnsRecordInput): boolean {
  return (
    record.type === input.type &&
    record.name.toLowerCase() === normalizeHost(input.name) &&
    valueOf(zone, record) === valueOf(zone, input) &&
    record.ttl === input.ttl &&
    TYPE_FIELDS.every((f) => input[f] === undefined || input[f] === null || record[f] === input[f])
  );
}

/** The zone that holds a name: the longest suffix among the account's zones. */
export function zoneFor(zones: readonly string[], hostname: string): string | undefined {
  const name = normalizeHost(hostname);
  return zones.filter((z) => name === z || name.endsWith(`.${z}`)).sort((a, b) => b.length - a.length)[0];
}

export const relativeTo = (zone: string, hostname: string) => {
  const name = normalizeHost(hostname);
  return name === zone ? '@' : name.slice(0, -(zone.length + 1));
};

/**
 * The records that answer for a name, as DNS would pick them (RFC 4592): its own; else, when the
 * name does not exist (no records, nothing below it), the "*" record of its closest encloser, the
 * nearest ancestor that exists. `*.example.com` covers `a.b.example.com` unless `b` exists.
 */
export function recordsAnswering(
  records: readonly DnsRecord[],
  rel: string,
): { own: DnsRecord[]; wildcard: DnsRecord[] } {
  const names = records.map((r) => r.name.toLowerCase());
  const own = records.filter((r) => r.name.toLowerCase() === rel);
  const exists = (name: string) => name === '@' || names.some((n) => n === name || n.endsWith(`.${name}`));
  if (own.length > 0 || exists(rel)) return { own, wildcard: [] };
  let encloser = rel;
  do encloser = encloser.includes('.') ? encloser.slice(encloser.indexOf('.') + 1) : '@';
  while (!exists(encloser));
  const source = encloser === '@' ? '*' : `*.${encloser}`;
  return { own, wildcard: records.filter((r) => r.name.toLowerCase() === source) };
}

const invalid = (message: string) => new ApiError({ code: 'invalid_argument', message });

/** Refuses, in words, a record DNS or DigitalOcean would not take; nothing is sent. */
export function assertRecordMakesSense(input: DnsRecordInput, zone: string): void {
  const data = input.data.trim();
  const typed = input.name.trim().toLowerCase();
  const name = normalizeHost(typed);
  // The size and label rules the bridge also checks: a record from anywhere else (a fix built by
  // the check, a test) gets the same refusal.
  const broken = dnsRecordProblem({ type: input.type, name: typed, data }, zone);
  if (broken) throw invalid(broken);
  if (name.endsWith(`.${zone}`) || name === zone) {
    throw invalid(`Record names are relative to ${zone}: write "${relativeTo(zone, name)}", not "${typed}".`);
  }
  if (typed.endsWith('.')) {
    throw invalid(
      `"${typed}" is a full name that is not in ${zone}: a record here names something under ${zone}, written relative to it ("app" for app.${zone}).`,
    );
  }
  switch (input.type) {
    case 'A':
      if (isIP(data) !== 4)
        throw invalid(`An A record's value is an IPv4 address such as 203.0.113.10; "${data}" is not one.`);
      break;
    case 'AAAA':
      if (isIP(data) !== 6)
        throw invalid(`An AAAA record's value is an IPv6 address such as 2001:db8::1; "${data}" is not one.`);
      break;
    case 'CNAME':
      if (name === '@') {
        throw invalid(
          `A CNAME can't sit at the apex of ${zone}: the apex needs its NS and SOA records, and a CNAME allows no others beside it.`,
        );
      }
      if (data !== '@' && !HOSTNAME.test(data))
        throw invalid(`A CNAME's value is a hostname such as app-xxxxx.ondigitalocean.app; "${data}" is not one.`);
      break;
    case 'MX':
      if (input.priority === null || input.priority === undefined)
        throw invalid('An MX record needs a priority (10 is usual).');
      if (data !== '@' && !HOSTNAME.test(data))
        throw invalid(`An MX record's value is a mail server's hostname; "${data}" is not one.`);
      break;
    case 'SRV':
      if ([input.priority, input.port, input.weight].some((v) => v === null || v === undefined)) {
        throw invalid('An SRV record needs a priority, a weight and a port.');
      }
      if (data !== '.' && !HOSTNAME.test(data))
        throw invalid(`An SRV record's value is the target's hostname, such as sip.example.com; "${data}" is not one.`);
      break;
    case 'CAA':
      if (!CAA_TAGS.includes(input.tag as CaaTag))
        throw invalid('A CAA record needs a tag: issue, issuewild or iodef.');
      if (input.flags === null || input.flags === undefined)
        throw invalid('A CAA record needs its flags (0, or 128 for critical).');
      break;
    case 'SOA':
      throw invalid('DigitalOcean manages the SOA record of every domain; it cannot be created or changed here.');
    default:
      break;
  }
}
