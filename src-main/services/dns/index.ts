// DNS for the fleet: the account's domains and records over the DigitalOcean API, the tenant ↔ DNS
// check, one-click fixes that re-read the record before changing it, and the live check from this
// machine (resolver and HTTPS endpoints come from the caller: the sandbox's, or the internet's).
import type {
  DnsCheckReport,
  DnsDomain,
  DnsFix,
  DnsRecord,
  DnsRecordInput,
  LiveProbe,
} from '../../../src-preload/contract';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import { ApiError } from '../../clients/http/apiError';
import { mapWithConcurrency } from '../concurrency';
import type { AuditLog } from '../deploys/auditLog';
import { buildDnsReport, danglingCandidates, type ZoneRecords } from './check';
import { probeHostname, type ProbeNetwork } from './liveProbe';
import { checkAppTarget } from './targetCheck';
import { assertRecordMakesSense, normalizeHost, targetOf, toApiRecord, toDnsRecord, withCurrentFields } from './records';

export interface DnsServiceNetwork extends ProbeNetwork {
  /** The clock certificate days are counted on (the sandbox's in the demo). */
  now?: () => number;
}

/** Where record changes are written down: the Activity log every action shares. */
export interface DnsAudit {
  audit: AuditLog;
  context: string;
}

/** Records of one zone are read a few at a time: an account can have many domains. */
const ZONE_READS_AT_ONCE = 4;
/** Hosts that look dangling are resolved together, so the check waits about one timeout at most. */
const TARGET_CHECKS_AT_ONCE = 16;
const TYPE_ORDER = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA'];

export class DnsService {
  private readonly now: () => number;

  constructor(
    private readonly client: DigitalOceanClient,
    private readonly network: DnsServiceNetwork = {},
    private readonly activity?: DnsAudit,
  ) {
    this.now = network.now ?? Date.now;
  }

