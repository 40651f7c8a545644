import { expect, test } from '@playwright/test';
import { harnessUrl, priceOf, screenshot, usd } from './support';

test.describe('the founder opens one app', () => {
  test('sees its components with sizes, costs, sources and health, and its deployment history', async ({ page }) => {
    await page.goto(harnessUrl());
    await page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"]').click();
    const detail = page.getByTestId('app-detail');
    await expect(detail).toBeVisible();

    const components = page.getByTestId('component-row');
    await expect(components).toHaveCount(4);
    const api = components.filter({ hasText: 'bibbi-api' });
    await expect(api).toContainText('apps-s-1vcpu-2gb');
    await expect(api).toContainText(usd(priceOf('apps-s-1vcpu-2gb') * 2));
    await expect(api).toContainText(/github|taskifai\//i);
    await expect(page.getByTestId('components-table')).toContainText(/healthy/i);

    const deployments = page.getByTestId('deployment-row');
    expect(await deployments.count()).toBeGreaterThanOrEqual(4);
    await expect(page.getByTestId('deployments-table')).toContainText('ACTIVE');
    await expect(page.getByTestId('deployments-table')).toContainText('BUILDING');
    await screenshot(page, 'app-detail-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'app-detail-dark');
  });

  test('sees why the last Odoo deployment failed while the previous one stays live', async ({ page }) => {
    await page.goto(harnessUrl());
    await page.locator('[data-testid="fleet-row"][data-app-name="odoo-saas-platform"]').click();
    const history = page.getByTestId('deployments-table');
    await expect(history).toContainText('ERROR');
    await expect(history).toContainText('ACTIVE');
    await screenshot(page, 'app-detail-failed-deploy');
  });

  test('gets a clear error, not a blank page, for an app that does not exist', async ({ page }) => {
    await page.goto(harnessUrl('#/apps/00000000-0000-4000-8000-000000000000'));
    await expect(page.getByTestId('error-state')).toBeVisible();
    await expect(page.getByTestId('error-state')).toContainText(/could not be found/i);
  });
});
