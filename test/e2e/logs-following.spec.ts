// The founder keeps an eye on the newest log lines while doing other things with the window:
// making it shorter must not stop the tail from following, and after scrolling up to read, a
// button says how many lines arrived below and takes them back.
import { expect, test, type Locator, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

/** Closer than two rows to the end counts as at the bottom, as in the list itself. */
const AT_BOTTOM = 40;

async function openLogs(page: Page) {
  await page.goto(harnessUrl('#/logs'));
  await page.getByTestId('quick-pick').filter({ hasText: 'All of TaskifAI' }).click();
  const list = page.getByTestId('log-list');
  // Enough lines that the list scrolls well past one screen.
  await expect.poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight * 2), { timeout: 15_000 }).toBe(true);
  return list;
}

// Read by polling: the list scrolls to a new line a frame after it arrives, later on a busy machine.
const gapBelow = (list: Locator) => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
const rowCount = async (list: Locator) => Number(await list.getAttribute('data-rows'));

async function whenMoreLinesArrive(list: Locator) {
  const before = await rowCount(list);
  await expect.poll(() => rowCount(list), { timeout: 10_000 }).toBeGreaterThan(before);
}

test.describe('the founder follows the newest lines', () => {
  test('a shorter window keeps following, pinned to the bottom, and so does a taller one', async ({ page }) => {
    const list = await openLogs(page);
    await expect.poll(() => gapBelow(list)).toBeLessThanOrEqual(AT_BOTTOM);

    await page.setViewportSize({ width: 1440, height: 560 });
    await expect.poll(() => gapBelow(list)).toBeLessThanOrEqual(AT_BOTTOM);
    await whenMoreLinesArrive(list);
    await expect.poll(() => gapBelow(list)).toBeLessThanOrEqual(AT_BOTTOM);
    await expect(list).toHaveAttribute('data-following', 'true');
    await expect(page.getByTestId('new-lines-button')).toHaveCount(0);

    await page.setViewportSize({ width: 1440, height: 900 });
    await whenMoreLinesArrive(list);
    await expect.poll(() => gapBelow(list)).toBeLessThanOrEqual(AT_BOTTOM);
  });

  test('opening a line’s detail pane (a shorter list) keeps following', async ({ page }) => {
    const list = await openLogs(page);
    await page.getByTestId('log-row').last().click();
    await expect(page.getByTestId('line-detail')).toBeVisible();
    await whenMoreLinesArrive(list);
    await expect.poll(() => gapBelow(list)).toBeLessThanOrEqual(AT_BOTTOM);
  });

  test('scrolled up, a button counts the new lines below and takes the reader back to following', async ({ page }) => {
    const list = await openLogs(page);
    const button = page.getByTestId('new-lines-button');
    await list.hover();
    await expect(async () => {
      await page.mouse.wheel(0, -1200);
      await expect(button).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });

    // The reader's place holds while the count grows.
    await expect(button).toHaveText(/^[1-9][\d,]* new lines? ↓$/, { timeout: 10_000 });
    const counted = Number(await button.getAttribute('data-count'));
    await expect
      .poll(async () => Number(await button.getAttribute('data-count')), { timeout: 10_000 })
      .toBeGreaterThan(counted);
    expect(await gapBelow(list)).toBeGreaterThan(AT_BOTTOM);
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'logs-new-lines-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'logs-new-lines-dark');

    await button.click();
    await expect(button).toHaveCount(0);
    await expect(list).toHaveAttribute('data-following', 'true');
    await whenMoreLinesArrive(list);
    await expect.poll(() => gapBelow(list)).toBeLessThanOrEqual(AT_BOTTOM);
  });

  test('while paused, scrolling up shows no new-lines button: the pause counter already says it', async ({ page }) => {
    const list = await openLogs(page);
    await page.getByTestId('pause-button').click();
    await list.hover();
    await page.mouse.wheel(0, -1200);
    await expect.poll(() => gapBelow(list)).toBeGreaterThan(AT_BOTTOM);
    await expect(page.getByTestId('paused-count')).toHaveText(/^\+[1-9][\d,]* new$/, { timeout: 10_000 });
    await expect(page.getByTestId('new-lines-button')).toHaveCount(0);
  });
});
