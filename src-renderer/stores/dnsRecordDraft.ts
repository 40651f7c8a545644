// The DNS record editor's draft: what the founder types (text fields), turned into a record the
// API takes, or into words on what is wrong, before anything is sent.
import type { DnsRecord, DnsRecordInput, DnsRecordType, FleetError } from '../../src-preload/contract';
import { CAA_TAGS } from '../../src-preload/contract';
import { WILDCARD_HOSTNAME_PATTERN } from '../../src-preload/contract/namePatterns';

export interface RecordDraft {
  type: DnsRecordType;
  name: string;
  data: string;
  ttl: string;
  /** MX and SRV. */
  priority: string;
  /** SRV. */
  weight: string;
  port: string;
  /** CAA: 0, or 128 when the CA must understand the tag (critical). */
  flags: string;
  /** CAA: issue, issuewild or iodef. */
  tag: string;
}

export const EMPTY_DRAFT: RecordDraft = {
  type: 'CNAME',
  name: '',
  data: '',
  ttl: '1800',
  priority: '',
  weight: '',
  port: '',
  flags: '0',
  tag: 'issue',
};

// The same names the bridge accepts (a "*." prefix allowed); checked here first so a typo gets
// words for people, not the bridge's.
const HOSTNAME = WILDCARD_HOSTNAME_PATTERN;

/** A typed or pasted hostname ("https://App.example.com/path" too), or undefined if it is none. */
export function hostnameFrom(typed: string): string | undefined {
  const name = typed
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return name.length <= 253 && HOSTNAME.test(name) ? name : undefined;
}

const invalid = (message: string): FleetError => ({ code: 'invalid_argument', message });
const text = (value: number | null | undefined) => (value == null ? '' : String(value));
/** A whole number from 0 to max, or undefined. */
function wholeNumber(typed: string, max: number): number | undefined {
  const value = Number(typed);
  return typed.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;
}

/** An existing record in the editor: every field it has, so saving changes only what was edited. */
export function recordToDraft(record: DnsRecord): RecordDraft {
  return {
    type: record.type,
    name: record.name,
    data: record.data,
    ttl: String(record.ttl),
    priority: text(record.priority),
    weight: text(record.weight),
    port: text(record.port),
    flags: text(record.flags),
    tag: record.tag ?? '',
  };
}

/** The draft as a record, or what is wrong with it in words. */
export function draftToRecord(draft: RecordDraft): { record: DnsRecordInput } | { error: FleetError } {
  const ttl = Number(draft.ttl);
  if (!draft.name.trim())
    return {
      error: invalid(
        'Give the record a name: "@" for the domain itself, "*" for every sub-domain, or a label such as "app".',
      ),
    };
  if (!draft.data.trim()) return { error: invalid('Give the record a value.') };
  if (!Number.isInteger(ttl) || ttl < 30 || ttl > 86400)
    return { error: invalid('The TTL is a whole number of seconds between 30 and 86400.') };
  const record: DnsRecordInput = { type: draft.type, name: draft.name.trim(), data: draft.data.trim(), ttl };
  if (draft.type === 'MX') {
    const priority = wholeNumber(draft.priority, 65535);
    if (priority === undefined) return { error: invalid('The priority is a whole number (10 is usual for MX).') };
    record.priority = priority;
  }
  if (draft.type === 'SRV') {
    const [priority, weight, port] = [draft.priority, draft.weight, draft.port].map((v) => wholeNumber(v, 65535));
    if (priority === undefined || weight === undefined || port === undefined) {
      return {
        error: invalid('An SRV record needs a priority, a weight and a port: whole numbers from 0 to 65535.'),
      };
    }
    Object.assign(record, { priority, weight, port });
  }
  if (draft.type === 'CAA') {
    const flags = wholeNumber(draft.flags, 255);
    if (flags === undefined)
      return { error: invalid('The flags are a whole number from 0 to 255 (0, or 128 for critical).') };
    const tag = CAA_TAGS.find((t) => t === draft.tag);
    if (!tag) return { error: invalid('Choose the CAA tag: issue, issuewild or iodef.') };
    Object.assign(record, { flags, tag });
  }
  return { record };
}
