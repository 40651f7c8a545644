// @vitest-environment jsdom
// The founder keeps their hands on the keyboard: Ctrl+K, a few letters, Enter. The palette must
// take them to the app, open the very confirmation the Deploy button opens (never deploy by
// itself), show actions a read-only token cannot do as refused and why, keep Tab inside, and give
// focus back to where it was when they press Escape.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDetail, ComponentDetail, FleetApp, FleetApi, FleetSnapshot } from '../../../src-preload/contract';
import { useAppDetailStore } from '../../../src-renderer/stores/appDetailStore';
import { useEnvironmentStore } from '../../../src-renderer/stores/environmentStore';
import { useFleetStore } from '../../../src-renderer/stores/fleetStore';
import { useNavigationStore } from '../../../src-renderer/stores/navigationStore';
import { usePaletteStore } from '../../../src-renderer/stores/paletteStore';
import { useScaleStore } from '../../../src-renderer/stores/scaleStore';
import { AppActions } from '../../../src-renderer/views/actions/AppActions';
import { PaletteRoot } from '../../../src-renderer/views/palette/PaletteRoot';

const component = (name: string, kind: ComponentDetail['kind'] = 'service'): ComponentDetail => ({
  name,
  kind,
  source: { kind: 'github', ref: 'taskifai/app', branch: 'main' },
  monthlyCost: { min: 12, max: 12 },
  instanceCount: 1,
  sizeSlug: 'apps-s-1vcpu-1gb',
});

const fleetApp = (id: string, name: string, components: ComponentDetail[]): FleetApp => ({
  id,
  name,
  group: 'TaskifAI',
  region: 'fra',
  regionLabel: 'Frankfurt',
  components,
  monthlyCost: { min: 24, max: 24 },
});

const bibbiComponents = [component('bibbi-api'), component('bibbi-worker', 'worker')];
const demoComponents = [component('demo-api'), component('demo-worker', 'worker')];
const bibbi = fleetApp('app-bibbi', 'taskifai-bibbi', bibbiComponents);
const demo = fleetApp('app-demo', 'taskifai-demo', demoComponents);
const snapshot: FleetSnapshot = {
  fetchedAt: '2026-12-03T09:00:00Z',
  apps: [bibbi, demo],
  monthlyCost: { min: 48, max: 48 },
};
const detailOf = (app: FleetApp, components: ComponentDetail[]): AppDetail => ({
  app,
  components,
  deployments: [],
  domains: [{ name: `${app.name.split('-')[1]}.taskifai.com` }],
});

/**
 * The app page's part that matters here, drawn as DetailView draws it: the Deploy and Restart
 * buttons appear only once the app's detail has been read.
 */
function AppPage() {
  const route = useNavigationStore((s) => s.route);
  const appId = route.name === 'app' ? route.appId : undefined;
  const loaded = useAppDetailStore((s) => (appId ? s.byId[appId]?.detail : undefined));
  useEffect(() => {
    if (appId) void useAppDetailStore.getState().load(appId);
  }, [appId]);
  if (!appId) return null;
  return (
    <main data-testid="app-detail" data-app-id={appId}>
      {loaded ? (
        <>
          <AppActions app={loaded.app} components={loaded.components} />
          {loaded.components.map((c) => (
            <div key={c.name} data-testid="component-row" data-component-name={c.name}>
              <button type="button" data-testid="scale-button">
                Scale {c.name}
              </button>
            </div>
          ))}
        </>
      ) : (
        <p>Loading app…</p>
      )}
    </main>
  );
}

function renderWindow() {
  return render(
    <>
      <button type="button">Somewhere on the page</button>
      <input aria-label="A text field on the page" />
      <input type="checkbox" aria-label="A checkbox on the page" />
      <AppPage />
      <PaletteRoot />
    </>,
  );
}

