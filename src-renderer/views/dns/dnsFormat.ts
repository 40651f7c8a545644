// Words and badge tones for the DNS view: record status, domain phase, certificate days, records.
import type { AppDomainPhase, DnsRecordInput, DnsRecordStatus, DnsSeverity } from '../../../src-preload/contract';
import type { Tone } from '../../format';

export const STATUS_LABEL: Record<DnsRecordStatus, string> = {
  ok: 'ok',
  wildcard: 'wildcard',
  missing: 'missing',
  mismatched: 'mismatched',
  apex: 'apex',
  managed: 'App Platform managed',
  external: 'external DNS',
  no_ingress: 'not deployed',
};

export const STATUS_TONE: Record<DnsRecordStatus, Tone> = {
  ok: 'success',
  wildcard: 'success',
  missing: 'danger',
  mismatched: 'danger',
  apex: 'warning',
  managed: 'neutral',
  external: 'muted',
  no_ingress: 'muted',
};

export const STATUS_TITLE: Record<DnsRecordStatus, string> = {
  ok: 'A CNAME of its own points at the app’s default ingress host',
  wildcard: 'No record of its own; a wildcard CNAME pointing at the app covers it',
  missing: 'Nothing in this account’s DNS points it at the app',
  mismatched: 'Its record points somewhere else',
  apex: 'The apex of a zone can’t be a CNAME, and DigitalOcean DNS has no ALIAS records',
  managed: 'App Platform manages this zone’s records itself (spec.domains[].zone)',
  external: 'The zone is not in this account',
  no_ingress: 'The app has no default ingress host yet',
};

export const PHASE_TONE: Record<AppDomainPhase, Tone> = {
  ACTIVE: 'success',
  PENDING: 'progress',
  CONFIGURING: 'progress',
  ERROR: 'danger',
  UNKNOWN: 'muted',
};

export const SEVERITY_TONE: Record<DnsSeverity, Tone> = {
  ok: 'success',
  info: 'neutral',
  warning: 'warning',
  problem: 'danger',
};

export function certTone(daysLeft: number): Tone {
  if (daysLeft < 14) return 'danger';
  if (daysLeft < 30) return 'warning';
  return 'success';
}

export const daysText = (days: number) =>
  days < 0 ? `expired ${-days} d ago` : days === 1 ? '1 day left' : `${days} days left`;

/**
 * A record's value as a zone file writes it, with the fields its type has: "10 mx.zoho.eu" (MX),
 * "10 60 5061 sip.example.com" (SRV: priority, weight, port), "0 issuewild letsencrypt.org" (CAA).
 */
export function recordValue(record: DnsRecordInput, { exact = false } = {}): string {
  // Hostnames drop their trailing dot ("." alone, SRV's "no service", stays); text keeps its own.
  // Exact: as it will be sent (a fix's confirmation shows precisely that).
  const hostValued = ['CNAME', 'MX', 'NS', 'SRV'].includes(record.type);
  const data = hostValued && !exact ? record.data.replace(/(.)\.$/, '$1') : record.data;
  const n = (v: number | null | undefined) => (v == null ? '?' : String(v));
  switch (record.type) {
    case 'MX':
      return record.priority != null ? `${record.priority} ${data}` : data;
    case 'SRV':
      return `${n(record.priority)} ${n(record.weight)} ${n(record.port)} ${data}`;
    case 'CAA':
      return `${n(record.flags)} ${record.tag ?? '?'} ${data}`;
    default:
      return data;
  }
}

/** "CNAME odoo → host.ondigitalocean.app". */
export function recordText(record: DnsRecordInput): string {
  return `${record.type} ${record.name} → ${recordValue(record)}`;
}

export const fqdn = (zone: string, name: string) => (name === '@' ? zone : `${name}.${zone}`);
