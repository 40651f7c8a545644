// The sandbox's structural check of a spec against the App Spec schema (the compact hints in
// resources/openapi/app-spec-schema.json): wrong JSON types and values outside an enum. The real
// API fails such specs before its field rules run (a string where a boolean belongs does not even
// unmarshal), so this runs before the hand-written checks in specValidation.ts.
import generated from '../../resources/openapi/app-spec-schema.json';

/** The subset of the generated hint node this check reads (see src-renderer/specSchema/schema.ts). */
interface SchemaNode {
  t?: string;
  e?: string[];
  eo?: string[];
  p?: Record<string, SchemaNode>;
  i?: SchemaNode;
}

export interface SchemaProblem {
  /** Dotted path as the API names it: "domains.0.type". */
  path: string;
  problem: string;
}

const ROOT = (generated as unknown as { root: SchemaNode }).root;

// The live size and region lists are newer than the schema's enums; specValidation.ts checks
// these keys against them, so the schema's lists must not reject (or double-report) them.
const LIVE_LIST_KEYS = new Set(['instance_size_slug', 'region']);

// Protobuf's zero values ("UNSPECIFIED", "UNSET", "UNSPECIFIED_RULE", …) decode fine but are not
// choices a founder makes: accepted, left out of the words the message lists.
const ZERO_VALUE = /^(UNSPECIFIED(_[A-Z]+)?|UNSET)$/;

const kindOf = (value: unknown): string =>
  Array.isArray(value)
    ? 'a list'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;

function typeProblem(type: string | undefined, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : `must be a string, not ${kindOf(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be a boolean, not ${kindOf(value)}`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
        ? undefined
        : `must be an integer, not ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `must be a number, not ${kindOf(value)}`;
    case 'array':
      return Array.isArray(value) ? undefined : `must be a list, not ${kindOf(value)}`;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? undefined
        : `must be an object, not ${kindOf(value)}`;
    default:
      return undefined;
  }
}

const describe = (value: unknown): string => (typeof value === 'number' ? `the fraction ${value}` : kindOf(value));

function enumProblem(node: SchemaNode, key: string | number | undefined, value: string): string | undefined {
  if (!node.e || (typeof key === 'string' && LIVE_LIST_KEYS.has(key))) return undefined;
  // eo holds deprecated values the API still accepts (legacy size slugs).
  if (node.e.includes(value) || node.eo?.includes(value)) return undefined;
  const choices = node.e.filter((v) => !ZERO_VALUE.test(v));
  return `must be one of ${(choices.length > 0 ? choices : node.e).join(', ')}`;
}

function walk(value: unknown, node: SchemaNode, path: Array<string | number>): SchemaProblem | undefined {
  // Go's decoder leaves a field at its zero value for null: the API does not complain.
  if (value === null || value === undefined) return undefined;
  const at = () => path.join('.');
  const typeWrong = typeProblem(node.t, value);
  if (typeWrong) return { path: at(), problem: typeWrong };
  if (typeof value === 'string') {
    const enumWrong = enumProblem(node, path[path.length - 1], value);
    return enumWrong ? { path: at(), problem: enumWrong } : undefined;
  }
  if (Array.isArray(value)) {
    if (!node.i) return undefined;
    for (const [index, item] of value.entries()) {
      const found = walk(item, node.i, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && node.p) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childNode = node.p[key];
      // Unknown keys pass: the schema lags the live API (spec-gaps.json covers the gaps we know).
      if (!childNode) continue;
      const found = walk(child, childNode, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The first place (in document order) where the spec breaks the App Spec schema. */
export function firstSchemaProblem(spec: unknown): SchemaProblem | undefined {
  return walk(spec, ROOT, []);
}
