// The log buffer: a ring of at most `capacity` lines kept in time order, however the sources'
// batches interleave. A batch is merged in one pass from where its oldest line belongs, so the
// usual case (every line newer than the last) is a plain append, and a late source costs only
// the lines after its place. When full, the oldest lines leave, and the caller is told which.
import type { LogLine } from '../../../src-preload/contract';

/** A line as the window keeps it: numbered on arrival, with the source it came from. */
export interface BufferedLine extends LogLine {
  id: number;
  /** "app/component": what the line is tagged and coloured by. */
  source: string;
  /** Set once the ring has pushed the line out (a paused view may still show it). */
  evicted?: boolean;
}

type Timed = { ts: string };

export const byTime = (a: Timed, b: Timed): number => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0);

/** Index of the first item newer than `ts` in a sorted list: equal times keep arrival order. */
export function upperBound(length: number, at: (i: number) => Timed, ts: string): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid).ts <= ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Merges two sorted lists; on equal times `older` (what was there) comes first. */
export function mergeSorted<T extends Timed>(older: T[], newer: T[]): T[] {
  const out: T[] = new Array<T>(older.length + newer.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < older.length && j < newer.length) out[k++] = newer[j]!.ts < older[i]!.ts ? newer[j++]! : older[i++]!;
  while (i < older.length) out[k++] = older[i++]!;
  while (j < newer.length) out[k++] = newer[j++]!;
  return out;
}

/** Merges sorted `batch` into sorted `list` in place (the visible, filtered lines). */
export function mergeInto<T extends Timed>(list: T[], batch: T[]): void {
  if (batch.length === 0) return;
  const p = upperBound(list.length, (i) => list[i]!, batch[0]!.ts);
  if (p === list.length) {
    for (const line of batch) list.push(line);
    return;
  }
  const merged = mergeSorted(list.splice(p), batch);
  for (const line of merged) list.push(line);
}

export class LogRing<T extends Timed> {
  private items: Array<T | undefined>;
  private head = 0;
  private count = 0;

  constructor(private cap: number) {
    this.items = new Array<T | undefined>(cap);
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.cap;
  }

  at(i: number): T {
    return this.items[(this.head + i) % this.cap]!;
  }

  last(): T | undefined {
    return this.count > 0 ? this.at(this.count - 1) : undefined;
  }

  /** Adds a batch sorted by time; returns the lines pushed out, oldest first. */
  insertSorted(batch: T[]): T[] {
    const evicted: T[] = [];
    if (batch.length === 0) return evicted;
    const p = upperBound(this.count, (i) => this.at(i), batch[0]!.ts);
    let lines = batch;
    if (p < this.count) {
      const tail: T[] = [];
      for (let i = p; i < this.count; i++) tail.push(this.at(i));
      for (let i = p; i < this.count; i++) this.items[(this.head + i) % this.cap] = undefined;
      this.count = p;
      lines = mergeSorted(tail, batch);
    }
    for (const line of lines) {
      if (this.count === this.cap) {
        evicted.push(this.items[this.head]!);
        this.items[this.head] = undefined;
        this.head = (this.head + 1) % this.cap;
        this.count--;
      }
      this.items[(this.head + this.count) % this.cap] = line;
      this.count++;
    }
    return evicted;
  }

  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i);
    return out;
  }

  /** A new capacity; when smaller, the oldest lines that no longer fit are returned. */
  resize(capacity: number): T[] {
    const all = this.toArray();
    const evicted = all.length > capacity ? all.slice(0, all.length - capacity) : [];
    this.cap = capacity;
    this.items = new Array<T | undefined>(capacity);
    this.head = 0;
    this.count = 0;
    const kept = all.slice(evicted.length);
    kept.forEach((line, i) => (this.items[i] = line));
    this.count = kept.length;
    return evicted;
  }

  /** Keeps only the lines `keep` accepts, in order; returns how many left. */
  retain(keep: (item: T) => boolean): number {
    const kept = this.toArray().filter(keep);
    const removed = this.count - kept.length;
    if (removed === 0) return 0;
    this.items = new Array<T | undefined>(this.cap);
    kept.forEach((line, i) => (this.items[i] = line));
    this.head = 0;
    this.count = kept.length;
    return removed;
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.cap);
    this.head = 0;
    this.count = 0;
  }
}
