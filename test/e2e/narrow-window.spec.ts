// e2e: a founder on a small laptop. At 1024 px the overview keeps what they scan first (name,
// phase, in progress, health, cost) in view and folds the rest under the name; the app page's
// tables fold too, so Source and Scale stay in view. Nothing scrolls sideways. At 1440 px every
// column is back in its own place.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Every table frame on the page shows its whole table: no sideways scroll inside it either. */
async function framesScrollingSideways(page: Page): Promise<number> {
  return page
    .locator('.table-scroll')
    .evaluateAll((frames) => frames.filter((f) => f.scrollWidth > f.clientWidth + 1).length);
}

async function inBothSchemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

const header = (page: Page, name: string) => page.getByRole('columnheader', { name, exact: true });

async function openOverview(page: Page): Promise<void> {
  await page.goto(harnessUrl());
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();
  // Health arrives after the fleet: wait for it so the screenshots show the real row heights.
  await expect(page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"] .col-health')).toContainText(
    /healthy/i,
    { timeout: 15_000 },
  );
}

async function openBibbi(page: Page): Promise<void> {
  await page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"] a.app-link').click();
  await expect(page.getByTestId('deployments-table')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('components-table')).toContainText(/healthy/i);
}

test.describe('the founder on a 1024 px laptop window', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('sees name, phase, in progress, health and cost on the overview without scrolling sideways', async ({
    page,
  }) => {
    await openOverview(page);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await framesScrollingSideways(page)).toBe(0);
    for (const name of ['Name', 'Monthly cost', 'Active deployment', 'In progress', 'Health', 'Live URL'])
      await expect(header(page, name)).toBeInViewport({ ratio: 1 });
    // Region, components and instance sizes give way; region and components read under the name.
    for (const name of ['Region', 'Components', 'Instances']) await expect(header(page, name)).toHaveCount(0);
    const bibbi = page.locator('[data-testid="fleet-row"][data-app-name="taskifai-bibbi"]');
    await expect(bibbi.getByTestId('name-folded')).toHaveText(
      /fra\s·\s1\sstatic\s·\s1\sservice\s·\s1\sworker\s·\s1\sjob/,
    );
    // The group rows' totals still sit over the cost column.
    const costHeader = await header(page, 'Monthly cost').boundingBox();
    const groupCost = await page.getByTestId('group-cost').first().boundingBox();
    expect(Math.abs(groupCost!.x + groupCost!.width - (costHeader!.x + costHeader!.width))).toBeLessThan(2);
    await inBothSchemes(page, 'narrow-1024-overview');
  });

  test('sees every component with its source and Scale, and the deployments, without scrolling sideways', async ({
    page,
  }) => {
    await openOverview(page);
    await openBibbi(page);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await framesScrollingSideways(page)).toBe(0);
    const components = page.getByTestId('components-table');
    for (const name of ['Component', 'Size', 'Per month', 'Source', 'Health'])
      await expect(components.getByRole('columnheader', { name, exact: true })).toBeInViewport({ ratio: 1 });
    const api = page.locator('[data-testid="component-row"][data-component-name="bibbi-api"]');
    await expect(api.getByTestId('scale-button')).toBeInViewport({ ratio: 1 });
    // Kind and instances fold into the name and size cells.
    await expect(api).toContainText('service · :8000');
    await expect(api).toContainText('apps-s-1vcpu-2gb×2');
    await inBothSchemes(page, 'narrow-1024-app');
    const deployments = page.getByTestId('deployments-table');
    await deployments.scrollIntoViewIfNeeded();
    for (const name of ['Phase', 'Cause', 'Commit', 'Progress / failure', 'Logs'])
      await expect(deployments.getByRole('columnheader', { name, exact: true })).toBeInViewport({ ratio: 1 });
    await expect(deployments.getByTestId('rollback-button').first()).toBeInViewport({ ratio: 1 });
    await inBothSchemes(page, 'narrow-1024-app-deployments');
  });
});

test.describe('the founder on a 1440 px window', () => {
  test('sees every overview and app-page column in its own place', async ({ page }) => {
    await openOverview(page);
    expect(await scrollsSideways(page)).toBe(false);
    for (const name of ['Region', 'Components', 'Instances', 'Health', 'Live URL'])
      await expect(header(page, name)).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('name-folded')).toHaveCount(0);
    await inBothSchemes(page, 'wide-1440-overview');

    await openBibbi(page);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await framesScrollingSideways(page)).toBe(0);
    for (const name of ['Kind', 'Instances', 'Source'])
      await expect(page.getByTestId('components-table').getByRole('columnheader', { name, exact: true })).toBeVisible();
    for (const name of ['Cause type', 'Duration'])
      await expect(
        page.getByTestId('deployments-table').getByRole('columnheader', { name, exact: true }),
      ).toBeVisible();
    await inBothSchemes(page, 'wide-1440-app');
  });
});
