// The DNS domain of the contract: the account's domains and records (GET/POST/PUT/DELETE
// /v2/domains…), a check of every app's custom domains against them, one-click fixes, and a live
// check of a hostname from this machine (resolve + HTTPS probe).
export type DnsRecordType = 'A' | 'AAAA' | 'CAA' | 'CNAME' | 'MX' | 'NS' | 'SOA' | 'SRV' | 'TXT';

export interface DnsDomain {
  name: string;
  ttl?: number;
  recordCount?: number;
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
}

export type DnsRecordInput = Omit<DnsRecord, 'id'>;

/** An app domain's phase as App Platform reports it (app.domains[].phase). */
export type AppDomainPhase = 'UNKNOWN' | 'PENDING' | 'CONFIGURING' | 'ACTIVE' | 'ERROR';

/**
 * How our DNS serves a hostname: ok (a CNAME to the app's ingress), wildcard (covered by a "*"
 * record pointing there), missing (no record), mismatched (a record pointing elsewhere), external
 * (the zone is not in this account: we cannot tell).
 */
export type DnsRecordStatus = 'ok' | 'wildcard' | 'missing' | 'mismatched' | 'external';

/** A change that makes the DNS right: create or correct one record. */
export interface DnsFix {
  kind: 'create' | 'update' | 'delete';
  domain: string;
  recordId?: number;
  record: DnsRecordInput;
  /** In words: "Create CNAME customer3 → …ondigitalocean.app." */
  summary: string;
}

export interface AppDomainCheck {
  hostname: string;
  type: 'DEFAULT' | 'PRIMARY' | 'ALIAS' | 'UNSPECIFIED';
  phase: AppDomainPhase;
  /** TXT records App Platform asks for while validating, and whether they were found. */
  validations: Array<{ txtName: string; txtValue: string; present: boolean }>;
  certificateExpiresAt?: string;
  /** The zone in this account that serves the hostname, if any. */
  zone?: string;
  status: DnsRecordStatus;
  /** The record that serves it now. */
  record?: DnsRecord;
  /** Where it should point: the app's default ingress host. */
  expectedTarget: string;
  problem?: string;
  fix?: DnsFix;
}

export interface AppDnsCheck {
  appId: string;
  appName: string;
  defaultIngressHost: string;
  domains: AppDomainCheck[];
}

/** A record pointing at an App Platform host that no app in the account owns. */
export interface DanglingRecord {
  domain: string;
  record: DnsRecord;
  problem: string;
  fix: DnsFix;
}

export interface DnsCheckReport {
  checkedAt: string;
  apps: AppDnsCheck[];
  dangling: DanglingRecord[];
  /** Count of domains with a problem (missing, mismatched, dangling, ERROR phase). */
  problems: number;
}

export interface LiveProbe {
  hostname: string;
  /** What this machine's resolver returned (CNAME chain, then addresses). */
  cnames: string[];
  addresses: string[];
  resolveError?: string;
  https?: {
    status?: number;
    hsts?: string;
    certificateExpiresAt?: string;
    certificateDaysLeft?: number;
    error?: string;
  };
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
