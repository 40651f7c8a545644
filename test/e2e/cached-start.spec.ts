// e2e (#17): the founder opens Fleetdeck a second time and the overview is there at once, from the
// copy kept on disk, saying how old it is — while DigitalOcean (the sandbox, slowed to 8 s a
// request) has not answered yet; then the fresh fleet replaces it. Two starts of the harness of
// our own, sharing one data folder.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { startOwnHarness, stopHarness } from './ownHarness';
import { screenshot } from './support';

const DATA_DIR = 'test-results/cached-start-data';
const URL_FILE = 'test-results/cached-start-url.txt';

const startHarness = (latencyMs: number) => startOwnHarness(URL_FILE, DATA_DIR, ['--latency-ms', String(latencyMs)]);

const keptFleets = () => {
  const dir = join(DATA_DIR, 'fleet-cache');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
};

test.describe('a second start', () => {
  test.beforeAll(() => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    mkdirSync(DATA_DIR, { recursive: true });
  });

  test('paints the overview from the kept fleet, marked with its age, before the API answers', async ({ page }) => {
    test.setTimeout(90_000);
    const first = await startHarness(0);
    try {
      await page.goto(first.url);
      await expect(page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"]')).toBeVisible();
      // Nothing is kept from before, so the first start says nothing about a cache.
      await expect(page.getByTestId('fleet-cached-age')).toHaveCount(0);
      await expect.poll(keptFleets, { timeout: 10_000 }).toHaveLength(1);
    } finally {
      await stopHarness(first.process);
    }

    const second = await startHarness(8000);
    try {
      const opened = Date.now();
      await page.goto(second.url);
      await expect(page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"]')).toBeVisible({
        timeout: 6000,
      });
      // Under 8 s, so the rows can only have come from the disk: the API has not answered.
      expect(Date.now() - opened).toBeLessThan(8000);
      await expect(page.getByTestId('fleet-cached-age')).toContainText(/cached (just now|\d+m ago)/);
      await expect(page.getByTestId('fleet-row')).toHaveCount(12);
      await screenshot(page, 'overview-cached-start');

      // The API answers; the fresh fleet takes the cached one's place and the marker goes.
      await expect(page.getByTestId('fleet-cached-age')).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByTestId('fleet-refreshed-at')).toContainText(/auto every 15s/);
      await expect(page.getByTestId('fleet-row')).toHaveCount(12);
    } finally {
      await stopHarness(second.process);
    }
  });
});
