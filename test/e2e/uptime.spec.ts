// Task Assistant AI documents four health endpoints (/health, /health/database, /health/redis,
// /health/celery). The founder lists them on the tenant's page and, in one click after seeing what
// will be made, has DigitalOcean's Uptime checks watch them — so monitoring runs with the laptop
// closed. The demo's Celery worker is unreachable: /health/celery is down, on the page and in the
// tenants matrix. A second click makes nothing new; a deleted check comes back alone. In Settings
// the founder tightens a droplet CPU alert policy; a threshold no percentage can reach is refused
// before anything is sent, as is a health path that is not a path.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

const TENANT = 'task-assistant-ai';
const uptimeCell = (page: Page, tenant: string) =>
  page.locator(`[data-testid="tenant-row"][data-tenant="${tenant}"] [data-col="uptime"] [data-testid="uptime-cell"]`);
const pathRow = (page: Page, path: string) => page.locator(`[data-testid="health-path"][data-path="${path}"]`);

async function lightAndDark(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a tenant’s health paths get DigitalOcean uptime checks in one click; the failing Celery check shows as down', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/tenants'));
  await expect(page.getByTestId('tenants-table')).toBeVisible({ timeout: 20_000 });
  // TaskifAI's central API has been watched for weeks; nothing watches Task Assistant AI yet.
  await expect(uptimeCell(page, 'taskifai-central')).toHaveAttribute('data-uptime', 'up', { timeout: 15_000 });
  await expect(uptimeCell(page, TENANT)).toHaveAttribute('data-uptime', 'none');
  await expect(uptimeCell(page, TENANT)).toHaveText('no checks');

  await page.locator(`[data-testid="tenant-row"][data-tenant="${TENANT}"]`).click();
  await expect(page.getByTestId('tenant-page')).toBeVisible();
  const section = page.getByTestId('panel-uptime');
  await expect(pathRow(page, '/health')).toContainText('spec · api');
  await expect(pathRow(page, '/health')).toContainText('no check');

  // A path that is not a path is refused before anything is sent, and the typed text stays.
  const input = page.getByTestId('health-path-input');
  await input.fill('health database');
  await page.getByTestId('add-path').click();
  await expect(page.getByTestId('health-path-error')).toContainText('starts with “/”');
  await expect(input).toHaveValue('health database');
  await expect(page.getByTestId('health-path')).toHaveCount(1);

  for (const path of ['/health/database', '/health/redis', '/health/celery']) {
    await input.fill(path);
    await page.getByTestId('add-path').click();
    await expect(pathRow(page, path)).toContainText('added here');
  }
  await expect(input).toHaveValue('');

  // What one click makes is shown first: a check per path, from two US regions, alerting by email.
  await page.getByTestId('monitor-button').click();
  const plan = page.getByTestId('uptime-plan-dialog');
  await expect(plan.getByTestId('planned-check')).toHaveCount(4);
  await expect(plan).toContainText('https://api.taskassistant.ai/health/celery');
  await expect(plan).toContainText('US East, US West');
  await expect(plan).toContainText('alert when down → founder@taskifai.com');
  await lightAndDark(page, 'uptime-plan');
  await plan.getByTestId('confirm-button').click();
  await expect(plan).toBeHidden();

  await expect(page.getByTestId('uptime-created')).toContainText('Created 4 checks');
  await expect(pathRow(page, '/health/celery').getByTestId('uptime-state')).toHaveAttribute('data-status', 'down');
  await expect(pathRow(page, '/health/celery')).toContainText('US East down');
  for (const path of ['/health', '/health/database', '/health/redis'])
    await expect(pathRow(page, path).getByTestId('uptime-state')).toHaveAttribute('data-status', 'up');
  await expect(page.getByTestId('uptime-summary')).toHaveText('4 of 4 watched');
  // Nothing left to create: the button says so rather than making duplicates.
  await expect(page.getByTestId('monitor-button')).toBeDisabled();
  await section.scrollIntoViewIfNeeded();
  await lightAndDark(page, 'uptime-tenant-page');

  // Deleting one check asks first; monitoring again makes that one alone.
  await pathRow(page, '/health/redis').getByTestId('delete-check').click();
  const confirm = page.getByTestId('delete-check-dialog');
  await expect(confirm).toContainText('Delete the uptime check on https://api.taskassistant.ai/health/redis?');
  await confirm.getByTestId('confirm-button').click();
  await expect(pathRow(page, '/health/redis')).toContainText('no check');
  await page.getByTestId('monitor-button').click();
  await expect(plan.getByTestId('planned-check')).toHaveCount(1);
  await plan.getByTestId('confirm-button').click();
  await expect(page.getByTestId('uptime-created')).toContainText('Created 1 check');
  await expect(pathRow(page, '/health/redis').getByTestId('uptime-state')).toHaveAttribute('data-status', 'up');

  // The matrix says which path is down.
  await page.goto(harnessUrl('#/tenants'));
  await expect(uptimeCell(page, TENANT)).toHaveAttribute('data-uptime', 'down', { timeout: 15_000 });
  await expect(uptimeCell(page, TENANT)).toContainText('/health/celery');
  await expect(uptimeCell(page, 'taskifai-central')).toHaveAttribute('data-uptime', 'up');
  await page.evaluate(() => window.scrollTo(0, 0));
  await lightAndDark(page, 'uptime-matrix');

  // The fleet overview marks the app beside its name.
  await page.goto(harnessUrl('#/'));
  const marker = page.locator(`[data-testid="fleet-row"][data-app-name="${TENANT}"] [data-testid="uptime-marker"]`);
  await expect(marker).toHaveAttribute('title', 'Uptime check down: /health/celery', { timeout: 15_000 });
  await expect(
    page.locator('[data-testid="fleet-row"][data-app-name="taskifai-central"] [data-testid="uptime-marker"]'),
  ).toHaveCount(0);
  await marker.scrollIntoViewIfNeeded();
  await lightAndDark(page, 'uptime-overview');

  // Each click is in the Activity log: two creations and the deletion.
  await page.goto(harnessUrl('#/activity'));
  const entries = page.locator(
    `[data-testid="activity-row"][data-action="uptime_checks"][data-app-name="${TENANT}"][data-result="succeeded"]`,
  );
  await expect(entries).toHaveCount(3, { timeout: 10_000 });
  await expect(entries.first()).toContainText('/health/redis');
});

