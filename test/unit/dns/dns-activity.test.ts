// A record change is an action like a deploy: the founder finds it in Activity afterwards, with
// what was changed and whether it worked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src-main/services/deploys/auditLog';
import { DnsService } from '../../../src-main/services/dns';
import { dnsWithSandbox, domainCheck } from '../../support/dns';

async function auditedDns() {
  const setup = await dnsWithSandbox();
  const audit = new AuditLog(mkdtempSync(join(tmpdir(), 'fleetdeck-dns-audit-')));
  const dns = new DnsService(setup.client, setup.sandbox.dns, { audit, context: 'Demo fleet' });
  return { ...setup, dns, audit };
}

describe('DNS changes in the Activity log', () => {
  it('records the one-click fix for odoo as a succeeded DNS change naming the record', async () => {
    const { dns, audit } = await auditedDns();
    const fix = domainCheck(await dns.checkDns(), 'odoo.insightpulseai.net').fix!;
    await dns.applyFix(fix);

    const [entry] = await audit.list({ action: 'dns_change' });
    expect(entry).toMatchObject({
      context: 'Demo fleet',
      action: 'dns_change',
      target: 'odoo.insightpulseai.net',
      result: 'succeeded',
      parameters: { operation: 'create', domain: 'insightpulseai.net', type: 'CNAME' },
    });
  });

  it('records a refused change as failed, with the API’s words', async () => {
    const { dns, audit, sandbox } = await auditedDns();
    sandbox.state.tokens.set(
      [...sandbox.state.tokens.entries()].find(([, grant]) => (grant.api ?? 'digitalocean') === 'digitalocean')![0],
      { scopes: 'read-only' },
    );
    await expect(
      dns.createRecord('taskifai.com', { type: 'TXT', name: 'note', data: 'hello', ttl: 3600 }),
    ).rejects.toThrow();

    const [entry] = await audit.list({ action: 'dns_change' });
    expect(entry).toMatchObject({ result: 'failed', target: 'note.taskifai.com' });
    expect(entry!.message).toBeTruthy();
  });

  it('a deleted record is named by its hostname and value, not by its id', async () => {
    const { dns, audit } = await auditedDns();
    const record = (await dns.listRecords('taskifai.com')).find((r) => r.type === 'CNAME' && r.name !== '*')!;
    await dns.deleteRecord('taskifai.com', record.id);

    const [entry] = await audit.list({ action: 'dns_change' });
    expect(entry).toMatchObject({
      target: `${record.name}.taskifai.com`,
      result: 'succeeded',
      parameters: {
        operation: 'delete',
        domain: 'taskifai.com',
        type: 'CNAME',
        data: record.data,
        record_id: record.id,
      },
    });
  });
});
