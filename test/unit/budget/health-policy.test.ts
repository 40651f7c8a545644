import { describe, expect, it } from 'vitest';
import type { FleetApp } from '../../../src-preload/contract';
import { healthAskDue, healthKeyOf, oldestCheckedAt } from '../../../src-renderer/stores/healthPolicy';
import { toFleetRows } from '../../../src-renderer/views/overview/fleetModel';

const ids = ['b', 'a'];
const answered = { loadedAt: 0, loadedKey: healthKeyOf(ids) };

describe('the overview asking for fleet health', () => {
  it('asks again after 3 s until the first readings land, then every 15 s, and at once for other apps', () => {
    expect(healthAskDue({ ...answered, pendingCount: 2, appCount: 2 }, ids, 2_999)).toBe(false);
    expect(healthAskDue({ ...answered, pendingCount: 2, appCount: 2 }, ids, 3_000)).toBe(true);
    // Some read: on a large fleet the rest can take an hour, and every answer carries every app.
    expect(healthAskDue({ ...answered, pendingCount: 1, appCount: 2 }, ids, 3_000)).toBe(false);
    expect(healthAskDue({ ...answered, pendingCount: 1, appCount: 2 }, ids, 15_000)).toBe(true);
    expect(healthAskDue({ ...answered, pendingCount: 0 }, ids, 14_999)).toBe(false);
    expect(healthAskDue({ ...answered, pendingCount: 0 }, ids, 15_000)).toBe(true);
    expect(healthAskDue({ ...answered, pendingCount: 0 }, ['a', 'c'], 1)).toBe(true);
    expect(healthAskDue({ ...answered, failed: true }, ids, 1)).toBe(true);
  });

  it('shows each row’s health with its age, a queued app as not read yet, and the oldest reading for the header', () => {
    const app = (id: string) => ({ id }) as FleetApp;
    const health = {
      a: { state: 'healthy' as const, components: {}, checkedAt: '2026-11-20T12:05:00Z' },
      b: { state: 'unknown' as const, components: {}, pending: true },
      c: { state: 'degraded' as const, components: {}, checkedAt: '2026-11-20T11:58:00Z' },
    };
    const rows = toFleetRows(['a', 'b', 'c', 'd'].map(app), health);
    expect(rows.map(({ app: _a, ...rest }) => rest)).toEqual([
      { health: 'healthy', healthCheckedAt: '2026-11-20T12:05:00Z' },
      { healthPending: true },
      { health: 'degraded', healthCheckedAt: '2026-11-20T11:58:00Z' },
      {},
    ]);
    expect(oldestCheckedAt(health, ['a', 'b', 'c'])).toBe('2026-11-20T11:58:00Z');
    expect(oldestCheckedAt(health, ['b'])).toBeUndefined();
  });
});
