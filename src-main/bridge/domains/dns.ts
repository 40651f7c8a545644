// The DNS domain's side of the contract: which service answers each method.
import type { DnsMethods } from '../../../src-preload/contract';
import type { DnsService } from '../../services/dns';
import type { DomainMethodHandlers } from '../dispatcher';

export function dnsMethodHandlers(dns: () => DnsService): DomainMethodHandlers<DnsMethods> {
  return {
    listDomains: () => dns().listDomains(),
    listRecords: ({ domain }) => dns().listRecords(domain),
    createRecord: ({ domain, record }) => dns().createRecord(domain, record),
    updateRecord: ({ domain, id, record }) => dns().updateRecord(domain, id, record),
    deleteRecord: ({ domain, id }) => dns().deleteRecord(domain, id),
    checkDns: () => dns().checkDns(),
    applyDnsFix: (fix) => dns().applyFix(fix),
    probeHost: ({ hostname }) => dns().probeHost(hostname),
  };
}
