// The renderer's only door to the main process: window.fleet, typed by the shared contract.
// Only store actions call it; components read stores and call actions.
import type { FleetApi, FleetError, FleetStreams, Result, StreamName, Unsubscribe } from '../src-preload/contract';

declare global {
  interface Window {
    fleet: FleetApi;
  }
}

export const fleet = (): FleetApi => window.fleet;

const BRIDGE_MISSING: FleetError = {
  code: 'internal',
  message: 'The Fleetdeck bridge is not available in this window. Restart Fleetdeck.',
};

/**
 * Calls window.fleet and always settles with a Result: a missing bridge or a transport that
 * throws becomes { ok: false } instead of an unhandled rejection in a store action.
 */
export async function callFleet<T>(call: (api: FleetApi) => Promise<Result<T>>): Promise<Result<T>> {
  const api = fleet() as FleetApi | undefined;
  if (!api) return { ok: false, error: BRIDGE_MISSING };
  try {
    return await call(api);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : 'The request failed unexpectedly.' },
    };
  }
}

/** Subscribes to a stream; a missing bridge reports one error event and returns a no-op. */
export function watchFleetSafely(intervalSeconds: number, listener: Parameters<FleetApi['watchFleet']>[1]): () => void {
  const api = fleet() as FleetApi | undefined;
  if (!api) {
    listener({ ok: false, error: BRIDGE_MISSING });
    return () => undefined;
  }
  try {
    return api.watchFleet({ intervalSeconds }, listener);
  } catch (error) {
    listener({
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : 'Could not watch the fleet.' },
    });
    return () => undefined;
  }
}

/** What a listener of any stream may receive: its events, or a failure in place of one. */
export type StreamEvent<S extends StreamName> = FleetStreams[S]['event'] | { ok: false; error: FleetError };

/**
 * Subscribes to any stream. The preload and the harness report a refused subscription or a lost
 * connection as { ok: false } even on streams whose events are not Results, so listeners get
 * that case typed; a missing bridge or a throwing transport is reported the same way.
 */
export function subscribeFleet<S extends StreamName>(
  stream: S,
  request: FleetStreams[S]['request'],
  listener: (event: StreamEvent<S>) => void,
): Unsubscribe {
  const api = fleet() as FleetApi | undefined;
  if (!api) {
    listener({ ok: false, error: BRIDGE_MISSING });
    return () => undefined;
  }
  try {
    const subscribe = api[stream] as (request: unknown, listener: (event: unknown) => void) => Unsubscribe;
    return subscribe(request, listener as (event: unknown) => void);
  } catch (error) {
    listener({
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : `Could not watch ${stream}.` },
    });
    return () => undefined;
  }
}

/** True for the failure shape any stream may deliver (see subscribeFleet). */
export function isStreamFailure(event: unknown): event is { ok: false; error: FleetError } {
  return typeof event === 'object' && event !== null && (event as { ok?: unknown }).ok === false;
}
