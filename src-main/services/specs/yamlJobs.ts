// The spec editor's YAML work as functions from text to plain data. They run in the YAML worker
// (yamlWorker.ts), never on the main process's event loop: even within the limits a large spec
// takes the parser a few hundred milliseconds, and the window must not freeze meanwhile.
import { diffLines } from 'diff';
import { isMap, isSeq } from 'yaml';
import type { SpecProblem } from '../../../src-preload/contract';
import type { AppRegion, AppSpec, InstanceSize } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { InstanceSizeCatalog } from '../apps/instanceSizes';
import { isGate, schemaProblems } from './problems';
import { resolveRefusedPath } from './refusedPath';
import { possibleSecretValues, withoutClearSecrets } from './secretScan';
import { COMPONENT_GROUPS, envRefs, secretId, type EnvRef } from './secrets';
import {
  editScalars,
  editStructure,
  hasErrors,
  locate,
  parsePath,
  parseSpecYaml,
  specOf,
  type ParsedSpec,
} from './yamlSpec';

export interface SpecReading {
  /** YAML problems, located (syntax, duplicate keys, a limit). An error means there is no spec. */
  problems: SpecProblem[];
  /** The spec as it would be sent: aliases and merge keys resolved. */
  spec?: AppSpec;
  /** Why there is no spec, worded for an error. */
  refusal?: string;
  envs: EnvRef[];
  /** Clear values that may be secrets: an error that echoes one must not carry it on. */
  secretValues: string[];
}

export function readSpec(text: string): SpecReading {
  const parsed = parseSpecYaml(text);
  return { ...spec(parsed), envs: envRefs(parsed), secretValues: possibleSecretValues(parsed) };
}

/** The text as the draft file may hold it (see secretScan), with the envs of that text. */
export function forDisk(
  yaml: string,
  baseYaml: string,
): { yaml: string; moved: Array<[string, string]>; envs: EnvRef[] } {
  const parsed = parseSpecYaml(yaml);
  // Read before the scan rewrites the syntax tree; read again only if the text changed.
  const envs = envRefs(parsed);
  const safe = withoutClearSecrets(parsed, baseYaml);
  return {
    yaml: safe.yaml,
    moved: [...safe.moved],
    envs: safe.yaml === yaml ? envs : envRefs(parseSpecYaml(safe.yaml)),
  };
}

export interface LocalCheck {
  appName?: string;
  /** The instance sizes and regions the API lists, when they could be read. */
  sizes?: InstanceSize[];
  regions?: AppRegion[];
  pendingSecrets?: string[];
  secretsToReenter?: string[];
  purpose?: 'apply' | 'create';
  /** Dotted spec paths to locate in the text as well. */
  locate?: string[];
}

export interface LocalVerdict extends Omit<SpecReading, 'envs'> {
  /** A local problem stops the spec whatever the API says (see problems.ts). */
  gated: boolean;
  located: Array<{ line: number; column: number } | undefined>;
}

/** YAML first, then the local checks; the API's verdict is asked for by the caller. */
export function checkSpec(text: string, check: LocalCheck): LocalVerdict {
  const parsed = parseSpecYaml(text);
  const located = (check.locate ?? []).map((path) => locate(parsed, parsePath(path)));
  const read = { ...spec(parsed), secretValues: possibleSecretValues(parsed), located };
  if (!read.spec) return { ...read, gated: true };
  const schema = schemaProblems(parsed, read.spec, {
    ...(check.appName ? { appName: check.appName } : {}),
    ...(check.sizes ? { catalog: new InstanceSizeCatalog(check.sizes) } : {}),
    ...(check.regions ? { regions: check.regions } : {}),
    pendingSecrets: new Set(check.pendingSecrets),
    secretsToReenter: new Set(check.secretsToReenter),
    purpose: check.purpose ?? 'apply',
  });
  return { ...read, problems: [...read.problems, ...schema], gated: schema.some(isGate) };
}

