// e2e: before deploying, the founder reads what the deploy ships: a TaskifAI tenant's dialog lists
// the commits its live version lacks with the head's CI, and Presence360, whose newest commit broke
// its tests, asks for an explicit "I know CI failed" before Deploy anyway. Nothing is deployed here.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

test.describe.configure({ mode: 'serial' });

async function openApp(page: Page, name: string): Promise<void> {
  await page.goto(harnessUrl());
  await page.locator(`[data-testid="fleet-row"][data-app-name="${name}"] a.app-link`).click();
  await expect(page.getByTestId('app-detail')).toContainText(name);
  await expect(page.getByTestId('deployments-table')).toBeVisible({ timeout: 15_000 });
}

async function inBothSchemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the deploy dialog lists the commits a deploy of taskifai-central would ship, with CI', async ({ page }) => {
  // All of TaskifAI builds taskifai-platform@main. taskifai-bibbi would tell this story, but the demo
  // begins with a 20-minute build of its newest push running, which keeps its Deploy button off.
  await openApp(page, 'taskifai-central');
  await expect(page.getByTestId('deploy-button')).toBeEnabled({ timeout: 10_000 });
  await page.getByTestId('deploy-button').click();
  const dialog = page.getByTestId('confirm-dialog');
  const source = dialog.getByTestId('deploy-source').first();
  await expect(source).toBeVisible({ timeout: 15_000 });
  await expect(source).toHaveAttribute('data-repo', 'taskifai/taskifai-platform');
  await expect(source.getByTestId('ship-summary')).toHaveText(/^Will ship \d+ commits? since [0-9a-f]{7}, live now$/);
  const count = Number(await source.getByTestId('ship-summary').getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  const commits = source.getByTestId('ship-commit');
  await expect(commits).toHaveCount(Math.min(count, 20));
  // Newest first: short sha linking to GitHub, title, author, when.
  await expect(commits.first().locator('a')).toHaveText(/^[0-9a-f]{7}$/);
  await expect(commits.first().locator('a')).toHaveAttribute('href', /\/commit\/[0-9a-f]{40}$/);
  await expect(commits.first()).toContainText(/ago$/);
  await expect(source.getByTestId('ship-ci')).toHaveAttribute('data-ci', /success|pending/);
  await expect(source.getByTestId('ship-ci')).toContainText(/CI (green|pending)/);
  await expect(dialog.getByTestId('ci-red-warning')).toHaveCount(0);
  await expect(dialog.getByTestId('confirm-button')).toHaveText('Deploy');
  await expect(source.getByTestId('ship-check').first()).toBeVisible();
  // The which-commit line names the head it would build.
  await expect(dialog.getByTestId('deploy-builds-head').first()).toHaveText(/, now [0-9a-f]{7}/);
  await inBothSchemes(page, 'deploy-commits');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a head that failed CI needs “I know CI failed” before Deploy anyway', async ({ page }) => {
  await openApp(page, 'presence360-tenant');
  await expect(page.getByTestId('deploy-button')).toBeEnabled({ timeout: 10_000 });
  await page.getByTestId('deploy-button').click();
  const dialog = page.getByTestId('confirm-dialog');
  const warning = dialog.getByTestId('ci-red-warning');
  await expect(warning).toContainText('The head of main failed CI (test)', { timeout: 15_000 });
  await expect(dialog.getByTestId('ship-ci').first()).toHaveAttribute('data-ci', 'failure');
  const confirm = dialog.getByTestId('confirm-button');
  await expect(confirm).toHaveText('Deploy anyway');
  await expect(confirm).toBeDisabled();
  await inBothSchemes(page, 'deploy-commits-red');
  await dialog.getByTestId('ci-failed-ack').check();
  await expect(confirm).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
