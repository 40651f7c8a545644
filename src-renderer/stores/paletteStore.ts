// The command palette (Ctrl/Cmd+K) and the shortcuts overlay (?): whether they are open, what is
// typed, the items chosen lately (per account context, in localStorage: ids of apps, components
// and views, never a token), and carrying out a choice. A choice never calls the API: it goes
// where the user would go and opens the same dialog the page's button opens, so every action
// keeps its confirmation, its undo window and its gate.
import { create } from 'zustand';
import type { AppDetail } from '../../src-preload/contract';
import { previousDeployment, type PaletteCommand, type PaletteItem } from '../views/palette/paletteItems';
import { useAccountsStore } from './accountsStore';
import { useAppDetailStore } from './appDetailStore';
import { onContextChange } from './contextScope';
import { useAppActionDialogsStore } from './appActionDialogsStore';
import { useDnsStore } from './dnsStore';
import { useEnvironmentStore } from './environmentStore';
import { useFleetStore } from './fleetStore';
import { hrefFor, useNavigationStore } from './navigationStore';
import { useNoticesStore } from './noticesStore';
import { useRollbackStore } from './rollbackStore';
import { useScaleStore } from './scaleStore';

export const RECENT_LIMIT = 8;
const RECENT_KEY = 'fleetdeck.palette.recent.';
/** How long a choice waits for the app's page to load before giving up quietly. */
export const PAGE_WAIT_MS = 20_000;

interface PaletteState {
  open: boolean;
  query: string;
  shortcutsOpen: boolean;
  /** Item ids chosen in this context, most recent first. */
  recent: string[];
  show: () => void;
  hide: () => void;
  toggle: () => void;
  setQuery: (query: string) => void;
  showShortcuts: () => void;
  hideShortcuts: () => void;
  /** Closes the palette and does what the item says; refused items do nothing. */
  run: (item: PaletteItem) => Promise<void>;
}

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** The context the recents belong to: staging's apps are not production's. */
function contextKey(): string {
  const name =
    useAccountsStore.getState().overview?.activeContext ?? useEnvironmentStore.getState().environment?.contextName;
  return RECENT_KEY + (name ?? 'default');
}

export function readRecent(key = contextKey()): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    return []; // unreadable or refused storage: start with no recents rather than fail to open
  }
}

function remember(id: string, recent: readonly string[]): string[] {
  const next = [id, ...recent.filter((r) => r !== id)].slice(0, RECENT_LIMIT);
  try {
    storage()?.setItem(contextKey(), JSON.stringify(next));
  } catch {
    // Not remembered across restarts; still first for this session.
  }
  return next;
}

/**
 * The palette lists what the stores hold; opening it fetches only the cheap parts that are missing:
 * the fleet, and the account's DNS zones (the DNS view's own first read). Not the DNS check, which
 * probes every host; its domains are listed once the DNS view has run it.
 */
function loadSources(): void {
  void useFleetStore.getState().ensureLoaded();
  const dns = useDnsStore.getState();
  if (!dns.domains.value && !dns.domains.loading && !dns.domains.error) void dns.loadDomains();
}

/** The app's detail once loaded (the page loads it too; this waits for the same read). */
export function waitForDetail(appId: string, timeoutMs = PAGE_WAIT_MS): Promise<AppDetail | undefined> {
  const ready = () => {
    const entry = useAppDetailStore.getState().byId[appId];
    return entry && !entry.loading && (entry.detail || entry.error) ? entry : undefined;
  };
  const now = ready();
  if (now) return Promise.resolve(now.detail);
  return new Promise((resolve) => {
    const done = (detail: AppDetail | undefined) => {
      clearTimeout(timer);
      stop();
      resolve(detail);
    };
    const stop = useAppDetailStore.subscribe(() => {
      const entry = ready();
      if (entry) done(entry.detail);
    });
    const timer = setTimeout(() => done(undefined), timeoutMs);
    void useAppDetailStore.getState().load(appId);
  });
}

/** An element once it is on the page, or undefined after the timeout or when the route moved on. */
export function waitForElement(selector: string, timeoutMs = PAGE_WAIT_MS): Promise<HTMLElement | undefined> {
  // By address: the hashchange that follows a navigation replaces the route object with an equal one.
  const href = hrefFor(useNavigationStore.getState().route);
  const find = () => document.querySelector<HTMLElement>(selector) ?? undefined;
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const done = (el: HTMLElement | undefined) => {
      clearTimeout(timer);
      observer.disconnect();
      resolve(el);
    };
    const observer = new MutationObserver(() => {
      if (hrefFor(useNavigationStore.getState().route) !== href) done(undefined);
      else if (find()) done(find());
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    const timer = setTimeout(() => done(undefined), timeoutMs);
  });
}

