// The founder runs tenants, not apps: the Tenants matrix puts every App Platform app beside its
// Supabase project, its GitHub branch and its domains, with both bills added up. On the demo
// fleet BIBBI's app is behind its branch (and its database has an advisor warning), the Demo and
// Customer3 databases lack the newest migration, and InsightPulse's Free project is paused: the
// founder restores it from a tenant's page, watches it come up, and pauses it again.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

const cell = (page: Page, tenant: string, column: string) =>
  page.locator(`[data-testid="tenant-row"][data-tenant="${tenant}"] [data-col="${column}"]`);

async function lightAndDark(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the matrix shows every demo tenant with what each provider says', async ({ page }) => {
  // Every app of the overview is a tenant.
  await page.goto(harnessUrl('#/'));
  await expect(page.getByTestId('fleet-row').first()).toBeVisible({ timeout: 15_000 });
  const apps = await page.getByTestId('fleet-row').evaluateAll((rows) => rows.map((r) => r.dataset.appName).sort());

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tenants' }).click();
  await expect(page.getByTestId('tenants-table')).toBeVisible({ timeout: 20_000 });
  const tenants = await page
    .getByTestId('tenant-row')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.tenant).sort());
  expect(tenants).toEqual(apps);
  const headers = await page.locator('.tenants-table thead th').allInnerTexts();
  expect(headers.map((h) => h.replace(/[↑↓↕]/g, '').trim())).toEqual([
    'Tenant',
    'App',
    'Deployed vs head',
    'Schema',
    'Supabase',
    'Backups',
    'Domains OK',
    'Uptime',
    'DO + Supabase',
  ]);
  // Both providers answer in the demo: no banner, no empty provider cell.
  await expect(page.getByTestId('provider-banners')).toHaveCount(0);

  await expect(cell(page, 'taskifai-bibbi', 'source')).toContainText('behind by');
  // Demo and Customer3 lack report_schedules, which BIBBI has as its newest.
  const customer3Schema = cell(page, 'taskifai-customer3', 'schema').getByTestId('schema-behind');
  await expect(customer3Schema).toHaveText('1 behind');
  await expect(customer3Schema).toHaveAttribute('title', /report_schedules/);
  await expect(cell(page, 'taskifai-bibbi', 'schema')).toContainText('report_schedules');
  await expect(cell(page, 'taskifai-bibbi', 'supabase')).toContainText('Healthy');
  await expect(cell(page, 'taskifai-bibbi', 'backups')).toContainText('PITR');
  await expect(cell(page, 'odoo-saas-platform', 'supabase')).toContainText('Paused', { timeout: 15_000 });
  await expect(cell(page, 'taskifai-bibbi', 'cost').locator('.tenant-cost')).toHaveAttribute(
    'title',
    /^DigitalOcean \$[\d,.]+ \+ Supabase compute \$[\d,.]+$/,
  );

  // Filter and group narrow the rows; sorting by cost puts the dearest first.
  await page.getByTestId('tenants-filter').fill('bibbi');
  await expect(page.getByTestId('tenant-row')).toHaveCount(1);
  await page.getByTestId('tenants-filter').fill('');
  await page.getByTestId('tenants-group').selectOption('TaskifAI');
  await expect(page.locator('[data-testid="tenant-row"][data-tenant="multivio-api"]')).toHaveCount(0);
  const groups = await page.locator('[data-testid="tenant-row"] .tenant-group').allInnerTexts();
  expect(groups).toEqual(['TaskifAI', 'TaskifAI', 'TaskifAI', 'TaskifAI']);
  await page.getByTestId('tenants-group').selectOption('');
  await page.getByTestId('tenants-sort-cost').click();
  const costs = await page
    .locator('[data-col="cost"] .tenant-cost > .money')
    .allInnerTexts()
    .then((all) => all.map((t) => Number(t.split('–').at(-1)!.replace(/[$,]/g, ''))));
  expect(costs).toEqual([...costs].sort((a, b) => b - a));
  await page.getByTestId('tenants-sort-cost').click();
  await page.getByTestId('tenants-sort-cost').click();

  // Health comes from the overview's readings, a few apps at a time in the background.
  await expect(page.getByTestId('tenants-table').getByTestId('health-pending')).toHaveCount(0, { timeout: 30_000 });
  await page.mouse.move(0, 0);
  await lightAndDark(page, 'tenants-matrix');

  // A row opens its tenant page from the keyboard.
  await page.locator('[data-testid="tenant-row"][data-tenant="taskifai-bibbi"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/tenants\/[^/]+$/);
  const supabase = page.getByTestId('panel-supabase');
  await expect(supabase.getByTestId('project-status')).toContainText('Healthy', { timeout: 15_000 });
  await expect(supabase.getByTestId('advisor-counts')).toContainText('1 warning');
  await expect(supabase.getByTestId('advisor').first()).toContainText('Function Search Path Mutable');
  // A Pro project cannot be paused, and the page says why.
  await expect(supabase.getByTestId('pause-project')).toBeDisabled();
  await expect(supabase.getByTestId('pause-reason')).not.toBeEmpty();
  // Keys show as a preview only.
  const keys = await supabase.getByTestId('project-keys').locator('.key-preview').allInnerTexts();
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(key.length).toBeLessThan(24);
  await expect(page.getByTestId('panel-source')).toContainText('behind by');
  await expect(page.getByTestId('tenant-total-cost')).toContainText('$');
  await page.mouse.move(0, 0);
  await lightAndDark(page, 'tenant-page');
});

test('restoring InsightPulse’s paused project, then pausing it again', async ({ page }) => {
  // The sandbox runs Supabase's timings on its clock: about 45 s to come up, 20 s to pause.
  test.setTimeout(180_000);
  await page.goto(harnessUrl('#/tenants'));
  await page.locator('[data-testid="tenant-row"][data-tenant="odoo-saas-platform"]').click();
  const supabase = page.getByTestId('panel-supabase');
  const status = supabase.getByTestId('project-status');
  await expect(status).toHaveAttribute('data-status', 'INACTIVE', { timeout: 15_000 });

  await supabase.getByTestId('restore-project').click();
  const restore = page.getByTestId('restore-dialog');
  await expect(restore).toContainText('a few minutes');
  await restore.getByTestId('confirm-button').click();
  await expect(restore).toHaveCount(0);
  await expect(status).toContainText('Starting');
  await expect(supabase.getByTestId('project-settling')).toBeVisible();
  await screenshot(page, 'tenant-page-restoring');
  await expect(status).toHaveAttribute('data-status', 'ACTIVE_HEALTHY', { timeout: 120_000 });
  await expect(supabase.getByTestId('project-settling')).toHaveCount(0);
  await expect(supabase.getByTestId('project-services')).toContainText('healthy');

  await supabase.getByTestId('pause-project').click();
  const pause = page.getByTestId('pause-dialog');
  for (const words of ['database, Auth, Storage', 'fails until it is restored', 'costs nothing', 'a year']) {
    await expect(pause).toContainText(words);
  }
  await pause.getByTestId('confirm-button').click();
  await expect(pause).toHaveCount(0);
  await expect(status).toContainText('Pausing');
  await expect(status).toHaveAttribute('data-status', 'INACTIVE', { timeout: 90_000 });
  await expect(supabase.getByTestId('restore-project')).toBeEnabled();

  // The matrix agrees.
  await page.getByRole('link', { name: '← Tenants' }).click();
  await expect(cell(page, 'odoo-saas-platform', 'supabase')).toContainText('Paused', { timeout: 15_000 });
});
