// A tiny hash router: '#/' is the fleet overview, '#/apps/<id>' one app's detail, '#/apps/<id>/spec'
// its spec editor, '#/specs' open drafts and new tenants, '#/dns' domains and records, '#/logs' the
// live logs, '#/activity' the audit log, '#/tenants' the tenants matrix, '#/tenants/<appId>' one
// tenant's page, '#/tenants/schema' schema drift across tenants, '#/tenants/new' the new-tenant
// form and '#/tenants/new/<id>' one onboarding run. The hash is the source of truth; the store
// mirrors it and listens for hashchange (back/forward, links).
import { create } from 'zustand';
import { onContextChange } from './contextScope';

/** `query` on logs: `sources=appId:component,…` or `app=…&deployment=…&type=BUILD|DEPLOY`. */
export type Route =
  | { name: 'overview' }
  | { name: 'app'; appId: string }
  | { name: 'logs'; query?: string }
  | { name: 'activity' }
  | { name: 'costs' }
  | { name: 'settings' }
  | { name: 'spec'; appId: string }
  | { name: 'specs' }
  | { name: 'dns' }
  | { name: 'infrastructure' }
  | { name: 'tenants' }
  | { name: 'tenant'; appId: string }
  | { name: 'schema' }
  | { name: 'onboard' }
  | { name: 'onboarding'; id: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const logs = /^\/logs\/?(?:\?(.*))?$/.exec(path);
  if (logs) return logs[1] ? { name: 'logs', query: logs[1] } : { name: 'logs' };
  if (/^\/activity\/?$/.test(path)) return { name: 'activity' };
  if (/^\/settings\/?$/.test(path)) return { name: 'settings' };
  if (/^\/costs\/?$/.test(path)) return { name: 'costs' };
  if (/^\/specs\/?$/.test(path)) return { name: 'specs' };
  if (/^\/dns\/?$/.test(path)) return { name: 'dns' };
  if (/^\/infrastructure\/?$/.test(path)) return { name: 'infrastructure' };
  if (/^\/tenants\/?$/.test(path)) return { name: 'tenants' };
  if (/^\/tenants\/schema\/?$/.test(path)) return { name: 'schema' };
  if (/^\/tenants\/new\/?$/.test(path)) return { name: 'onboard' };
  const onboarding = /^\/tenants\/new\/([A-Za-z0-9-]+)\/?$/.exec(path);
  if (onboarding?.[1]) return { name: 'onboarding', id: onboarding[1] };
  const tenant = /^\/tenants\/([^/?#]+)\/?$/.exec(path);
  if (tenant?.[1]) {
    try {
      return { name: 'tenant', appId: decodeURIComponent(tenant[1]) };
    } catch {
      return { name: 'tenants' };
    }
  }
  const match = /^\/apps\/([^/?#]+)(\/spec)?\/?$/.exec(path);
  if (match?.[1]) {
    try {
      const appId = decodeURIComponent(match[1]);
      return match[2] ? { name: 'spec', appId } : { name: 'app', appId };
    } catch {
      return { name: 'overview' };
    }
  }
  return { name: 'overview' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'app') return `#/apps/${encodeURIComponent(route.appId)}`;
  if (route.name === 'logs') return route.query ? `#/logs?${route.query}` : '#/logs';
  if (route.name === 'activity') return '#/activity';
  if (route.name === 'settings') return '#/settings';
  if (route.name === 'costs') return '#/costs';
  if (route.name === 'spec') return `#/apps/${encodeURIComponent(route.appId)}/spec`;
  if (route.name === 'specs') return '#/specs';
  if (route.name === 'dns') return '#/dns';
  if (route.name === 'infrastructure') return '#/infrastructure';
  if (route.name === 'tenants') return '#/tenants';
  if (route.name === 'schema') return '#/tenants/schema';
  if (route.name === 'onboard') return '#/tenants/new';
  if (route.name === 'onboarding') return `#/tenants/new/${encodeURIComponent(route.id)}`;
  if (route.name === 'tenant') return `#/tenants/${encodeURIComponent(route.appId)}`;
  return '#/';
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

/** Views that name something of one context (an app, its spec, a log tail of its components). */
export function routeNamesContextItems(route: Route): boolean {
  return (
    route.name === 'app' ||
    route.name === 'spec' ||
    route.name === 'tenant' ||
    route.name === 'onboarding' ||
    (route.name === 'logs' && route.query !== undefined)
  );
}

// After a switch, a page about an app of the old context would show or act on the new one's app
// of the same id, or on nothing: the overview is the safe landing.
onContextChange({
  reset: () => {
    if (routeNamesContextItems(useNavigationStore.getState().route)) useNavigationStore.getState().openOverview();
  },
});
