// The founder switches account context while DNS, Specs and Costs hold the old context's data,
// with a fix dialog open, an action in its undo window and a read still on its way. After the
// switch nothing of the old context is left on screen to act on, and what is open reloads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountsOverview, FleetApi } from '../../../src-preload/contract';
import { later } from './specsFleetFake';

const overview = (activeContext: string): AccountsOverview => ({
  accounts: [],
  contexts: [
    { name: 'Demo fleet', demo: true, providers: [] },
    { name: 'production', demo: false, providers: ['digitalocean'] },
  ],
  activeContext,
  keychain: { available: true },
});

const ok = <T>(value: T) => ({ ok: true as const, value });

function fakeFleet(overrides: Record<string, unknown>) {
  const quiet = vi.fn(async () => ({
    ok: false as const,
    error: { code: 'internal' as const, message: 'not in this test' },
  }));
  return new Proxy(overrides, { get: (target, key: string) => target[key] ?? quiet }) as unknown as FleetApi;
}

async function stores() {
  const [accounts, navigation, dns, specs, costs, undo, contextScope] = await Promise.all([
    import('../../../src-renderer/stores/accountsStore'),
    import('../../../src-renderer/stores/navigationStore'),
    import('../../../src-renderer/stores/dnsStore'),
    import('../../../src-renderer/stores/specEditorStore'),
    import('../../../src-renderer/stores/costsStore'),
    import('../../../src-renderer/stores/undoStore'),
    import('../../../src-renderer/stores/contextScope'),
  ]);
  accounts.useAccountsStore.setState({ overview: overview('Demo fleet') });
  return {
    accounts: accounts.useAccountsStore,
    navigation: navigation.useNavigationStore,
    dns: dns.useDnsStore,
    specs: specs.useSpecEditorStore,
    costs: costs.useCostsStore,
    undo: undo.useUndoStore,
    contextScope,
  };
}

/** A draft of app-1 whose editor holds typing not yet saved ('a: 2' over the saved 'a: 1'). */
const draft = {
  appId: 'app-1',
  appName: 'shop',
  yaml: 'a: 1\n',
  baseYaml: 'a: 1\n',
  baseVersion: 'v',
  origin: 'edit',
  createdAt: 'x',
  updatedAt: 'x',
  pendingSecrets: [],
};

const DEMO_FIX = {
  kind: 'create' as const,
  domain: 'taskifai.com',
  record: { type: 'CNAME' as const, name: 'customer3', data: 'demo.ondigitalocean.app', ttl: 1800 },
};

