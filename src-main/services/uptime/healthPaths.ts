// A tenant's HTTP health paths as the internet reaches them. App Platform checks a component's
// health_check.http_path on its own port; from outside the same path sits behind the component's
// ingress route: a route '/api' that strips its prefix (the default) serves /health at /api/health,
// one with preserve_path_prefix serves it as written. The host is the rule's authority when it
// names one, else the app's live custom domain, else its default *.ondigitalocean.app host.
// Paths the user adds (e.g. /health/database) go on that same main host.
import type { HealthPath, UptimeRegionSlug } from '../../../src-preload/contract';
import type { App } from '../../clients/digitalocean/types';

type Rule = {
  match?: { path?: { prefix?: string }; authority?: { exact?: string } };
  component?: { name?: string; preserve_path_prefix?: boolean };
};
type Routed = { name?: string; routes?: Array<{ path?: string; preserve_path_prefix?: boolean }> };

const hostOfUrl = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
};

/** The host a tenant is reached on: a live custom domain (primary first), else the default ingress. */
export function mainHost(app: App): string | undefined {
  const live = (app.domains ?? []).filter((d) => d.phase === 'ACTIVE' && d.spec?.domain && !d.spec.wildcard);
  const primary = live.find((d) => d.spec?.type === 'PRIMARY') ?? live[0];
  return primary?.spec?.domain?.toLowerCase() ?? hostOfUrl(app.live_url) ?? hostOfUrl(app.default_ingress);
}

/** Every host of the app (for finding checks made elsewhere on it). */
export function hostsOf(app: App): Set<string> {
  const hosts = new Set<string>();
  for (const d of app.spec?.domains ?? []) if (d.domain && !d.wildcard) hosts.add(d.domain.toLowerCase());
  for (const url of [app.live_url, app.default_ingress]) {
    const host = hostOfUrl(url);
    if (host) hosts.add(host);
  }
  return hosts;
}

export const joinPath = (prefix: string, path: string): string => {
  const head = prefix.replace(/\/+$/, '');
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${head}${tail}` || '/';
};

/** Where a service's route puts its internal path, and on which host. */
function routeOf(app: App, name: string): { prefix: string; preserve: boolean; host?: string } {
  const rules = (app.spec?.ingress as { rules?: Rule[] } | undefined)?.rules ?? [];
  const rule = rules.find((r) => r.component?.name === name);
  if (rule) {
    return {
      prefix: rule.match?.path?.prefix ?? '/',
      preserve: Boolean(rule.component?.preserve_path_prefix),
      host: rule.match?.authority?.exact?.toLowerCase(),
    };
  }
  const legacy = ((app.spec?.services ?? []) as Routed[]).find((s) => s.name === name)?.routes?.[0];
  return { prefix: legacy?.path ?? '/', preserve: Boolean(legacy?.preserve_path_prefix) };
}

/** A URL for host + path, normalized as checks are compared (lower-case host, no trailing slash). */
export function healthUrl(host: string, path: string): string {
  return `https://${host.toLowerCase()}${path}`;
}

/** Same check target? Scheme and host ignore case; a trailing slash is not a different page here. */
export function sameTarget(a: string, b: string): boolean {
  return targetKey(a) === targetKey(b);
}

/** A URL as sameTarget compares it: host in lower case, no trailing slash. */
export function targetKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '') || '/'}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * The account's checks by target, the first of each kept (as a search in list order finds it):
 * the overview joins every tenant's paths to them, and a search per path over 1,000 tenants'
 * checks parsed millions of URLs.
 */
export function checksByTarget<T extends { target?: string }>(checks: readonly T[]): ReadonlyMap<string, T> {
  const byTarget = new Map<string, T>();
  for (const check of checks) {
    if (!check.target) continue;
    const key = targetKey(check.target);
    if (!byTarget.has(key)) byTarget.set(key, check);
  }
  return byTarget;
}

/** The tenant's health paths: its services' health checks, then the paths the user added. */
export function healthPathsOf(app: App, userPaths: readonly string[]): Omit<HealthPath, 'check'>[] {
  const host = mainHost(app);
  const found: Omit<HealthPath, 'check'>[] = [];
  const add = (entry: Omit<HealthPath, 'check'>) => {
    if (!found.some((p) => sameTarget(p.url, entry.url))) found.push(entry);
  };
  for (const service of app.spec?.services ?? []) {
    const httpPath = service.health_check?.http_path;
    if (!service.name || !httpPath) continue;
    const route = routeOf(app, service.name);
    const routeHost = route.host ?? host;
    if (!routeHost) continue;
    const path = route.preserve || route.prefix === '/' ? joinPath('', httpPath) : joinPath(route.prefix, httpPath);
    add({ url: healthUrl(routeHost, path), host: routeHost, path, source: 'spec', component: service.name });
  }
  if (host) for (const path of userPaths) add({ url: healthUrl(host, path), host, path, source: 'user' });
  return found;
}

/** Two probe regions near the app's region (DigitalOcean checks from four). */
export function regionsNear(appRegion: string | undefined): UptimeRegionSlug[] {
  const region = (appRegion ?? '').slice(0, 3);
  if (['lon', 'ams', 'fra'].includes(region)) return ['eu_west', 'us_east'];
  if (['sgp', 'blr', 'syd'].includes(region)) return ['se_asia', 'eu_west'];
  if (region === 'sfo') return ['us_west', 'us_east'];
  return ['us_east', 'us_west'];
}
