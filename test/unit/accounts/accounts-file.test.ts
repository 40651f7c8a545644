// The accounts file is saved after every change the founder makes — a rename, a switch of
// context, a token that needs attention — and those can pile up at once (two windows, a burst of
// 401s). Every save succeeds, the file always parses, and it ends with the last change asked.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountRegistry, ACCOUNTS_FILE, type RegistryData } from '../../../src-main/services/accounts/accountRegistry';
import { AccountsService } from '../../../src-main/services/accounts/accountsService';
import { MemorySecretStore } from '../../../src-main/secrets/secretStore';
import type { AccountSummary } from '../../../src-preload/contract/accounts';
import { sandboxWithClient } from '../../support/sandbox';

const dataDir = () => mkdtempSync(join(tmpdir(), 'fleetdeck-accounts-file-'));
const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, ACCOUNTS_FILE), 'utf8')) as RegistryData;
const account = (label: string): AccountSummary => ({
  provider: 'digitalocean',
  context: 'production',
  label,
  owner: 'ops@taskifai.com',
  scopes: ['read', 'write'],
  limitations: [],
  lastFour: 'abcd',
  validatedAt: '2026-11-20T12:00:00.000Z',
  status: 'ok',
  storage: 'keychain',
});
const saves = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ activeContext: 'production', accounts: [account(`label ${i}`)] }));

describe('the accounts file under a burst of saves', () => {
  it('150 saves at once all succeed, and the file holds the last one', async () => {
    const dir = dataDir();
    const registry = new AccountRegistry(dir);

    const results = await Promise.allSettled(saves(150).map((data) => registry.save(data)));

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(onDisk(dir).accounts.map((a) => a.label)).toEqual(['label 149']);
    expect(readdirSync(dir)).toEqual([ACCOUNTS_FILE]);
  });

  it('two windows saving the same folder at once never trip over each other’s temporary file', async () => {
    const dir = dataDir();
    const windows = [new AccountRegistry(dir), new AccountRegistry(dir), new AccountRegistry(dir)];

    const results = await Promise.allSettled(saves(150).map((data, i) => windows[i % 3]!.save(data)));

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(onDisk(dir).accounts).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([ACCOUNTS_FILE]);
  });

  it('150 renames of the production account at once each answer, and the last label is kept', async () => {
    const { sandbox } = await sandboxWithClient();
    const dir = dataDir();
    const keychain = Object.assign(new MemorySecretStore(), { kind: 'keychain' as const });
    const options = {
      keychain,
      dataDir: dir,
      endpoints: { digitalocean: sandbox.url, supabase: `${sandbox.url}/supabase`, github: `${sandbox.url}/github` },
    };
    const accounts = new AccountsService(options);
    await accounts.load();
    const token = `dop_v1_${randomBytes(32).toString('hex')}`;
    sandbox.state.tokens.set(token, { scopes: 'read-write', email: 'ops@taskifai.com' });
    await accounts.add({ provider: 'digitalocean', context: 'production', token });

    const key = { provider: 'digitalocean' as const, context: 'production' };
    const renamed = await Promise.allSettled(
      Array.from({ length: 150 }, (_, i) => accounts.rename({ ...key, label: `Production ${i}` })),
    );

    expect(renamed.filter((r) => r.status === 'rejected')).toEqual([]);
    const reopened = new AccountsService(options);
    await reopened.load();
    expect(reopened.overview().accounts.map((a) => a.label)).toEqual(['Production 149']);
  });
});
