// The accounts store with a fake window.fleet: a token passes through `add` and is never found in
// any store's state afterwards, success or failure; a context switch re-reads what is on screen.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountSummary, AccountsOverview, FleetApi, Result } from '../../../src-preload/contract';

const TOKEN = `dop_v1_${'5e471e1'.repeat(10).slice(0, 64)}`;

const account: AccountSummary = {
  provider: 'digitalocean',
  context: 'production',
  label: 'Production',
  owner: 'founder@taskifai.com, team TaskifAI',
  scopes: ['read', 'write'],
  limitations: [],
  lastFour: TOKEN.slice(-4),
  validatedAt: '2026-01-01T00:00:00Z',
  status: 'ok',
  storage: 'memory',
};

const overview = (activeContext: string, accounts: AccountSummary[] = []): AccountsOverview => ({
  accounts,
  contexts: [
    { name: 'Demo fleet', demo: true, providers: [] },
    ...(accounts.length ? [{ name: 'production', demo: false, providers: ['digitalocean' as const] }] : []),
  ],
  activeContext,
  keychain: { available: false, problem: 'No keychain here.' },
});

function fakeFleet(overrides: Record<string, unknown>) {
  const quiet = vi.fn(async () => ({
    ok: false as const,
    error: { code: 'internal' as const, message: 'not in this test' },
  }));
  const api = new Proxy(overrides, { get: (target, key: string) => target[key] ?? quiet });
  return api as unknown as FleetApi;
}

async function allStoreState(): Promise<string> {
  const modules = await Promise.all([
    import('../../../src-renderer/stores/accountsStore'),
    import('../../../src-renderer/stores/environmentStore'),
    import('../../../src-renderer/stores/fleetStore'),
  ]);
  return JSON.stringify([
    modules[0].useAccountsStore.getState(),
    modules[1].useEnvironmentStore.getState(),
    modules[2].useFleetStore.getState(),
  ]);
}

describe('accounts store', () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('adds an account and keeps only its summary, never the token', async () => {
    const addAccount = vi.fn(async () => ({ ok: true as const, value: account }));
    vi.stubGlobal('window', { fleet: fakeFleet({ addAccount }), location: { hash: '' } });
    const { useAccountsStore } = await import('../../../src-renderer/stores/accountsStore');
    useAccountsStore.setState({ overview: overview('Demo fleet') });

    const ok = await useAccountsStore
      .getState()
      .add({ provider: 'digitalocean', context: ' production ', token: TOKEN, memoryOnly: true });

    expect(ok).toBe(true);
    expect(addAccount).toHaveBeenCalledWith({
      provider: 'digitalocean',
      context: 'production',
      token: TOKEN,
      memoryOnly: true,
    });
    expect(useAccountsStore.getState().adding).toEqual({ status: 'added', account });
    expect(useAccountsStore.getState().overview?.accounts).toEqual([account]);
    expect(await allStoreState()).not.toContain(TOKEN);
  });

  it('shows the API’s refusal and keeps no token after a failure', async () => {
    const refusal = { code: 'unauthorized' as const, message: 'DigitalOcean: Unable to authenticate you.' };
    const addAccount = vi.fn(async () => ({ ok: false as const, error: refusal }));
    vi.stubGlobal('window', { fleet: fakeFleet({ addAccount }), location: { hash: '' } });
    const { useAccountsStore } = await import('../../../src-renderer/stores/accountsStore');
    useAccountsStore.setState({ overview: overview('Demo fleet') });

    expect(await useAccountsStore.getState().add({ provider: 'digitalocean', context: 'staging', token: TOKEN })).toBe(
      false,
    );
    expect(useAccountsStore.getState().adding).toEqual({ status: 'failed', error: refusal });
    expect(useAccountsStore.getState().overview?.accounts).toEqual([]);
    expect(await allStoreState()).not.toContain(TOKEN);
  });

  it('switching context re-reads the environment and the fleet and leaves an app detail', async () => {
    const location = { hash: '#/apps/abc' };
    const switchContext = vi.fn(async () => ({ ok: true as const, value: overview('production', [account]) }));
    const getEnvironment = vi.fn(async () => ({
      ok: true as const,
      value: { mode: 'live' as const, contextName: 'production', appVersion: 't' },
    }));
    const listFleet = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal' as const, message: 'later' },
    }));
    vi.stubGlobal('window', { fleet: fakeFleet({ switchContext, getEnvironment, listFleet }), location });
    const { useAccountsStore } = await import('../../../src-renderer/stores/accountsStore');
    const { useNavigationStore } = await import('../../../src-renderer/stores/navigationStore');
    const { useAppDetailStore } = await import('../../../src-renderer/stores/appDetailStore');
    // On screen, as in the window: the top bar's environment and the overview's fleet.
    await import('../../../src-renderer/stores/environmentStore');
    await import('../../../src-renderer/stores/fleetStore');
    useNavigationStore.setState({ route: { name: 'app', appId: 'abc' } });
    useAppDetailStore.setState({ byId: { abc: { loading: false } } });
    useAccountsStore.setState({ overview: overview('Demo fleet', [account]) });

    await useAccountsStore.getState().switchContext('production');

    expect(switchContext).toHaveBeenCalledWith({ context: 'production' });
    expect(getEnvironment).toHaveBeenCalledTimes(1);
    expect(listFleet).toHaveBeenCalledTimes(1);
    expect(useAppDetailStore.getState().byId).toEqual({});
    expect(useNavigationStore.getState().route).toEqual({ name: 'overview' });
    expect(useAccountsStore.getState().overview?.activeContext).toBe('production');
  });

  it('does not reload when the stream repeats the same active context', async () => {
    const getEnvironment = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal' as const, message: 'x' },
    }));
    let emit: ((event: AccountsOverview) => void) | undefined;
    const watchAccounts = vi.fn((_request: unknown, listener: (event: Result<AccountsOverview>) => void) => {
      emit = (value) => listener({ ok: true, value });
      return () => undefined;
    });
    vi.stubGlobal('window', { fleet: fakeFleet({ watchAccounts, getEnvironment }), location: { hash: '' } });
    const { useAccountsStore } = await import('../../../src-renderer/stores/accountsStore');
    const stop = useAccountsStore.getState().start();
    emit?.(overview('Demo fleet'));
    emit?.(overview('Demo fleet', [account]));
    expect(useAccountsStore.getState().overview?.accounts).toEqual([account]);
    expect(getEnvironment).not.toHaveBeenCalled();
    expect(watchAccounts).toHaveBeenCalledTimes(1);
    stop();
  });
});
