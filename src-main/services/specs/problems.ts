// What is wrong with a draft, in words and at a line. A few checks run locally for instant
// feedback (the mistakes a founder makes by hand); the API's propose call stays the authority —
// these never stop a spec the API would take, except the gates: a SECRET that would be emptied, or
// whose new value was lost with a restart, is taken by the API and yet must not be applied.
import type { SpecProblem } from '../../../src-preload/contract';
import type { AppRegion } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import type { InstanceSizeCatalog } from '../apps/instanceSizes';
import { COMPONENT_GROUPS, envRefs, isEncrypted } from './secrets';
import { locate, type ParsedSpec, type SpecPath } from './yamlSpec';
import { APP_NAME_PATTERN, COMPONENT_NAME_PATTERN, ENV_KEY_PATTERN } from '../../../src-preload/contract/namePatterns';

const APP_NAME = APP_NAME_PATTERN;
const COMPONENT_NAME = COMPONENT_NAME_PATTERN;
const ENV_KEY = ENV_KEY_PATTERN;
const TOP_LEVEL = new Set([
  'name',
  'region',
  'domains',
  'services',
  'static_sites',
  'workers',
  'jobs',
  'functions',
  'databases',
  'ingress',
  'egress',
  'maintenance',
  'vpc',
  'disable_edge_cache',
  'disable_email_obfuscation',
  'enhanced_threat_control_enabled',
  'envs',
  'alerts',
  'features',
]);

export interface CheckContext {
  /** The app the draft belongs to; absent for a new app. */
  appName?: string;
  catalog?: InstanceSizeCatalog;
  regions?: readonly AppRegion[];
  /** "component/KEY" of SECRET envs that have a new value waiting in memory. */
  pendingSecrets?: ReadonlySet<string>;
  /** "component/KEY" of SECRET envs whose new value was held by a process that is gone. */
  secretsToReenter?: ReadonlySet<string>;
  /** What the spec is checked for: an apply (the default) or a new app. */
  purpose?: 'apply' | 'create';
}

const GATES = new WeakSet<SpecProblem>();

/** A local problem that stops the spec whatever the API says of it. */
export const isGate = (problem: SpecProblem): boolean => GATES.has(problem);

/** How a SECRET env is named to the founder: "demo-api's SENTRY_DSN", or the app-level key. */
export const secretName = (env: { component?: string; key: string }) =>
  env.component ? `${env.component}'s ${env.key}` : env.key;

type Group = { name?: unknown; instance_count?: unknown; autoscaling?: unknown; instance_size_slug?: unknown };

export function schemaProblems(parsed: ParsedSpec, spec: Record<string, unknown>, ctx: CheckContext): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const add = (severity: SpecProblem['severity'], path: SpecPath, message: string) => {
    const problem: SpecProblem = { source: 'schema', severity, message, path: path.join('.'), ...locate(parsed, path) };
    problems.push(problem);
    return problem;
  };

  if (typeof spec.name !== 'string' || spec.name === '') add('error', ['name'], 'The spec needs a name: the app name.');
  else if (!APP_NAME.test(spec.name))
    add('error', ['name'], 'An app name is 2–32 lowercase letters, digits and dashes, starting with a letter.');
  else if (ctx.appName && spec.name !== ctx.appName)
    add(
      'warning',
      ['name'],
      `This spec is named "${spec.name}" but the app is "${ctx.appName}": applying it renames the app.`,
    );
  if (typeof spec.region === 'string' && ctx.regions?.length && !ctx.regions.some((r) => r.slug === spec.region)) {
    add('error', ['region'], `Unknown region "${spec.region}". Regions: ${ctx.regions.map((r) => r.slug).join(', ')}.`);
  }
  for (const key of Object.keys(spec)) {
    if (!TOP_LEVEL.has(key))
      add('warning', [key], `"${key}" is not an app spec field the API documents; it may be refused.`);
  }

  const names = new Map<string, string>();
  let components = 0;
  for (const group of COMPONENT_GROUPS) {
    const list = spec[group];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      add('error', [group], `${group} is a list of components (each item starts with "- name:").`);
      continue;
    }
    list.forEach((raw: unknown, i) => {
      components++;
      const c = (typeof raw === 'object' && raw !== null ? raw : {}) as Group;
      const at = [group, i];
      if (typeof c.name !== 'string' || !COMPONENT_NAME.test(c.name)) {
        add('error', [...at, 'name'], 'Each component needs a name: lowercase letters, digits and dashes.');
      } else if (names.has(c.name)) {
        add('error', [...at, 'name'], `The component name "${c.name}" is already used in ${names.get(c.name)}.`);
      } else names.set(c.name, group);
      if (group === 'static_sites' || group === 'functions') return;
      if (c.autoscaling !== undefined && c.instance_count !== undefined) {
        add(
          'error',
          [...at, 'instance_count'],
          'instance_count cannot be set together with autoscaling: remove one of them.',
        );
      }
      const count = c.instance_count;
      if (count !== undefined && (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 250)) {
        add('error', [...at, 'instance_count'], 'instance_count is a whole number from 1 to 250.');
      }
      const slug = c.instance_size_slug;
      const named = typeof slug === 'string' ? slug : JSON.stringify(slug);
      if (slug !== undefined && ctx.catalog && !ctx.catalog.resolve(named)) {
        add('error', [...at, 'instance_size_slug'], `Unknown instance size "${named}".`);
      } else if (slug !== undefined && ctx.catalog?.resolve(named)?.deprecation_intent) {
        add('warning', [...at, 'instance_size_slug'], `"${named}" is being retired; pick a current size.`);
      }
    });
  }
  if (components === 0) add('error', [], 'An app needs at least one service, worker, job, static site or function.');
  checkIngress(spec, names, add);
  checkEnvs(parsed, ctx, add);
  return problems;
}

