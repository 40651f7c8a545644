// The views the palette can jump to, one line each. Keyed by the navigation store's route names,
// so a new route (say 'tenants') fails to compile here until it has its line: no view is left out
// of the palette by forgetting it. Routes that name an app (its page, its spec) come from the fleet.
import type { Route } from '../../stores/navigationStore';

/** Routes that need nothing but their name. */
export type ViewRouteName = Exclude<Route['name'], 'app' | 'spec'>;

export interface ViewEntry {
  label: string;
  /** Other words people use for it. */
  keywords: readonly string[];
}

export const PALETTE_VIEWS = {
  overview: { label: 'Fleet overview', keywords: ['apps', 'tenants', 'home', 'health'] },
  specs: { label: 'Specs', keywords: ['drafts', 'yaml', 'new tenant', 'create'] },
  dns: { label: 'DNS', keywords: ['domains', 'records', 'zones', 'certificates'] },
  logs: { label: 'Logs', keywords: ['tail', 'live', 'output'] },
  activity: { label: 'Activity', keywords: ['audit', 'history', 'log'] },
  costs: { label: 'Costs', keywords: ['billing', 'invoices', 'money', 'spend', 'supabase'] },
  settings: { label: 'Settings', keywords: ['accounts', 'tokens', 'contexts', 'theme'] },
} satisfies Record<ViewRouteName, ViewEntry>;

/** Every view route is made of its name alone (the routes that name an app are excluded above). */
export function viewRoute(name: ViewRouteName): Route {
  return { name };
}
