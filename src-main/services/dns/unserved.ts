// Records that point at an app of this account which does not serve their name. App Platform only
// routes (and issues certificates for) the domains in an app's spec, so such a name gets a 404 and
// a certificate for other names. The check of each app's domains can't see these: it starts from
// the spec, and the name is not in any spec. Whether the spec lacks the domain or the record is a
// leftover only the founder knows, so this is a warning with no fix.
import type { DnsRecord, UnservedRecord } from '../../../src-preload/contract';
import type { App } from '../../clients/digitalocean/types';
import { fqdnOf, normalizeHost, targetOf } from './records';

interface Zone {
  name: string;
  records: readonly DnsRecord[];
}

/** Does one of the app's spec domains cover this name (exactly, or through a wildcard domain)? */
export function appServes(app: App, hostname: string): boolean {
  const host = normalizeHost(hostname);
  return (app.spec.domains ?? []).some((d) => {
    const domain = normalizeHost(d.domain);
    if (host === domain) return true;
    if (!d.wildcard || !host.endsWith(`.${domain}`)) return false;
    // A wildcard domain covers "*.domain" and the names one label below it.
    const label = host.slice(0, -(domain.length + 1));
    return label === '*' || !label.includes('.');
  });
}

/**
 * @param owners the account's apps by their default ingress host
 * @param checked hostnames the per-app check already reports on (a wrong record there is its to fix)
 */
export function unservedRecords(
  zones: readonly Zone[],
  owners: ReadonlyMap<string, App>,
  checked: ReadonlySet<string>,
): UnservedRecord[] {
  const out: UnservedRecord[] = [];
  for (const zone of zones) {
    for (const record of zone.records) {
      if (record.type !== 'CNAME') continue;
      const app = owners.get(targetOf(zone.name, record));
      const hostname = fqdnOf(zone.name, record.name);
      if (!app || checked.has(hostname) || appServes(app, hostname)) continue;
      const appName = app.spec.name;
      out.push({
        domain: zone.name,
        hostname,
        record,
        appId: app.id ?? '',
        appName,
        severity: 'warning',
        problem:
          `${hostname} points at ${appName}, which does not serve ${hostname}: add the domain to its spec or remove the record. ` +
          'Until then visitors get a 404 and a certificate for other names.',
      });
    }
  }
  return out;
}
