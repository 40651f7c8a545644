// The record editor turns what the founder typed into a record, or says in words what is missing;
// numbers stay as typed until then, so a refused save loses nothing. SRV and CAA records open with
// every field they have, so saving one changes only what was edited.
import { describe, expect, it } from 'vitest';
import type { DnsRecord } from '../../../src-preload/contract';
import { draftToRecord, useDnsStore, type RecordDraft } from '../../../src-renderer/stores/dnsStore';

const draft = (patch: Partial<RecordDraft>): RecordDraft => ({
  type: 'CNAME',
  name: 'status',
  data: 'x.statuspage.io',
  ttl: '1800',
  priority: '',
  weight: '',
  port: '',
  flags: '',
  tag: '',
  ...patch,
});

/** What the editor would save for a record opened and saved unchanged. */
function reopened(record: DnsRecord) {
  useDnsStore.getState().openEditor('taskifai.com', record);
  return draftToRecord(useDnsStore.getState().editor!.draft);
}

describe('the record editor’s draft', () => {
  it('becomes a record with a numeric TTL, trimmed', () => {
    expect(draftToRecord(draft({ name: ' status ', ttl: '3600' }))).toEqual({
      record: { type: 'CNAME', name: 'status', data: 'x.statuspage.io', ttl: 3600 },
    });
  });

  it.each([
    [{ name: '' }, 'Give the record a name'],
    [{ data: '  ' }, 'Give the record a value'],
    [{ ttl: '10' }, 'between 30 and 86400'],
    [{ ttl: 'an hour' }, 'between 30 and 86400'],
    [{ type: 'MX' as const, priority: '' }, 'priority'],
    [{ type: 'SRV' as const, priority: '10', weight: '5', port: '' }, 'a priority, a weight and a port'],
    [{ type: 'SRV' as const, priority: '10', weight: '5', port: '70000' }, '0 to 65535'],
    [{ type: 'CAA' as const, flags: '0', tag: '' }, 'issue, issuewild or iodef'],
    [{ type: 'CAA' as const, flags: '300', tag: 'issue' }, '0 to 255'],
  ])('refuses %o in words', (patch, words) => {
    const result = draftToRecord(draft(patch));
    expect('error' in result && result.error.message).toContain(words);
  });

  it('keeps an MX record’s priority', () => {
    expect(draftToRecord(draft({ type: 'MX', name: '@', data: 'mx.zoho.eu', priority: '10' }))).toMatchObject({
      record: { priority: 10 },
    });
  });

  it('opens a CAA record with its flags and tag, and saves them unchanged', () => {
    const caa: DnsRecord = {
      id: 7,
      type: 'CAA',
      name: '@',
      data: 'letsencrypt.org',
      ttl: 3600,
      flags: 128,
      tag: 'issuewild',
    };
    expect(useDnsStore.getState().editor).toBeUndefined();
    expect(reopened(caa)).toEqual({
      record: { type: 'CAA', name: '@', data: 'letsencrypt.org', ttl: 3600, flags: 128, tag: 'issuewild' },
    });
    useDnsStore.getState().closeEditor();
  });

  it('opens an SRV record with its priority, weight and port, and saves them unchanged', () => {
    const srv: DnsRecord = {
      id: 8,
      type: 'SRV',
      name: '_sip._tls',
      data: 'sip.taskifai.com',
      ttl: 1800,
      priority: 10,
      weight: 60,
      port: 5061,
    };
    expect(reopened(srv)).toEqual({
      record: {
        type: 'SRV',
        name: '_sip._tls',
        data: 'sip.taskifai.com',
        ttl: 1800,
        priority: 10,
        weight: 60,
        port: 5061,
      },
    });
    useDnsStore.getState().closeEditor();
  });
});
