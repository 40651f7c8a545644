import { describe, expect, it } from 'vitest';
import { appsMethodSchemas } from '../../../src-main/bridge/schemas/apps';
import { AppsService } from '../../../src-main/services/apps/appsService';
import { InstanceSizeCache } from '../../../src-main/services/apps/instanceSizeCache';
import { budgetedWorld, HEALTH } from './world';

/** Real HTTP to the sandbox for hundreds of requests: room for a busy machine, not a measure of speed. */
const SLOW_MS = 30_000;

async function overviewOn(options: Parameters<typeof budgetedWorld>[0]) {
  const world = await budgetedWorld(options);
  const apps = new AppsService(world.client, new InstanceSizeCache(world.client), {
    budget: world.budget,
    health: { clock: world.clock },
  });
  /** The overview open for `minutes`, asking for health every 15 s as the window does. */
  const keepAsking = async (minutes: number) => {
    for (let i = 0; i < minutes * 4; i++) {
      await apps.getFleetHealth(world.appIds);
      await world.run(15_000);
    }
  };
  return { ...world, apps, keepAsking };
}

describe('fleet health within the request budget', () => {
  it(
    'answers for 1,500 apps at once, every app pending, before a single health request is sent',
    async () => {
      const world = await overviewOn({ syntheticApps: 1500 });
      expect(appsMethodSchemas.getFleetHealth.safeParse({ appIds: world.appIds }).success).toBe(true);

      const first = await world.apps.getFleetHealth(world.appIds);
      expect(world.count(HEALTH)).toBe(0);
      expect(Object.keys(first)).toHaveLength(1500);
      expect(Object.values(first).every((h) => h.pending && h.state === 'unknown')).toBe(true);

      // Behind the answer the refresh reads within the budget: 40% of 250 in the first minute.
      await world.run(45_000);
      const later = await world.apps.getFleetHealth(world.appIds);
      const read = Object.values(later).filter((h) => h.checkedAt);
      expect(read).toHaveLength(100);
      expect(world.count(HEALTH)).toBe(100);
      expect(read.every((h) => h.state !== 'unknown' || Object.keys(h.components).length === 0)).toBe(true);
    },
    SLOW_MS,
  );

  it('re-reads the app whose health is oldest first', async () => {
    const world = await overviewOn({});
    await world.keepAsking(1);
    const known = await world.apps.getFleetHealth(world.appIds);
    const ages = world.appIds.map((id) => [id, Date.parse(known[id]!.checkedAt!)] as const);
    expect(ages.every(([, at]) => Number.isFinite(at))).toBe(true);
    const oldest = ages.reduce((a, b) => (b[1] < a[1] ? b : a))[0];

    // After a minute, readings are due again; the first one re-read is the oldest.
    const before = world.count(HEALTH);
    await world.apps.getFleetHealth(world.appIds);
    await world.run(60_000);
    const after = await world.apps.getFleetHealth(world.appIds);
    expect(world.count(HEALTH)).toBeGreaterThan(before);
    const newest = Math.max(...world.appIds.map((id) => Date.parse(after[id]!.checkedAt!)));
    expect(Date.parse(after[oldest]!.checkedAt!)).toBeGreaterThan(ages.find(([id]) => id === oldest)![1]);
    expect(Date.parse(after[oldest]!.checkedAt!)).toBeLessThanOrEqual(newest);
  });

  it(
    'a 429 without Retry-After pauses the refresh until the hour frees up; no answer fails and the next pass resumes',
    async () => {
      // Another tool has spent 398 of this token's 400 requests this hour.
      const world = await overviewOn({ rateLimits: { perHour: 400, perMinute: 1000 } });
      await world.otherTool(398);

      const first = await world.apps.getFleetHealth(world.appIds);
      expect(Object.values(first).every((h) => h.pending)).toBe(true);
      await world.settled();
      // Two reads fit; the next was refused with no Retry-After, and background reads stopped.
      const sentAtPause = world.sandbox.requests.length;
      const pausedUntil = world.budget.backgroundPausedUntil();
      expect(pausedUntil).toBeDefined();
      expect(pausedUntil! - world.clock.now()).toBeGreaterThan(59 * 60_000);

      const during = await world.apps.getFleetHealth(world.appIds);
      expect(Object.values(during).filter((h) => h.checkedAt)).toHaveLength(2);
      expect(Object.values(during).filter((h) => h.pending)).toHaveLength(world.appIds.length - 2);

      // Half an hour of the overview asking: answers keep coming, and nothing more is sent.
      await world.keepAsking(30);
      expect(world.sandbox.requests.length).toBe(sentAtPause);

      // Once the hour has freed up, the same refresh carries on where it stopped.
      await world.keepAsking(35);
      const after = await world.apps.getFleetHealth(world.appIds);
      expect(Object.values(after).every((h) => h.checkedAt && !h.pending)).toBe(true);
    },
    SLOW_MS,
  );
});
