import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { READONLY_DO_TOKEN, harnessUrl, priceOf, screenshot, usd } from './support';

async function both(page: Page, name: string, section: string) {
  await page.getByTestId(section).scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the founder sees an API’s CPU and memory over a day and a week on its detail page', async ({ page }) => {
  // Straight from the cost table's link: the overview's health reads are not part of this story.
  await page.goto(harnessUrl('#/costs'));
  await page.getByRole('link', { name: 'taskifai-bibbi' }).click();
  await expect(page.getByTestId('app-detail')).toBeVisible();
  const api = page.locator('[data-testid="usage-chart"][data-component="bibbi-api"]');
  await expect(api.locator('.recharts-line').first()).toBeVisible();
  await expect(page.locator('[data-testid="usage-chart"][data-component="bibbi-worker"]')).toBeVisible();
  await expect(api).toContainText('2 instances');
  await page.getByRole('button', { name: '7d' }).click();
  await expect(page.getByRole('button', { name: '7d' })).toHaveAttribute('aria-pressed', 'true');
  await expect(api.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toHaveText(
    /^[A-Z][a-z]{2} \d{1,2}$/,
  );
  await both(page, 'costs-usage', 'usage-charts');
});

/** Points at a tenant's bar, right of its name on the axis. */
async function pointAtTenant(page: Page, name: string) {
  const tick = page
    .getByTestId('fleet-costs-chart')
    .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value', { hasText: new RegExp(`^${name}$`) });
  await tick.scrollIntoViewIfNeeded();
  const box = (await tick.boundingBox())!;
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2);
}

