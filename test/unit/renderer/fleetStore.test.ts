// The overview's store takes in a watch's changes without drawing the fleet again for nothing:
// an app that did not change keeps its object, and a tick that changed nothing keeps the snapshot.
import { describe, expect, it } from 'vitest';
import { applyChanges, shareApps } from '../../../src-renderer/stores/fleetStore';
import { shareHealth } from '../../../src-renderer/stores/healthStore';
import { fleetApp, fleetSnapshot } from '../../support/fleetApps';

const app = fleetApp;
const fleet = fleetSnapshot;

describe('the fleet store taking in what main sends', () => {
  it('keeps the very snapshot when a whole fleet arrives that is the same as the one on screen', () => {
    const onScreen = fleet('2026-12-03T10:00:00Z', [app('a'), app('b')]);
    expect(shareApps(onScreen, fleet('2026-12-03T10:00:15Z', [app('a'), app('b')]))).toBe(onScreen);
  });

  it('keeps the objects of the apps that did not change when one did', () => {
    const onScreen = fleet('2026-12-03T10:00:00Z', [app('a'), app('b')]);
    const next = shareApps(onScreen, fleet('2026-12-03T10:00:15Z', [app('a'), app('b', 'BUILDING')]));
    expect(next).not.toBe(onScreen);
    expect(next.apps[0]).toBe(onScreen.apps[0]);
    expect(next.apps[1]!.activeDeployment?.phase).toBe('BUILDING');
  });

  it('applies a tick’s changes: a changed app replaced, a new one in name order, a deleted one gone', () => {
    const onScreen = fleet('2026-12-03T10:00:00Z', [app('a'), app('c'), app('d')]);
    const next = applyChanges(onScreen, {
      fetchedAt: '2026-12-03T10:00:15Z',
      monthlyCost: { min: 36, max: 36 },
      since: '2026-12-03T10:00:00Z',
      changed: [app('c', 'BUILDING'), app('b')],
      removed: ['d'],
    });
    expect(next.apps.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(next.apps[0]).toBe(onScreen.apps[0]);
    expect(next.apps[2]!.activeDeployment?.phase).toBe('BUILDING');
    expect(next.fetchedAt).toBe('2026-12-03T10:00:15Z');
  });

  it('keeps the snapshot for a tick that changed nothing', () => {
    const onScreen = fleet('2026-12-03T10:00:00Z', [app('a')]);
    const unchanged = {
      fetchedAt: '2026-12-03T10:00:15Z',
      monthlyCost: onScreen.monthlyCost,
      since: onScreen.fetchedAt,
    };
    expect(applyChanges(onScreen, unchanged)).toBe(onScreen);
  });
});

describe('health beats on the overview', () => {
  it('keep the very health map when nothing was learned, and each unchanged app’s entry when something was', () => {
    const onScreen = {
      a: { state: 'healthy' as const, components: {}, checkedAt: '2026-12-03T10:00:00Z' },
      b: { state: 'unknown' as const, components: {}, pending: true },
    };
    expect(shareHealth(onScreen, JSON.parse(JSON.stringify(onScreen)) as typeof onScreen)).toBe(onScreen);
    const next = shareHealth(onScreen, {
      a: { state: 'healthy', components: {}, checkedAt: '2026-12-03T10:00:00Z' },
      b: { state: 'degraded', components: {}, checkedAt: '2026-12-03T10:00:03Z' },
    });
    expect(next.a).toBe(onScreen.a);
    expect(next.b?.state).toBe('degraded');
  });
});
