// Cuts the parts of the official DigitalOcean OpenAPI bundle that Fleetdeck uses (its paths plus every
// component they reach) into resources/openapi/, so a fresh clone builds and tests without ../shared.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';

const source = process.env.DO_OPENAPI ?? '../shared/specs/digitalocean-openapi.json';
const target = 'resources/openapi/digitalocean-subset.json';
const pathPrefixes = [
  '/v2/apps',
  '/v2/monitoring/metrics/apps/',
  '/v2/domains',
  '/v2/customers/my/balance',
  '/v2/customers/my/billing_history',
  '/v2/customers/my/invoices',
  '/v2/account',
  '/v2/projects',
];

if (!existsSync(source)) {
  console.error(`No spec at ${source}; the committed subset in ${target} stays as it is.`);
  process.exit(0);
}
mkdirSync('resources/openapi/examples', { recursive: true });
const spec = JSON.parse(readFileSync(source, 'utf8'));
const paths = Object.fromEntries(
  Object.entries(spec.paths).filter(([p]) => pathPrefixes.some((prefix) => p === prefix || p.startsWith(prefix))),
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
  writeFileSync(`resources/openapi/examples/${name}.json`, JSON.stringify(spec.components.examples[name].value, null, 1) + '\n');
}
console.log(`${Object.keys(paths).length} paths, ${reached.size} components -> ${target}`);
