// watchFleet: re-reads the fleet while someone is subscribed, so in-progress deployments move on
// screen. The reads are background work: spaced by what the fleet costs to read (`gapMs`), and
// while a 429 has paused background reads the window is told so once, not left to guess.
// Failures are sent as events, never swallowed.
import type { FleetError, Result } from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';
import { systemClock, type Clock } from '../budget/clock';

export interface FleetWatchOptions {
  clock?: Clock;
  /** The least time between two reads; the interval by default. */
  gapMs?: (intervalMs: number) => number;
  /** Until when background reads are paused (epoch ms), if they are. */
  pausedUntil?: () => number | undefined;
}

export function watchFleet<T>(
  load: () => Promise<T>,
  toError: (error: unknown) => FleetError,
  intervalSeconds: number,
  emit: (event: Result<T>) => void,
  options: FleetWatchOptions = {},
): Disposable {
  const clock = options.clock ?? systemClock;
  const intervalMs = intervalSeconds * 1000;
  const stop = new AbortController();
  let lastRead = clock.now();
  let toldPause = 0;

  const tick = async () => {
    const paused = options.pausedUntil?.();
    if (paused !== undefined) {
      if (paused !== toldPause) {
        toldPause = paused;
        const seconds = Math.ceil((paused - clock.now()) / 1000);
        emit({ ok: false, error: pausedError(seconds) });
      }
      return;
    }
    lastRead = clock.now();
    try {
      const snapshot = await load();
      if (!stop.signal.aborted) emit({ ok: true, value: snapshot });
    } catch (error) {
      if (!stop.signal.aborted) emit({ ok: false, error: toError(error) });
    }
  };

  void (async () => {
    // One tick at a time: a slow API must not stack up reads.
    while (!stop.signal.aborted) {
      const gap = Math.max(intervalMs, options.gapMs?.(intervalMs) ?? intervalMs);
      try {
        await clock.sleep(Math.max(1, lastRead + gap - clock.now()), stop.signal);
      } catch {
        return;
      }
      await tick();
      // Paused: look again a tick later, not in a tight loop.
      if (options.pausedUntil?.() !== undefined) lastRead = clock.now();
    }
  })();
  return { dispose: () => stop.abort() };
}

function pausedError(seconds: number): FleetError {
  const wait = seconds >= 90 ? `about ${Math.round(seconds / 60)} min` : `${Math.max(1, seconds)} s`;
  return {
    code: 'rate_limited',
    message: `DigitalOcean's rate limit was reached: automatic refreshes pause and resume in ${wait}.`,
    retryAfterSeconds: Math.max(1, seconds),
  };
}
