// Time for everything that schedules API reads (the budget, the health refresh, the fleet watch,
// deployment polling). Injected so tests and the bench can run an hour of a large fleet in
// seconds: the virtual clock jumps to the next timer once nothing is left to run.

export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      // Unref'd: a scheduled background read must never keep the process alive.
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      timer.unref?.();
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Simulated time. `now()` only moves when told to, and `runFor` moves it from timer to timer,
 * waiting at each step until the code it woke has finished its I/O. It also serves as the sandbox
 * cloud's clock, so the API's rate limiter counts in the same simulated minutes and hours.
 */
export class VirtualClock implements Clock {
  private sleepers: Sleeper[] = [];
  private seq = 0;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(abortReason(signal!));
      };
      const sleeper: Sleeper = {
        at: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward at once, waking every timer due by then (the sandbox clock's contract). */
  advance(ms: number): void {
    this.current += ms;
    this.wakeDue();
  }

  /**
   * Runs simulated time for `ms`: settles, wakes the next timer, settles again, and so on.
   * `busy` says whether requests are still in flight (real sockets the clock cannot see).
   * `onStep` is called after each settle, e.g. to sample counters at this instant.
   */
  async runFor(ms: number, busy: () => boolean, onStep: () => void = () => {}): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await settle(busy);
      onStep();
      const next = this.nextAt();
      if (next === undefined || next > end) break;
      this.current = Math.max(this.current, next);
      this.wakeDue();
    }
    this.current = end;
    this.wakeDue();
    await settle(busy);
    onStep();
  }

  private nextAt(): number | undefined {
    let next: number | undefined;
    for (const s of this.sleepers) if (next === undefined || s.at < next) next = s.at;
    return next;
  }

  private wakeDue(): void {
    const due = this.sleepers.filter((s) => s.at <= this.current).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.sleepers = this.sleepers.filter((s) => s.at > this.current);
    for (const s of due) s.resolve();
  }
}

/** Lets woken code run to its next wait: several idle turns of the event loop with nothing in flight. */
export async function settle(busy: () => boolean): Promise<void> {
  for (let idle = 0; idle < 5;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    idle = busy() ? 0 : idle + 1;
  }
}

/** What an aborted wait rejects with: the signal's reason when it is an Error (AbortSignal's own is). */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('The wait was aborted.');
}
