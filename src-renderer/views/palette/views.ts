// The views the palette can jump to, one line each, keyed by the navigation store's route names.
// A route that names an app (its page, its spec) is not a view of its own: those come from the
// fleet. A new route is offered once it has its line here (say `tenants: { label: 'Tenants', … }`).
import type { Route } from '../../stores/navigationStore';

/** Routes made of their name alone. */
export type ViewRouteName = Exclude<Route, { appId: string } | { id: string }>['name'];

export interface ViewEntry {
  label: string;
  /** Other words people use for it. */
  keywords: readonly string[];
}

export const PALETTE_VIEWS = {
  overview: { label: 'Fleet overview', keywords: ['apps', 'fleet', 'home', 'health'] },
  tenants: { label: 'Tenants', keywords: ['supabase', 'projects', 'github', 'matrix'] },
  onboard: { label: 'New tenant', keywords: ['onboard', 'create', 'supabase', 'add tenant'] },
  schema: { label: 'Schema drift', keywords: ['tenants', 'database', 'migrations', 'supabase'] },
  specs: { label: 'Specs', keywords: ['drafts', 'yaml', 'new tenant', 'create'] },
  dns: { label: 'DNS', keywords: ['domains', 'records', 'zones', 'certificates'] },
  infrastructure: {
    label: 'Infrastructure',
    keywords: ['droplets', 'load balancer', 'databases', 'clusters', 'redis'],
  },
  logs: { label: 'Logs', keywords: ['tail', 'live', 'output'] },
  activity: { label: 'Activity', keywords: ['audit', 'history', 'log'] },
  costs: { label: 'Costs', keywords: ['billing', 'invoices', 'money', 'spend', 'supabase'] },
  settings: { label: 'Settings', keywords: ['accounts', 'tokens', 'contexts', 'theme'] },
} satisfies Partial<Record<ViewRouteName, ViewEntry>>;

export function viewRoute(name: ViewRouteName): Route {
  return { name };
}