/** A value inside a quoted attribute selector (CSS.escape is not everywhere the tests run). */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
/** A dialog opened after the user has moved on would wait, unseen, for their next visit. */
const stillOn = (appId: string) => {
  const route = useNavigationStore.getState().route;
  return route.name === 'app' && route.appId === appId;
};

const onAppPage = (appId: string) => `[data-testid="app-detail"][data-app-id=${quoted(appId)}]`;

/**
 * Deploy and Restart open through the dialogs store, as the page's buttons do. The page's button
 * still says whether the action may run now (its gate: pinned, read-only, in flight), so it is
 * waited for, and a disabled one is reported in its own words instead of opening anything.
 */
async function pressPageButton(appId: string, testId: 'deploy-button' | 'restart-button', what: string) {
  const button = await waitForElement(`${onAppPage(appId)} [data-testid="${testId}"]`);
  if (!button || !stillOn(appId)) return;
  if (button instanceof HTMLButtonElement && button.disabled) {
    useNoticesStore.getState().push({
      level: 'info',
      title: `${what} is not available now`,
      body: button.title || 'The page refused it.',
      appId,
    });
    return;
  }
  // Focused first, so the dialog gives focus back to the button when it closes.
  button.focus();
  useAppActionDialogsStore.getState().show(appId, testId === 'deploy-button' ? 'deploy' : 'restart');
}

/** How long the page's own button is looked for before a store opens its dialog without it. */
const BUTTON_WAIT_MS = 2_000;

/**
 * Focus on the page's button for the dialog the store is about to open, as if it had been
 * clicked: the dialog gives focus back to it when it closes.
 */
async function focusPageButton(selector: string): Promise<void> {
  const button = await waitForElement(selector, BUTTON_WAIT_MS);
  button?.focus();
}

async function carryOut(command: PaletteCommand): Promise<void> {
  const nav = useNavigationStore.getState();
  switch (command.kind) {
    case 'navigate':
      nav.navigate(command.route);
      return;
    case 'shortcuts':
      usePaletteStore.getState().showShortcuts();
      return;
    case 'zone':
      nav.navigate({ name: 'dns' });
      await useDnsStore.getState().selectDomain(command.domain);
      return;
    case 'component': {
      nav.openApp(command.appId);
      const row = await waitForElement(
        `${onAppPage(command.appId)} [data-testid="component-row"][data-component-name=${quoted(command.component)}]`,
      );
      row?.scrollIntoView?.({ block: 'center' });
      return;
    }
    case 'deploy':
      nav.openApp(command.appId);
      await pressPageButton(command.appId, 'deploy-button', 'Deploy');
      return;
    case 'restart':
      nav.openApp(command.appId);
      await pressPageButton(command.appId, 'restart-button', 'Restart');
      return;
    case 'scale': {
      nav.openApp(command.appId);
      const detail = await waitForDetail(command.appId);
      const component = detail?.components.find((c) => c.name === command.component);
      if (!detail || !component || !stillOn(command.appId)) return;
      await focusPageButton(
        `${onAppPage(command.appId)} [data-component-name=${quoted(component.name)}] [data-testid="scale-button"]`,
      );
      if (stillOn(command.appId)) useScaleStore.getState().open(detail.app, component);
      return;
    }
    case 'rollback': {
      nav.openApp(command.appId);
      const detail = await waitForDetail(command.appId);
      if (!detail || !stillOn(command.appId)) return;
      const target = previousDeployment(detail.deployments);
      if (target) {
        await focusPageButton(
          `${onAppPage(command.appId)} [data-deployment-id=${quoted(target.id)}] [data-testid="rollback-button"]`,
        );
        if (stillOn(command.appId)) await useRollbackStore.getState().open(detail.app, target);
      } else {
        useNoticesStore.getState().push({
          level: 'info',
          title: `${detail.app.name}: nothing to roll back to`,
          body: 'No earlier deployment of this app was live.',
          appId: detail.app.id,
        });
      }
      return;
    }
  }
}

export const usePaletteStore = create<PaletteState>()((set, get) => ({
  open: false,
  query: '',
  shortcutsOpen: false,
  recent: [],

  show: () => {
    loadSources();
    set({ open: true, query: '', shortcutsOpen: false, recent: readRecent() });
  },
  hide: () => set({ open: false, query: '' }),
  toggle: () => (get().open ? get().hide() : get().show()),
  setQuery: (query) => set({ query }),
  showShortcuts: () => set({ shortcutsOpen: true, open: false }),
  hideShortcuts: () => set({ shortcutsOpen: false }),

  run: async (item) => {
    if (item.disabledReason) return;
    set({ open: false, query: '', recent: remember(item.id, get().recent) });
    await carryOut(item.command);
  },
}));

// Another context's apps: nothing open or typed carries over (recents are read per context).
onContextChange({
  reset: () => usePaletteStore.setState({ open: false, query: '', shortcutsOpen: false, recent: [] }),
});
