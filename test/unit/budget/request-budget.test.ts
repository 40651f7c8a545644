import { describe, expect, it } from 'vitest';
import { inBackground } from '../../../src-main/clients/http/requestGate';
import { budgetedWorld, HEALTH } from './world';

/** Real HTTP to the sandbox for hundreds of requests: room for a busy machine, not a measure of speed. */
const SLOW_MS = 30_000;

describe('the request budget of a context', () => {
  it(
    'holds background reads to 40% of the minute while the user’s own request goes at once',
    async () => {
      const world = await budgetedWorld({ syntheticApps: 150 });
      // 150 health reads the app wants on its own: 40% of 250 a minute is 100.
      const background = world.appIds.map((id) => inBackground('health', () => world.client.getAppHealth(id)));
      await world.settled();
      expect(world.count(HEALTH)).toBe(100);

      // The founder opens an app meanwhile: nothing queues it behind the 50 still waiting.
      const app = await world.client.getApp(world.appIds[0]!);
      expect(app.id).toBe(world.appIds[0]);
      expect(world.count(HEALTH)).toBe(100);
      expect(world.budget.usage().waiting).toBe(50);

      // A minute later the window has room again and the rest go, paced rather than all at once.
      await world.run(60_000);
      expect(world.count(HEALTH)).toBeGreaterThan(100);
      await world.run(5 * 60_000);
      await Promise.all(background);
      expect(world.count(HEALTH)).toBe(150);
      expect(world.budget.usage().waiting).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'spreads background reads over the hour: never more than 40% of 5,000 in any hour',
    async () => {
      const world = await budgetedWorld({ syntheticApps: 10 });
      let stop = false;
      // A background loop that would read as fast as it is let through.
      const loop = (async () => {
        for (let i = 0; !stop; i++)
          await inBackground('health', () => world.client.getAppHealth(world.appIds[i % 10]!));
      })();
      await world.run(30 * 60_000);
      const firstHalfHour = world.count(HEALTH);
      // Up to the last second of the hour that began with the first read.
      await world.run(30 * 60_000 - 1000);
      const hour = world.count(HEALTH);
      stop = true;
      await world.run(5 * 60_000);
      await loop;
      // Paced at the hourly share, the first half hour does not take the whole hour's budget.
      expect(firstHalfHour).toBeLessThanOrEqual(1000 + 150);
      expect(hour).toBeLessThanOrEqual(2000);
      expect(hour).toBeGreaterThan(1800);
    },
    SLOW_MS,
  );
});
