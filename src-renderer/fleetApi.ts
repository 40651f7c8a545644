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
export function watchFleetSafely(
  request: Parameters<FleetApi['watchFleet']>[0],
  listener: Parameters<FleetApi['watchFleet']>[1],
): () => void {
  const api = fleet() as FleetApi | undefined;
  if (!api) {
    listener({ ok: false, error: BRIDGE_MISSING });
    return () => undefined;
  }
  try {
    return api.watchFleet(request, listener);
  } catch (error) {
    listener({
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : 'Could not watch the fleet.' },
    });
    return () => undefined;
  }
}

/**
 * Subscribes to any stream. Every stream's events are Results, so a refused subscription or a
 * lost connection (which the preload and the harness report as { ok: false }), a missing bridge
 * and a throwing transport all arrive the way the stream's own failures do.
 */
export function subscribeFleet<S extends StreamName>(
  stream: S,
  request: FleetStreams[S]['request'],
  listener: (event: FleetStreams[S]['event']) => void,
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
