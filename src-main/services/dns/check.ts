// The tenant ↔ DNS check: for every app's custom domains, does a record in the account's DNS point
// at the app's default ingress host, are App Platform's TXT validations there, and which records
// point at App Platform hosts no app owns. Pure: it reads apps, zones and what the caller found out
// about those hosts (gone, live, unknown), and returns a report. Only a gone host's record is
// "dangling" with a delete fix: a live one may be another team's app in a shared zone.
//
// The apex rule: an apex (example.com itself) can't be a CNAME, and DigitalOcean DNS has no ALIAS
// or CNAME flattening. So an apex is either App Platform's to manage (spec.domains[].zone names
// the zone: App Platform adds the apex records itself, we report "managed" and leave it alone), or
// it cannot point at the app from this DNS at all: we report "apex" as a warning, say where its A
// records send visitors instead, and offer no one-click fix (the fix is a spec change or another
// DNS provider, not a record).
import type {
  AppDnsCheck,
  AppDomainCheck,
  DanglingRecord,
  DnsCheckReport,
  DnsRecord,
  DnsSeverity,
  DnsValidationCheck,
} from '../../../src-preload/contract';
import type { App, AppDomain } from '../../clients/digitalocean/types';
import { unservedRecords } from './unserved';
import { APP_PLATFORM_SUFFIX, fqdnOf, normalizeHost, recordsAnswering, relativeTo, targetOf, zoneFor } from './records';

export interface ZoneRecords {
  name: string;
  records: DnsRecord[];
}

/** What resolving (and fetching) an App Platform host no app here owns showed. */
export interface TargetLiveness {
  /** gone: NXDOMAIN, or HTTPS 404; live: it resolves and answers; unknown: it could not be told. */
  state: 'gone' | 'live' | 'unknown';
  /** What the host did, said of it: "does not exist in DNS (NXDOMAIN)". */
  evidence: string;
}

type SpecDomain = NonNullable<App['spec']['domains']>[number];

const DAY = 86_400_000;
const FIX_TTL = 1800;
/** ACME challenges are re-read soon after a change: keep them short-lived in caches. */
const TXT_TTL = 300;
const RANK: Record<DnsSeverity, number> = { ok: 0, info: 1, warning: 2, problem: 3 };
const worst = (...levels: DnsSeverity[]) => levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok' as DnsSeverity);

export function ingressHostOf(app: App): string {
  if (!app.default_ingress) return '';
  // The API gives a URL ("https://host"); a bare host is taken as it is.
  return normalizeHost(URL.canParse(app.default_ingress) ? new URL(app.default_ingress).hostname : app.default_ingress);
}

/** The App Platform hosts records point at that no app in the account owns: to be checked live. */
export function danglingCandidates(apps: readonly App[], zones: readonly ZoneRecords[]): string[] {
  const owned = new Set(apps.map(ingressHostOf));
  const targets = zones.flatMap((z) => z.records.filter((r) => r.type === 'CNAME').map((r) => targetOf(z.name, r)));
  return [...new Set(targets)].filter((t) => t.endsWith(APP_PLATFORM_SUFFIX) && !owned.has(t)).sort();
}

export function buildDnsReport(
  apps: readonly App[],
  zones: readonly ZoneRecords[],
  nowMs: number,
  targets: ReadonlyMap<string, TargetLiveness> = new Map(),
): DnsCheckReport {
  const ctx = new CheckContext(apps, zones);
  const checks: AppDnsCheck[] = [];
  for (const app of apps) {
    const specDomains = app.spec.domains ?? [];
    if (specDomains.length === 0) continue;
    const domains = specDomains.flatMap((d) => ctx.checkDomain(app, d, nowMs));
    checks.push({ appId: app.id ?? '', appName: app.spec.name, defaultIngressHost: ingressHostOf(app), domains });
  }
  const severityOf = (a: AppDnsCheck) => worst(...a.domains.map((d) => d.severity));
  checks.sort((a, b) => RANK[severityOf(b)] - RANK[severityOf(a)] || a.appName.localeCompare(b.appName));
  const dangling = ctx.dangling(targets);
  const domainChecks = checks.flatMap((a) => a.domains);
  const owners = new Map(apps.filter((a) => ingressHostOf(a)).map((a) => [ingressHostOf(a), a] as const));
  const unserved = unservedRecords(zones, owners, new Set(domainChecks.map((d) => normalizeHost(d.hostname))));
  // One rule for the header, the summary and the lists: every finding counts once, by severity.
  const count = (severity: DnsSeverity) =>
    [...domainChecks, ...dangling, ...unserved].filter((f) => f.severity === severity).length;
  return {
    checkedAt: new Date(nowMs).toISOString(),
    apps: checks,
    appsWithoutDomains: apps.length - checks.length,
    zones: zones.map((z) => z.name).sort(),
    dangling,
    unserved,
    problems: count('problem'),
    warnings: count('warning'),
  };
}

