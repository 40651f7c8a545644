// The founder edits a CAA or SRV record's value or TTL: whatever the edit does not set (a CAA
// record's tag and flags, an SRV record's priority, weight and port) stays as the record has it
// now, read again just before the change, never replaced by a default.
import { describe, expect, it } from 'vitest';
import { dnsWithSandbox } from '../../support/dns';

describe('editing a record keeps the fields the edit does not set', () => {
  it('keeps a CAA record’s issuewild tag and critical flag when only its value and TTL change', async () => {
    const { dns, client, recordsAt } = await dnsWithSandbox();
    const caa = await client.createDomainRecord('taskifai.com', {
      type: 'CAA',
      name: '@',
      data: 'letsencrypt.org',
      ttl: 3600,
      flags: 128,
      tag: 'issuewild',
    });

    const edited = await dns.updateRecord('taskifai.com', caa.id!, {
      type: 'CAA',
      name: '@',
      data: 'pki.goog',
      ttl: 600,
    });

    expect(edited).toMatchObject({ data: 'pki.goog', ttl: 600, flags: 128, tag: 'issuewild' });
    expect(recordsAt('taskifai.com', '@').find((r) => r.id === caa.id)).toMatchObject({ flags: 128, tag: 'issuewild' });
  });

  it('takes the tag from the record as it is now, not as it was when the editor opened', async () => {
    const { dns, client, recordsAt } = await dnsWithSandbox();
    const caa = await client.createDomainRecord('taskifai.com', {
      type: 'CAA',
      name: '@',
      data: 'letsencrypt.org',
      ttl: 3600,
      flags: 0,
      tag: 'issue',
    });
    // Someone else changes the tag in the control panel meanwhile.
    await client.updateDomainRecord('taskifai.com', caa.id!, { ...caa, tag: 'iodef', data: 'mailto:ops@taskifai.com' });

    await dns.updateRecord('taskifai.com', caa.id!, {
      type: 'CAA',
      name: '@',
      data: 'mailto:dns@taskifai.com',
      ttl: 3600,
    });
    expect(recordsAt('taskifai.com', '@').find((r) => r.id === caa.id)).toMatchObject({
      tag: 'iodef',
      data: 'mailto:dns@taskifai.com',
    });
  });

  it('keeps an SRV record’s priority, weight and port when only its target changes', async () => {
    const { dns, client } = await dnsWithSandbox();
    const srv = await client.createDomainRecord('taskifai.com', {
      type: 'SRV',
      name: '_sip._tls',
      data: 'sip.taskifai.com.',
      ttl: 1800,
      priority: 10,
      weight: 60,
      port: 5061,
    });

    const edited = await dns.updateRecord('taskifai.com', srv.id!, {
      type: 'SRV',
      name: '_sip._tls',
      data: 'sip2.taskifai.com',
      ttl: 1800,
    });
    expect(edited).toMatchObject({ data: 'sip2.taskifai.com', priority: 10, weight: 60, port: 5061 });
  });

  it('sets the fields an edit does give, a changed port included', async () => {
    const { dns, client } = await dnsWithSandbox();
    const srv = await client.createDomainRecord('taskifai.com', {
      type: 'SRV',
      name: '_xmpp._tcp',
      data: 'chat.taskifai.com.',
      ttl: 1800,
      priority: 5,
      weight: 0,
      port: 5222,
    });
    const edited = await dns.updateRecord('taskifai.com', srv.id!, {
      type: 'SRV',
      name: '_xmpp._tcp',
      data: 'chat.taskifai.com',
      ttl: 1800,
      priority: 5,
      weight: 10,
      port: 5223,
    });
    expect(edited).toMatchObject({ priority: 5, weight: 10, port: 5223 });
  });

  it('says in words that a CAA record needs a tag, instead of guessing “issue”', async () => {
    const { dns, sandbox } = await dnsWithSandbox();
    await expect(
      dns.createRecord('taskifai.com', { type: 'CAA', name: '@', data: 'letsencrypt.org', ttl: 3600 }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('issue, issuewild or iodef'),
    });
    expect(sandbox.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('refuses, in words, to edit a record that was deleted meanwhile or to change its type', async () => {
    const { dns, recordsAt } = await dnsWithSandbox();
    await expect(
      dns.updateRecord('taskifai.com', 999_999, { type: 'CNAME', name: 'x', data: 'a.example.com', ttl: 1800 }),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('no longer exists') });
    const [app] = recordsAt('taskifai.com', 'app');
    await expect(
      dns.updateRecord('taskifai.com', app!.id, { type: 'A', name: 'app', data: '203.0.113.9', ttl: 1800 }),
    ).rejects.toMatchObject({ message: expect.stringContaining('type can’t change') });
    expect(recordsAt('taskifai.com', 'app')).toEqual([app]);
  });
});
