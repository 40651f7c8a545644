// The DNS domain of the contract: the account's domains and records (GET/POST/PUT/DELETE
// /v2/domains…), a check of every app's custom domains against them, one-click fixes, and a live
// check of a hostname from this machine (resolve + HTTPS probe).
export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SOA', 'SRV', 'TXT'] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/** The CAA tags DigitalOcean's Domains API accepts. */
export const CAA_TAGS = ['issue', 'issuewild', 'iodef'] as const;
export type CaaTag = (typeof CAA_TAGS)[number];

export interface DnsDomain {
  name: string;
  ttl?: number;
}

export interface DnsRecord {
  id: number;
  type: DnsRecordType;
  /** Relative to the domain: "@", "app", "*". */
  name: string;
  data: string;
  ttl: number;
  priority?: number | null;
  port?: number | null;
  weight?: number | null;
  /** CAA only. */
  flags?: number | null;
  /** CAA only; the Domains API takes and lists only these three. */
  tag?: CaaTag | null;
}

export type DnsRecordInput = Omit<DnsRecord, 'id'>;

/** An app domain's phase as App Platform reports it (app.domains[].phase). */
export type AppDomainPhase = 'UNKNOWN' | 'PENDING' | 'CONFIGURING' | 'ACTIVE' | 'ERROR';

/**
 * How our DNS serves a hostname:
 * - ok: a CNAME of its own points at the app's default ingress host;
 * - wildcard: no record of its own, a "*" CNAME pointing there covers it;
 * - missing: nothing points there (no record, or only a wildcard aimed at another host);
 * - mismatched: its own record points somewhere else;
 * - apex: the zone's root, which cannot be a CNAME and DigitalOcean DNS has no ALIAS records;
 * - managed: an apex in a zone App Platform manages itself (spec.domains[].zone);
 * - external: the zone is not in this account, so only a live check can tell;
 * - no_ingress: the app has no default ingress host yet (never deployed), nothing to point at.
 */
export type DnsRecordStatus =
  'ok' | 'wildcard' | 'missing' | 'mismatched' | 'apex' | 'managed' | 'external' | 'no_ingress';

/** How much a finding matters: problems are counted in the report's header. */
export type DnsSeverity = 'ok' | 'info' | 'warning' | 'problem';

/** A change that makes the DNS right: create, correct or delete one record. */
export interface DnsFix {
  kind: 'create' | 'update' | 'delete';
  domain: string;
  /** The record to update or delete. */
  recordId?: number;
  /** The record to create, the record as it will be after the update, or the record to delete. */
  record: DnsRecordInput;
  /** For update and delete: the record as the check saw it; the fix is refused if it changed since. */
  before?: DnsRecordInput;
  /** In words: "Create CNAME customer3 → …ondigitalocean.app." */
  summary: string;
}

export interface DnsValidationCheck {
  /** Fully qualified, e.g. "_acme-challenge.app.example.com". */
  txtName: string;
  txtValue: string;
  /** unknown: the zone is not in this account. */
  state: 'present' | 'missing' | 'unknown';
  fix?: DnsFix;
}

export interface AppDomainCheck {
  /** The name checked: a spec domain, or "*.domain" for the sub-domains of a wildcard domain. */
  hostname: string;
  type: 'DEFAULT' | 'PRIMARY' | 'ALIAS' | 'UNSPECIFIED';
  phase: AppDomainPhase;
  /** TXT records App Platform asks for while validating, and whether they are in our DNS. */
  validations: DnsValidationCheck[];
  certificateExpiresAt?: string;
  certificateDaysLeft?: number;
  /** The zone in this account that serves the hostname, if any. */
  zone?: string;
  /** spec.domains[].zone is set: App Platform creates and keeps this domain's records. */
  managedByAppPlatform: boolean;
  status: DnsRecordStatus;
  severity: DnsSeverity;
  /** The record that serves it now (its own, or the wildcard). */
  record?: DnsRecord;
  /** Where it should point: the app's default ingress host. */
  expectedTarget: string;
  /** What is wrong, in words. */
  problem?: string;
  /** Context that is not a fault (waiting for App Platform, a wildcard, an external zone). */
  note?: string;
  fix?: DnsFix;
}

