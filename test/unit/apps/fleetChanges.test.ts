// A fleet watch sends only what changed since the fleet the window holds — its first load, a
// Refresh, the watch's previous event — and the whole fleet when nothing says what that is.
import { describe, expect, it } from 'vitest';
import { FleetChangeTracker, isUnchanged } from '../../../src-main/services/apps/fleetChanges';
import { fleetApp, fleetSnapshot } from '../../support/fleetApps';

const app = fleetApp;
const snapshot = fleetSnapshot;

describe('a fleet watch’s updates', () => {
  it('sends the whole fleet first, then nothing but the time for a tick where nothing changed', () => {
    const tracker = new FleetChangeTracker();
    const baseline = {};
    const first = tracker.next(snapshot('2026-12-03T10:00:00Z', [app('a'), app('b')]), baseline);
    expect(first.apps).toHaveLength(2);

    const quiet = tracker.next(snapshot('2026-12-03T10:00:15Z', [app('a'), app('b')]), baseline);
    expect(isUnchanged(quiet)).toBe(true);
    expect(quiet).toEqual({
      fetchedAt: '2026-12-03T10:00:15Z',
      monthlyCost: { min: 24, max: 24 },
      since: '2026-12-03T10:00:00Z',
    });
  });

  it('names the app that started building, the one created and the one deleted — and only those', () => {
    const tracker = new FleetChangeTracker();
    const baseline = {};
    tracker.next(snapshot('2026-12-03T10:00:00Z', [app('a'), app('b'), app('c')]), baseline);
    const update = tracker.next(snapshot('2026-12-03T10:00:15Z', [app('a'), app('b', 'BUILDING'), app('d')]), baseline);
    expect(update.apps).toBeUndefined();
    expect(update.since).toBe('2026-12-03T10:00:00Z');
    expect(update.changed?.map((a) => a.id)).toEqual(['b', 'd']);
    expect(update.removed).toEqual(['c']);
  });

  it('sends the whole fleet again once the window holds a fleet nobody said (a context switch)', () => {
    const tracker = new FleetChangeTracker();
    tracker.next(snapshot('2026-12-03T10:00:00Z', [app('a')]), {});
    const afterSwitch = tracker.next(snapshot('2026-12-03T10:00:15Z', [app('a')]), {});
    expect(afterSwitch.apps).toHaveLength(1);
    expect(afterSwitch.since).toBeUndefined();
  });

  it('after a Refresh, tells only what changed since the fleet that Refresh read', () => {
    const tracker = new FleetChangeTracker();
    const firstLoad = { read: snapshot('2026-12-03T10:00:00Z', [app('a'), app('b')]) };
    tracker.next(snapshot('2026-12-03T10:00:00Z', [app('a'), app('b')]), firstLoad);
    // The founder presses Refresh as b starts building; the window now holds that read.
    const refreshed = { read: snapshot('2026-12-03T10:00:07Z', [app('a'), app('b', 'BUILDING')]) };
    const tick = tracker.next(snapshot('2026-12-03T10:00:15Z', [app('a'), app('b', 'BUILDING'), app('c')]), refreshed);
    expect(tick.apps).toBeUndefined();
    expect(tick.since).toBe('2026-12-03T10:00:07Z');
    expect(tick.changed?.map((a) => a.id)).toEqual(['c']);

    // The next tick is told against the tick before it again.
    const next = tracker.next(snapshot('2026-12-03T10:00:30Z', [app('a'), app('b'), app('c')]), refreshed);
    expect(next.since).toBe('2026-12-03T10:00:15Z');
    expect(next.changed?.map((a) => a.id)).toEqual(['b']);
  });

  it('tells its first update against the window’s first load, not the whole fleet again', () => {
    const tracker = new FleetChangeTracker();
    const firstLoad = { read: snapshot('2026-12-03T10:00:00Z', [app('a'), app('b')]) };
    const first = tracker.next(snapshot('2026-12-03T10:01:00Z', [app('a'), app('b', 'BUILDING')]), firstLoad);
    expect(first.apps).toBeUndefined();
    expect(first.since).toBe('2026-12-03T10:00:00Z');
    expect(first.changed?.map((a) => a.id)).toEqual(['b']);
  });

  it('sends the whole fleet first to a window that says it holds none of main’s reads', () => {
    const tracker = new FleetChangeTracker({ firstWhole: true });
    const firstLoad = { read: snapshot('2026-12-03T10:00:00Z', [app('a')]) };
    const first = tracker.next(snapshot('2026-12-03T10:01:00Z', [app('a')]), firstLoad);
    expect(first.apps).toHaveLength(1);
    expect(first.since).toBeUndefined();
    // Then changes against what it sent.
    expect(tracker.next(snapshot('2026-12-03T10:02:00Z', [app('a')]), firstLoad).since).toBe('2026-12-03T10:01:00Z');
  });

  it('watching again, tells against the read the window holds, or sends the whole fleet if it holds another', () => {
    const firstLoad = { read: snapshot('2026-12-03T10:00:00Z', [app('a')]) };
    const later = snapshot('2026-12-03T10:02:00Z', [app('a', 'BUILDING')]);
    // The window holds its first load: changes since it.
    const same = new FleetChangeTracker({ holding: '2026-12-03T10:00:00Z' }).next(later, firstLoad);
    expect(same.since).toBe('2026-12-03T10:00:00Z');
    // The window holds a tick of the watch it stopped (the overview was left): main has no copy of it.
    const other = new FleetChangeTracker({ holding: '2026-12-03T10:01:00Z' }).next(later, firstLoad);
    expect(other.apps).toHaveLength(1);
  });
});