describe('switching account context resets every domain store', () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('the DNS view drops the old zones and its open fix dialog, then reads the new context', async () => {
    const listDomains = vi.fn(async () => ok([]));
    const checkDns = vi.fn(async () => ok({ apps: [], dangling: [], checkedAt: 'now' }));
    const switchContext = vi.fn(async () => ok(overview('production')));
    const applyDnsFix = vi.fn();
    vi.stubGlobal('window', {
      fleet: fakeFleet({ listDomains, checkDns, switchContext, applyDnsFix }),
      location: { hash: '#/dns' },
    });
    const s = await stores();
    s.navigation.setState({ route: { name: 'dns' } });
    s.dns.setState({
      domains: { loading: false, value: [{ name: 'taskifai.com', ttl: 1800 }] as never },
      selectedDomain: 'taskifai.com',
    });
    s.dns.getState().askFix(DEMO_FIX as never);

    await s.accounts.getState().switchContext('production');

    expect(s.dns.getState().fix).toBeUndefined();
    expect(s.dns.getState().selectedDomain).toBeUndefined();
    await s.dns.getState().confirmFix();
    expect(applyDnsFix).not.toHaveBeenCalled();
    expect(listDomains).toHaveBeenCalledTimes(1);
    expect(checkDns).toHaveBeenCalledTimes(1);
  });

  it('a read answered after the switch is dropped instead of showing the old context', async () => {
    const slowBilling = later<unknown>();
    const getAccountBilling = vi.fn(() => slowBilling.promise);
    const switchContext = vi.fn(async () => ok(overview('production')));
    vi.stubGlobal('window', { fleet: fakeFleet({ getAccountBilling, switchContext }), location: { hash: '' } });
    const s = await stores();

    const loading = s.costs.getState().loadBilling();
    await s.accounts.getState().switchContext('production');
    slowBilling.resolve(ok({ monthToDateUsage: 42 }));
    await loading;

    expect(s.costs.getState().billing.value).toBeUndefined();
  });

  it('a failed billing read after the switch does not show the previous context bill as the last answer', async () => {
    const getAccountBilling = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'forbidden' as const, message: 'needs billing:read' },
    }));
    const switchContext = vi.fn(async () => ok(overview('production')));
    vi.stubGlobal('window', { fleet: fakeFleet({ getAccountBilling, switchContext }), location: { hash: '#/costs' } });
    const s = await stores();
    s.navigation.setState({ route: { name: 'costs' } });
    s.costs.setState({
      billing: { loading: false, value: { monthToDateUsage: 99 } as never },
      revenue: { TaskifAI: 500 },
    });

    await s.accounts.getState().switchContext('production');
    await vi.waitFor(() => expect(s.costs.getState().billing.loading).toBe(false));

    expect(s.costs.getState().billing).toEqual({
      loading: false,
      error: { code: 'forbidden', message: 'needs billing:read' },
    });
    expect(s.costs.getState().revenue).toEqual({ TaskifAI: 500 });
  });

  it('an action still in its undo window is undone, never sent to the new context', async () => {
    const switchContext = vi.fn(async () => ok(overview('production')));
    vi.stubGlobal('window', { fleet: fakeFleet({ switchContext }), location: { hash: '' } });
    const s = await stores();

    const fires = s.undo.getState().schedule('app-1', 'Deploying shop', 'app-1');
    await s.accounts.getState().switchContext('production');

    await expect(fires).resolves.toBe(false);
    expect(s.undo.getState().pending).toEqual([]);
  });

  it('the spec editor route falls back to the overview and the editors of the old context are gone', async () => {
    const switchContext = vi.fn(async () => ok(overview('production')));
    const listDrafts = vi.fn(async () => ok([]));
    vi.stubGlobal('window', {
      fleet: fakeFleet({ switchContext, listDrafts }),
      location: { hash: '#/apps/app-1/spec' },
    });
    const s = await stores();
    s.navigation.setState({ route: { name: 'spec', appId: 'app-1' } });
    s.specs.setState({
      editors: { 'app-1': { loading: false, text: 'name: shop\n', savedText: 'name: shop\n' } as never },
    });

    await s.accounts.getState().switchContext('production');

    expect(s.navigation.getState().route).toEqual({ name: 'overview' });
    expect(s.specs.getState().editors).toEqual({});
  });

  it('unsaved spec text is saved to the old context draft before the switch is sent', async () => {
    const order: string[] = [];
    const saveDraft = vi.fn(async () => {
      order.push('saveDraft');
      return ok({ savedAt: '2026-01-01T10:05:00Z' });
    });
    const switchContext = vi.fn(async () => {
      order.push('switchContext');
      return ok(overview('production'));
    });
    vi.stubGlobal('window', { fleet: fakeFleet({ saveDraft, switchContext }), location: { hash: '' } });
    const s = await stores();
    s.specs.setState({ editors: { 'app-1': { loading: false, draft, text: 'a: 2\n', savedText: 'a: 1\n' } as never } });

    await s.accounts.getState().switchContext('production');

    expect(order).toEqual(['saveDraft', 'switchContext']);
    expect(saveDraft).toHaveBeenCalledWith({ appId: 'app-1', yaml: 'a: 2\n' });
  });

  it('when the unsaved text cannot be saved, the switch waits and says why', async () => {
    const saveDraft = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'network' as const, message: 'offline' },
    }));
    const switchContext = vi.fn(async () => ok(overview('production')));
    vi.stubGlobal('window', { fleet: fakeFleet({ saveDraft, switchContext }), location: { hash: '' } });
    const s = await stores();
    s.specs.setState({ editors: { 'app-1': { loading: false, draft, text: 'a: 2\n', savedText: 'a: 1\n' } as never } });

    await s.accounts.getState().switchContext('production');

    expect(switchContext).not.toHaveBeenCalled();
    expect(s.accounts.getState().switchError?.message).toMatch(/Still in Demo fleet: A spec draft has unsaved changes/);
    expect(s.specs.getState().editors['app-1']?.text).toBe('a: 2\n');
  });
});
