// What the sandbox checks in a spec before accepting it (PUT, POST, propose), with the API's
// answer: 400 invalid_argument, "error validating app spec field "services.instance_count": …".
// The API names the field without list indexes (which service is meant is not in the path); the
// sandbox adds the component's name to the words, as the API does for some refusals and not for
// others (undocumented), so the client must find the line either way. First the schema (types and
// enums, as the API's decoder does), then the rules a founder trips over when editing by hand.
import type { AppSpec } from '../clients/digitalocean/types';
import { InstanceSizeCatalog } from '../services/apps/instanceSizes';
import { SANDBOX_INSTANCE_SIZES, SANDBOX_REGIONS } from './catalog';
import { firstSchemaProblem } from './specSchemaCheck';
import { APP_NAME_PATTERN, COMPONENT_NAME_PATTERN, ENV_KEY_PATTERN } from '../../src-preload/contract/namePatterns';

const catalog = new InstanceSizeCatalog(SANDBOX_INSTANCE_SIZES);
const NAME = APP_NAME_PATTERN;
const ENV_KEY = ENV_KEY_PATTERN;

type Compute = {
  name?: string;
  instance_size_slug?: string;
  instance_count?: number;
  autoscaling?: { min_instance_count?: number; max_instance_count?: number };
};

export function validateSpec(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null) return 'error validating app spec: spec is required';
  const s = spec as AppSpec;
  const field = (path: string, problem: string) =>
    `error validating app spec field "${unindexed(path)}": ${problem}${namedIn(s, path)}`;
  const schemaProblem = firstSchemaProblem(spec);
  if (schemaProblem) return field(schemaProblem.path, schemaProblem.problem);
  if (typeof s.name !== 'string' || !NAME.test(s.name))
    return field('name', 'must match ^[a-z][a-z0-9-]{0,30}[a-z0-9]$');
  if (s.region !== undefined && !SANDBOX_REGIONS.some((r) => r.slug === s.region)) {
    return field('region', `unknown region "${String(s.region)}"`);
  }
  const groups: Array<[string, Compute[] | undefined, boolean]> = [
    ['services', s.services, true],
    ['workers', s.workers, true],
    ['jobs', s.jobs, true],
    ['static_sites', s.static_sites, false],
  ];
  const names = new Set<string>();
  let components = 0;
  for (const [group, list, compute] of groups) {
    for (const [i, c] of (list ?? []).entries()) {
      components++;
      const at = `${group}.${i}`;
      if (typeof c.name !== 'string' || !COMPONENT_NAME_PATTERN.test(c.name))
        return field(`${at}.name`, 'must be lowercase letters, digits and dashes');
      if (names.has(c.name)) return field(`${at}.name`, `component name "${c.name}" is used twice`);
      names.add(c.name);
      if (compute) {
        const problem = computeProblem(c);
        if (problem) return field(`${at}.${problem.path}`, problem.message);
      }
      const envs = (c as { envs?: Array<{ key?: string }> }).envs ?? [];
      const badEnv = envs.findIndex((e) => typeof e.key !== 'string' || !ENV_KEY.test(e.key));
      if (badEnv >= 0) return field(`${at}.envs.${badEnv}.key`, 'must match ^[_A-Za-z][_A-Za-z0-9]*$');
    }
  }
  if (components === 0) return 'error validating app spec: an app needs at least one component';
  return undefined;
}

/** "services.0.envs.2.key" → "services.envs.key": how the API names a field. */
const unindexed = (path: string) =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');

/** ` (component "api")` when the path runs through a named component, as some API refusals say. */
function namedIn(spec: AppSpec, path: string): string {
  const [group, index] = path.split('.');
  const list = group ? (spec as Record<string, unknown>)[group] : undefined;
  const item =
    Array.isArray(list) && index !== undefined && /^\d+$/.test(index)
      ? (list[Number(index)] as { name?: unknown })
      : undefined;
  return typeof item?.name === 'string' ? ` (component "${item.name}")` : '';
}

function computeProblem(c: Compute): { path: string; message: string } | undefined {
  const size = catalog.resolve(c.instance_size_slug);
  if (!size) return { path: 'instance_size_slug', message: `unknown instance size "${c.instance_size_slug}"` };
  if (c.autoscaling) {
    if (c.instance_count !== undefined)
      return { path: 'instance_count', message: 'cannot be set together with autoscaling' };
    if (!size.scalable)
      return { path: 'autoscaling', message: `instance size "${size.slug}" does not support autoscaling` };
    const min = c.autoscaling.min_instance_count ?? 0;
    const max = c.autoscaling.max_instance_count ?? 0;
    if (min < 1 || max < min || max > 250)
      return { path: 'autoscaling', message: 'needs 1 ≤ min_instance_count ≤ max_instance_count ≤ 250' };
    return undefined;
  }
  const count = c.instance_count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 250)
    return { path: 'instance_count', message: 'must be between 1 and 250' };
  if (count > 1 && size.single_instance_only) {
    return { path: 'instance_count', message: `instance size "${size.slug}" allows a single instance only` };
  }
  return undefined;
}

/** A dev database (not a managed cluster) on App Platform, per month. */
export const DEV_DATABASE_USD = 7;
/** Static-site-only apps an account runs free; each one past them costs STATIC_APP_USD a month. */
export const FREE_STATIC_APPS = 3;
export const STATIC_APP_USD = 3;

export const isStaticOnly = (spec: AppSpec) =>
  !(spec.services?.length || spec.workers?.length || spec.jobs?.length || spec.functions?.length);

/**
 * The monthly price of a spec as propose reports it, from DigitalOcean's published prices:
 * compute at its size (autoscaled at the minimum), $7 per dev database, and a static-only app free
 * among the account's first three, $3 after. Jobs bill by the second they run and functions by
 * use, so they add nothing to the monthly figure (undocumented: our reading of the pricing page).
 */
export function specMonthlyCost(spec: AppSpec, staticAppsElsewhere = 0): number {
  const compute: Compute[] = [...(spec.services ?? []), ...((spec.workers ?? []) as Compute[])];
  const computeUsd = compute.reduce((sum, c) => {
    const count = c.autoscaling?.min_instance_count ?? c.instance_count ?? 1;
    return sum + (catalog.monthlyPrice(c.instance_size_slug) ?? 0) * count;
  }, 0);
  const devDatabases = (spec.databases ?? []).filter((d) => !d.production && !d.cluster_name).length;
  const staticUsd = isStaticOnly(spec) && staticAppsElsewhere >= FREE_STATIC_APPS ? STATIC_APP_USD : 0;
  return Math.round((computeUsd + devDatabases * DEV_DATABASE_USD + staticUsd) * 100) / 100;
}
