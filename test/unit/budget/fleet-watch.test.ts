import { describe, expect, it } from 'vitest';
import type { FleetSnapshot, Result } from '../../../src-preload/contract';
import type { DigitalOceanClient } from '../../../src-main/clients/digitalocean/client';
import { AppsService } from '../../../src-main/services/apps/appsService';
import { VirtualClock } from '../../../src-main/services/budget/clock';
import { RequestBudget } from '../../../src-main/services/budget/requestBudget';
import { watchFleet } from '../../../src-main/services/apps/fleetWatcher';
import { InstanceSizeCache } from '../../../src-main/services/apps/instanceSizeCache';
import { START } from './world';

const snapshot: FleetSnapshot = { fetchedAt: new Date(START).toISOString(), apps: [], monthlyCost: { min: 0, max: 0 } };

describe('the fleet watch within the request budget', () => {
  it('reads a 2,000-app fleet (10 pages) every 72 s instead of every 15 s', async () => {
    const budget = new RequestBudget({ clock: new VirtualClock(START) });
    // Only the fleet's size matters here: 2,000 bare apps.
    const client = {
      listApps: async () => Array.from({ length: 2000 }, (_, i) => ({ id: `app-${i}`, spec: { name: `tenant-${i}` } })),
      listProjects: async () => [],
      listInstanceSizes: async () => [],
      rateLimit: undefined,
    } as unknown as DigitalOceanClient;
    const apps = new AppsService(client, new InstanceSizeCache(client), { budget });
    await apps.listFleet();
    // A quarter of the 2,000 background requests an hour: 500 pages, so 10 pages every 72 s.
    expect(apps.fleetWatchGapMs(15_000)).toBe(72_000);
    const small = new AppsService(client, new InstanceSizeCache(client));
    await small.listFleet();
    // Without a budget (no limits known) the interval stands.
    expect(small.fleetWatchGapMs(15_000)).toBe(15_000);
  });

  it('keeps its 15 s beat for a one-page fleet, and reads on that beat', async () => {
    const clock = new VirtualClock(START);
    const readsAt: number[] = [];
    const watch = watchFleet(
      async () => {
        readsAt.push(clock.now() - START);
        return snapshot;
      },
      () => ({ code: 'internal', message: 'x' }),
      15,
      () => {},
      { clock, gapMs: (ms) => ms },
    );
    await clock.runFor(61_000, () => false);
    watch.dispose();
    expect(readsAt).toEqual([15_000, 30_000, 45_000, 60_000]);
  });

  it('tells the window once that a 429 paused automatic refreshes, reads nothing meanwhile, then carries on', async () => {
    const clock = new VirtualClock(START);
    let pausedUntil: number | undefined = START + 10 * 60_000;
    let reads = 0;
    const events: Result<FleetSnapshot>[] = [];
    const watch = watchFleet(
      async () => {
        reads++;
        return snapshot;
      },
      () => ({ code: 'internal', message: 'x' }),
      15,
      (event) => events.push(event),
      { clock, pausedUntil: () => (pausedUntil !== undefined && pausedUntil > clock.now() ? pausedUntil : undefined) },
    );
    await clock.runFor(5 * 60_000, () => false);
    expect(reads).toBe(0);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 585 } });
    expect(!events[0]!.ok && events[0]!.error.message).toMatch(/resume in about 10 min/);

    pausedUntil = undefined;
    await clock.runFor(30_000, () => false);
    watch.dispose();
    expect(reads).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ ok: true });
  });
});
