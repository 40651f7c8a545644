// The founder opens an app's page: a rolled-back app says "pinned" beside its name without cutting
// it and names deployments by short ids, and a young tenant's CPU and memory start the day it was
// created, and say so, instead of passing off a shorter line as the whole week.
import { expect, test, type Page } from './fixtures';
import type { FleetApi } from '../../src-preload/contract';
import { harnessUrl, screenshot } from './support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function openApp(page: Page, name: string) {
  await page.goto(harnessUrl());
  await page.locator(`[data-testid="fleet-row"][data-app-name="${name}"]`).click();
  await expect(page.getByTestId('app-detail')).toBeVisible();
}

test('rolled back, an app’s page says “pinned” beside its whole name and names deployments by short ids', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // An app no other story uses: this one rolls it back, and undoes that at the end.
  await openApp(page, 'task-assistant-ai');
  await page.getByTestId('rollback-button').first().click();
  await expect(page.getByTestId('rollback-dialog').getByTestId('rollback-valid')).toBeVisible();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('undo-bar')).toBeHidden({ timeout: 10_000 });
  const progress = page.getByTestId('deployment-progress');
  await expect(progress).toHaveAttribute('data-phase', 'ACTIVE', { timeout: 60_000 });
  // "rollback to deployment 1a2b3c4", the full UUID only on hover.
  await expect(progress).toContainText('rollback to deployment');
  await expect(progress.getByTestId('short-id')).toHaveText(/^[0-9a-f]{7}$/);
  await expect(progress.getByTestId('short-id')).toHaveAttribute('title', UUID);
  await expect(progress).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);

  const banner = page.getByTestId('pinned-banner');
  await expect(banner.getByTestId('pinned-id')).toHaveAttribute('title', UUID);
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    const name = page.getByRole('heading', { level: 1, name: 'task-assistant-ai' });
    const tag = page.getByTestId('detail-pinned');
    await expect(tag).toBeVisible();
    await expect(tag).toHaveAttribute('title', /^Pinned to deployment [0-9a-f]{7} by a rollback/);
    // Not cut: the heading shows all of its text, and the tag sits after it, not over it.
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const [n, t] = [(await name.boundingBox())!, (await tag.boundingBox())!];
    expect(t.x >= n.x + n.width || t.y >= n.y + n.height).toBe(true);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'detail-pinned-1024-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'detail-pinned-1024-dark');

  await banner.getByTestId('undo-rollback-button').click();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('undo-bar')).toBeHidden({ timeout: 10_000 });
  await expect(page.getByTestId('detail-pinned')).toBeHidden({ timeout: 60_000 });
});

test('a six-day-old tenant’s week of CPU and memory starts when it was created, and says so', async ({ page }) => {
  await openApp(page, 'taskifai-customer3');
  const usage = page.getByTestId('usage-charts');
  await expect(usage.getByTestId('usage-chart').first().locator('.recharts-line').first()).toBeVisible();
  // A day of history it has: nothing to explain.
  await expect(page.getByTestId('usage-since')).toHaveCount(0);

  await usage.getByRole('button', { name: '7d' }).click();
  await expect(page.getByTestId('usage-since')).toHaveText(
    /^Since [A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2}: the app was created then, less than 7 days ago/,
  );

  // The series themselves hold nothing from before the app existed.
  const created = await page.locator('.detail-header__eyebrow time').getAttribute('datetime');
  const appId = (await page.getByTestId('app-detail').getAttribute('data-app-id'))!;
  const firstPoint = await page.evaluate(async (id) => {
    const api = (window as unknown as { fleet: FleetApi }).fleet;
    const result = await api.getUsageSeries({ appId: id, component: 'customer3-api', range: '7d' });
    return result.ok ? result.value.points[0]?.t : undefined;
  }, appId);
  expect(firstPoint).toBeDefined();
  expect(firstPoint! * 1000).toBeGreaterThanOrEqual(Date.parse(created!));
  expect(firstPoint! * 1000).toBeLessThan(Date.parse(created!) + 2 * 3_600_000);

  await usage.scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'detail-usage-since-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'detail-usage-since-dark');
});