/** Where the field an API refusal names is written, its list indexes found from the spec and the words. */
export function locateRefusal(
  text: string,
  field: string,
  message: string,
): { path: string; at?: { line: number; column: number } } {
  const parsed = parseSpecYaml(text);
  const path = resolveRefusedPath(specOf(parsed), field, message);
  const at = locate(parsed, path);
  return { path: path.join('.'), ...(at ? { at } : {}) };
}

export function locatePaths(text: string, paths: string[]): Array<{ line: number; column: number } | undefined> {
  const parsed = parseSpecYaml(text);
  return paths.map((path) => locate(parsed, parsePath(path)));
}

/** The text with `key` present as a SECRET env of `component` (app-level without one). */
export function withSecretEnv(yaml: string, component: string | undefined, key: string): string {
  const parsed = parseSpecYaml(yaml);
  specOf(parsed);
  const env = envRefs(parsed).find((e) => e.id === secretId(component, key));
  if (env?.type === 'SECRET') return yaml;
  try {
    if (env && env.type !== undefined) return editScalars(yaml, [{ path: [...env.path, 'type'], value: 'SECRET' }]);
    if (env) return editStructure(yaml, (doc) => doc.setIn([...env.path, 'type'], 'SECRET'));
  } catch {
    // The env's type comes from an alias or a merge key: not something to rewrite for the founder.
    throw new ApiError({
      code: 'invalid_argument',
      message: `${key} takes its type from an alias or a merge key (<<): write type: SECRET on it first.`,
    });
  }
  const owner = component === undefined ? [] : componentPath(parsed, component);
  return editStructure(yaml, (doc) => {
    const created = doc.createNode({ key, scope: 'RUN_AND_BUILD_TIME', type: 'SECRET' });
    if (doc.hasIn([...owner, 'envs'])) doc.addIn([...owner, 'envs'], created);
    else doc.setIn([...owner, 'envs'], doc.createNode([created]));
  });
}

function componentPath(parsed: ParsedSpec, name: string): Array<string | number> {
  const root = parsed.tree.deref(parsed.doc.contents);
  for (const group of COMPONENT_GROUPS) {
    const items = isMap(root) ? parsed.tree.get(root, group) : undefined;
    if (!isSeq(items)) continue;
    const index = items.items.findIndex((item) => {
      const component = parsed.tree.deref(item);
      return isMap(component) && parsed.tree.text(component, 'name') === name;
    });
    if (index >= 0) return [group, index];
  }
  throw new ApiError({ code: 'invalid_argument', message: `The draft has no component named "${name}".` });
}

/** Lines that differ from the base: a changed line counts once, not as a removal plus an addition. */
export function changedLines(base: string, yaml: string): number {
  let total = 0;
  let removed = 0;
  // A diff of two large, unrelated texts can take the line-by-line algorithm minutes; past this it
  // gives up and every line of the longer text is counted as changed.
  const parts = diffLines(base, yaml, { timeout: 2_000 });
  if (!parts) return Math.max(base.split('\n').length, yaml.split('\n').length);
  for (const part of parts) {
    if (part.removed) removed += part.count ?? 0;
    else if (part.added) {
      total += Math.max(removed, part.count ?? 0);
      removed = 0;
    } else {
      total += removed;
      removed = 0;
    }
  }
  return total + removed;
}

/** The resolved spec, or the problems that keep the text from being one and the error to say so. */
function spec(parsed: ParsedSpec): { problems: SpecProblem[]; spec?: AppSpec; refusal?: string } {
  try {
    return { problems: parsed.problems, spec: specOf(parsed) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const problems = hasErrors(parsed.problems)
      ? parsed.problems
      : [
          ...parsed.problems,
          { source: 'yaml' as const, severity: 'error' as const, message: error.message, line: 1, column: 1 },
        ];
    return { problems, refusal: error.message };
  }
}

/** What the worker runs, by name. */
export const YAML_JOBS = { readSpec, forDisk, checkSpec, locatePaths, locateRefusal, withSecretEnv, changedLines };
export type YamlJobs = typeof YAML_JOBS;
