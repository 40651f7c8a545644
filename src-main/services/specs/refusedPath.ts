// The API names a refused field without list indexes ("services.routes.path": which service, and
// which route?). The spec itself says where it must be: the item whose name the refusal quotes, or
// the only item there is, or the only item that has the field at all. Whatever cannot be told
// apart stays unindexed, and the line found is the deepest part that could be placed.

type Path = Array<string | number>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `item` has the rest of the path (indexes aside) under it. */
function has(item: unknown, rest: readonly string[]): boolean {
  if (rest.length === 0) return true;
  if (Array.isArray(item)) return item.some((element) => has(element, rest));
  if (!isRecord(item)) return false;
  const [next, ...after] = rest;
  return next !== undefined && next in item && has(item[next], after);
}

/** The quoted names in a refusal's words: `service "api"`, `(component "worker")`. */
function quotedNames(message: string): Set<string> {
  return new Set([...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
}

/**
 * "services.routes.path" in this spec → ['services', 1, 'routes', 0, 'path'] where each index could
 * be decided; the first undecidable list ends the path there (the caller points at that list).
 */
export function resolveRefusedPath(spec: unknown, field: string, message: string): Path {
  const names = quotedNames(message);
  names.delete(field);
  const parts = field.split('.');
  const path: Path = [];
  let node: unknown = spec;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) {
      // An indexed path (as older API versions and the sandbox once sent): taken as written.
      path.push(Number(part));
      node = Array.isArray(node) ? node[Number(part)] : undefined;
      continue;
    }
    if (!isRecord(node) || !(part in node)) {
      path.push(part);
      return path.concat(parts.slice(i + 1));
    }
    path.push(part);
    node = node[part];
    if (!Array.isArray(node) || /^\d+$/.test(parts[i + 1] ?? '')) continue;
    const rest = parts.slice(i + 1);
    const items = node as unknown[];
    const named = items.findIndex((item) => isRecord(item) && typeof item.name === 'string' && names.has(item.name));
    const holding = items.map((item, index) => (has(item, rest) ? index : -1)).filter((index) => index >= 0);
    const index = named >= 0 ? named : items.length === 1 ? 0 : holding.length === 1 ? holding[0]! : -1;
    if (index < 0) return path;
    path.push(index);
    node = items[index];
  }
  return path;
}
