import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../../src-main/services/accounts/accountsService';
import { MemorySecretStore } from '../../../src-main/secrets/secretStore';
import { sandboxWithClient } from '../../support/sandbox';

const doToken = () => `dop_v1_${randomBytes(32).toString('hex')}`;

async function setup(options: { keychain?: 'available' | 'missing' } = {}) {
  const { sandbox } = await sandboxWithClient();
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-accounts-'));
  const keychain = new MemorySecretStore();
  // A "keychain" that is really there, or the memory fallback the app opens without one.
  const store = options.keychain === 'missing' ? keychain : Object.assign(keychain, { kind: 'keychain' as const });
  const switched: string[] = [];
  const accounts = new AccountsService({
    keychain: store,
    keychainProblem: 'No Secret Service is running.',
    dataDir,
    endpoints: { digitalocean: sandbox.url, supabase: `${sandbox.url}/supabase`, github: `${sandbox.url}/github` },
    onContextChange: async (context) => void switched.push(context),
  });
  await accounts.load();
  const grant = (token: string, grant: Parameters<typeof sandbox.state.tokens.set>[1]) =>
    sandbox.state.tokens.set(token, grant);
  return { accounts, keychain, dataDir, grant, switched, sandbox };
}

describe('the founder connects a production DigitalOcean team', () => {
  it('stores the token only after the API accepted it, and shows who it belongs to', async () => {
    const { accounts, keychain, grant } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-write', email: 'ops@taskifai.com' });
    const account = await accounts.add({ provider: 'digitalocean', context: 'production', token });
    expect(account).toMatchObject({
      owner: 'ops@taskifai.com, team TaskifAI',
      scopes: ['read', 'write'],
      limitations: [],
      lastFour: token.slice(-4),
      status: 'ok',
      storage: 'keychain',
    });
    expect(await keychain.get({ provider: 'digitalocean', context: 'production' })).toBe(token);
    expect(JSON.stringify(accounts.overview())).not.toContain(token);
  });

  it('is told a read-only token cannot deploy, scale or roll back', async () => {
    const { accounts, grant } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-only' });
    const account = await accounts.add({ provider: 'digitalocean', context: 'staging', token });
    expect(account.scopes).toEqual(['read']);
    expect(account.limitations.join(' ')).toMatch(/read-only \(it lacks app:update\)/);
  });

  it('gets a clear refusal for a revoked token, and nothing is stored', async () => {
    const { accounts, keychain } = await setup();
    const token = doToken();
    await expect(accounts.add({ provider: 'digitalocean', context: 'production', token })).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'DigitalOcean: Unable to authenticate you. Nothing was saved.',
    });
    expect(await keychain.list()).toEqual([]);
    expect(accounts.overview().accounts).toEqual([]);
  });

  it('keeps labels and owners in the data folder, never the token', async () => {
    const { accounts, grant, dataDir } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-write' });
    await accounts.add({ provider: 'digitalocean', context: 'production', label: 'Prod team', token });
    for (const file of readdirSync(dataDir)) expect(readFileSync(join(dataDir, file), 'utf8')).not.toContain(token);
    expect(readFileSync(join(dataDir, 'accounts.json'), 'utf8')).toContain('Prod team');
  });
});

describe('custom-scoped and new DigitalOcean tokens', () => {
  it('a read-write token of an account with no apps yet may deploy', async () => {
    const { accounts, grant, sandbox } = await setup();
    sandbox.state.apps.clear();
    const token = doToken();
    grant(token, { scopes: 'read-write' });
    const account = await accounts.add({ provider: 'digitalocean', context: 'new-team', token });
    expect(account.scopes).toEqual(['read', 'write']);
    expect(account.limitations).toEqual([]);
  });

  it('a read-only token of an account with no apps yet is still told apart', async () => {
    const { accounts, grant, sandbox } = await setup();
    sandbox.state.apps.clear();
    const token = doToken();
    grant(token, { scopes: 'read-only' });
    const account = await accounts.add({ provider: 'digitalocean', context: 'new-team', token });
    expect(account.scopes).toEqual(['read']);
    expect(account.limitations.join(' ')).toMatch(/read-only \(it lacks app:update\)/);
  });

  it('a token without account:read is added, and every missing scope is named with what it costs', async () => {
    const { accounts, grant } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-write', lacks: ['account:read', 'project:read', 'billing:read', 'domain:read'] });
    const account = await accounts.add({ provider: 'digitalocean', context: 'scoped', token });
    expect(account.owner).toBe('DigitalOcean token');
    expect(account.scopes).toEqual(['read', 'write']);
    expect(account.limitations).toEqual([
      'The owner is not shown: the token lacks account:read.',
      'Without project:read, apps are grouped by name, not by project.',
      'Without billing:read, Costs shows no balance or invoices.',
      'Without domain:read, the DNS view cannot read your zones.',
    ]);
  });

  it('a token that cannot read apps is refused in words, and nothing is stored', async () => {
    const { accounts, grant, keychain } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-write', lacks: ['app:read'] });
    await expect(accounts.add({ provider: 'digitalocean', context: 'scoped', token })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/lacks app:read.*Nothing was saved/),
    });
    expect(await keychain.get({ provider: 'digitalocean', context: 'scoped' })).toBeUndefined();
  });
});

