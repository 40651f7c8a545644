// What the last check says, read two ways: the findings the summary lists (one per domain, dangling
// or unserved record that is a problem or a warning, so the counts and the list always agree), and
// what a record serves, so deleting or editing it can say which live app it would take offline.
import type { AppDomainCheck, DnsCheckReport, DnsRecord, DnsSeverity } from '../../../src-preload/contract';
import { fqdn } from './dnsFormat';

export interface Finding {
  severity: 'problem' | 'warning';
  hostname: string;
  /** Whose finding it is: an app's name, or the zone of a stray record. */
  owner: string;
  text: string;
  /** The id of the element that shows it in full. */
  anchor: string;
}

export const domainAnchor = (hostname: string) => `dns-domain-${hostname.replace(/[^a-z0-9-]/gi, '_')}`;
export const strayAnchor = (domain: string, id: number) => `dns-stray-${domain.replace(/\W/g, '_')}-${id}`;

const listed = (s: DnsSeverity): s is Finding['severity'] => s === 'problem' || s === 'warning';

export function reportFindings(report: DnsCheckReport): Finding[] {
  const found: Finding[] = [];
  for (const app of report.apps) {
    for (const d of app.domains) {
      if (!listed(d.severity)) continue;
      found.push({
        severity: d.severity,
        hostname: d.hostname,
        owner: app.appName,
        text: d.problem ?? d.note ?? '',
        anchor: domainAnchor(d.hostname),
      });
    }
  }
  for (const d of [...report.dangling, ...report.unserved]) {
    found.push({
      severity: d.severity,
      hostname: d.hostname,
      owner: d.domain,
      text: d.problem,
      anchor: strayAnchor(d.domain, d.record.id),
    });
  }
  // Problems first, in the order the report shows them.
  return found.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'problem' ? -1 : 1));
}

/** "1 problem", "7 problems". */
export const countOf = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const DOMAIN_KIND: Record<AppDomainCheck['type'], string> = {
  PRIMARY: 'primary domain',
  ALIAS: 'alias domain',
  DEFAULT: 'default domain',
  UNSPECIFIED: 'domain',
};
/** A record in these states is what serves the app's domain now. */
const SERVING = new Set<AppDomainCheck['status']>(['ok', 'wildcard', 'managed']);

/**
 * What the record does for the apps, in words, for a delete or an edit: "mcp.insightpulseai.net is
 * mcp-coordinator's primary domain: deleting this record takes it offline." Empty when it serves
 * none (or there is no report yet).
 */
export function recordUsage(
  report: DnsCheckReport | undefined,
  domain: string,
  record: DnsRecord,
  action: 'delete' | 'edit',
): string[] {
  if (!report) return [];
  const name = fqdn(domain, record.name).toLowerCase();
  const consequence =
    action === 'delete' ? 'deleting this record takes it offline' : 'pointing this record elsewhere takes it offline';
  const renewal =
    action === 'delete' ? 'deleting this record makes it fail' : 'changing this record’s value makes it fail';
  const out: string[] = [];
  for (const app of report.apps) {
    for (const d of app.domains) {
      if (d.zone === domain && d.record?.id === record.id && SERVING.has(d.status)) {
        out.push(`${d.hostname} is ${app.appName}’s ${DOMAIN_KIND[d.type]}: ${consequence}.`);
      }
      const txt = d.validations.find((v) => v.state === 'present' && v.txtName.toLowerCase() === name);
      if (record.type === 'TXT' && txt && txt.txtValue === record.data.replace(/^"|"$/g, '')) {
        out.push(
          `App Platform validates ${app.appName}’s ${d.hostname} with this TXT record: the next certificate renewal needs it, and ${renewal}.`,
        );
      }
    }
  }
  return out;
}