  async listDomains(): Promise<DnsDomain[]> {
    const domains = await this.client.listDomains();
    return domains
      .filter((d): d is typeof d & { name: string } => !!d.name)
      .map((d) => ({ name: d.name, ...(typeof d.ttl === 'number' ? { ttl: d.ttl } : {}) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async listRecords(domain: string): Promise<DnsRecord[]> {
    const records = (await this.client.listDomainRecords(domain)).map(toDnsRecord);
    const rank = (r: DnsRecord) => (r.name === '@' ? 0 : 1);
    return records.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.name.localeCompare(b.name) ||
        TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
        a.id - b.id,
    );
  }

  async createRecord(domain: string, input: DnsRecordInput): Promise<DnsRecord> {
    // Flags 0 is what a CAA record without the critical bit has; its tag is never guessed.
    const record = input.type === 'CAA' && input.flags === undefined ? { ...input, flags: 0 } : input;
    assertRecordMakesSense(record, domain);
    return this.audited('create', domain, record, async () =>
      toDnsRecord(await this.client.createDomainRecord(domain, toApiRecord(record))),
    );
  }

  /**
   * Saves an edit over the record as it is NOW (read again first): a field the edit leaves out
   * (a CAA tag, an SRV port) keeps the record's current value instead of a default.
   */
  async updateRecord(domain: string, id: number, edit: DnsRecordInput): Promise<DnsRecord> {
    const current = (await this.client.listDomainRecords(domain)).map(toDnsRecord).find((r) => r.id === id);
    if (!current) {
      throw new ApiError({
        code: 'not_found',
        message: `The ${edit.type} record ${edit.name} in ${domain} no longer exists (deleted meanwhile?). Reload the records.`,
      });
    }
    if (current.type !== edit.type) {
      throw new ApiError({
        code: 'invalid_argument',
        message: `A record's type can’t change (this one is ${current.type}): delete it and add a new ${edit.type} record.`,
      });
    }
    const record = withCurrentFields(edit, current);
    assertRecordMakesSense(record, domain);
    return this.audited(
      'update',
      domain,
      record,
      async () => toDnsRecord(await this.client.updateDomainRecord(domain, id, toApiRecord(record))),
      id,
    );
  }

  async deleteRecord(domain: string, id: number): Promise<null> {
    return this.audited(
      'delete',
      domain,
      undefined,
      async () => {
        await this.client.deleteDomainRecord(domain, id);
        return null;
      },
      id,
    );
  }

  /** Every record change lands in the Activity log, with its outcome, like deploys and spec edits. */
  private async audited<T>(
    operation: 'create' | 'update' | 'delete',
    domain: string,
    record: DnsRecordInput | undefined,
    run: () => Promise<T>,
    id?: number,
  ): Promise<T> {
    if (!this.activity) return run();
    const { audit, context } = this.activity;
    const entry = audit.start({
      context,
      action: 'dns_change',
      target: record ? `${record.name === '@' ? domain : `${record.name}.${domain}`}` : `record ${id} in ${domain}`,
      parameters: { operation, domain, type: record?.type ?? null, data: record?.data ?? null, record_id: id ?? null },
    });
    try {
      const result = await run();
      audit.finish(entry, { result: 'succeeded' });
      return result;
    } catch (error) {
      audit.finish(entry, { result: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  async checkDns(): Promise<DnsCheckReport> {
    const [apps, domains] = await Promise.all([this.client.listApps(), this.listDomains()]);
    const zones: ZoneRecords[] = await mapWithConcurrency(domains, ZONE_READS_AT_ONCE, async (d) => ({
      name: normalizeHost(d.name),
      records: (await this.client.listDomainRecords(d.name)).map(toDnsRecord),
    }));
    // Before a record is called dangling, its App Platform host is resolved: all at once, briefly.
    const candidates = danglingCandidates(apps, zones);
    const liveness = await mapWithConcurrency(candidates, TARGET_CHECKS_AT_ONCE, (host) =>
      checkAppTarget(host, this.network, this.now),
    );
    return buildDnsReport(apps, zones, this.now(), new Map(candidates.map((host, i) => [host, liveness[i]!])));
  }

  /**
   * Applies one fix from a check, after re-reading the zone: a record that changed since the check
   * is left alone (the founder re-checks and sees why), and a fix already in place is not repeated.
   */
  async applyFix(fix: DnsFix): Promise<DnsCheckReport> {
    const records = (await this.client.listDomainRecords(fix.domain)).map(toDnsRecord);
    const sameName = (r: DnsRecord) => r.name.toLowerCase() === fix.record.name.toLowerCase();
    const sameData = (a: DnsRecordInput, b: DnsRecordInput) =>
      a.type === b.type && valueOf(fix.domain, a) === valueOf(fix.domain, b);

    if (fix.kind === 'create') {
      const existing = records.filter(sameName);
      if (!existing.some((r) => sameData(r, fix.record))) {
        const blocking = existing.find((r) => r.type === 'CNAME' || fix.record.type === 'CNAME');
        if (blocking) {
          throw stale(
            `${fix.record.name} in ${fix.domain} now has a ${blocking.type} record (${blocking.data}) that the check did not see. Re-check before fixing.`,
          );
        }
        await this.createRecord(fix.domain, fix.record);
      }
      return this.checkDns();
    }

    const current = records.find((r) => r.id === fix.recordId);
    if (!current) {
      if (fix.kind === 'delete') return this.checkDns();
      throw stale(
        `The record ${fix.record.name} in ${fix.domain} was deleted since the check. Re-check before fixing.`,
      );
    }
    if (
      fix.before &&
      !(sameData(current, fix.before) && current.name.toLowerCase() === fix.before.name.toLowerCase())
    ) {
      throw stale(
        `The record ${current.name} in ${fix.domain} changed since the check (it is now ${current.type} ${current.data}). Re-check before fixing.`,
      );
    }
    if (fix.kind === 'update')
      await this.updateRecord(fix.domain, current.id, { ...fix.record, type: current.type, name: current.name });
    else await this.deleteRecord(fix.domain, current.id);
    return this.checkDns();
  }

  probeHost(hostname: string): Promise<LiveProbe> {
    return probeHostname(hostname, this.network, this.now);
  }
}

const stale = (message: string) => new ApiError({ code: 'stale', message });

/** Hostnames compare without case or trailing dot; TXT values and addresses compare as written. */
const valueOf = (zone: string, r: DnsRecordInput) =>
  ['CNAME', 'MX', 'NS', 'SRV'].includes(r.type) ? targetOf(zone, r as DnsRecord) : r.data.trim().replace(/^"|"$/g, '');