describe('a token check that cannot reach its API', () => {
  it('names the host it tried and says nothing was saved', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-accounts-'));
    const keychain = new MemorySecretStore();
    Object.assign(keychain, { kind: 'keychain' as const });
    // Port 9 on loopback: nothing listens there, so the connection is refused at once.
    const accounts = new AccountsService({
      keychain,
      dataDir,
      endpoints: { digitalocean: 'http://127.0.0.1:9', supabase: 'http://127.0.0.1:9', github: 'http://127.0.0.1:9' },
      onContextChange: async () => undefined,
    });
    await accounts.load();
    await expect(
      accounts.add({ provider: 'digitalocean', context: 'production', token: doToken() }),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/\(tried 127\.0\.0\.1:9\)\. Nothing was saved\.$/),
    });
    expect(await keychain.list()).toEqual([]);
  });
});

describe('Supabase and GitHub accounts', () => {
  it('shows the Supabase organizations a personal access token sees', async () => {
    const { accounts, grant } = await setup();
    const token = `sbp_${randomBytes(20).toString('hex')}`;
    grant(token, { scopes: 'read-write', api: 'supabase' });
    const account = await accounts.add({ provider: 'supabase', context: 'production', token });
    expect(account.owner).toBe('organizations TaskifAI, InsightPulse');
  });

  it("shows the GitHub login and the classic token's scopes, and warns without repo", async () => {
    const { accounts, grant } = await setup();
    const full = `ghp_${randomBytes(18).toString('hex')}`;
    grant(full, { scopes: 'read-write', api: 'github' });
    expect(await accounts.add({ provider: 'github', context: 'production', token: full })).toMatchObject({
      owner: '@taskifai-founder',
      scopes: ['repo', 'workflow'],
      limitations: [],
    });
    const narrow = `ghp_${randomBytes(18).toString('hex')}`;
    grant(narrow, { scopes: 'read-only', api: 'github' });
    const limited = await accounts.add({ provider: 'github', context: 'staging', token: narrow });
    expect(limited.limitations.join(' ')).toMatch(/lacks the repo scope/);
  });

  it('refuses a DigitalOcean token offered as a GitHub one', async () => {
    const { accounts, grant } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-write' });
    await expect(accounts.add({ provider: 'github', context: 'production', token })).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'GitHub: Bad credentials. Nothing was saved.',
    });
  });
});

describe('contexts', () => {
  it('lists the demo fleet and the demo’s staging account as contexts of their own, switches, and falls back to the demo fleet when a context is removed', async () => {
    const { accounts, grant, switched } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-write' });
    await accounts.add({ provider: 'digitalocean', context: 'production', token });
    expect(accounts.overview().contexts.map((c) => c.name)).toEqual(['Demo fleet', 'Demo staging', 'production']);
    expect((await accounts.switchTo('production')).activeContext).toBe('production');
    await accounts.remove({ provider: 'digitalocean', context: 'production' });
    expect(accounts.activeContext).toBe('Demo fleet');
    expect(switched).toEqual(['production', 'Demo fleet']);
    await expect(accounts.switchTo('nowhere')).rejects.toThrow(/no context named "nowhere"/);
  });

  it('marks an account whose token was revoked later as needing attention', async () => {
    const { accounts, grant } = await setup();
    const token = doToken();
    grant(token, { scopes: 'read-write' });
    await accounts.add({ provider: 'digitalocean', context: 'production', token });
    await accounts.markNeedsAttention(
      { provider: 'digitalocean', context: 'production' },
      'DigitalOcean: Unable to authenticate you.',
    );
    expect(accounts.overview().accounts[0]).toMatchObject({
      status: 'needs_attention',
      problem: 'DigitalOcean: Unable to authenticate you.',
    });
  });
});

describe('without a keychain', () => {
  it('says what is missing and offers a token kept only until quit, never written to disk', async () => {
    const { accounts, grant, dataDir } = await setup({ keychain: 'missing' });
    const token = doToken();
    grant(token, { scopes: 'read-write' });
    await expect(accounts.add({ provider: 'digitalocean', context: 'production', token })).rejects.toThrow(
      /No Secret Service is running\. Choose "Keep only until Fleetdeck quits"/,
    );
    const account = await accounts.add({ provider: 'digitalocean', context: 'production', token, memoryOnly: true });
    expect(account.storage).toBe('memory');
    expect(await accounts.tokenFor('digitalocean', 'production')).toBe(token);
    expect(accounts.overview().keychain).toEqual({ available: false, problem: 'No Secret Service is running.' });
    for (const file of readdirSync(dataDir)) expect(readFileSync(join(dataDir, file), 'utf8')).not.toContain(token);
  });
});
