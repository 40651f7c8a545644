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

/** "CNAME odoo → host.ondigitalocean.app (TTL 1800)". */
export function recordText(record: DnsRecordInput): string {
  const priority =
    record.priority != null && (record.type === 'MX' || record.type === 'SRV') ? `${record.priority} ` : '';
  return `${record.type} ${record.name} → ${priority}${record.data.replace(/\.$/, '')}`;
}

export const fqdn = (zone: string, name: string) => (name === '@' ? zone : `${name}.${zone}`);