class CheckContext {
  private readonly zoneNames: string[];
  private readonly byZone: Map<string, DnsRecord[]>;
  /** App Platform host → app name, for every app in the account. */
  private readonly owners = new Map<string, string>();
  /** Records an app's check already fixes ("zone#id"): one record, one fix. */
  private readonly fixed = new Set<string>();

  constructor(apps: readonly App[], zones: readonly ZoneRecords[]) {
    this.zoneNames = zones.map((z) => z.name);
    this.byZone = new Map(zones.map((z) => [z.name, z.records]));
    for (const app of apps) {
      const host = ingressHostOf(app);
      if (host) this.owners.set(host, app.spec.name);
    }
  }

  checkDomain(app: App, spec: SpecDomain, nowMs: number): AppDomainCheck[] {
    const live = app.domains?.find((d) => d.spec?.domain === spec.domain);
    const phase = live?.phase ?? 'UNKNOWN';
    const hostnames = spec.wildcard ? [spec.domain, `*.${spec.domain}`] : [spec.domain];
    return hostnames.map((hostname, i) => {
      const check = this.checkHostname(app, spec, hostname);
      // The TXT validations and the certificate belong to the domain: shown once, on its first row.
      const validations = i === 0 ? this.validations(live) : [];
      const expiresAt = i === 0 ? live?.certificate_expires_at : undefined;
      const daysLeft = expiresAt ? Math.floor((Date.parse(expiresAt) - nowMs) / DAY) : undefined;
      return withPhase({
        hostname,
        type: spec.type ?? 'UNSPECIFIED',
        phase,
        validations,
        ...(expiresAt ? { certificateExpiresAt: expiresAt, certificateDaysLeft: daysLeft } : {}),
        managedByAppPlatform: !!spec.zone,
        expectedTarget: ingressHostOf(app),
        ...check,
      });
    });
  }

  private checkHostname(
    app: App,
    spec: SpecDomain,
    hostname: string,
  ): Pick<AppDomainCheck, 'status' | 'severity' | 'zone' | 'record' | 'problem' | 'note' | 'fix'> {
    const expected = ingressHostOf(app);
    if (!expected) {
      return {
        status: 'no_ingress',
        severity: 'info',
        note: `${app.spec.name} has no default ingress host yet (it has never been deployed), so there is nothing to point ${hostname} at.`,
      };
    }
    const zone = zoneFor(this.zoneNames, hostname.replace(/^\*\./, ''));
    if (!zone) {
      return {
        status: 'external',
        severity: 'info',
        note: `The DNS for ${hostname} is not in this account: “Check live” shows where it points.`,
      };
    }
    const records = this.byZone.get(zone) ?? [];
    const rel = relativeTo(zone, hostname);
    if (rel === '@') return apexCheck(zone, records, expected, !!spec.zone);

    const { own, wildcard } = recordsAnswering(records, rel);
    const ownCname = own.find((r) => r.type === 'CNAME');
    const createFix = {
      kind: 'create' as const,
      domain: zone,
      record: { type: 'CNAME' as const, name: rel, data: `${expected}.`, ttl: FIX_TTL },
      summary: `Create CNAME ${rel} → ${expected} in ${zone}.`,
    };
    if (ownCname) {
      const target = targetOf(zone, ownCname);
      if (target === expected) return { status: 'ok', severity: 'ok', zone, record: ownCname };
      const { id, ...before } = ownCname;
      this.fixed.add(`${zone}#${id}`);
      return {
        status: 'mismatched',
        severity: 'problem',
        zone,
        record: ownCname,
        problem: `${hostname} points at ${target}${this.describeOwner(target)}, not at ${app.spec.name}’s ${expected}.`,
        fix: {
          kind: 'update',
          domain: zone,
          recordId: id,
          before,
          record: { ...before, data: `${expected}.` },
          summary: `Change CNAME ${rel} in ${zone} from ${target} to ${expected}.`,
        },
      };
    }
    const addresses = own.filter((r) => r.type === 'A' || r.type === 'AAAA');
    if (addresses.length > 0) {
      return {
        status: 'mismatched',
        severity: 'problem',
        zone,
        record: addresses[0],
        problem: `${hostname} has ${addresses.map((r) => `${r.type} ${r.data}`).join(', ')} instead of a CNAME to ${expected}. Delete ${addresses.length === 1 ? 'it' : 'them'} and create the CNAME: a name with a CNAME can have no other records.`,
      };
    }
    if (own.length > 0) {
      return {
        status: 'missing',
        severity: 'problem',
        zone,
        problem: `${hostname} has ${own.map((r) => r.type).join(', ')} records but no CNAME to ${expected}; a CNAME can't share its name with them, so move them first.`,
      };
    }
    const wild = wildcard.find((r) => r.type === 'CNAME');
    if (wild) {
      const target = targetOf(zone, wild);
      if (target === expected) {
        return {
          status: 'wildcard',
          severity: 'ok',
          zone,
          record: wild,
          note: `Covered by the wildcard ${fqdnOf(zone, wild.name)} → ${expected}.`,
        };
      }
      return {
        status: 'missing',
        severity: 'problem',
        zone,
        record: wild,
        problem: `${hostname} has no record of its own: the wildcard ${fqdnOf(zone, wild.name)} sends it to ${target}${this.describeOwner(target)}.`,
        fix: createFix,
      };
    }
    const managed = spec.zone ? ' App Platform manages this zone and should have created it.' : '';
    return {
      status: 'missing',
      severity: 'problem',
      zone,
      problem: `No record for ${hostname}: nothing points it at ${expected}.${managed}`,
      fix: createFix,
    };
  }

