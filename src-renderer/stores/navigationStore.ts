// A tiny hash router: '#/' is the fleet overview, '#/apps/<id>' one app's detail. The hash is the
// source of truth; the store mirrors it and listens for hashchange (back/forward, links).
import { create } from 'zustand';

export type Route = { name: 'overview' } | { name: 'app'; appId: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const match = /^\/apps\/([^/?#]+)\/?$/.exec(path);
  if (match?.[1]) {
    try {
      return { name: 'app', appId: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'overview' };
    }
  }
  return { name: 'overview' };
}

export function hrefFor(route: Route): string {
  return route.name === 'app' ? `#/apps/${encodeURIComponent(route.appId)}` : '#/';
}

interface NavigationState {
  route: Route;
  listening: boolean;
  /** Starts mirroring location.hash; returns the function that stops it. */
  start: () => () => void;
  navigate: (route: Route) => void;
  openApp: (appId: string) => void;
  openOverview: () => void;
}

export const useNavigationStore = create<NavigationState>()((set, get) => {
  const sync = () => set({ route: parseHash(window.location.hash) });
  return {
    route: parseHash(typeof window === 'undefined' ? '' : window.location.hash),
    listening: false,
    start: () => {
      sync();
      if (get().listening) return () => undefined;
      window.addEventListener('hashchange', sync);
      set({ listening: true });
      return () => {
        window.removeEventListener('hashchange', sync);
        set({ listening: false });
      };
    },
    navigate: (route) => {
      const href = hrefFor(route);
      if (window.location.hash !== href) window.location.hash = href;
      // hashchange will follow; setting now avoids a frame showing the old view.
      set({ route });
    },
    openApp: (appId) => get().navigate({ name: 'app', appId }),
    openOverview: () => get().navigate({ name: 'overview' }),
  };
});