test('a droplet CPU alert policy is tightened in Settings; a threshold past 100% is refused before sending', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/settings'));
  const policy = page.locator('[data-testid="alert-policy"][data-policy="Presence360 API droplets: CPU high"]');
  await expect(policy).toBeVisible({ timeout: 15_000 });
  await expect(policy.getByTestId('policy-condition')).toHaveText('CPU above 80% for 5m');
  await expect(policy).toContainText('tag presence360-production');

  await policy.getByTestId('policy-edit').click();
  await policy.getByTestId('policy-value').fill('140');
  await policy.getByTestId('policy-save').click();
  await expect(policy.getByTestId('policy-problem')).toHaveText('A percentage threshold is between 0 and 100.');
  await expect(policy.getByTestId('policy-value')).toHaveValue('140');
  await expect(policy.getByTestId('policy-condition')).toHaveText('CPU above 80% for 5m');
  await page.getByTestId('alert-policies').scrollIntoViewIfNeeded();
  await lightAndDark(page, 'alert-policy-refused');

  await policy.getByTestId('policy-value').fill('70');
  await policy.getByTestId('policy-window').selectOption('10m');
  await policy.getByTestId('policy-save').click();
  await expect(policy.getByTestId('policy-editor')).toBeHidden();
  await expect(policy.getByTestId('policy-condition')).toHaveText('CPU above 70% for 10m');

  // What DigitalOcean holds now, read afresh.
  await page.reload();
  await expect(policy.getByTestId('policy-condition')).toHaveText('CPU above 70% for 10m', { timeout: 15_000 });
  await page.getByTestId('alert-policies').scrollIntoViewIfNeeded();
  await lightAndDark(page, 'alert-policies');
});
