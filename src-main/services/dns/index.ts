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
import { mapWithConcurrency } from '../../base/concurrency';
import type { AuditLog } from '../deploys/auditLog';
import { KeyedQueue } from '../../base/keyedQueue';
import { buildDnsReport, danglingCandidates, type ZoneRecords } from './check';
import { probeHostname, type ProbeNetwork } from './liveProbe';
import { checkAppTarget } from './targetCheck';
import { RecordWrites, type RecordClient, type WriteOutcome } from './recordWrites';
import {
  assertRecordMakesSense,
  normalizeHost,
  toApiRecord,
  toDnsRecord,
  valueOf,
  withCaaDefaults,
  withCurrentFields,
} from './records';

export interface DnsServiceNetwork extends ProbeNetwork {
  /** The clock certificate days are counted on (the sandbox's in the demo). */
  now?: () => number;
}

/** Where record changes are written down: the Activity log every action shares. */
export interface DnsAudit {
  audit: AuditLog;
  context: string;
}

/** What DNS asks of DigitalOcean: zones and their records, and the apps whose domains they serve. */
export type DnsClient = RecordClient & Pick<DigitalOceanClient, 'listApps' | 'listDomains'>;

export interface DnsDomainDeps {
  client: DnsClient;
  network?: DnsServiceNetwork;
  activity?: DnsAudit;
}

export function createDnsDomain({ client, network, activity }: DnsDomainDeps): DnsService {
  return new DnsService(client, network, activity);
}

/** Records of one zone are read a few at a time: an account can have many domains. */
const ZONE_READS_AT_ONCE = 4;
/** Hosts that look dangling are resolved together, so the check waits about one timeout at most. */
const TARGET_CHECKS_AT_ONCE = 16;
const TYPE_ORDER = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA'];

export class DnsService {
  private readonly now: () => number;
  private readonly writes: RecordWrites;
  private readonly queue = new KeyedQueue();
  /** Creates still in flight, by domain and record as sent: an identical one shares the outcome. */
  private readonly creating = new Map<string, Promise<DnsRecord>>();

  constructor(
    private readonly client: DnsClient,
    private readonly network: DnsServiceNetwork = {},
    private readonly activity?: DnsAudit,
  ) {
    this.now = network.now ?? Date.now;
    this.writes = new RecordWrites(client);
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

  /**
   * Adds a record. Changes to one domain go out one after another, and an identical create still
   * in flight (a double click, a second window) shares its outcome instead of sending a second POST.
   */
  async createRecord(domain: string, input: DnsRecordInput): Promise<DnsRecord> {
    const record = withCaaDefaults(input);
    assertRecordMakesSense(record, domain);
    const key = `${normalizeHost(domain)} ${JSON.stringify(toApiRecord(record))}`;
    const pending = this.creating.get(key);
    if (pending) return pending;
    const created = this.writing(domain, () => this.create(domain, record));
    this.creating.set(key, created);
    void created.finally(() => this.creating.delete(key)).catch(() => {});
    return created;
  }

  /**
   * Saves an edit over the record as it is NOW (read again first): a field the edit leaves out
   * (a CAA tag, an SRV port) keeps the record's current value instead of a default.
   */
  async updateRecord(domain: string, id: number, edit: DnsRecordInput): Promise<DnsRecord> {
    return this.writing(domain, () => this.update(domain, id, edit));
  }

  async deleteRecord(domain: string, id: number): Promise<null> {
    return this.writing(domain, () => this.remove(domain, id));
  }

  /** One domain's record changes run in the order asked, each on the zone the last one left. */
  private writing<T>(domain: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(normalizeHost(domain), work);
  }

  private create(domain: string, record: DnsRecordInput): Promise<DnsRecord> {
    return this.audited('create', domain, record, () => this.writes.create(domain, record));
  }

  private async remove(domain: string, id: number): Promise<null> {
    // The Activity log names what was deleted (a record id means nothing to a person), read once
    // before it goes; a record already gone is still deleted by id, and named so.
    const record = (await this.writes.read(domain).catch(() => [])).find((r) => r.id === id);
    return this.audited('delete', domain, record, () => this.writes.remove(domain, id), id);
  }

  private async update(domain: string, id: number, edit: DnsRecordInput): Promise<DnsRecord> {
    const current = (await this.writes.read(domain)).find((r) => r.id === id);
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
    return this.audited('update', domain, record, () => this.writes.update(domain, id, record), id);
  }

  /** Every record change lands in the Activity log, with its outcome, like deploys and spec edits. */
  private async audited<T>(
    operation: 'create' | 'update' | 'delete',
    domain: string,
    record: DnsRecordInput | undefined,
    run: () => Promise<WriteOutcome<T>>,
    id?: number,
  ): Promise<T> {
    if (!this.activity) return (await run()).value;
    const { audit, context } = this.activity;
    const entry = audit.start({
      context,
      action: 'dns_change',
      target: record ? `${record.name === '@' ? domain : `${record.name}.${domain}`}` : `record ${id} in ${domain}`,
      parameters: { operation, domain, type: record?.type ?? null, data: record?.data ?? null, record_id: id ?? null },
    });
    try {
      const { value, note } = await run();
      audit.finish(entry, { result: 'succeeded', ...(note ? { message: note } : {}) });
      return value;
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
    // Read, decide and write in the domain's queue: a second click on the same fix finds it done.
    await this.writing(fix.domain, () => this.applyFixNow(fix));
    return this.checkDns();
  }

  private async applyFixNow(fix: DnsFix): Promise<void> {
    const records = await this.writes.read(fix.domain);
    const sameName = (r: DnsRecord) => r.name.toLowerCase() === fix.record.name.toLowerCase();
    const sameData = (a: DnsRecordInput, b: DnsRecordInput) =>
      a.type === b.type && valueOf(fix.domain, a) === valueOf(fix.domain, b);

    if (fix.kind === 'create') {
      const existing = records.filter(sameName);
      if (existing.some((r) => sameData(r, fix.record))) return;
      const blocking = existing.find((r) => r.type === 'CNAME' || fix.record.type === 'CNAME');
      if (blocking) {
        throw stale(
          `${fix.record.name} in ${fix.domain} now has a ${blocking.type} record (${blocking.data}) that the check did not see. Re-check before fixing.`,
        );
      }
      const record = withCaaDefaults(fix.record);
      assertRecordMakesSense(record, fix.domain);
      await this.create(fix.domain, record);
      return;
    }

    const current = records.find((r) => r.id === fix.recordId);
    if (!current) {
      if (fix.kind === 'delete') return;
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
    if (fix.kind === 'update') {
      await this.update(fix.domain, current.id, { ...fix.record, type: current.type, name: current.name });
    } else {
      await this.remove(fix.domain, current.id);
    }
  }

  probeHost(hostname: string): Promise<LiveProbe> {
    return probeHostname(hostname, this.network, this.now);
  }
}

const stale = (message: string) => new ApiError({ code: 'stale', message });