type Add = (severity: SpecProblem['severity'], path: SpecPath, message: string) => SpecProblem;

function checkIngress(spec: Record<string, unknown>, names: Map<string, string>, add: Add) {
  const rules = (spec.ingress as { rules?: unknown } | undefined)?.rules;
  if (!Array.isArray(rules)) return;
  rules.forEach((rule: { component?: { name?: unknown } } | null, i) => {
    const target = rule?.component?.name;
    if (typeof target === 'string' && !names.has(target)) {
      add(
        'error',
        ['ingress', 'rules', i, 'component', 'name'],
        `The ingress rule routes to "${target}", which is not a component of this spec.`,
      );
    }
  });
}

function checkEnvs(parsed: ParsedSpec, ctx: CheckContext, add: Add) {
  for (const env of envRefs(parsed)) {
    const where = env.component ? `${env.component}'s ${env.key}` : `the app-level ${env.key}`;
    if (!ENV_KEY.test(env.key))
      add('error', [...env.path, 'key'], `"${env.key}" is not a valid env key: letters, digits and underscores.`);
    if (env.type !== undefined && env.type !== 'GENERAL' && env.type !== 'SECRET')
      add('error', [...env.path, 'type'], 'An env type is GENERAL or SECRET.');
    if (env.type === 'SECRET' && ctx.secretsToReenter?.has(env.id) && !ctx.pendingSecrets?.has(env.id)) {
      GATES.add(
        add(
          'error',
          [...env.path, 'value'],
          `Re-enter the new value of ${secretName(env)}: it was kept only in memory and Fleetdeck restarted.`,
        ),
      );
    } else if (env.type === 'SECRET' && !env.value && !ctx.pendingSecrets?.has(env.id)) {
      const message =
        ctx.purpose === 'create'
          ? `Set ${where} before creating: SECRET values are never copied from the template.`
          : `${where} is a SECRET with no value: set it before applying.`;
      GATES.add(add('error', [...env.path, 'value'], message));
    } else if (env.type === 'SECRET' && env.value && !isEncrypted(env.value)) {
      add(
        'warning',
        [...env.path, 'value'],
        `${where} is typed in clear: it is sent on apply but never saved with the draft.`,
      );
    }
  }
}

/** The spec field an API refusal names: `error validating app spec field "services.0.instance_count": …`. */
export const refusedField = (error: ApiError): string | undefined => /field "([^"]+)"/.exec(error.message)?.[1];

/** An API refusal as a problem, at the field it names (its list indexes found) when that was found. */
export function apiProblem(
  error: ApiError,
  found?: { path: string; at?: { line: number; column: number } },
): SpecProblem {
  const field = refusedField(error);
  return {
    source: 'api',
    severity: 'error',
    message: error.message.replace(/^DigitalOcean: /, ''),
    ...(field ? { path: found?.path ?? field, ...found?.at } : {}),
  };
}

/** The API said the spec itself is wrong (as opposed to the token, the network, the rate limit). */
export const isSpecRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError &&
  (error.code === 'unprocessable' || error.code === 'invalid_argument') &&
  error.status !== undefined;