test.describe('the founder checks what the fleet costs', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(harnessUrl('#/costs'));
    await expect(page.getByTestId('cost-table')).toBeVisible();
  });

  test('opens Costs from the top bar, next to Fleet, Logs and Activity', async ({ page }) => {
    await page.goto(harnessUrl());
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link', { name: 'Costs' })).toBeVisible();
    // Other sections (Specs, DNS) sit between; Costs comes last, after Activity.
    const names = await nav.getByRole('link').allTextContents();
    expect(names.filter((n) => ['Fleet', 'Logs', 'Activity', 'Costs'].includes(n))).toEqual([
      'Fleet',
      'Logs',
      'Activity',
      'Costs',
    ]);
    expect(names.at(-1)).toBe('Costs');
    await nav.getByRole('link', { name: 'Costs' }).click();
    await expect(page).toHaveURL(/#\/costs$/);
    await expect(nav.getByRole('link', { name: 'Costs' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('fleet-total')).toBeVisible();
  });

  test('sees each tenant group as a bar split by component type, most expensive first, with the total', async ({
    page,
  }) => {
    const chart = page.getByTestId('fleet-costs-chart');
    // Group names down the left, their totals down the right.
    const labels = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect(labels).toHaveCount(10);
    const texts = await labels.allTextContents();
    // Presence360's Postgres cluster (db-s-2vcpu-4gb, $60 published) and its production droplets,
    // balancer, Valkey and volume ($121, infrastructure.spec.ts) put it first.
    expect(texts.filter((t) => !t.startsWith('$'))).toEqual([
      'Presence360',
      'Task Assistant AI',
      'TaskifAI',
      'Multivio',
      'InsightPulse',
    ]);
    // Multivio's API autoscales 1–10 on apps-d-1vcpu-1gb, beside a worker and a staging API on
    // apps-s-1vcpu-1gb: its total reads as a range.
    const fixed = 2 * priceOf('apps-s-1vcpu-1gb');
    await expect(chart).toContainText(
      `${usd(priceOf('apps-d-1vcpu-1gb') + fixed)}–${usd(priceOf('apps-d-1vcpu-1gb') * 10 + fixed)}`,
    );
    await expect(chart).toContainText(
      usd(priceOf('apps-s-2vcpu-4gb') * 2 + priceOf('apps-s-1vcpu-2gb') * 2 + priceOf('apps-s-1vcpu-0.5gb')),
    );
    // Its two apps, the cluster once (control_plane's $10 with the apps, the five churches' $50 in
    // their own rows) and its infrastructure, marked as partly an estimate.
    await expect(chart).toContainText(
      `${usd(priceOf('apps-s-1vcpu-2gb') * 2 + priceOf('apps-s-1vcpu-1gb') * 3 + priceOf('apps-s-1vcpu-0.5gb') + 10 + 50 + 121)} *`,
    );
    await expect(page.getByTestId('cost-databases')).toContainText(
      'presence360-pg $60.00/mo, a share for each of 5 tenants’ databases in their own rows, the rest across 2 apps',
    );
    await expect(page.getByTestId('cost-row')).toHaveCount(12);
    await expect(page.getByTestId('fleet-total')).toContainText('$621.00–$927.00');
    await expect(page.getByTestId('fleet-per-month')).toContainText('$621.00–$927.00');
    const tenantPlane = page.getByTestId('cost-row').filter({ hasText: 'presence360-tenant' });
    await expect(tenantPlane).toContainText('$5.00');
    await expect(tenantPlane).toContainText('$79.00 *');
    await both(page, 'costs-table', 'cost-table');
    // Every app agrees with DigitalOcean's own price, so no warning shows.
    await expect(page.getByTestId('cost-mismatch')).toHaveCount(0);
    await both(page, 'costs-groups', 'fleet-costs-chart');
  });

  test('switches the chart to one bar per tenant, sees what the shared database adds, and opens a tenant from its bar', async ({
    page,
  }) => {
    await expect(page.getByTestId('projection-basis')).toBeVisible();
    await page.getByRole('button', { name: 'By tenant' }).click();
    await expect(page.getByRole('button', { name: 'By tenant' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: /^Monthly cost by tenant/ })).toBeVisible();
    const chart = page.getByTestId('fleet-costs-chart');
    await expect(chart).toHaveAttribute('data-by', 'tenant');
    const labels = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    // Twelve apps, Presence360's production infrastructure and its five churches' database shares.
    await expect(labels).toHaveCount(36);
    const names = (await labels.allTextContents()).filter((t) => !t.startsWith('$'));
    // Presence360's production droplets, uploads volume, balancer and Valkey ($121) stand among the tenants.
    expect(names.slice(0, 3)).toEqual(['task-assistant-ai', 'Presence360 · production', 'presence360-tenant']);
    // The tenant plane carries half of what the churches' rows leave of presence360-pg.
    await expect(chart).toContainText('$79.00 *');
    // Each tenant's Supabase project is a part of its bar, in its own colour and in the legend.
    await expect(page.getByTestId('fleet-costs-section').locator('.chart-legend')).toContainText(
      'Supabase (compute share, estimate)',
    );
    await expect(page.getByTestId('cost-supabase')).toContainText('before the plan fee and credits');
    // InsightPulse's apps share one project: it is said once, with every tenant that uses it.
    await expect(page.getByTestId('supabase-shared')).toContainText(
      /insightpulse-odoo .*shared with (superset-analytics|odoo-saas-platform|mcp-coordinator)(, (superset-analytics|odoo-saas-platform|mcp-coordinator)){2}, split evenly/,
    );
    await both(page, 'costs-tenants', 'fleet-costs-chart');

    const tick = labels.filter({ hasText: /^presence360-tenant$/ });
    const box = (await tick.boundingBox())!;
    const [x, y] = [box.x + box.width + 40, box.y + box.height / 2];
    await page.mouse.move(x, y);
    const readout = page.getByTestId('fleet-costs-readout');
    await expect(readout).toContainText('presence360-tenant (Presence360)');
    await expect(readout).toContainText('Databases $5.00');
    await expect(readout).toContainText('$79.00 a month, partly estimated');

    // The bar of a tenant with its own Supabase project: DigitalOcean's parts, then Supabase's.
    await pointAtTenant(page, 'taskifai-bibbi');
    await expect(readout).toContainText('taskifai-bibbi (TaskifAI)');
    const parts = (await readout.getByTestId('readout-part').allTextContents()).map((p) => p.replace(/\s+/g, ' '));
    expect(parts.at(-1)).toMatch(/^Supabase \$\d+\.\d\d$/);
    const amounts = parts.map((p) => Number(/\$([\d,]+\.\d\d)$/.exec(p)![1]!.replace(',', '')));
    await expect(readout).toContainText(`${usd(amounts.reduce((a, b) => a + b, 0))} a month, partly estimated`);
    await page.getByTestId('fleet-costs-readout').scrollIntoViewIfNeeded();
    await screenshot(page, 'costs-tenant-supabase-readout');
    // A tenant on a shared project: the readout says with whom it is split.
    await pointAtTenant(page, 'superset-analytics');
    await expect(readout.getByTestId('readout-note')).toHaveText(
      /^Supabase shared with (odoo-saas-platform|mcp-coordinator), (odoo-saas-platform|mcp-coordinator)$/,
    );

    // Still by tenant after a restart of the window.
    await page.reload();
    await expect(page.getByTestId('fleet-costs-chart')).toHaveAttribute('data-by', 'tenant');
    const again = page
      .getByTestId('fleet-costs-chart')
      .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value', { hasText: /^taskifai-bibbi$/ });
    await expect(page.getByTestId('projection-basis')).toBeVisible();
    const bar = (await again.boundingBox())!;
    await page.mouse.move(bar.x + bar.width + 40, bar.y + bar.height / 2);
    await expect(readout).toContainText('taskifai-bibbi');
    await page.mouse.click(bar.x + bar.width + 40, bar.y + bar.height / 2);
    await expect(page.getByTestId('app-detail')).toBeVisible();
  });

  test('sees twelve months of invoices and where this month is heading', async ({ page }) => {
    const chart = page.getByTestId('history-chart');
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveCount(13);
    const projection = await page.getByTestId('projection').innerText();
    expect(projection).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await expect(chart).toContainText(projection);
    // The figure says how it was made: the demo's apps at their run rate, the rest extrapolated.
    await expect(page.getByTestId('projection-basis')).toHaveText(/^The apps and their databases at today’s run rate/);
    await both(page, 'costs-projection-basis', 'projection');
    await both(page, 'costs-history', 'history-chart');
  });

  test('clicks a group’s bar and lands on the overview showing only that group’s apps', async ({ page }) => {
    // The click is aimed by position: wait until the bill (and the projection's note) has landed
    // and the header has its final height, or the chart moves under the pointer.
    await expect(page.getByTestId('projection')).toContainText('$');
    await expect(page.getByTestId('projection-basis')).toBeVisible();
    const tick = page
      .getByTestId('fleet-costs-chart')
      .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value', { hasText: /^TaskifAI$/ });
    const box = (await tick.boundingBox())!;
    const [x, y] = [box.x + box.width + 40, box.y + box.height / 2];
    // Pointing first, as a person does: the readout under the chart names the bar, then the click.
    await page.mouse.move(x, y);
    await expect(page.getByTestId('fleet-costs-readout')).toContainText('TaskifAI');
    await page.mouse.click(x, y);
    await expect(page).toHaveURL(/#\/$/);
    await expect(page.getByTestId('fleet-filter')).toHaveValue('TaskifAI');
    await expect(page.getByTestId('fleet-row')).toHaveCount(4);
  });

  test('exports the cost table as CSV, one line per component', async ({ page }) => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^fleet-costs-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Group,App,Component,Type,Size,Instances,Unit price (USD/mo),Monthly min (USD),Monthly max (USD),Note,Estimate',
    );
    expect(lines).toContain('TaskifAI,taskifai-bibbi,bibbi-api,API (services),apps-s-1vcpu-2gb,2,25.00,50.00,50.00,,');
    // The managed database is a line of each app that uses it, and in the total the lines add up to.
    // Each church's database is a share line of its own; the two apps split what is left.
    const shares = lines.filter((l) => l.includes('Share of managed cluster presence360-pg '));
    expect(shares).toHaveLength(2);
    for (const line of shares) {
      expect(line).toMatch(/^Presence360,presence360-(tenant|control-plane),[a-z-]+-db,Databases,db-s-2vcpu-4gb,/);
      expect(line).toMatch(/,60\.00,5\.00,5\.00,"Share of managed cluster presence360-pg .*",yes$/);
    }
    expect(lines.filter((l) => /^Presence360,[a-z]+ · share of presence360-pg,tenant_/.test(l))).toHaveLength(5);
    // Each tenant's Supabase share is a line of its own, a shared project's with whom it is split.
    const supabase = lines.filter((l) => l.includes(',Supabase,'));
    expect(supabase.length).toBeGreaterThan(0);
    expect(supabase.find((l) => l.startsWith('TaskifAI,taskifai-bibbi,'))).toMatch(/,yes$/);
    expect(supabase.find((l) => l.startsWith('InsightPulse,superset-analytics,'))).toContain('shared with');
    const sum = lines
      .slice(1, -1)
      .reduce((t, l) => t + Number(/,(\d+\.\d\d),\d+\.\d\d,(?:"[^"]*"|[^,]*),(?:yes)?$/.exec(l)![1]), 0);
    const supabaseSum = supabase.reduce((t, l) => t + Number(/,(\d+\.\d\d),\d+\.\d\d,"[^"]*",yes$/.exec(l)![1]), 0);
    // DigitalOcean’s $621: the apps’ $450, Presence360’s production droplets, volume, balancer and
    // Valkey’s $121, and the churches’ $50 shares of presence360-pg.
    expect(Math.round((sum - supabaseSum) * 100) / 100).toBe(621);
    const total = (621 + supabaseSum).toFixed(2);
    expect(lines.at(-1)).toBe(
      `Fleet total,,,,,,,${total},${(927 + supabaseSum).toFixed(2)},DigitalOcean 621.00–927.00 + Supabase ${supabaseSum.toFixed(2)},includes estimates`,
    );
  });

  test('compares two tenants component by component', async ({ page }) => {
    await page.getByLabel('Compare taskifai-demo').check();
    await page.getByLabel('Compare taskifai-bibbi').check();
    const table = page.getByTestId('compare-table');
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr', { hasText: /^api/ })).toContainText('+$38.00');
    await expect(page.getByTestId('compare-difference')).toContainText('+$45.00');
    await both(page, 'costs-compare', 'compare-table');
  });

  test('types what a tenant group earns and sees its margin, still there after a reload', async ({ page }) => {
    const taskifai = page.locator('[data-testid="margin-row"][data-group="TaskifAI"]');
    const input = page.getByLabel('Monthly revenue of TaskifAI');
    await input.fill('$250');
    await input.press('Enter');
    await expect(taskifai).toContainText('$149.00');
    await expect(taskifai).toContainText('59.6%');
    await page.reload();
    await expect(page.getByLabel('Monthly revenue of TaskifAI')).toHaveValue('250.00');
    await expect(page.locator('[data-testid="margin-row"][data-group="TaskifAI"]')).toContainText('$149.00');
    await both(page, 'costs-margin', 'margin-table');
    // Clearing the figure removes it, so the next story starts clean.
    await page.getByLabel('Monthly revenue of TaskifAI').fill('');
    await page.getByLabel('Monthly revenue of TaskifAI').press('Enter');
    await expect(page.locator('[data-testid="margin-row"][data-group="TaskifAI"]')).not.toContainText('$149.00');
  });

  test('gets right-sizing advice with the evidence and what it does to the bill', async ({ page }) => {
    await page.getByTestId('sizing-app').selectOption({ label: 'taskifai-bibbi' });
    const api = page.getByTestId('advice').filter({ hasText: 'bibbi-api' });
    await expect(api).toHaveAttribute('data-direction', 'up');
    await expect(api).toContainText('apps-s-1vcpu-2gb → apps-s-2vcpu-4gb');
    await expect(api).toContainText('+$50.00');
    await expect(api).toContainText('CPU p95');
    await both(page, 'costs-sizing', 'sizing-panel');

    await page.getByTestId('sizing-app').selectOption({ label: 'taskifai-demo' });
    await expect(page.getByTestId('advice').filter({ hasText: 'demo-api' })).toHaveAttribute('data-direction', 'down');
    await expect(page.getByTestId('advice').filter({ hasText: 'demo-api' })).toContainText('−$7.00');

    // Apply opens demo-api's Scale dialog on its app page at the advised size, for the usual review.
    const demoApi = page.getByTestId('advice').filter({ hasText: 'demo-api' });
    const advised = (await demoApi.locator('.advice__size').textContent())!.split('→')[1]!.trim();
    await demoApi.getByTestId('advice-apply').click();
    await expect(page.getByTestId('app-detail')).toBeVisible();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('scale-size')).toHaveValue(advised);
    await expect(dialog.getByTestId('scale-cost-after')).toBeVisible();
    // The advice came along: why, what it saves, on what evidence.
    const advice = dialog.getByTestId('scale-advice');
    await expect(advice).toContainText(`Right-sizing: size down to ${advised}`);
    await expect(advice.getByTestId('scale-advice-delta')).toHaveText('saves $7.00 a month');
    await expect(advice.getByTestId('scale-advice-evidence')).toHaveText(
      /^Last 7 days: CPU p95 \d+%, memory p95 \d+%, \d+ restarts?, [\d,]+ samples\.$/,
    );
    await expect(advice.getByTestId('scale-advice-use')).toHaveCount(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'costs-scale-advice-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // Nothing is sent until confirmed: Cancel leaves demo-api as it was for the later stories.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // The page's own Scale button shows the same advice, and offers the size without choosing it.
    await page
      .locator('[data-testid="component-row"][data-component-name="demo-api"]')
      .getByTestId('scale-button')
      .click();
    await expect(dialog.getByTestId('scale-advice')).toContainText(`size down to ${advised}`);
    const current = await dialog.getByTestId('scale-size').inputValue();
    expect(current).not.toBe(advised);
    await dialog.getByTestId('scale-advice-use').click();
    await expect(dialog.getByTestId('scale-size')).toHaveValue(advised);
    await expect(dialog.getByTestId('scale-cost-after')).toContainText('−$7.00');
    await screenshot(page, 'costs-scale-advice-by-hand');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  test('sees each tenant’s Supabase project with its organization’s plan, every dollar marked as an estimate', async ({
    page,
  }) => {
    const panel = page.getByTestId('supabase-panel');
    await expect(panel).toBeVisible();
    const taskifai = panel.locator('[data-testid="supabase-org"][data-org="taskifai"]');
    const insightpulse = panel.locator('[data-testid="supabase-org"][data-org="insightpulse"]');
    await expect(taskifai.getByTestId('plan-badge')).toHaveText('Pro');
    await expect(insightpulse.getByTestId('plan-badge')).toHaveText('Free');
    // One project per tenant plus the central registry; BIBBI runs a Small.
    await expect(taskifai.getByTestId('supabase-project')).toHaveCount(4);
    const bibbi = taskifai.getByTestId('supabase-project').filter({ hasText: 'TaskifAI-BIBBI' });
    await expect(bibbi).toContainText('TaskifAI');
    await expect(bibbi).toContainText('small');
    await expect(bibbi).toContainText('$15.00');
    await expect(taskifai.getByTestId('supabase-project').filter({ hasText: 'TaskifAI-Demo' })).toContainText(
      'Nano is billed at the Micro price on paid plans.',
    );
    // $25 plan + $45 compute − $10 credits.
    await expect(taskifai).toContainText('Pro plan fee$25.00');
    await expect(taskifai).toContainText('−$10.00');
    await expect(taskifai).toContainText('≈ $60.00 / month, estimate');
    await expect(insightpulse).toContainText('≈ $0.00 / month, estimate');
    await expect(insightpulse.getByTestId('supabase-project')).toContainText('InsightPulse');
    // The estimate names its source, and the header adds it to the fleet's DigitalOcean cost.
    const source = page.getByTestId('supabase-source');
    await expect(source).toContainText('Estimate');
    await expect(source.getByRole('link', { name: 'Supabase docs: About billing on Supabase' })).toHaveAttribute(
      'href',
      'https://supabase.com/docs/guides/platform/billing-on-supabase',
    );
    await expect(page.getByTestId('fleet-total-with-supabase')).toHaveText('$681.00–$987.00');
    const labels = page
      .getByTestId('supabase-chart')
      .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect(labels).toHaveText(['TaskifAI', 'InsightPulse', '≈ $60.00', '≈ $0.00']);

    // The section's title just below the sticky top bar.
    await page.getByRole('heading', { name: /^Supabase plans/ }).evaluate((h) => {
      h.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -64);
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'costs-supabase');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'costs-supabase-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('in a context without a Supabase account, is told how to connect one', async ({ page }) => {
    await page.goto(harnessUrl('#/settings'));
    const form = page.getByTestId('add-account');
    await form.getByLabel('Provider').selectOption('digitalocean');
    await form.getByLabel('Context').fill('no-supabase');
    await form.getByLabel('Token', { exact: true }).fill(READONLY_DO_TOKEN);
    const memory = form.getByLabel(/Keep only until Fleetdeck quits/);
    if ((await memory.getAttribute('required')) !== null) await memory.check();
    await form.getByRole('button', { name: 'Add account' }).click();
    const switchTo = async (context: string) => {
      await page.getByTestId('context-switcher').click();
      await page.getByRole('menuitemradio', { name: new RegExp(`^.?${context}`) }).click();
      await expect(page.getByTestId('context-switcher')).toContainText(context);
    };
    await switchTo('no-supabase');
    try {
      await page.goto(harnessUrl('#/costs'));
      await expect(page.getByRole('heading', { name: 'No Supabase account in this context' })).toBeVisible();
      await expect(page.getByTestId('fleet-total-with-supabase')).toHaveCount(0);
      await page.getByRole('heading', { name: 'No Supabase account in this context' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'costs-supabase-not-connected');
      await page.getByRole('button', { name: 'Open Settings → Accounts' }).click();
      await expect(page).toHaveURL(/#\/settings$/);
    } finally {
      // Later stories expect the demo fleet.
      await switchTo('Demo fleet');
    }
  });
});
