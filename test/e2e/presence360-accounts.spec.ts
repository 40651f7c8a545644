// e2e: Presence360 runs staging and production in two DigitalOcean accounts (guide 002), and the
// demo shows them so: the founder switches to the "Demo staging" context and sees only staging's
// droplet, balancer, clusters and its leftover volume; back on the demo fleet (production), the
// shared cluster lists each church's database priced as its share, and the Costs page shows each
// church as a tenant of its own carrying that share, marked as a share and an estimate.
// Self-contained: each story starts on the demo fleet and ends there.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

const section = (page: Page, environment: string) =>
  page.locator(`[data-testid="infra-section"][data-environment="${environment}"]`);
const cluster = (page: Page, name: string) => page.locator(`[data-testid="database-cluster"][data-name="${name}"]`);

async function switchTo(page: Page, context: string) {
  await page.getByTestId('context-switcher').click();
  await page.getByRole('menuitemradio', { name: new RegExp(`^.?${context}`) }).click();
  await expect(page.getByTestId('context-switcher')).toContainText(context);
}

const CHURCHES = ['bethel', 'calvary', 'grace', 'hope', 'zion'];

test('switching to the staging account shows only staging’s droplet, balancer, clusters and volume', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/infrastructure'));
  await expect(page.getByTestId('context-switcher')).toContainText('Demo fleet');
  await page.getByTestId('context-switcher').click();
  await expect(page.getByRole('menuitemradio', { name: /Demo staging/ })).toContainText(
    'sandbox · Presence360 staging account',
  );
  await page.keyboard.press('Escape');

  await switchTo(page, 'Demo staging');
  await expect(page.getByTestId('demo-badge')).toContainText('Demo staging');
  await expect(page.getByTestId('infra-section')).toHaveCount(1);
  const staging = section(page, 'staging');
  await expect(staging.getByRole('heading', { level: 2 })).toContainText('Presence360');
  await expect(staging.getByTestId('droplet-row')).toHaveCount(1);
  await expect(staging.getByTestId('droplet-row')).toHaveAttribute('data-name', 'p360-stg-app-01');
  await expect(staging.getByTestId('load-balancer')).toHaveCount(1);
  await expect(staging.getByTestId('load-balancer')).toContainText('presence360-stg-lb');
  await expect(page.getByTestId('database-cluster')).toHaveCount(2);
  await expect(cluster(page, 'presence360-pg-staging').getByTestId('cluster-price')).toHaveText('$15.00/mo *');
  await expect(cluster(page, 'presence360-valkey-staging')).toContainText('Valkey');
  await expect(page.locator('[data-testid="droplet-row"][data-name^="p360-prod"]')).toHaveCount(0);
  // Its leftover volume, attached to nothing but still billed.
  const volume = staging.getByTestId('volume-row');
  await expect(volume).toHaveAttribute('data-name', 'p360-stg-uploads');
  await expect(volume.getByTestId('volume-attached')).toHaveText('not attached — still billed');
  await expect(volume.getByTestId('volume-price')).toHaveText('$5.00 *');
  // The droplet $12, the volume $5, the balancer $12, Postgres $15 and Valkey $15.
  await expect(staging.getByTestId('infra-section-total')).toHaveText('$59.00/mo');
  await screenshot(page, 'infrastructure-staging-context');

  await switchTo(page, 'Demo fleet');
  await expect(page.getByTestId('demo-badge')).toContainText('Demo fleet');
  await expect(page.getByTestId('infra-section')).toHaveCount(1);
  await expect(section(page, 'production').getByTestId('droplet-row')).toHaveCount(4);
  await expect(page.locator('[data-testid="droplet-row"][data-name="p360-stg-app-01"]')).toHaveCount(0);
});

