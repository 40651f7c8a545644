// The founder scans the overview for apps that need attention: an app whose DigitalOcean alert
// failed to set up (customer3's domain alert posts to an archived Slack channel) carries a small
// marker beside its name, saying which alert and why. Fleetdeck learns every shown app's alerts
// in the background within the request budget, so the marker is there without opening the app.
import { expect, test } from './fixtures';
import { harnessUrl, screenshot } from './support';

test('an app whose alert failed to set up is marked on the overview, with which alert in its title', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/'));
  const row = page.locator('[data-testid="fleet-row"][data-app-name="taskifai-customer3"]');
  await expect(row).toBeVisible();

  const marker = row.getByTestId('alert-marker');
  // Read in the background a few apps at a time, then asked for again: seconds, not a beat of 30.
  await expect(marker).toBeVisible({ timeout: 15_000 });
  await expect(marker).toHaveAttribute('data-kind', /alert/);
  await expect(marker).toHaveAttribute(
    'title',
    /^Alert “A domain fails to configure” failed to set up \(.*channel_is_archived.*\): it would tell no one\.$/,
  );
  await expect(page.getByRole('img', { name: /^taskifai-customer3 needs attention: / })).toBeVisible();
  // Only that app: every other app's alerts are set up.
  await expect(
    page.locator('[data-testid="fleet-row"]').filter({ has: page.locator('[data-kind~="alert"]') }),
  ).toHaveCount(1);
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'overview-alert-marker');

  // The app page says the same, from the alert itself.
  await row.getByRole('link', { name: 'taskifai-customer3', exact: true }).click();
  await expect(page.getByTestId('alert-problem')).toContainText('channel_is_archived');
});
