// e2e: the founder drives Fleetdeck from the keyboard on the demo fleet. Ctrl+K and a few letters
// open a tenant; "deploy central" brings up the very confirmation the Deploy button shows, and
// Cancel sends nothing; ? lists every shortcut. Screenshots of the open palette, light and dark.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

test.describe.configure({ mode: 'serial' });

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(page.getByTestId('palette-input')).toBeFocused();
  return palette;
}

const activeOption = (page: Page) => page.locator('[data-testid="palette-option"][aria-selected="true"]');

test.describe('the command palette', () => {
  test('typing part of a tenant’s name and Enter opens it', async ({ page }) => {
    await page.goto(harnessUrl());
    await expect(page.getByTestId('fleet-row').first()).toBeVisible();
    const palette = await openPalette(page);

    await page.keyboard.type('custmer3');
    await expect(activeOption(page)).toContainText('taskifai-customer3');
    await expect(palette.getByRole('group', { name: 'Apps' })).toBeVisible();
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'palette-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'palette-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByTestId('app-detail')).toContainText('taskifai-customer3');
    await expect(page).toHaveURL(/#\/apps\//);

    // Next time it is the first thing offered, under Recent.
    await openPalette(page);
    await expect(page.getByRole('group', { name: 'Recent' })).toContainText('taskifai-customer3');
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  });

  test('“deploy central” opens the Deploy button’s own confirmation; Cancel sends nothing', async ({ page }) => {
    await page.goto(harnessUrl());
    await expect(page.getByTestId('fleet-row').first()).toBeVisible();
    const palette = await openPalette(page);

    // multivio-api is pinned by a rollback: its Deploy is refused here as on its page, and says why.
    await page.keyboard.type('deploy multivio-api');
    await expect(activeOption(page)).toContainText('Deploy multivio-api');
    await expect(activeOption(page)).toHaveAttribute('aria-disabled', 'true');
    await expect(activeOption(page)).toContainText('Pinned to deployment');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'palette-refused-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'palette-refused-light');
    await page.keyboard.press('Enter');
    await expect(palette).toBeVisible();

    await page.keyboard.press('Control+a');
    await page.keyboard.type('deploy central');
    await expect(activeOption(page)).toContainText('Deploy taskifai-central');
    await page.keyboard.press('Enter');

    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('Deploy taskifai-central?', { timeout: 15_000 });
    await expect(dialog).toContainText('Force rebuild');
    await expect(dialog).toContainText('not the commit live now');
    // The confirmation starts on Cancel, as it does when the button opens it.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    const deployments = await page.getByTestId('deployment-row').count();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('deploy-button')).toBeFocused();
    await expect(page.getByTestId('undo-bar')).toBeHidden();
    await expect(page.getByTestId('deployment-row')).toHaveCount(deployments);
  });

  test('scale, roll back and logs by name open the same dialogs and views as the page', async ({ page }) => {
    await page.goto(harnessUrl());
    await expect(page.getByTestId('fleet-row').first()).toBeVisible();

    await openPalette(page);
    await page.keyboard.type('scale taskifai-demo api');
    await expect(activeOption(page)).toContainText('Scale taskifai-demo demo-api');
    await page.keyboard.press('Enter');
    const scale = page.getByTestId('scale-dialog');
    await expect(scale).toBeVisible({ timeout: 15_000 });
    await expect(scale).toContainText('demo-api');
    await page.keyboard.press('Escape');
    await expect(scale).toBeHidden();
    // As after a click on the component's Scale button, focus comes back to it.
    await expect(page.locator('[data-component-name="demo-api"] [data-testid="scale-button"]')).toBeFocused();

    await openPalette(page);
    await page.keyboard.type('rollback central');
    await expect(activeOption(page)).toContainText('Roll back taskifai-central');
    await page.keyboard.press('Enter');
    const rollback = page.getByTestId('rollback-dialog');
    await expect(rollback).toContainText(/Roll taskifai-central back to \w{7}\?/, { timeout: 15_000 });
    await rollback.getByRole('button', { name: 'Cancel' }).click();
    await expect(rollback).toBeHidden();

    await openPalette(page);
    await page.keyboard.type('logs customer3 worker');
    await expect(activeOption(page)).toContainText('Logs of taskifai-customer3 customer3-worker');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('logs-view')).toBeVisible();
    await expect(page.getByTestId('source-chip')).toHaveText(['taskifai-customer3/customer3-worker']);
  });

  test('a domain by name: a tenant’s own domain is listed, a DNS zone opens its records', async ({ page }) => {
    await page.goto(harnessUrl());
    await expect(page.getByTestId('fleet-row').first()).toBeVisible();
    const palette = await openPalette(page);
    await page.keyboard.type('bibbi.taskifai');
    await expect(palette.getByRole('group', { name: 'Domains' })).toContainText('bibbi.taskifai.com');

    await page.keyboard.press('Control+a');
    await page.keyboard.type('zone insightpulse');
    await expect(activeOption(page)).toContainText('insightpulseai.net');
    await expect(activeOption(page)).toContainText('DNS zone');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/dns$/);
    await expect(page.getByRole('tab', { name: 'insightpulseai.net' })).toHaveAttribute('aria-selected', 'true', {
      timeout: 15_000,
    });
  });

  test('? lists every shortcut, and Escape closes it', async ({ page }) => {
    await page.goto(harnessUrl('#/costs'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('?');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('Open the command palette');
    await expect(overlay).toContainText('Filter the apps');
    await screenshot(page, 'shortcuts-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'shortcuts-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(overlay).toBeHidden();
  });
});
