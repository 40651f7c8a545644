// The DNS rules a name or value must keep before any request is sent (RFC 1035 sizes, and what a
// zone file can't hold). One module, so the bridge's request schema and the DNS service refuse
// exactly the same things, in the same words. Each rule answers with the broken rule in words, or
// undefined when the input keeps it.
import type { DnsRecordType } from './dns';

/** A name is at most 253 characters written without its trailing dot (255 octets on the wire). */
export const DNS_NAME_MAX = 253;
export const DNS_LABEL_MAX = 63;

/** Record types whose value is a hostname. */
const HOST_VALUED: readonly DnsRecordType[] = ['CNAME', 'MX', 'NS', 'SRV'];
/** Record types whose value is free text, which a zone file can only hold on one line. */
const TEXT_VALUED: readonly DnsRecordType[] = ['TXT', 'CAA'];

// A name long enough to break a rule would drown the message it is quoted in.
const quoted = (text: string) => `"${text.length > 70 ? `${text.slice(0, 60)}…` : text}"`;

/**
 * The label and length rules of a hostname, as written: one trailing dot is allowed (a fully
 * qualified name), "*" is a label like any other.
 */
export function dnsNameProblem(name: string): string | undefined {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.split('.').some((label) => label === '')) {
    return `A DNS name has no empty labels (two dots in a row, or a dot first): ${quoted(name)}.`;
  }
  const long = bare.split('.').find((label) => label.length > DNS_LABEL_MAX);
  if (long) return `A DNS label is at most ${DNS_LABEL_MAX} characters: ${quoted(long)} has ${long.length}.`;
  if (bare.length > DNS_NAME_MAX) {
    return `A DNS name is at most ${DNS_NAME_MAX} characters: ${quoted(bare)} has ${bare.length}.`;
  }
  return undefined;
}

/**
 * A record's name, relative to its zone ("@" is the apex). With the zone known, the full name the
 * record makes must fit too. A name typed in full (trailing dot, or ending in the zone) is not
 * joined to the zone again: the service says what to write instead.
 */
export function recordNameProblem(name: string, zone?: string): string | undefined {
  if (name === '@') return undefined;
  const own = dnsNameProblem(name);
  if (own || !zone) return own;
  const lower = name.toLowerCase();
  if (lower.endsWith('.') || lower === zone || lower.endsWith(`.${zone}`)) return undefined;
  const full = `${name}.${zone}`;
  return full.length > DNS_NAME_MAX
    ? `A DNS name is at most ${DNS_NAME_MAX} characters: ${quoted(full)} has ${full.length}.`
    : undefined;
}

/** A record's value: hostnames keep the name rules; text stays on one line without NUL bytes. */
export function recordValueProblem(type: DnsRecordType, data: string): string | undefined {
  if (HOST_VALUED.includes(type)) {
    // "@" is the zone's apex; "." is an SRV record saying "no such service here".
    if (data === '@' || (type === 'SRV' && data === '.')) return undefined;
    const problem = dnsNameProblem(data);
    return problem && `${problem} (the ${type} record's value)`;
  }
  if (TEXT_VALUED.includes(type)) {
    if (data.includes('\0')) return `A ${type} record's value can't contain a NUL character.`;
    if (/[\r\n]/.test(data)) return `A ${type} record's value is one line: it can't contain a line break.`;
  }
  return undefined;
}

/** The first rule a record breaks, name before value; undefined when it keeps them all. */
export function dnsRecordProblem(
  record: { type: DnsRecordType; name: string; data: string },
  zone?: string,
): string | undefined {
  return recordNameProblem(record.name, zone) ?? recordValueProblem(record.type, record.data);
}