const pressCtrlK = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'k', ctrlKey: true });
const input = () => screen.getByTestId('palette-input');
const type = (text: string) => fireEvent.change(input(), { target: { value: text } });
const key = (k: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(input(), { key: k, ...init });
const activeOption = () => document.getElementById(input().getAttribute('aria-activedescendant') ?? '');

let stopNavigation: () => void;

beforeEach(() => {
  window.location.hash = '';
  // The router follows the address as in the app: a navigation's hashchange lands mid-wait.
  stopNavigation = useNavigationStore.getState().start();
  localStorage.clear();
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  window.fleet = {
    listFleet: () => ok(snapshot),
    listDomains: () => ok([{ name: 'taskifai.com' }]),
    // A moment late, as over the bridge: the page is still loading when the palette closes.
    getAppDetail: async ({ appId }: { appId: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return ok(appId === bibbi.id ? detailOf(bibbi, bibbiComponents) : detailOf(demo, demoComponents));
    },
    previewScale: () => new Promise(() => undefined),
  } as unknown as FleetApi;
  useFleetStore.setState({ snapshot, loading: false, error: undefined });
  useEnvironmentStore.setState({
    status: 'ready',
    environment: { mode: 'demo', contextName: 'Demo fleet', appVersion: '1.0.0' },
  });
});

afterEach(() => {
  cleanup();
  stopNavigation();
  usePaletteStore.setState({ open: false, query: '', shortcutsOpen: false, recent: [] });
  useAppDetailStore.setState({ byId: {} });
  useScaleStore.setState({ dialog: undefined });
});

describe('jumping to an app', () => {
  it('Ctrl+K opens a modal combobox; a few letters and Enter open the app and remember it', async () => {
    renderWindow();
    const opener = screen.getByRole('button', { name: 'Somewhere on the page' });
    opener.focus();
    pressCtrlK();

    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(input());
    expect(input().getAttribute('role')).toBe('combobox');
    expect(screen.getByRole('listbox')).toBeTruthy();

    type('bibi');
    expect(activeOption()?.dataset.itemId).toBe('app:app-bibbi');
    expect(activeOption()?.getAttribute('aria-selected')).toBe('true');
    await act(async () => key('Enter'));

    expect(useNavigationStore.getState().route).toEqual({ name: 'app', appId: 'app-bibbi' });
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
    expect(JSON.parse(localStorage.getItem('fleetdeck.palette.recent.Demo fleet') ?? '[]')).toEqual(['app:app-bibbi']);

    // Next time, with nothing typed, it is the first thing offered.
    pressCtrlK();
    expect(activeOption()?.dataset.itemId).toBe('app:app-bibbi');
    expect(screen.getByText('Recent')).toBeTruthy();
  });

  it('every view is there, the Tenants ones included', async () => {
    renderWindow();
    pressCtrlK();
    type('tenants');
    expect(activeOption()?.dataset.itemId).toBe('view:tenants');
    type('schema drift');
    expect(activeOption()?.dataset.itemId).toBe('view:schema');
    await act(async () => key('Enter'));
    expect(useNavigationStore.getState().route).toEqual({ name: 'schema' });
  });

  it('groups results and moves through them with the arrows, wrapping at the ends', () => {
    renderWindow();
    pressCtrlK();
    type('demo');
    const groups = screen.getAllByRole('group').map((g) => g.getAttribute('aria-labelledby'));
    expect(groups[0]).toBe('palette-group-Apps');
    expect(groups).toEqual(expect.arrayContaining(['palette-group-Actions', 'palette-group-Components']));
    const options = screen.getAllByRole('option');
    key('ArrowDown');
    expect(activeOption()).toBe(options[1]);
    key('ArrowUp');
    key('ArrowUp');
    expect(activeOption()).toBe(options[options.length - 1]);
  });

  it('Escape closes it and focus goes back where it was; Tab never leaves it', () => {
    renderWindow();
    const opener = screen.getByRole('button', { name: 'Somewhere on the page' });
    opener.focus();
    pressCtrlK();
    key('Tab');
    expect(document.activeElement).toBe(input());
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(input());
    key('Escape');
    expect(screen.queryByTestId('palette')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('says so while the fleet loads, and when nothing matches', () => {
    useFleetStore.setState({ snapshot: undefined, loading: true });
    renderWindow();
    pressCtrlK();
    expect(screen.getByTestId('palette-loading').textContent).toContain('Loading the fleet');
    // Views are there already.
    type('costs');
    expect(activeOption()?.dataset.itemId).toBe('view:costs');
    act(() => useFleetStore.setState({ snapshot, loading: false }));
    expect(screen.queryByTestId('palette-loading')).toBeNull();
    type('zzqx');
    expect(screen.getByTestId('palette-empty').textContent).toContain('Nothing matches “zzqx”');
  });
});

describe('running actions through the page’s own confirmations', () => {
  it('“deploy bibbi” opens the app and the same confirmation as its Deploy button, which sends nothing yet', async () => {
    const deployApp = vi.fn();
    Object.assign(window.fleet, { deployApp });
    renderWindow();
    pressCtrlK();
    type('deploy bibbi');
    expect(activeOption()?.dataset.itemId).toBe('deploy:app-bibbi');
    await act(async () => key('Enter'));

    const confirmation = await screen.findByRole('dialog', { name: 'Deploy taskifai-bibbi?' });
    expect(within(confirmation).getByText('Force rebuild')).toBeTruthy();
    // The confirmation starts on Cancel and gives focus back to Deploy when it closes.
    fireEvent.keyDown(confirmation, { key: 'Escape' });
    expect(document.activeElement).toBe(screen.getByTestId('deploy-button'));
    expect(deployApp).not.toHaveBeenCalled();
  });

  it('“scale demo api” opens the scale dialog for that component', async () => {
    renderWindow();
    pressCtrlK();
    type('scale demo api');
    await act(async () => key('Enter'));
    await vi.waitFor(() => expect(useScaleStore.getState().dialog?.component).toBe('demo-api'));
    expect(useScaleStore.getState().dialog?.app.id).toBe('app-demo');
    expect(useNavigationStore.getState().route).toEqual({ name: 'app', appId: 'app-demo' });
    // As if its Scale button had been clicked: that is where focus returns when the dialog closes.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Scale demo-api' }));
  });

  it('a scale chosen and then left behind (the user went elsewhere before the app loaded) opens nothing', async () => {
    renderWindow();
    pressCtrlK();
    type('scale demo api');
    key('Enter');
    act(() => useNavigationStore.getState().openOverview());
    // Past the detail's answer and the wait for the page's Scale button (2 s) that follows it.
    await act(() => new Promise((resolve) => setTimeout(resolve, 2_200)));
    expect(useAppDetailStore.getState().byId['app-demo']?.detail).toBeDefined();
    expect(useScaleStore.getState().dialog).toBeUndefined();
  });

  it('“logs bibbi worker” opens the logs on that component', async () => {
    renderWindow();
    pressCtrlK();
    type('logs bibbi worker');
    await act(async () => key('Enter'));
    expect(useNavigationStore.getState().route).toEqual({
      name: 'logs',
      query: `sources=${encodeURIComponent('app-bibbi:bibbi-worker')}`,
    });
  });

  it('a read-only token: the actions are shown refused, with the reason, and Enter does nothing', async () => {
    useEnvironmentStore.setState({
      environment: {
        mode: 'live',
        contextName: 'production',
        appVersion: '1.0.0',
        readOnlyReason: 'This token has read scopes only.',
      },
    });
    renderWindow();
    pressCtrlK();
    expect(screen.getByTestId('palette-readonly').textContent).toContain('read scopes only');
    type('deploy bibbi');
    const option = activeOption()!;
    expect(option.dataset.itemId).toBe('deploy:app-bibbi');
    expect(option.getAttribute('aria-disabled')).toBe('true');
    expect(option.textContent).toContain('This token has read scopes only.');
    await act(async () => key('Enter'));
    expect(screen.getByTestId('palette')).toBeTruthy();
    expect(useNavigationStore.getState().route).toEqual({ name: 'overview' });
    // Logs read nothing into the account: they stay available.
    type('logs bibbi');
    expect(activeOption()?.getAttribute('aria-disabled')).toBeNull();
  });
});

describe('the ? overlay', () => {
  it('opens on ? outside a text field, lists the shortcuts, and Escape gives focus back', () => {
    renderWindow();
    const opener = screen.getByRole('button', { name: 'Somewhere on the page' });
    opener.focus();
    fireEvent.keyDown(opener, { key: '?' });
    const overlay = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(overlay.getAttribute('aria-modal')).toBe('true');
    expect(within(overlay).getAllByTestId('shortcut').length).toBeGreaterThan(5);
    expect(overlay.textContent).toContain('Open the command palette');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('opened from the palette, it gives focus back to where it was before the palette', () => {
    renderWindow();
    const opener = screen.getByRole('button', { name: 'Somewhere on the page' });
    opener.focus();
    pressCtrlK();
    type('shortcuts');
    key('Enter');
    const overlay = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(overlay.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(overlay.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(opener);
  });

  it('is text, not a shortcut, inside a text field', () => {
    renderWindow();
    const field = screen.getByRole('textbox', { name: 'A text field on the page' });
    field.focus();
    fireEvent.keyDown(field, { key: '?' });
    expect(screen.queryByRole('dialog')).toBeNull();
    // A checkbox takes no text: there ? is the shortcut.
    const box = screen.getByRole('checkbox', { name: 'A checkbox on the page' });
    box.focus();
    fireEvent.keyDown(box, { key: '?' });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });
});
