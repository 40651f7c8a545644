// The App Spec as hints: the generated, refs-resolved tree of resources/openapi/app-spec-schema.json
// (scripts/extract-app-spec-schema.mjs) and the live lists (sizes, regions) that replace its enums.
import generated from '../../resources/openapi/app-spec-schema.json';

export interface HintNode {
  /** Description: the schema's first sentence. */
  d?: string;
  t?: string;
  e?: string[];
  /** Words for enum values. */
  ed?: Record<string, string>;
  /** Enum values the schema marks deprecated (legacy size slugs). */
  eo?: string[];
  p?: Record<string, HintNode>;
  i?: HintNode;
  r?: string[];
  dep?: boolean;
  x?: string;
}

/** Map keys by name, sequence items by index (any index: items share one schema). */
export type SpecPath = Array<string | number>;

export interface LiveHints {
  instanceSizes: Array<{ slug: string; label: string; usdPerMonth: number }>;
  regions: Array<{ slug: string; label: string }>;
}

export const SPEC_ROOT = (generated as unknown as { root: HintNode }).root;

export function nodeAt(path: SpecPath, root: HintNode = SPEC_ROOT): HintNode | undefined {
  let node: HintNode | undefined = root;
  for (const segment of path) {
    node = typeof segment === 'number' ? node.i : node.p?.[segment];
    if (!node) return undefined;
  }
  return node;
}

/** "services.0.instance_count" for messages and SpecProblem.path. */
export const pathText = (path: SpecPath): string => path.join('.');

/** Where the live lists stand in for the schema's enum (the API's lists are newer than the spec). */
export function liveEnum(
  key: string | undefined,
  live: LiveHints | undefined,
): Array<{ value: string; detail: string; info?: string }> | undefined {
  if (!live) return undefined;
  if (key === 'instance_size_slug' && live.instanceSizes.length > 0) {
    return live.instanceSizes.map((s) => ({ value: s.slug, detail: `$${s.usdPerMonth.toFixed(2)}/mo`, info: s.label }));
  }
  if (key === 'region' && live.regions.length > 0) {
    return live.regions.map((r) => ({ value: r.slug, detail: r.label }));
  }
  return undefined;
}
