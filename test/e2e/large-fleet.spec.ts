// e2e (#17): a founder with 600 apps flings the overview from top to bottom and jumps back. A
// fast scroll draws a few new rows a frame and shows the others as blank rows for a frame or two;
// once the scroll stops, every row in view is drawn — none is left blank. A harness of our own,
// on the bench's synthetic fleet.
import { mkdirSync, rmSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { startOwnHarness, stopHarness, type OwnHarness } from './ownHarness';
import { screenshot } from './support';

const DATA_DIR = 'test-results/large-fleet-data';
const URL_FILE = 'test-results/large-fleet-url.txt';
const APPS = 600;

let harness: OwnHarness | undefined;

test.beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  harness = await startOwnHarness(URL_FILE, DATA_DIR, ['--synthetic-apps', String(APPS)]);
});

test.afterAll(async () => {
  if (harness) await stopHarness(harness.process);
});

/** Rows of the frame's visible part: drawn, or blank for now. */
const rowsInView = (page: Page) =>
  page.evaluate(() => {
    const frame = document.querySelector<HTMLElement>('[data-testid="fleet-scroll"]')!.getBoundingClientRect();
    const inView = (selector: string) =>
      [...document.querySelectorAll(selector)].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.bottom > frame.top + 40 && box.top < frame.bottom;
      }).length;
    return { drawn: inView('[data-testid="fleet-row"]'), blank: inView('[data-testid="fleet-row-pending"]') };
  });

/** More than ten rows drawn in view, and none blank. */
const filledWithDrawnRows = async (page: Page) => {
  const { drawn, blank } = await rowsInView(page);
  return drawn > 10 && blank === 0;
};

/** Whether the fleet's first or last app row sits inside the frame's visible part. */
const edgeRowInFrame = (page: Page, edge: 'first' | 'last') =>
  page.evaluate((edge) => {
    const frame = document.querySelector<HTMLElement>('[data-testid="fleet-scroll"]')!.getBoundingClientRect();
    const rows = document.querySelectorAll('[data-testid="fleet-row"]');
    const row = (edge === 'first' ? rows[0] : rows[rows.length - 1])?.getBoundingClientRect();
    return !!row && row.top >= frame.top && row.bottom <= frame.bottom + 1;
  }, edge);

test('a fling through 600 apps leaves every row in view drawn', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(harness!.url);
  await expect(page.getByTestId('fleet-app-count')).toContainText(String(APPS), { timeout: 30_000 });
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();

  // Watch for blank rows while flinging 600 px a frame (some fifteen rows) to the bottom.
  const sawBlank = await page.evaluate(async () => {
    let seen = false;
    const watcher = new MutationObserver(() => {
      if (document.querySelector('[data-testid="fleet-row-pending"]')) seen = true;
    });
    watcher.observe(document.body, { childList: true, subtree: true });
    const frame = document.querySelector<HTMLElement>('[data-testid="fleet-scroll"]')!;
    while (frame.scrollTop + frame.clientHeight < frame.scrollHeight - 1) {
      frame.scrollTop += 600;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => requestAnimationFrame(r));
    watcher.disconnect();
    return seen;
  });
  expect(sawBlank).toBe(true);
  // The frame fills with drawn rows (a render behind the scroll, it shows the spacer for a moment).
  await expect.poll(() => filledWithDrawnRows(page)).toBe(true);
  expect(await edgeRowInFrame(page, 'last')).toBe(true);

  // Home: a whole frame of new rows at once, drawn within a few frames.
  await page.getByTestId('fleet-scroll').evaluate((frame) => (frame.scrollTop = 0));
  await screenshot(page, 'overview-large-fleet-jump');
  await expect.poll(() => filledWithDrawnRows(page)).toBe(true);
  expect(await edgeRowInFrame(page, 'first')).toBe(true);
  await expect(page.getByTestId('fleet-table').locator('tbody')).not.toHaveAttribute('aria-busy', 'true');
});
