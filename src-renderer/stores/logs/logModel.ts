// The Logs view's data, outside React: the ring buffer, the filtered lines in time order, the
// frozen copy a paused view shows, and running counts (received, search matches). Batches from
// every source are applied together, and only the new lines are filtered and searched.
import type { LogLine } from '../../../src-preload/contract';
import { byTime, LogRing, mergeInto, type BufferedLine } from './logBuffer';
import { matches } from './logFilter';

export const DEFAULT_CAPACITY = 100_000;

export interface IncomingBatch {
  /** Tag for lines that name no component (markers of a whole-app stream). */
  label: string;
  appName: string;
  lines: LogLine[];
}

export class LogModel {
  ring: LogRing<BufferedLine>;
  /** Lines that pass the filter, oldest first. */
  visible: BufferedLine[] = [];
  /** What a paused view keeps showing. */
  frozen: BufferedLine[] | undefined;
  /** Lines received (markers not counted) since the buffer was last cleared. */
  received = 0;
  receivedAtPause = 0;
  /** Lines (markers not counted) that passed the filter on arrival: what "N new lines" counts. */
  shownArrived = 0;
  private idAtPause = 0;
  searchCount = 0;
  /** Visible lines pushed out of the top so far: the view moves its scroll position by as many. */
  droppedFromView = 0;
  /** Newest time per source, so a source added again starts after what is on screen. */
  readonly lastTs = new Map<string, string>();
  private nextId = 1;
  private filter: (line: BufferedLine) => boolean = () => true;
  private search: RegExp | undefined;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.ring = new LogRing(capacity);
  }

  rows(): BufferedLine[] {
    return this.frozen ?? this.visible;
  }

  get newWhilePaused(): number {
    return this.frozen ? this.received - this.receivedAtPause : 0;
  }

  add(batches: IncomingBatch[]): void {
    const batch: BufferedLine[] = [];
    for (const { label, appName, lines } of batches) {
      for (const raw of lines) {
        // The parsed event is ours alone: tagging it in place spares a copy per line.
        const line = raw as BufferedLine;
        line.id = this.nextId++;
        line.source = line.component ? `${appName}/${line.component}` : label;
        if (!line.marker) this.received++;
        const last = this.lastTs.get(line.source);
        if (!last || line.ts > last) this.lastTs.set(line.source, line.ts);
        batch.push(line);
      }
    }
    if (batch.length === 0) return;
    batch.sort(byTime);
    for (const line of this.ring.insertSorted(batch)) line.evicted = true;
    const fresh = batch.filter((line) => !line.evicted && this.filter(line));
    for (const line of fresh) if (!line.marker) this.shownArrived++;
    mergeInto(this.visible, fresh);
    let gone = 0;
    while (gone < this.visible.length && this.visible[gone]!.evicted) gone++;
    if (gone > 0) {
      if (this.search && !this.frozen)
        for (let i = 0; i < gone; i++) if (this.isMatch(this.visible[i]!)) this.searchCount--;
      this.visible.splice(0, gone);
      this.droppedFromView += gone;
    }
    // A paused view counts the matches it shows, not those arriving behind it.
    if (this.search && !this.frozen) for (const line of fresh) if (this.isMatch(line)) this.searchCount++;
  }

  setFilter(filter: (line: BufferedLine) => boolean): void {
    this.filter = filter;
    this.visible = this.ring.toArray().filter(filter);
    // A paused view re-filters what it had, without taking in what came after the pause.
    if (this.frozen) this.frozen = this.visible.filter((line) => line.id <= this.idAtPause);
    this.countMatches();
  }

  setSearch(search: RegExp | undefined): void {
    this.search = search;
    this.countMatches();
  }

  isMatch(line: BufferedLine): boolean {
    return !!this.search && !line.marker && matches(this.search, line.message);
  }

  pause(): void {
    if (this.frozen) return;
    this.frozen = this.visible.slice();
    this.receivedAtPause = this.received;
    this.idAtPause = this.nextId - 1;
  }

  resume(): void {
    this.frozen = undefined;
    this.countMatches();
  }

  /**
   * Forgets every line of these sources (tagged "app/component"): a source taken out of the
   * selection leaves the tail, its chip and a download, as if it had never been picked. A paused
   * view drops them too; the received count, a running total, stays.
   */
  removeSources(sources: ReadonlySet<string>): void {
    if (sources.size === 0) return;
    const kept = (line: BufferedLine) => !sources.has(line.source);
    this.ring.retain(kept);
    this.visible = this.visible.filter(kept);
    if (this.frozen) this.frozen = this.frozen.filter(kept);
    for (const source of sources) this.lastTs.delete(source);
    this.countMatches();
  }

  /** What a download holds: the lines on screen (filtered, or frozen while paused), or the whole buffer. */
  linesFor(scope: 'filtered' | 'all'): BufferedLine[] {
    return scope === 'all' ? this.ring.toArray() : this.rows().slice();
  }

  resize(capacity: number): void {
    for (const line of this.ring.resize(capacity)) line.evicted = true;
    this.setFilter(this.filter);
  }

  clear(): void {
    this.ring.clear();
    this.visible = [];
    this.frozen = undefined;
    this.received = 0;
    this.receivedAtPause = 0;
    this.shownArrived = 0;
    this.searchCount = 0;
    this.lastTs.clear();
  }

  private countMatches(): void {
    this.searchCount = 0;
    if (this.search) for (const line of this.rows()) if (this.isMatch(line)) this.searchCount++;
  }
}