  private validations(live: AppDomain | undefined): DnsValidationCheck[] {
    return (live?.validations ?? []).flatMap((v): DnsValidationCheck[] => {
      if (!v.txt_name || !v.txt_value) return [];
      const zone = zoneFor(this.zoneNames, v.txt_name);
      if (!zone) return [{ txtName: v.txt_name, txtValue: v.txt_value, state: 'unknown' as const }];
      const rel = relativeTo(zone, v.txt_name);
      const present = (this.byZone.get(zone) ?? []).some(
        (r) => r.type === 'TXT' && r.name.toLowerCase() === rel && r.data.replace(/^"|"$/g, '') === v.txt_value,
      );
      if (present) return [{ txtName: v.txt_name, txtValue: v.txt_value, state: 'present' as const }];
      return [
        {
          txtName: v.txt_name,
          txtValue: v.txt_value,
          state: 'missing' as const,
          fix: {
            kind: 'create' as const,
            domain: zone,
            record: { type: 'TXT' as const, name: rel, data: v.txt_value, ttl: TXT_TTL },
            summary: `Create TXT ${rel} = "${v.txt_value}" in ${zone}.`,
          },
        },
      ];
    });
  }

  private describeOwner(target: string): string {
    const owner = this.owners.get(target);
    if (owner) return ` (${owner})`;
    return target.endsWith(APP_PLATFORM_SUFFIX) ? ' (an App Platform host no app in this account owns)' : '';
  }

  /**
   * Records pointing at App Platform hosts no app here owns. Gone hosts (NXDOMAIN, HTTPS 404) are
   * problems with a delete fix; a host that still answers, or that could not be checked, is a
   * warning with no fix: deleting it could take down another team's live tenant.
   */
  dangling(targets: ReadonlyMap<string, TargetLiveness>): DanglingRecord[] {
    const out: DanglingRecord[] = [];
    for (const zone of this.zoneNames) {
      for (const record of this.byZone.get(zone) ?? []) {
        if (record.type !== 'CNAME' || this.fixed.has(`${zone}#${record.id}`)) continue;
        const target = targetOf(zone, record);
        if (!target.endsWith(APP_PLATFORM_SUFFIX) || this.owners.has(target)) continue;
        const hostname = fqdnOf(zone, record.name);
        const liveness = targets.get(target) ?? { state: 'unknown', evidence: 'was not checked' };
        if (liveness.state !== 'gone') {
          out.push({
            domain: zone,
            hostname,
            record,
            severity: 'warning',
            problem:
              liveness.state === 'live'
                ? `${hostname} points at an app this account doesn't own (another team's?): ${target} ${liveness.evidence}. Leave the record unless you know that app is gone.`
                : `${hostname} points at ${target}, which no app in this account owns, but it ${liveness.evidence}, so whether that app is gone is unknown. Check it live before deleting the record by hand.`,
          });
          continue;
        }
        const { id, ...before } = record;
        out.push({
          domain: zone,
          hostname,
          record,
          severity: 'problem',
          problem: `${hostname} points at ${target}, which no app in this account owns and which ${liveness.evidence}: the app was deleted (or moved away), and visitors get an error page. Delete the record, or point it at a live app.`,
          fix: {
            kind: 'delete',
            domain: zone,
            recordId: id,
            before,
            record: before,
            summary: `Delete CNAME ${record.name} → ${target} from ${zone}.`,
          },
        });
      }
    }
    return out;
  }
}

