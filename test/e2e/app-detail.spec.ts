import { expect, test } from './fixtures';
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

  test('sees the app’s DigitalOcean alerts, and which one is not set up', async ({ page }) => {
    await page.goto(harnessUrl());
    await page.locator('[data-testid="fleet-row"][data-app-name="taskifai-customer3"]').click();
    const alerts = page.getByTestId('alert-row');
    await expect(alerts).toHaveCount(2);
    const deploy = alerts.filter({ has: page.locator('code', { hasText: 'DEPLOYMENT_FAILED' }) });
    await expect(deploy).toContainText('A deployment fails');
    await expect(deploy).toContainText('Whole app');
    await expect(deploy).toContainText('founder@taskifai.com');
    await expect(deploy).toContainText('Set up');
    const domain = page.locator('[data-testid="alert-row"][data-rule="DOMAIN_FAILED"]');
    await expect(domain).toHaveAttribute('data-phase', 'ERROR');
    await expect(domain).toContainText('Slack #customer3-ops');
    await expect(domain).toContainText('Set-up failed');
    await expect(domain).toContainText('channel_is_archived');
    // The page says so at the top, where the founder looks first.
    await expect(page.getByTestId('alerts-mark')).toContainText('An alert is not set up');
    await expect(page.getByTestId('alerts-section')).toContainText('1 not set up');
    await page.getByTestId('alerts-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'app-detail-alerts-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'app-detail-alerts-dark');
  });

  test('works the deployments table from the keyboard: one Tab stop, arrows between rows, Enter opens the log', async ({
    page,
  }) => {
    await page.goto(harnessUrl());
    await page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"]').click();
    const rows = page.getByTestId('deployment-row');
    await expect(rows.first()).toBeVisible();
    // The alerts table just above is one stop too: from its row, Tab goes straight to the
    // deployments table's row, past every link and button in the alerts.
    await page.getByTestId('alert-row').first().focus();
    await expect(page.getByTestId('alert-row').first()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('deployment-row').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    const second = await rows.nth(1).getAttribute('data-deployment-id');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`deployment=${second}.*type=BUILD`));
  });

  test('gets a clear error, not a blank page, for an app that does not exist', async ({ page }) => {
    await page.goto(harnessUrl('#/apps/00000000-0000-4000-8000-000000000000'));
    await expect(page.getByTestId('error-state')).toBeVisible();
    await expect(page.getByTestId('error-state')).toContainText(/could not be found/i);
  });
});