test('the production account’s shared cluster prices each church’s database, and Costs shows the churches’ shares', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/infrastructure'));
  await expect(page.getByTestId('context-switcher')).toContainText('Demo fleet');
  const pg = cluster(page, 'presence360-pg');
  await expect(pg.getByTestId('cluster-price')).toHaveText('$60.00/mo *');
  for (const church of CHURCHES) {
    await expect(pg.locator(`[data-testid="tenant-database"][data-name="tenant_${church}"]`)).toContainText(
      '$10.00/mo share',
    );
  }
  await expect(pg).toContainText(
    'Billed on the Costs page as each tenant’s database share in a row of its own, the rest in the rows of presence360-control-plane and presence360-tenant',
  );
  await pg.scrollIntoViewIfNeeded();
  await screenshot(page, 'infrastructure-production-cluster-shares');

  await page.goto(harnessUrl('#/costs'));
  await page.getByRole('button', { name: 'By tenant' }).click();
  const chart = page.getByTestId('fleet-costs-chart');
  await expect(chart).toHaveAttribute('data-by', 'tenant');
  const labels = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  const names = (await labels.allTextContents()).filter((t) => !t.startsWith('$'));
  expect(names.filter((n) => n.includes('share of'))).toEqual(CHURCHES.map((t) => `${t} · share of presence360-pg`));
  // Pointing at a church's bar says what it is: a share, and an estimate.
  await expect(page.getByTestId('projection-basis')).toBeVisible();
  const tick = labels.filter({ hasText: /^grace · share of presence360-pg$/ });
  await tick.scrollIntoViewIfNeeded();
  const box = (await tick.boundingBox())!;
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2);
  const readout = page.getByTestId('fleet-costs-readout');
  await expect(readout).toContainText('grace · share of presence360-pg (Presence360)');
  await expect(readout).toContainText('Databases $10.00');
  await expect(readout.getByTestId('readout-note')).toHaveText(
    'grace’s database (tenant_grace): an even share of shared cluster presence360-pg, estimated from DigitalOcean’s published prices.',
  );
  await readout.scrollIntoViewIfNeeded();
  await screenshot(page, 'costs-church-tenant-shares');

  // The table: a row per church after the apps, its share marked as one; the apps carry the rest.
  const rows = page.getByTestId('cost-share-row');
  await expect(rows).toHaveCount(5);
  const grace = page.locator('[data-testid="cost-share-row"][data-tenant="grace"]');
  await expect(grace).toContainText('grace share of presence360-pg');
  await expect(grace).toContainText('$10.00 *');
  await expect(grace).toContainText('share, estimate');
  await expect(page.getByTestId('cost-row').filter({ hasText: 'presence360-tenant' })).toContainText('$5.00');
  await expect(page.getByTestId('cost-databases')).toContainText(
    'presence360-pg $60.00/mo, a share for each of 5 tenants’ databases in their own rows, the rest across 2 apps',
  );
  await expect(page.getByTestId('cost-tenant-shares')).toContainText(
    'Presence360’s tenants’ databases $50.00/mo as 5 shares of their cluster',
  );
  await grace.scrollIntoViewIfNeeded();
  await screenshot(page, 'costs-church-share-rows');
});

test('Tenants lists Presence360’s churches by their databases, each with its share, beside the app tenants', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/tenants'));
  await expect(page.getByTestId('context-switcher')).toContainText('Demo fleet');
  const section = page.getByTestId('database-tenants');
  await expect(section.getByTestId('database-tenant')).toHaveCount(5);
  const grace = section.locator('[data-testid="database-tenant"][data-tenant="grace"]');
  await expect(grace).toContainText('Presence360');
  await expect(grace).toContainText('production');
  await expect(grace).toContainText('tenant_grace in presence360-pg');
  await expect(grace.getByTestId('database-tenant-share')).toHaveText('$10.00 share *');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'tenants-database-tenants');

  // The staging account has no apps, and still its tenants by their databases.
  await switchTo(page, 'Demo staging');
  await expect(page.getByText('No apps in this context')).toBeVisible();
  await expect(page.getByTestId('database-tenant')).toHaveCount(2);
  await expect(page.locator('[data-testid="database-tenant"][data-tenant="demo"]')).toContainText(
    'tenant_demo in presence360-pg-staging',
  );
  await switchTo(page, 'Demo fleet');
  await expect(page.getByTestId('database-tenant')).toHaveCount(5);
});
