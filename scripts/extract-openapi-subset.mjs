// Cuts the parts of the official DigitalOcean OpenAPI bundle that Fleetdeck uses (its paths plus every
// component they reach) into resources/openapi/, so a fresh clone builds and tests without ../shared.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';

const source = process.env.DO_OPENAPI ?? '../shared/specs/digitalocean-openapi.json';
const target = 'resources/openapi/digitalocean-subset.json';
extractOthers();
const pathPrefixes = [
  '/v2/apps',
  '/v2/monitoring/metrics/apps/',
  '/v2/domains',
  '/v2/customers/my/balance',
  '/v2/customers/my/billing_history',
  '/v2/customers/my/invoices',
  '/v2/account',
  '/v2/projects',
  // Beyond App Platform (#18): droplets behind a load balancer, uptime checks, monitoring alerts.
  '/v2/load_balancers',
  '/v2/uptime/checks',
  '/v2/monitoring/alerts',
];
// Paths taken alone, not as a prefix: of the dozens of per-cluster calls, the ones for a cluster's
// databases, users, pools, firewall, resize and options.
const exactPaths = [
  '/v2/databases',
  '/v2/databases/options',
  '/v2/databases/{database_cluster_uuid}',
  '/v2/databases/{database_cluster_uuid}/dbs',
  '/v2/databases/{database_cluster_uuid}/dbs/{database_name}',
  '/v2/databases/{database_cluster_uuid}/users',
  '/v2/databases/{database_cluster_uuid}/pools',
  '/v2/databases/{database_cluster_uuid}/pools/{pool_name}',
  '/v2/databases/{database_cluster_uuid}/firewall',
  '/v2/databases/{database_cluster_uuid}/resize',
  '/v2/sizes',
  '/v2/droplets',
  '/v2/droplets/{droplet_id}',
  '/v2/droplets/{droplet_id}/actions',
  '/v2/droplets/{droplet_id}/actions/{action_id}',
  '/v2/volumes',
];

if (!existsSync(source)) {
  console.error(`No spec at ${source}; the committed subset in ${target} stays as it is.`);
  process.exit(0);
}
mkdirSync('resources/openapi/examples', { recursive: true });
const spec = JSON.parse(readFileSync(source, 'utf8'));
const paths = Object.fromEntries(
  Object.entries(spec.paths).filter(
    ([p]) => exactPaths.includes(p) || pathPrefixes.some((prefix) => p === prefix || p.startsWith(prefix)),
  ),
);

const reached = new Set();
const visit = (node) => {
  if (Array.isArray(node)) return node.forEach(visit);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/') && !reached.has(value)) {
      reached.add(value);
      const [, , kind, name] = value.split('/');
      visit(spec.components[kind][name]);
    } else visit(value);
  }
};
visit(paths);

const components = {};
for (const ref of [...reached].sort()) {
  const [, , kind, name] = ref.split('/');
  components[kind] ??= {};
  components[kind][name] = spec.components[kind][name];
}
const subset = {
  openapi: spec.openapi,
  info: {
    ...spec.info,
    description:
      'Subset of the DigitalOcean public API v2 used by Fleetdeck, cut from the official bundle ' +
      '(digitalocean/openapi @ 7c1300c479fed9c353cda9fc21cd968619552304) by scripts/extract-openapi-subset.mjs. ' +
      'Licensed under the Apache License 2.0 (see info.license and resources/openapi/NOTICE.md).',
  },
  servers: spec.servers,
  security: spec.security,
  paths,
  components: { ...components, securitySchemes: spec.components.securitySchemes },
};
writeFileSync(target, JSON.stringify(subset, null, 1) + '\n');
// The sandbox cloud serves the official examples where the spec has them (real prices, regions).
for (const name of ['instance_sizes', 'regions']) {
  writeFileSync(
    `resources/openapi/examples/${name}.json`,
    JSON.stringify(spec.components.examples[name].value, null, 1) + '\n',
  );
}
console.log(`${Object.keys(paths).length} paths, ${reached.size} components -> ${target}`);

// Supabase Management API (supabase/cli's generated spec, MIT) and GitHub REST (@octokit/openapi,
// MIT; pass GITHUB_OPENAPI=path/to/api.github.com.json from `npm pack @octokit/openapi`).
function extractOthers() {
  const others = [
    {
      source: process.env.SUPABASE_OPENAPI ?? '../shared/specs/supabase-management-openapi.json',
      target: 'resources/openapi/supabase-subset.json',
      paths: [
        '/v1/organizations',
        '/v1/organizations/{slug}',
        '/v1/organizations/{slug}/projects',
        '/v1/projects',
        // A tenant's project: status, health, pause and restore, backups, disk, advisors, keys, migrations.
        '/v1/projects/{ref}',
        '/v1/projects/{ref}/health',
        '/v1/projects/{ref}/pause',
        '/v1/projects/{ref}/restore',
        '/v1/projects/{ref}/database/backups',
        '/v1/projects/{ref}/config/disk/util',
        '/v1/projects/{ref}/advisors/security',
        '/v1/projects/{ref}/advisors/performance',
        '/v1/projects/{ref}/api-keys',
        '/v1/projects/{ref}/database/migrations',
        '/v1/projects/{ref}/database/migrations/{version}',
        // Onboarding a tenant: /v1/projects (above) creates a project, /v1/projects/{ref} deletes
        // one; the registry row goes in through the SQL endpoint with bound parameters.
        '/v1/projects/{ref}/database/query',
      ],
      note: 'Subset of the Supabase Management API v1 (supabase/cli packages/api/src/generated/openapi.json @ 1d1e7191268e068fe9cb6aba524d1c619a9c727b), MIT License.',
    },
    {
      source: process.env.GITHUB_OPENAPI,
      target: 'resources/openapi/github-subset.json',
      // The token check (/user), the limit, and what a tenant's source needs: branch head,
      // deployed…head comparison and the head's CI (check runs plus legacy commit statuses).
      paths: [
        '/user',
        '/rate_limit',
        '/repos/{owner}/{repo}/branches/{branch}',
        '/repos/{owner}/{repo}/commits/{ref}',
        '/repos/{owner}/{repo}/compare/{basehead}',
        '/repos/{owner}/{repo}/commits/{ref}/check-runs',
        '/repos/{owner}/{repo}/commits/{ref}/status',
      ],
      note: 'Subset of the GitHub REST API description (github/rest-api-description via @octokit/openapi 23.0.2), MIT License.',
    },
  ];
  for (const other of others) {
    if (!other.source || !existsSync(other.source)) {
      console.error(`No spec for ${other.target}; the committed subset stays as it is.`);
      continue;
    }
    const full = JSON.parse(readFileSync(other.source, 'utf8'));
    const picked = Object.fromEntries(other.paths.filter((p) => full.paths[p]).map((p) => [p, full.paths[p]]));
    const seen = new Set();
    const walk = (node) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/') && !seen.has(value)) {
          seen.add(value);
          const [, , kind, name] = value.split('/');
          walk(full.components[kind][name]);
        } else walk(value);
      }
    };
    walk(picked);
    const components = {};
    for (const ref of [...seen].sort()) {
      const [, , kind, name] = ref.split('/');
      components[kind] ??= {};
      components[kind][name] = full.components[kind][name];
    }
    const subset = {
      openapi: full.openapi,
      info: { ...full.info, description: other.note },
      paths: picked,
      components,
    };
    writeFileSync(other.target, JSON.stringify(subset, null, 1) + '\n');
    console.log(`${Object.keys(picked).length} paths, ${seen.size} components -> ${other.target}`);
  }
}
