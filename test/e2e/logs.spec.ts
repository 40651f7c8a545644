// The founder watches live logs: a whole tenant merged into one tail, narrowed with filters,
// searched, paused, saved; and a deployment's build log opened from the app's page.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

async function openLogs(page: Page, pick = 'All of TaskifAI') {
  await page.goto(harnessUrl('#/logs'));
  await expect(page.getByTestId('source-picker')).toBeVisible();
  await page.getByTestId('quick-pick').filter({ hasText: pick }).click();
  await expect(page.getByTestId('log-row').first()).toBeVisible();
}

const rows = (page: Page) => page.getByTestId('log-row');

test.describe('the founder tails logs across tenants', () => {
  test('follows every component of a product in one time-ordered tail, each line tagged by its source', async ({
    page,
  }) => {
    await openLogs(page);
    const chips = page.getByTestId('source-chip');
    await expect(chips.filter({ hasText: 'taskifai-bibbi/bibbi-api' })).toBeVisible();
    await expect(chips.filter({ hasText: 'taskifai-customer3/customer3-worker' })).toBeVisible();
    await expect(page.locator('[data-testid="stream-state"][data-state="live"]')).toHaveCount(7);

    const times = await rows(page).evaluateAll((els) =>
      els.map((el) => el.querySelector('time')?.getAttribute('datetime') ?? ''),
    );
    expect(times.length).toBeGreaterThan(10);
    expect(times).toEqual([...times].sort());
    const sources = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-source')));
    expect(new Set(sources).size).toBeGreaterThan(1);
    await expect(page.getByTestId('received-count')).not.toHaveText(/^0 /);
    await screenshot(page, 'logs-tenant-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'logs-tenant-dark');
  });

  test('narrows the tail with a filter, by level and by source, and finds text with search', async ({ page }) => {
    await openLogs(page);
    await page.getByTestId('log-filter').fill('GET');
    await expect(rows(page).first()).toContainText('GET');
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain('GET');

    await page.getByTestId('filter-exclude').click();
    for (const text of await rows(page).allInnerTexts()) expect(text).not.toContain('GET');
    await page.getByTestId('filter-exclude').click();
    await page.getByTestId('log-filter').fill('');

    for (const level of ['info', 'debug', 'none', 'warn']) await page.getByTestId(`level-${level}`).click();
    await expect(rows(page).first()).toHaveAttribute('data-level', 'error');
    const levels = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-level')));
    expect(new Set(levels)).toEqual(new Set(['error']));
    for (const level of ['info', 'debug', 'none', 'warn']) await page.getByTestId(`level-${level}`).click();

    await page.getByTestId('source-chip').filter({ hasText: 'taskifai-bibbi/bibbi-api' }).click();
    await expect(page.locator('[data-testid="log-row"][data-source="taskifai-bibbi/bibbi-api"]')).toHaveCount(0);

    await page.getByTestId('log-filter').fill('"(GET|POST) /api/v1/\\w+', { timeout: 5_000 });
    await page.getByTestId('filter-regex').click();
    await expect(rows(page).first()).toContainText(/(GET|POST) \/api\/v1\//);

    await page.getByTestId('log-search').fill('uploads');
    await expect(page.getByTestId('search-count')).toHaveText(/[1-9][\d,]* match/);
    await page.getByTestId('search-next').click();
    await expect(page.locator('.log-row--current mark').first()).toHaveText(/uploads/i);
    await screenshot(page, 'logs-filter-search');
  });

  test('jumps from error to error', async ({ page }) => {
    await openLogs(page);
    // Wait until the tail holds a few errors (shown alone for a moment), then step through them.
    const levels = ['info', 'debug', 'none', 'warn'];
    for (const level of levels) await page.getByTestId(`level-${level}`).click();
    await expect(rows(page).nth(3)).toBeVisible({ timeout: 15_000 });
    for (const level of levels) await page.getByTestId(`level-${level}`).click();

    await page.getByTestId('next-error').click();
    const current = page.locator('.log-row--current');
    await expect(current).toHaveAttribute('data-level', 'error');
    const first = await current.innerText();
    await page.getByTestId('next-error').click();
    await expect(current).not.toHaveText(first);
    await expect(current).toHaveAttribute('data-level', 'error');
    await screenshot(page, 'logs-next-error');
  });

  test('pauses: the view stays put while lines keep arriving, and a counter says how many', async ({ page }) => {
    await openLogs(page, 'All workers');
    await page.getByTestId('pause-button').click();
    const shown = await page.getByTestId('shown-count').innerText();
    await expect(page.getByTestId('paused-count')).toHaveText(/^\+[1-9][\d,]* new$/, { timeout: 10_000 });
    expect(await page.getByTestId('shown-count').innerText()).toBe(shown);
    await screenshot(page, 'logs-paused');
    await page.getByTestId('pause-button').click();
    await expect(page.getByTestId('paused-count')).toHaveCount(0);
    await expect(page.getByTestId('shown-count')).not.toHaveText(shown);
  });

  test('pretty-prints a JSON line when asked', async ({ page }) => {
    await openLogs(page);
    await page.getByTestId('log-filter').fill('"msg":"request completed"');
    const row = rows(page).first();
    await expect(row).toContainText('request completed');
    await row.click();
    await expect(page.getByTestId('log-json').first()).toContainText('"msg": "request completed",\n');
    await screenshot(page, 'logs-json');
  });

  test('downloads the lines shown as a text file', async ({ page }) => {
    await openLogs(page);
    await page.getByTestId('log-filter').fill('health');
    await expect(rows(page).first()).toContainText('health');
    await page.getByTestId('download-menu').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-filtered').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^fleetdeck-logs-.*-filtered\.txt$/);
    const text = await readFile(await download.path(), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\S+Z taskifai-[\w-]+\/[\w-]+ .*health/);
  });

  test('unticking a source stops its stream, takes its lines and chip away, and leaves the others running', async ({
    page,
  }) => {
    await openLogs(page);
    const option = page.locator('[data-testid="source-option"][data-source="taskifai-demo/demo-worker"]');
    await expect(option.getByTestId('stream-state')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('stream-state')).toHaveCount(7);
    await expect(page.getByTestId('source-chip').filter({ hasText: 'taskifai-demo/demo-worker' })).toBeVisible();
    await option.locator('input').uncheck();
    await expect(option.getByTestId('stream-state')).toHaveCount(0);
    await expect(page.getByTestId('stream-state')).toHaveCount(6);
    await expect(page.getByTestId('source-chip').filter({ hasText: 'taskifai-demo/demo-worker' })).toHaveCount(0);
    await expect(page.locator('[data-testid="log-row"][data-source="taskifai-demo/demo-worker"]')).toHaveCount(0);
    await expect(page.getByTestId('source-chip')).toHaveCount(6);
  });

  test('a Shift+click on a quick pick adds its components; a plain click replaces the selection', async ({ page }) => {
    await openLogs(page, 'All of Multivio');
    const picker = page.getByTestId('source-picker');
    await expect(picker).toContainText('3 selected');
    const taskifaiWorkers = page.getByTestId('quick-pick').filter({ hasText: /^TaskifAI workers$/ });
    await taskifaiWorkers.click({ modifiers: ['Shift'] });
    await expect(picker).toContainText('6 selected');
    await expect(page.locator('[data-testid="stream-state"][data-state="live"]')).toHaveCount(6);
    const chips = page.getByTestId('source-chip');
    await expect(chips.filter({ hasText: 'taskifai-demo/demo-worker' })).toBeVisible();
    await expect(chips.filter({ hasText: 'multivio-api/api' })).toBeVisible();
    await screenshot(page, 'logs-shift-pick-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'logs-shift-pick-dark');

    await taskifaiWorkers.click();
    await expect(picker).toContainText('3 selected');
    await expect(chips).toHaveCount(3);
    await expect(chips.filter({ hasText: /^multivio/ })).toHaveCount(0);
    await expect(page.locator('[data-testid="log-row"][data-source^="multivio"]')).toHaveCount(0);
    for (const source of await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-source')))) {
      expect(source).toMatch(/^taskifai-\w+\/\w+-worker$/);
    }
  });

  test('after picking other sources, both downloads hold only the sources now picked', async ({ page }) => {
    await openLogs(page, 'All of TaskifAI');
    await page.getByTestId('quick-pick').filter({ hasText: 'All of Multivio' }).click();
    await expect(page.locator('[data-testid="log-row"][data-source^="multivio"]').first()).toBeVisible();
    for (const scope of ['filtered', 'all']) {
      await page.getByTestId('download-menu').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`download-${scope}`).click(),
      ]);
      const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/^\S+ multivio-api(-staging)?\//);
    }
  });

  test('leaving the view paused and coming back finds it live', async ({ page }) => {
    await openLogs(page, 'All workers');
    await page.getByTestId('pause-button').click();
    await expect(page.getByTestId('pause-button')).toHaveText(/^Resume/);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Fleet' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Logs' }).click();
    await expect(page.getByTestId('pause-button')).toHaveText('Pause');
    const shown = Number(await page.getByTestId('log-list').getAttribute('data-rows'));
    await expect
      .poll(async () => Number(await page.getByTestId('log-list').getAttribute('data-rows')), { timeout: 10_000 })
      .toBeGreaterThan(shown);
  });
});

