// The founder reads the Costs charts by pointing at them: what a bar is made of is spelled out
// under the chart, without $0.00 parts and without covering any bar; months carry their year;
// and the comparison says what its difference is relative to.
import { expect, test, type Locator, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

async function both(page: Page, name: string, section: Locator) {
  await section.scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Points at the middle of a horizontal bar's row, right of its name on the axis. */
async function pointAtRow(page: Page, chart: Locator, name: string) {
  const tick = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value', {
    hasText: new RegExp(`^${name}$`),
  });
  await tick.scrollIntoViewIfNeeded();
  const box = (await tick.boundingBox())!;
  await page.mouse.move(box.x + box.width + 30, box.y + box.height / 2);
}

async function coversNothingInside(readout: Locator, chart: Locator) {
  const [r, c] = [(await readout.boundingBox())!, (await chart.boundingBox())!];
  expect(r.y).toBeGreaterThanOrEqual(c.y + c.height - 1);
  // Nothing floats over the bars any more.
  expect((await chart.locator('.recharts-tooltip-wrapper').allInnerTexts()).join('').trim()).toBe('');
}

test.describe('the founder points at the Costs charts', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(harnessUrl('#/costs'));
    await expect(page.getByTestId('cost-table')).toBeVisible();
  });

  test('a group’s bar is spelled out under the chart, only the parts that cost something', async ({ page }) => {
    const chart = page.getByTestId('fleet-costs-chart');
    const readout = page.getByTestId('fleet-costs-readout');
    await expect(readout).toHaveText(/^Point at a bar/);
    await pointAtRow(page, chart, 'TaskifAI');
    await expect(readout).toContainText('TaskifAI');
    // The group's tenants' Supabase shares (TaskifAI's projects, $45.00 of compute) are a part of it.
    await expect(readout.getByTestId('readout-part')).toHaveText([
      'API (services) $79.00',
      'Workers $22.00',
      'Supabase $45.00',
    ]);
    await expect(readout).toContainText('$146.00 a month, partly estimated');
    await expect(readout).not.toContainText('$0.00');
    await coversNothingInside(readout, chart);
    await both(page, 'costs-groups-readout', chart);

    await pointAtRow(page, chart, 'Multivio');
    await expect(readout.getByTestId('readout-part').filter({ hasText: 'Autoscaling up to max' })).toHaveCount(1);
    // Off the chart, onto the line under it (the page's corner may lie over the chart once the
    // page has scrolled to a low bar).
    const line = (await readout.boundingBox())!;
    await page.mouse.move(line.x + 4, line.y + line.height / 2);
    await expect(readout).toHaveText(/^Point at a bar/);
  });

  test('invoice months carry their year, and a month is spelled out when pointed at', async ({ page }) => {
    const chart = page.getByTestId('history-chart');
    const months = chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect(months).toHaveCount(13);
    for (const label of await months.allTextContents()) expect(label).toMatch(/^[A-Z][a-z]{2} \d{4}$/);

    // The chart may start below the fold (the fleet chart's notes above it take room): into view first.
    await chart.scrollIntoViewIfNeeded();
    const box = (await months.nth(6).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    const readout = page.getByTestId('history-readout');
    await expect(readout).toContainText((await months.nth(6).textContent()) ?? '');
    await expect(readout.getByTestId('readout-part')).toHaveText([/^Invoiced \$\d[\d,]*\.\d{2}$/]);
    await coversNothingInside(readout, chart);
    await both(page, 'costs-history-readout', chart);

    const current = (await months.last().boundingBox())!;
    await page.mouse.move(current.x + current.width / 2, current.y - 20);
    await expect(readout.getByTestId('readout-part').first()).toHaveText(/^This month so far \$/);
    await expect(readout).toContainText(/≈ \$[\d,]+\.\d{2} by month end/);
  });

  test('a free Supabase organization reads “nothing to pay”, not a list of $0.00 parts', async ({ page }) => {
    const chart = page.getByTestId('supabase-chart');
    const readout = page.getByTestId('supabase-readout');
    await pointAtRow(page, chart, 'InsightPulse');
    await expect(readout).toContainText('InsightPulse');
    await expect(readout).toContainText('nothing to pay on this plan');
    await expect(readout.getByTestId('readout-part')).toHaveCount(0);
    await pointAtRow(page, chart, 'TaskifAI');
    await expect(readout.getByTestId('readout-part')).toHaveText([
      'Plan fee $25.00 (estimate)',
      'Compute after credits $35.00 (estimate)',
    ]);
    await coversNothingInside(readout, chart);
  });

  test('the comparison says what its difference is relative to', async ({ page }) => {
    await page.getByLabel('Compare taskifai-demo').check();
    await page.getByLabel('Compare taskifai-bibbi').check();
    await expect(page.getByTestId('compare-difference-head')).toHaveText('Differencetaskifai-bibbi vs taskifai-demo');
    await expect(page.getByTestId('compare-basis')).toHaveText(
      'Difference: what taskifai-bibbi costs a month more (+) or less (−) than taskifai-demo at minimum scale.',
    );
    await expect(page.getByTestId('compare-difference')).toContainText('+$45.00');
    await both(page, 'costs-compare-basis', page.getByTestId('compare-table'));
  });
});