export interface AppDnsCheck {
  appId: string;
  appName: string;
  /** Empty when the app has never been deployed. */
  defaultIngressHost: string;
  domains: AppDomainCheck[];
}

/**
 * A record pointing at an App Platform host that no app in the account owns. A problem, with a
 * delete fix, only when the host is gone (NXDOMAIN, or HTTPS 404); a warning with no fix when it
 * still answers (another team's app in a shared zone?) or could not be checked.
 */
export interface DanglingRecord {
  domain: string;
  /** Fully qualified name of the record. */
  hostname: string;
  record: DnsRecord;
  severity: 'problem' | 'warning';
  problem: string;
  fix?: DnsFix;
}

/**
 * A record pointing at an app of this account whose spec does not list the record's name: App
 * Platform answers it with a 404 and a certificate for other names. A warning, never a fix: either
 * the spec lacks the domain or the record is left over, and only the founder knows which.
 */
export interface UnservedRecord {
  domain: string;
  /** Fully qualified name of the record. */
  hostname: string;
  record: DnsRecord;
  appId: string;
  appName: string;
  severity: 'warning';
  problem: string;
}

export interface DnsCheckReport {
  checkedAt: string;
  /** Apps with at least one custom domain. */
  apps: AppDnsCheck[];
  /** Apps that answer only on their default ingress. */
  appsWithoutDomains: number;
  /** The account's zones, by name. */
  zones: string[];
  dangling: DanglingRecord[];
  /** Records pointing at an app here that does not serve their name. */
  unserved: UnservedRecord[];
  /** Count of domains with a problem (missing, mismatched, ERROR phase, missing TXT) plus dangling records that are problems. */
  problems: number;
  /** Count of domains, dangling and unserved records whose severity is warning. */
  warnings: number;
}

export interface LiveFinding {
  severity: DnsSeverity;
  text: string;
}

export interface LiveProbe {
  hostname: string;
  /** The name actually resolved: a wildcard is probed through a sample sub-domain. */
  probedName: string;
  /** Which resolver answered: "system resolver" or the servers it was pointed at. */
  resolver: string;
  /** The CNAME chain the resolver followed, in order. */
  cnames: string[];
  addresses: string[];
  resolveError?: string;
  https?: {
    /** Where the TLS connection went. */
    connectedTo: string;
    status?: number;
    hsts?: string;
    /** Names the certificate covers (subject and alternative names). */
    certificateNames?: string[];
    certificateExpiresAt?: string;
    certificateDaysLeft?: number;
    error?: string;
  };
  /** The result in words, worst first. */
  findings: LiveFinding[];
  probedAt: string;
}

export interface DnsMethods {
  listDomains: { request: void; response: DnsDomain[] };
  listRecords: { request: { domain: string }; response: DnsRecord[] };
  createRecord: { request: { domain: string; record: DnsRecordInput }; response: DnsRecord };
  updateRecord: { request: { domain: string; id: number; record: DnsRecordInput }; response: DnsRecord };
  deleteRecord: { request: { domain: string; id: number }; response: null };
  checkDns: { request: void; response: DnsCheckReport };
  applyDnsFix: { request: DnsFix; response: DnsCheckReport };
  probeHost: { request: { hostname: string }; response: LiveProbe };
}

export type DnsStreams = Record<never, never>;

export const DNS_METHOD_NAMES = [
  'listDomains',
  'listRecords',
  'createRecord',
  'updateRecord',
  'deleteRecord',
  'checkDns',
  'applyDnsFix',
  'probeHost',
] as const;
export const DNS_STREAM_NAMES = [] as const;
