// PLACEHOLDER — the DNS service is being built; every method reports that it is not ready.
import type { DnsCheckReport, DnsDomain, DnsFix, DnsRecord, DnsRecordInput, LiveProbe } from '../../../src-preload/contract';
import { ApiError } from '../../clients/http/apiError';

const notReady = (): never => {
  throw new ApiError({ code: 'internal', message: 'DNS is not ready yet.' });
};

export class DnsService {
  async listDomains(): Promise<DnsDomain[]> { return notReady(); }
  async listRecords(_domain: string): Promise<DnsRecord[]> { return notReady(); }
  async createRecord(_domain: string, _record: DnsRecordInput): Promise<DnsRecord> { return notReady(); }
  async updateRecord(_domain: string, _id: number, _record: DnsRecordInput): Promise<DnsRecord> { return notReady(); }
  async deleteRecord(_domain: string, _id: number): Promise<null> { return notReady(); }
  async checkDns(): Promise<DnsCheckReport> { return notReady(); }
  async applyFix(_fix: DnsFix): Promise<DnsCheckReport> { return notReady(); }
  async probeHost(_hostname: string): Promise<LiveProbe> { return notReady(); }
}
