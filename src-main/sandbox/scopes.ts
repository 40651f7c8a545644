// Which scope a DigitalOcean call needs, as the official spec's `security` lists it per operation
// (a contract test holds this table to the spec for every path in the committed subset). Custom-
// scoped tokens lacking it are answered 403, so Fleetdeck meets the refusals real users meet.
const RESOURCE_BY_SEGMENT: Record<string, string> = {
  account: 'account',
  apps: 'app',
  projects: 'project',
  customers: 'billing',
  monitoring: 'monitoring',
  domains: 'domain',
  databases: 'database',
  droplets: 'droplet',
  load_balancers: 'load_balancer',
  uptime: 'uptime',
  sizes: 'sizes',
  // Not volumes: the spec lists api:read/api:write first for /v2/volumes (block_storage:read only
  // after), and the contract test holds this table to the first; the sandbox leaves them open.
};

const VERB_BY_METHOD: Record<string, string> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

export function scopeFor(method: string, pathname: string): string | undefined {
  const [, version, segment] = pathname.split('/');
  const resource = version === 'v2' && segment ? RESOURCE_BY_SEGMENT[segment] : undefined;
  if (!resource) return undefined;
  if (resource === 'account')
    return pathname.startsWith('/v2/account/keys') ? `ssh_key:${VERB_BY_METHOD[method] ?? 'read'}` : 'account:read';
  if (resource === 'project' && method === 'POST' && pathname.endsWith('/resources')) return 'project:assign_resource';
  // Billing is read-only; of monitoring, metrics only read and alert policies follow the verbs.
  if (resource === 'billing') return 'billing:read';
  if (resource === 'monitoring' && !pathname.startsWith('/v2/monitoring/alerts')) return 'monitoring:read';
  // A droplet's actions (reboot, resize) and a balancer's targets and rules change what exists.
  if (resource === 'droplet' && pathname.includes('/actions') && method === 'POST') return 'droplet:update';
  if (resource === 'load_balancer' && /\/(droplets|forwarding_rules)$/.test(pathname)) return 'load_balancer:update';
  if (resource !== 'app') return `${resource}:${VERB_BY_METHOD[method] ?? 'read'}`;
  // App Platform: create and delete are the app itself; everything else that changes is an update,
  // and propose (a dry run) only reads.
  if (pathname.endsWith('/exec')) return 'app:access_console';
  if (method === 'GET' || pathname === '/v2/apps/propose' || pathname.startsWith('/v2/apps/metrics/'))
    return 'app:read';
  if (method === 'POST' && pathname === '/v2/apps') return 'app:create';
  if (method === 'DELETE' && /^\/v2\/apps\/[^/]+$/.test(pathname)) return 'app:delete';
  return 'app:update';
}
