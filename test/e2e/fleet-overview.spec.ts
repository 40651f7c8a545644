import { expect, test, type Page } from './fixtures';
import { harnessUrl, priceOf, screenshot, usd } from './support';

test.describe('the founder opens Fleetdeck on the demo fleet', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(harnessUrl());
    await expect(page.getByTestId('fleet-table')).toBeVisible();
  });

  test('sees every demo app, grouped by product, with a clear demo badge', async ({ page }) => {
    await expect(page.getByTestId('demo-badge')).toBeVisible();
    await expect(page.getByTestId('fleet-row')).toHaveCount(12);
    for (const name of [
      'taskifai-central',
      'taskifai-demo',
      'taskifai-bibbi',
      'taskifai-customer3',
      'odoo-saas-platform',
      'superset-analytics',
      'mcp-coordinator',
      'multivio-api',
    ]) {
      await expect(page.locator(`[data-testid="fleet-row"][data-app-name="${name}"]`)).toBeVisible();
    }
    const groups = await page.getByTestId('group-row').allInnerTexts();
    expect(groups.join('\n')).toMatch(/TaskifAI/);
    expect(groups.join('\n')).toMatch(/InsightPulse/);
    await screenshot(page, 'overview-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'overview-dark');
  });

  test('reads monthly costs priced from the sandbox size list', async ({ page }) => {
    // taskifai-bibbi: API on apps-s-1vcpu-2gb ×2, worker on apps-s-1vcpu-1gb ×1; frontend and job free.
    const bibbi = page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"]');
    await expect(bibbi).toContainText(usd(priceOf('apps-s-1vcpu-2gb') * 2 + priceOf('apps-s-1vcpu-1gb')));
    // multivio-api autoscales 1–10 on apps-d-1vcpu-1gb, plus a worker on apps-s-1vcpu-1gb.
    const multivio = page.locator('[data-testid="fleet-row"][data-app-name="multivio-api"]');
    const worker = priceOf('apps-s-1vcpu-1gb');
    await expect(multivio).toContainText(usd(priceOf('apps-d-1vcpu-1gb') + worker));
    await expect(multivio).toContainText(usd(priceOf('apps-d-1vcpu-1gb') * 10 + worker));
    // taskifai-central's API runs on the legacy basic-xxs slug, priced as apps-s-1vcpu-0.5gb.
    const central = page.locator('[data-testid="fleet-row"][data-app-name="taskifai-central"]');
    await expect(central).toContainText(usd(priceOf('apps-s-1vcpu-0.5gb')));
    await expect(page.getByTestId('fleet-total-cost')).toContainText('$');
  });

  test('filters by text and sorts by cost', async ({ page }) => {
    const filter = page.getByTestId('fleet-filter');
    await filter.fill('superset');
    await expect(page.getByTestId('fleet-row')).toHaveCount(1);
    await expect(page.getByTestId('fleet-row').first()).toHaveAttribute('data-app-name', 'superset-analytics');
    await filter.fill('no-such-app');
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await screenshot(page, 'overview-filter-empty');
    await filter.fill('taskifai');
    await expect(page.getByTestId('fleet-row')).toHaveCount(4);

    await filter.fill('');
    await page.getByRole('button', { name: /monthly cost/i }).click();
    const ascending = await rowNames(page);
    await page.getByRole('button', { name: /monthly cost/i }).click();
    const descending = await rowNames(page);
    expect(descending).not.toEqual(ascending);
    expect(new Set(descending)).toEqual(new Set(ascending));
  });

  test('moves through the fleet with the keyboard and opens an app with Enter', async ({ page }) => {
    await page.keyboard.press('/');
    await expect(page.getByTestId('fleet-filter')).toBeFocused();
    await page.keyboard.type('bibbi');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('app-detail')).toBeVisible();
    await expect(page.getByTestId('app-detail')).toContainText('taskifai-bibbi');
  });
});

async function rowNames(page: Page): Promise<string[]> {
  return page.getByTestId('fleet-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-app-name') ?? ''));
}
