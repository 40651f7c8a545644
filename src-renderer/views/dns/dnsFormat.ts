// Words and badge tones for the DNS view: record status, domain phase, certificate days, records.
import type {
  AppDomainCheck,
  AppDomainPhase,
  DnsRecordInput,
  DnsRecordStatus,
  DnsSeverity,
} from '../../../src-preload/contract';
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

/**
 * Whether a certificate's names cover the hostname: exactly, or by a wildcard one label deep
 * ("*.taskifai.com" covers "acme.taskifai.com", not "taskifai.com" or "a.b.taskifai.com").
 * Unknown names are taken as covering: the days then speak for themselves.
 */
export function certificateCovers(names: readonly string[] | undefined, hostname: string): boolean {
  if (!names || names.length === 0) return true;
  const host = hostname.toLowerCase();
  return names.some((raw) => {
    const name = raw.toLowerCase();
    if (!name.startsWith('*.')) return name === host;
    const dot = host.indexOf('.');
    return dot > 0 && host.slice(dot + 1) === name.slice(2);
  });
}

/** App Platform still reports ERROR for a domain whose DNS is right now: only it can clear that. */
export const awaitingRevalidation = (d: Pick<AppDomainCheck, 'phase' | 'severity'>) =>
  d.phase === 'ERROR' && (d.severity === 'info' || d.severity === 'ok');

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
