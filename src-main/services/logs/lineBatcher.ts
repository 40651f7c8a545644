// Lines reach the window in batches: at most one message per `intervalMs` per subscription, so
// 10,000 lines a second are ten messages, not ten thousand. If the window falls too far behind,
// the oldest pending lines give way to a marker saying how many were dropped: never silently.
import type { LogLine } from '../../../src-preload/contract';
import { timestampOf } from './parse';

export interface LineBatcherOptions {
  intervalMs?: number;
  /** Pending lines kept at most; past it the oldest are dropped (and said so). */
  maxPending?: number;
  now?: () => number;
}

export class LineBatcher {
  private pending: LogLine[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly emit: (lines: LogLine[]) => void,
    private readonly options: LineBatcherOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 80;
    this.maxPending = options.maxPending ?? 50_000;
  }

  push(lines: LogLine[]): void {
    if (lines.length === 0) return;
    for (const line of lines) this.pending.push(line);
    if (this.pending.length > this.maxPending) {
      const excess = this.pending.length - this.maxPending;
      this.pending.splice(0, excess);
      this.dropped += excess;
    }
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is pending now (also called before a state change, so order is kept). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 && this.dropped === 0) return;
    const lines = this.pending;
    this.pending = [];
    if (this.dropped > 0) {
      const first = lines[0];
      lines.unshift({
        component: first?.component ?? '',
        ts: first?.ts ?? timestampOf((this.options.now ?? Date.now)()),
        message: `${this.dropped.toLocaleString('en-US')} lines were dropped here: the window could not keep up.`,
        marker: 'gap',
      });
      this.dropped = 0;
    }
    this.emit(lines);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
