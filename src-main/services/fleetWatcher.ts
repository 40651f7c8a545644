// watchFleet: re-reads the fleet on an interval while someone is subscribed, so in-progress
// deployments move on screen. Failures are sent as events, never swallowed.
import type { FleetSnapshot, Result } from '../../src-preload/contract';
import type { Disposable } from '../bridge/dispatcher';

export function watchFleet(
  load: () => Promise<FleetSnapshot>,
  toError: (error: unknown) => Extract<Result<FleetSnapshot>, { ok: false }>['error'],
  intervalSeconds: number,
  emit: (event: Result<FleetSnapshot>) => void,
): Disposable {
  let disposed = false;
  let running = false;
  const tick = async () => {
    // A slow API must not stack up reads.
    if (running || disposed) return;
    running = true;
    try {
      const snapshot = await load();
      if (!disposed) emit({ ok: true, value: snapshot });
    } catch (error) {
      if (!disposed) emit({ ok: false, error: toError(error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalSeconds * 1000);
  return {
    dispose() {
      disposed = true;
      clearInterval(timer);
    },
  };
}
