// A parsed spec read the way it is sent: aliases followed and `<<` merge keys expanded (doctl
// reads .do/app.yaml so), with every duplicate key kept, for readers that must not guess which
// one counts. Built on the alias targets the limits pass found, so nothing is searched twice.
import { isAlias, isMap, isScalar, isSeq, type Alias, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type Resolved = Scalar | YAMLMap | YAMLSeq;

export interface Entry {
  /** The key as text; undefined for a key that is not a scalar (`? [a, b]`). */
  key: string | undefined;
  value: Resolved | undefined;
}

export class SpecTree {
  constructor(private readonly targets: ReadonlyMap<Alias, Node> = new Map()) {}

  /** The node an alias names; any other node as it is. */
  deref(node: unknown): Resolved | undefined {
    const target = isAlias(node) ? this.targets.get(node) : node;
    return isScalar(target) || isMap(target) || isSeq(target) ? target : undefined;
  }

  /**
   * Every entry of a mapping, lowest precedence first so the last one of a key is the one that
   * counts: what merge keys bring (an earlier source wins over a later one), then its own pairs.
   */
  entries(map: YAMLMap): Entry[] {
    const merged: Entry[] = [];
    const own: Entry[] = [];
    for (const pair of map.items) {
      if (isMergeKey(pair.key)) {
        const source = this.deref(pair.value);
        const sources = isSeq(source) ? source.items.map((item) => this.deref(item)) : [source];
        // The limits pass refused cycles, so merges of merges end.
        for (const from of sources.reverse()) if (isMap(from)) merged.push(...this.entries(from));
        continue;
      }
      own.push({ key: textOf(this.deref(pair.key)), value: this.deref(pair.value) });
    }
    return [...merged, ...own];
  }

  /** Every value a key has in a mapping (duplicates and merged ones included). */
  all(map: YAMLMap, key: string): Array<Resolved | undefined> {
    return this.entries(map)
      .filter((e) => e.key === key)
      .map((e) => e.value);
  }

  /** The value that counts for a key, as the spec sent to the API has it. */
  get(map: YAMLMap, key: string): Resolved | undefined {
    return this.all(map, key).at(-1);
  }

  /** A scalar's value as text; undefined for null, a list or a mapping. */
  text(map: YAMLMap, key: string): string | undefined {
    return textOf(this.get(map, key));
  }
}

export function textOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const value: unknown = node.value;
  if (typeof value === 'symbol') return value.description;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** `<<` written plain (a quoted "<<" is an ordinary key), whether or not the parser tagged it. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key.type !== undefined && key.type !== 'PLAIN')) return false;
  return key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<');
}
