// The record editor turns what the founder typed into a record, or says in words what is missing;
// numbers stay as typed until then, so a refused save loses nothing.
import { describe, expect, it } from 'vitest';
import { draftToRecord, type RecordDraft } from '../../../src-renderer/stores/dnsStore';

const draft = (patch: Partial<RecordDraft>): RecordDraft => ({
  type: 'CNAME',
  name: 'status',
  data: 'x.statuspage.io',
  ttl: '1800',
  priority: '',
  ...patch,
});

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
  ])('refuses %o in words', (patch, words) => {
    const result = draftToRecord(draft(patch));
    expect('error' in result && result.error.message).toContain(words);
  });

  it('keeps an MX record’s priority', () => {
    expect(draftToRecord(draft({ type: 'MX', name: '@', data: 'mx.zoho.eu', priority: '10' }))).toMatchObject({
      record: { priority: 10 },
    });
  });
});
