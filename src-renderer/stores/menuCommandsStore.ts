// The native menu's commands (Electron only: in a browser the stream never fires). Each maps to
// what the window already offers: a view, the palette, reading the current view again, the theme.
// Refresh re-reads the view's data through its own store rather than reloading the page, which
// would drop open dialogs and unsaved spec text.
import { create } from 'zustand';
import type { MenuCommand, MenuView, Unsubscribe } from '../../src-preload/contract';
import { subscribeFleet } from '../fleetApi';
import { useActivityStore } from './activityStore';
import { useAppDetailStore } from './appDetailStore';
import { useCostsStore } from './costsStore';
import { useDnsStore } from './dnsStore';
import { useFleetStore } from './fleetStore';
import { useInfrastructureStore } from './infrastructureStore';
import { useNavigationStore, type Route } from './navigationStore';
import { usePaletteStore } from './paletteStore';
import { useSpecDraftsStore } from './specDraftsStore';
import { useTenantPageStore } from './tenantPageStore';
import { useTenantsStore } from './tenantsStore';
import { useThemeStore } from './themeStore';

const VIEW_ROUTES: Record<MenuView, Route> = {
  overview: { name: 'overview' },
  tenants: { name: 'tenants' },
  specs: { name: 'specs' },
  dns: { name: 'dns' },
  logs: { name: 'logs' },
  activity: { name: 'activity' },
  costs: { name: 'costs' },
  settings: { name: 'settings' },
};

/** Reads what the route shows again; live views (logs) and forms (settings) have nothing to re-read. */
function refresh(route: Route): void {
  switch (route.name) {
    case 'overview':
      return void useFleetStore.getState().load();
    case 'app':
      return void useAppDetailStore.getState().load(route.appId);
    case 'tenants':
      return void useTenantsStore.getState().load();
    case 'tenant':
      return void useTenantPageStore.getState().load();
    case 'specs':
      return void useSpecDraftsStore.getState().loadDrafts();
    case 'dns':
      return void useDnsStore.getState().load();
    case 'activity':
      return void useActivityStore.getState().load();
    case 'costs':
      return void useCostsStore.getState().load();
    case 'infrastructure':
      return void useInfrastructureStore.getState().load();
    default:
      return;
  }
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function runMenuCommand(command: MenuCommand): void {
  switch (command.kind) {
    case 'view':
      return useNavigationStore.getState().navigate(VIEW_ROUTES[command.view]);
    case 'palette':
      return usePaletteStore.getState().toggle();
    case 'refresh':
      return refresh(useNavigationStore.getState().route);
    case 'toggleTheme': {
      const { choice, choose } = useThemeStore.getState();
      const dark = choice === 'dark' || (choice === 'system' && prefersDark());
      return choose(dark ? 'light' : 'dark');
    }
  }
}

interface MenuCommandsState {
  /** Once, at app start: follows the menu until the returned function is called. */
  start: () => () => void;
}

let unsubscribe: Unsubscribe | undefined;

export const useMenuCommandsStore = create<MenuCommandsState>()(() => ({
  start: () => {
    if (unsubscribe) return () => undefined;
    // A failed event (no bridge, a lost socket) has nothing to show: the menu just does nothing.
    unsubscribe = subscribeFleet('watchMenuCommands', undefined, (event) => {
      if (event.ok) runMenuCommand(event.value);
    });
    return () => {
      unsubscribe?.();
      unsubscribe = undefined;
    };
  },
}));
