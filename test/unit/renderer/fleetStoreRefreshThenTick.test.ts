// The founder presses Refresh on a large fleet: the watch's next tick says only what changed since
// that Refresh, and the window takes it in — it does not need the whole fleet again. A tick told
// against a fleet the window does not hold makes it ask for the whole fleet instead.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, FleetUpdate, Result } from '../../../src-preload/contract';
import { fleetApp, fleetSnapshot } from '../../support/fleetApps';

const app = fleetApp;
const fleet = fleetSnapshot;

function fakeFleet(overrides: Record<string, unknown>) {
  const quiet = vi.fn(async () => ({ ok: false as const, error: { code: 'internal' as const, message: 'not here' } }));
  return new Proxy(overrides, { get: (target, key: string) => target[key] ?? quiet }) as unknown as FleetApi;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a Refresh, then the watch’s next tick', () => {
  let emit: (event: Result<FleetUpdate>) => void = () => undefined;
  const watchFleet = vi.fn((_request: unknown, listener: (event: Result<FleetUpdate>) => void) => {
    emit = listener;
    return () => undefined;
  });
  const refreshed = fleet('2026-12-03T10:00:07Z', [app('a'), app('b', 'BUILDING')]);

  beforeEach(() => {
    vi.resetModules();
    watchFleet.mockClear();
    const listFleet = vi.fn(async () => ({ ok: true as const, value: refreshed }));
    vi.stubGlobal('window', { fleet: fakeFleet({ watchFleet, listFleet }), location: { hash: '' } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function watchedThenRefreshed() {
    const { useFleetStore } = await import('../../../src-renderer/stores/fleetStore');
    useFleetStore.getState().startWatch();
    emit({ ok: true, value: fleet('2026-12-03T10:00:00Z', [app('a'), app('b')]) });
    await useFleetStore.getState().load();
    return useFleetStore;
  }

  it('takes in only what changed since the Refresh', async () => {
    const store = await watchedThenRefreshed();
    const kept = store.getState().snapshot!.apps[0];
    emit({
      ok: true,
      value: {
        fetchedAt: '2026-12-03T10:00:15Z',
        monthlyCost: { min: 36, max: 36 },
        since: refreshed.fetchedAt,
        changed: [app('c')],
      },
    });
    await settle();
    expect(store.getState().snapshot!.apps.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(store.getState().snapshot!.apps[0]).toBe(kept);
    expect(store.getState().refreshedAt).toBe('2026-12-03T10:00:15Z');
    expect(watchFleet).toHaveBeenCalledTimes(1);
    store.getState().stopWatch();
  });

  it('asks for the whole fleet again when a tick is told against the fleet before the Refresh', async () => {
    const store = await watchedThenRefreshed();
    emit({
      ok: true,
      value: {
        fetchedAt: '2026-12-03T10:00:15Z',
        monthlyCost: { min: 24, max: 24 },
        since: '2026-12-03T10:00:00Z',
        changed: [app('b')],
      },
    });
    await settle();
    // Not applied: b still reads BUILDING as the Refresh said, and the watch starts over, asking
    // for the whole fleet.
    expect(store.getState().snapshot!.apps[1]!.activeDeployment?.phase).toBe('BUILDING');
    expect(watchFleet).toHaveBeenCalledTimes(2);
    expect(watchFleet.mock.calls[1]![0]).toEqual({ intervalSeconds: expect.any(Number), whole: true });
    store.getState().stopWatch();
  });

  it('takes in a first tick told against the first load: a start does not get the fleet twice', async () => {
    const { useFleetStore } = await import('../../../src-renderer/stores/fleetStore');
    useFleetStore.getState().startWatch();
    expect(watchFleet.mock.calls[0]![0]).toEqual({ intervalSeconds: expect.any(Number) });
    await useFleetStore.getState().load();
    emit({
      ok: true,
      value: {
        fetchedAt: '2026-12-03T10:01:00Z',
        monthlyCost: { min: 36, max: 36 },
        since: refreshed.fetchedAt,
        changed: [app('c')],
      },
    });
    await settle();
    expect(useFleetStore.getState().snapshot!.apps.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(watchFleet).toHaveBeenCalledTimes(1);
    useFleetStore.getState().stopWatch();
  });

  it('watching again after the overview was left, says which read the window holds', async () => {
    const store = await watchedThenRefreshed();
    store.getState().stopWatch();
    store.getState().startWatch();
    expect(watchFleet.mock.calls[1]![0]).toEqual({ intervalSeconds: expect.any(Number), holding: refreshed.fetchedAt });
    store.getState().stopWatch();
  });
});
