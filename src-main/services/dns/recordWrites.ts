// One record change sent to the Domains API, and what to say when its answer is lost (a dropped
// socket, a timeout, a 5xx): the zone is read again and tells whether the change happened. The
// change is never sent a second time on a guess, since a POST that did land would leave two records.
import type { DnsRecord, DnsRecordInput } from '../../../src-preload/contract';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import { ApiError } from '../../clients/http/apiError';
import { fqdnOf, normalizeHost, sameRecordAs, toApiRecord, toDnsRecord } from './records';

export type RecordClient = Pick<
  DigitalOceanClient,
  'listDomainRecords' | 'createDomainRecord' | 'updateDomainRecord' | 'deleteDomainRecord'
>;

/** What a write did, and — when the zone had to be asked — how that was learned, for Activity. */
export interface WriteOutcome<T> {
  value: T;
  note?: string;
}

export class RecordWrites {
  constructor(private readonly client: RecordClient) {}

  async read(domain: string): Promise<DnsRecord[]> {
    return (await this.client.listDomainRecords(domain)).map(toDnsRecord);
  }

  /**
   * Creates the record unless the zone already holds one just like it (a retry after a lost
   * answer, a second window): then that one is the answer and nothing is sent.
   */
  async create(domain: string, record: DnsRecordInput): Promise<WriteOutcome<DnsRecord>> {
    const before = await this.read(domain);
    const zone = normalizeHost(domain);
    const existing = before.find((r) => sameRecordAs(zone, r, record));
    if (existing) return { value: existing, note: 'The zone already had this record: nothing was sent.' };
    try {
      return { value: toDnsRecord(await this.client.createDomainRecord(domain, toApiRecord(record))) };
    } catch (error) {
      if (!answerWasLost(error)) throw error;
      const known = new Set(before.map((r) => r.id));
      const after = await this.reread(domain, error, `adding ${recordLabel(zone, record)}`);
      const created = after.find((r) => !known.has(r.id) && sameRecordAs(zone, r, record));
      if (created)
        return { value: created, note: 'The answer was lost; the zone shows the record, so it was created.' };
      throw didNotHappen(`adding ${recordLabel(zone, record)}`, `${domain} has no such record`);
    }
  }

  async update(domain: string, id: number, record: DnsRecordInput): Promise<WriteOutcome<DnsRecord>> {
    try {
      return { value: toDnsRecord(await this.client.updateDomainRecord(domain, id, toApiRecord(record))) };
    } catch (error) {
      if (!answerWasLost(error)) throw error;
      const zone = normalizeHost(domain);
      const what = `changing ${recordLabel(zone, record)}`;
      const now = (await this.reread(domain, error, what)).find((r) => r.id === id);
      if (now && sameRecordAs(zone, now, record)) {
        return { value: now, note: 'The answer was lost; the zone shows the change, so it was made.' };
      }
      throw didNotHappen(what, now ? 'the record does not show the change' : 'the record is no longer there');
    }
  }

  async remove(domain: string, id: number): Promise<WriteOutcome<null>> {
    try {
      await this.client.deleteDomainRecord(domain, id);
      return { value: null };
    } catch (error) {
      if (!answerWasLost(error)) throw error;
      const what = `deleting record ${id} in ${domain}`;
      const still = (await this.reread(domain, error, what)).some((r) => r.id === id);
      if (!still) return { value: null, note: 'The answer was lost; the record is gone, so it was deleted.' };
      throw didNotHappen(what, 'the record is still there');
    }
  }

  /** The zone after a lost answer; when even that read fails, nobody can tell what happened. */
  private async reread(domain: string, lost: unknown, what: string): Promise<DnsRecord[]> {
    try {
      return await this.read(domain);
    } catch {
      throw new ApiError({
        code: 'unknown_outcome',
        message: `${capitalized(what)} got no answer (${messageOf(lost)}) and ${domain} could not be read again: it may or may not have happened. Check the records before trying again.`,
      });
    }
  }
}

export function answerWasLost(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.code === 'network' || error.code === 'timeout' || error.code === 'server_error')
  );
}

// The same code app actions use when an answer is lost; here the zone could be read, and says no.
const didNotHappen = (what: string, seen: string) =>
  new ApiError({
    code: 'unknown_outcome',
    message: `${capitalized(what)} got no answer, and ${seen}: it did not happen. Nothing was sent twice; try again when the API answers.`,
  });

const recordLabel = (zone: string, r: DnsRecordInput) => `the ${r.type} record ${fqdnOf(zone, r.name)}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
