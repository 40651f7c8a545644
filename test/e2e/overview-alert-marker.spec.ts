// The founder scans the overview for apps that need attention: an app whose DigitalOcean alert
// failed to set up (customer3's domain alert posts to an archived Slack channel) carries a small
// marker beside its name once the window has read its alerts, saying which alert and why, and
// apps whose health went bad are marked from the health the overview already reads.
import { expect, test } from '@playwright/test';
import { harnessUrl, screenshot } from './support';

test('an app whose alert failed to set up is marked on the overview, with which alert in its title', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/'));
  const row = page.locator('[data-testid="fleet-row"][data-app-name="taskifai-customer3"]');
  await expect(row).toBeVisible();
  // Nothing read about its alerts yet: no request is made per row to find out.
  await expect(row.getByTestId('alert-marker')).toHaveCount(0);

  await row.getByRole('link', { name: 'taskifai-customer3', exact: true }).click();
  await expect(page.getByTestId('alert-problem')).toContainText('channel_is_archived');
  await page.getByTestId('back-link').click();

  const marker = row.getByTestId('alert-marker');
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('data-kind', /alert/);
  await expect(marker).toHaveAttribute(
    'title',
    /^Alert “A domain fails to configure” failed to set up \(.*channel_is_archived.*\): it would tell no one\.$/,
  );
  await expect(page.getByRole('img', { name: /^taskifai-customer3 needs attention: / })).toBeVisible();
  // Only that app: the others' alerts are set up or not read.
  await expect(
    page.locator('[data-testid="fleet-row"]').filter({ has: page.locator('[data-kind~="alert"]') }),
  ).toHaveCount(1);
  await marker.hover();
  await screenshot(page, 'overview-alert-marker');
});
