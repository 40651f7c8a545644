// A second start: the renderer asks for the fleet kept on disk before its first render, shows it
// marked with its age, and still reads the API — without asking main for the kept copy twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CachedFleet, FleetApi, FleetSnapshot } from '../../../src-preload/contract';

const kept: FleetSnapshot = {
  fetchedAt: '2026-12-03T09:00:00Z',
  apps: [],
  monthlyCost: { min: 0, max: 0 },
};
const live: FleetSnapshot = { ...kept, fetchedAt: '2026-12-03T10:00:00Z' };

function fakeFleet(overrides: Record<string, unknown>) {
  const quiet = vi.fn(async () => ({ ok: false as const, error: { code: 'internal' as const, message: 'not here' } }));
  return new Proxy(overrides, { get: (target, key: string) => target[key] ?? quiet }) as unknown as FleetApi;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the overview at a second start', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('shows the kept fleet before the overview mounts, then reads the API once', async () => {
    const getCachedFleet = vi.fn(async () => ({
      ok: true as const,
      value: { snapshot: kept, cachedAt: kept.fetchedAt } satisfies CachedFleet,
    }));
    let answer: (value: { ok: true; value: FleetSnapshot }) => void = () => undefined;
    const listFleet = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    vi.stubGlobal('window', { fleet: fakeFleet({ getCachedFleet, listFleet }), location: { hash: '' } });
    const { useFleetStore } = await import('../../../src-renderer/stores/fleetStore');

    useFleetStore.getState().showKeptFleet();
    await settle();
    expect(useFleetStore.getState()).toMatchObject({ snapshot: kept, cachedAt: kept.fetchedAt });

    // The overview mounts: a kept fleet on screen is not a loaded one.
    void useFleetStore.getState().ensureLoaded();
    expect(listFleet).toHaveBeenCalledTimes(1);
    answer({ ok: true, value: live });
    await settle();
    expect(useFleetStore.getState()).toMatchObject({ refreshedAt: live.fetchedAt, cachedAt: undefined });
    expect(getCachedFleet).toHaveBeenCalledTimes(1);
  });

  it('lets a load that starts first take the kept fleet asked for at start', async () => {
    let keep: (value: { ok: true; value: CachedFleet }) => void = () => undefined;
    const getCachedFleet = vi.fn(() => new Promise((resolve) => (keep = resolve)));
    const listFleet = vi.fn(() => new Promise(() => undefined));
    vi.stubGlobal('window', { fleet: fakeFleet({ getCachedFleet, listFleet }), location: { hash: '' } });
    const { useFleetStore } = await import('../../../src-renderer/stores/fleetStore');

    useFleetStore.getState().showKeptFleet();
    void useFleetStore.getState().ensureLoaded();
    keep({ ok: true, value: { snapshot: kept, cachedAt: kept.fetchedAt } });
    await settle();
    expect(getCachedFleet).toHaveBeenCalledTimes(1);
    expect(useFleetStore.getState()).toMatchObject({ snapshot: kept, cachedAt: kept.fetchedAt, loading: true });
  });
});