test.describe('the founder reads a deployment’s build and deploy logs', () => {
  test('opens the build log of a failed deployment from the app page and sees why it failed', async ({ page }) => {
    await page.goto(harnessUrl());
    await page.locator('[data-testid="fleet-row"][data-app-name="taskifai-demo"]').click();
    await page
      .locator('[data-testid="deployment-row"][data-phase="ERROR"]')
      .first()
      .getByTestId('deployment-build-logs')
      .click();
    await expect(page.getByTestId('deployment-logs-header')).toContainText('Build log');
    await expect(page.getByTestId('stream-state')).toHaveAttribute('data-state', 'ended');
    await expect(page.getByTestId('logs-view')).toContainText('✘ build failed');
    await page.getByTestId('prev-error').click();
    await expect(page.locator('.log-row--current')).toHaveAttribute('data-level', 'error');
    await screenshot(page, 'logs-build-failed');

    await page.getByTestId('switch-log-type').click();
    await expect(page.getByTestId('deployment-logs-header')).toContainText('Deploy log');
  });

  test('opens the build log of the deployment that is building now', async ({ page }) => {
    await page.goto(harnessUrl());
    await page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"]').click();
    await page.getByTestId('deployment-row').first().getByTestId('deployment-build-logs').click();
    await expect(page.getByTestId('logs-view')).toContainText('git repo clone', { timeout: 15_000 });
    await expect(page.getByTestId('stream-state')).toHaveAttribute('data-state', /live|ended/);
    await screenshot(page, 'logs-build-running-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'logs-build-running-dark');
  });
});