function apexCheck(
  zone: string,
  records: readonly DnsRecord[],
  expected: string,
  managed: boolean,
): Pick<AppDomainCheck, 'status' | 'severity' | 'zone' | 'record' | 'problem' | 'note'> {
  const addresses = records.filter((r) => r.name === '@' && (r.type === 'A' || r.type === 'AAAA'));
  const where = addresses.length > 0 ? addresses.map((r) => r.data).join(', ') : '';
  if (managed) {
    return {
      status: 'managed',
      severity: 'info',
      zone,
      ...(addresses[0] ? { record: addresses[0] } : {}),
      note: `App Platform manages the apex of ${zone} (the domain names its zone) and adds the apex records itself${where ? `; it now points at ${where}` : ' once the domain is validated'}.`,
    };
  }
  return {
    status: 'apex',
    severity: 'warning',
    zone,
    ...(addresses[0] ? { record: addresses[0] } : {}),
    problem:
      `${zone} is the apex of its zone: it can't be a CNAME, and DigitalOcean DNS has no ALIAS records, so it can't point at ${expected}. ` +
      (where ? `Its A record sends visitors to ${where} instead. ` : 'It has no A record, so it does not resolve. ') +
      `To serve it from App Platform, set zone: ${zone} on this domain in the app spec (App Platform then manages the apex), or host the zone with a DNS provider that flattens CNAMEs.`,
  };
}

/** Folds the domain's phase, validations and certificate into the row's severity and words. */
function withPhase(check: AppDomainCheck): AppDomainCheck {
  const recordOk = ['ok', 'wildcard', 'managed'].includes(check.status);
  const missingTxt = check.validations.filter((v) => v.state === 'missing');
  let severity = check.severity;
  const notes: string[] = check.note ? [check.note] : [];
  const problems: string[] = check.problem ? [check.problem] : [];
  if (check.phase === 'ERROR' && recordOk && missingTxt.length === 0) {
    // The DNS side is fixed and only App Platform can clear its phase: nothing here is left to
    // fix, so the row waits instead of repeating a problem the founder already solved.
    severity = worst(severity, 'info');
    notes.push(
      'Fixed on the DNS side: waiting for App Platform to re-validate (it still reports ERROR from its last attempt). Re-check reads its phase again; if it stays ERROR for hours, remove the domain from the spec and add it again.',
    );
  } else if (check.phase === 'ERROR') {
    severity = worst(severity, 'problem');
    problems.push('App Platform reports ERROR for this domain until the record is right.');
  } else if ((check.phase === 'PENDING' || check.phase === 'CONFIGURING') && recordOk) {
    severity = worst(severity, 'info');
    notes.push(`App Platform is still validating the domain and issuing its certificate (${check.phase}).`);
  }
  if (missingTxt.length > 0) {
    const active = check.phase === 'ACTIVE';
    severity = worst(severity, active ? 'warning' : 'problem');
    problems.push(
      `The TXT record App Platform asked for is missing (${missingTxt.map((v) => v.txtName).join(', ')})${active ? ': the next certificate renewal will fail without it' : ''}.`,
    );
  }
  if (check.certificateDaysLeft !== undefined && check.certificateDaysLeft < 21) {
    severity = worst(severity, check.certificateDaysLeft < 7 ? 'problem' : 'warning');
    problems.push(
      `Its certificate expires in ${check.certificateDaysLeft} days and App Platform has not renewed it yet.`,
    );
  }
  const { problem: _problem, note: _note, ...rest } = check;
  return {
    ...rest,
    severity,
    ...(problems.length > 0 ? { problem: problems.join(' ') } : {}),
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}
