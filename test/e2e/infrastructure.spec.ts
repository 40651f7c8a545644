// e2e: the founder opens Infrastructure and sees Presence360's production as it really runs
// (guide 002) — droplets behind a load balancer with each target's health, the worker's uploads
// volume, the shared Postgres cluster with a database per tenant, Valkey — every piece priced and
// in the Costs totals (staging is an account of its own: presence360-accounts.spec.ts); adds a tenant database, is refused a name Postgres keeps for itself in the API's words,
// and deletes the new database behind its typed name.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

test.describe.configure({ mode: 'serial' });

const section = (page: Page, environment: string) =>
  page.locator(`[data-testid="infra-section"][data-environment="${environment}"]`);
const cluster = (page: Page, name: string) => page.locator(`[data-testid="database-cluster"][data-name="${name}"]`);

async function both(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('Presence360’s droplets, load balancer with target health, and clusters with a database per tenant, all priced', async ({
  page,
}) => {
  await page.goto(harnessUrl());
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Infrastructure' }).click();
  await expect(page).toHaveURL(/#\/infrastructure$/);

  const production = section(page, 'production');
  await expect(production.getByRole('heading', { level: 2 })).toContainText('Presence360');
  const droplets = production.getByTestId('droplet-row');
  await expect(droplets).toHaveCount(4);
  const api1 = production.locator('[data-testid="droplet-row"][data-name="p360-prod-api-01"]');
  await expect(api1).toContainText('s-2vcpu-4gb');
  await expect(api1).toContainText('lon1');
  await expect(api1).toContainText('env:production');
  await expect(api1.getByTestId('droplet-status')).toContainText('active');
  await expect(api1.getByTestId('droplet-price')).toHaveText('$24.00');

  // The balancer's rules and health check, and the one target failing it.
  const lb = production.getByTestId('load-balancer');
  await expect(lb).toContainText('presence360-prod-lb');
  await expect(lb).toContainText('https :443 → http :8000');
  await expect(lb).toContainText('http :8000 /healthz every 10 s');
  await expect(lb.getByTestId('lb-price')).toHaveText('$12.00/mo *');
  await expect(lb.locator('[data-testid="lb-target"][data-health="healthy"]')).toHaveCount(2);
  const failing = lb.locator('[data-testid="lb-target"][data-health="unhealthy"]');
  await expect(failing).toContainText('p360-prod-api-02');
  await expect(failing).toContainText('failing — out of rotation');

  // The shared Postgres cluster: one database per tenant, each with its share of the price.
  const pg = cluster(page, 'presence360-pg');
  await expect(pg.getByTestId('cluster-price')).toHaveText('$60.00/mo *');
  await expect(pg.locator('[data-testid="tenant-database"][data-name^="tenant_"]')).toHaveCount(5);
  await expect(pg.locator('[data-testid="tenant-database"][data-name="tenant_grace"]')).toContainText('tenant grace');
  await expect(pg.locator('[data-testid="tenant-database"][data-name="tenant_grace"]')).toContainText(
    '$10.00/mo share',
  );
  await expect(pg.getByTestId('pool-budget')).toHaveText('75 of 97 connections');
  await expect(pg.getByTestId('cluster-users')).toContainText('tenant_zion');
  await expect(pg.getByTestId('cluster-firewall')).toContainText('Accra office');
  await expect(pg).toContainText(
    'Billed on the Costs page as each tenant’s database share in a row of its own, the rest in the rows of presence360-control-plane and presence360-tenant',
  );
  await expect(cluster(page, 'presence360-valkey')).toContainText('Valkey');
  // The five churches are tenants by their databases, each carrying its share of the cluster.
  await expect(production.getByTestId('infra-tenant')).toHaveCount(5);
  await expect(production.locator('[data-testid="infra-tenant"][data-tenant="zion"]')).toContainText(
    'tenant_zion in presence360-pg $10.00/mo share',
  );

  // Staging runs in its own account (the "Demo staging" context), not here.
  await expect(page.getByTestId('infra-section')).toHaveCount(1);
  // Droplets $84, the uploads volume $10, the balancer $12, Valkey $15.
  await expect(production.getByTestId('infra-section-total')).toHaveText('$121.00/mo');
  await both(page, 'infrastructure');
  await pg.scrollIntoViewIfNeeded();
  await both(page, 'infrastructure-cluster');
});

test('sees production’s volume: the worker’s uploads (staging’s leftover is in the staging account)', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/infrastructure'));
  await expect(page.getByTestId('infra-total')).toContainText('1 volume ·');
  const production = section(page, 'production').getByTestId('volume-row');
  await expect(production).toHaveCount(1);
  await expect(production).toHaveAttribute('data-name', 'p360-prod-uploads');
  await expect(production).toContainText('100 GiB');
  await expect(production).toContainText('lon1');
  await expect(production).toContainText('ext4');
  await expect(production.getByTestId('volume-attached')).toHaveText('p360-prod-worker-01');
  await expect(production.getByTestId('volume-price')).toHaveText('$10.00 *');

  await section(page, 'production').getByTestId('volumes-table').scrollIntoViewIfNeeded();
  await both(page, 'infrastructure-volumes');
});

test('the Costs page counts the droplets, volumes, balancers and clusters in its totals and CSV', async ({ page }) => {
  await page.goto(harnessUrl('#/costs'));
  const note = page.getByTestId('cost-infrastructure');
  await expect(note).toContainText('Presence360 · production $121.00/mo');
  await expect(note).toContainText('Presence360’s tenants’ databases $50.00/mo as 5 shares of their cluster');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines).toContain(
    'Presence360,Presence360 · production,p360-prod-api-01,API (services),s-2vcpu-4gb,1,24.00,24.00,24.00,Droplet (tenant-api): the size list’s monthly price.,',
  );
  // Each church's database is a line of its own row, its share of presence360-pg.
  expect(lines.filter((l) => l.includes(',tenant_') && l.includes(' (presence360-pg),'))).toHaveLength(5);
  expect(lines).toContain(
    'Presence360,grace · share of presence360-pg,tenant_grace (presence360-pg),Databases,db-s-2vcpu-4gb,÷ 6 databases,60.00,10.00,10.00,"Tenant grace’s share of managed cluster presence360-pg (db-s-2vcpu-4gb, $60.00 a month across 6 databases): estimate from DigitalOcean’s published prices.",yes',
  );
  // Each volume is a line of its environment, the unattached one saying it still bills.
  expect(lines).toContain(
    'Presence360,Presence360 · production,p360-prod-uploads,Other,100 GiB,1,10.00,10.00,10.00,"Volume, 100 GiB at $0.10 per GiB a month: estimate from DigitalOcean’s published prices.",yes',
  );
  expect(lines.find((l) => l.includes(',p360-stg-uploads,'))).toBeUndefined();
  await note.scrollIntoViewIfNeeded();
  await screenshot(page, 'costs-infrastructure');
});

test('creates a tenant database, is refused a name Postgres keeps, and deletes it behind its typed name', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/infrastructure'));
  const pg = cluster(page, 'presence360-pg');
  const dialog = page.getByTestId('infra-dialog');
  // A database a pool still uses is not offered for deletion, and the dialog says why.
  await pg
    .locator('[data-testid="tenant-database"][data-name="tenant_grace"]')
    .getByRole('button', { name: 'Delete…' })
    .click();
  await dialog.getByTestId('delete-confirm-name').fill('tenant_grace');
  await expect(dialog.getByTestId('database-in-use')).toHaveText(
    'Connection pool tenant-grace uses it: delete the pool first, then the database.',
  );
  await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await pg.getByRole('button', { name: 'New tenant database…' }).click();
  const name = dialog.getByTestId('database-name');

  // Refused before sending: the shape Postgres takes.
  await name.fill('tenant grace');
  await expect(dialog.getByTestId('database-name-problem')).toContainText('Letters, digits, underscores and dashes');
  await expect(dialog.getByTestId('confirm-button')).toBeDisabled();

  // Refused by the API, in its words: a name Postgres keeps for itself.
  await name.fill('template1');
  await dialog.getByTestId('confirm-button').click();
  await expect(dialog.getByTestId('infra-dialog-error')).toHaveText(
    'DigitalOcean: database name "template1" is reserved',
  );
  await screenshot(page, 'infrastructure-refused-name');

  await name.fill('tenant_emmanuel');
  await dialog.getByTestId('confirm-button').click();
  await expect(dialog).toHaveCount(0);
  const created = pg.locator('[data-testid="tenant-database"][data-name="tenant_emmanuel"]');
  await expect(created).toContainText('tenant emmanuel');
  // Seven databases share the $60 now.
  await expect(created).toContainText('$8.57/mo share');

  await created.getByRole('button', { name: 'Delete…' }).click();
  await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
  await dialog.getByTestId('delete-confirm-name').fill('tenant_emmanue');
  await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
  await dialog.getByTestId('delete-confirm-name').fill('tenant_emmanuel');
  await both(page, 'infrastructure-delete-database');
  await dialog.getByTestId('confirm-button').click();
  await expect(created).toHaveCount(0);

  // Each attempt is in the Activity log, the refusal with the API's words.
  await page.goto(harnessUrl('#/activity'));
  const entry = (what: RegExp) => page.getByRole('row', { name: what });
  await expect(
    entry(/Tenant database presence360-pg operation: delete .* database: tenant_emmanuel succeeded/),
  ).toBeVisible();
  await expect(entry(/operation: create .* database: tenant_emmanuel succeeded/)).toBeVisible();
  await expect(entry(/database: template1 failed DigitalOcean: database name "template1" is reserved/)).toBeVisible();
});

test('reboots a droplet, resizes one with the monthly change shown first, and sizes a pool and a cluster', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(harnessUrl('#/infrastructure'));
  const droplet = (name: string) => page.locator(`[data-testid="droplet-row"][data-name="${name}"]`);
  const dialog = page.getByTestId('infra-dialog');

  await droplet('p360-prod-worker-01').getByRole('button', { name: 'Reboot' }).click();
  await expect(dialog).toContainText('The operating system restarts gracefully');
  await dialog.getByTestId('confirm-button').click();
  await expect(droplet('p360-prod-worker-01').getByTestId('droplet-status')).toContainText('Rebooting');
  await expect(droplet('p360-prod-worker-01').getByTestId('droplet-status')).toContainText('active', {
    timeout: 20_000,
  });

  // A size London does not offer cannot be picked; the cost after is said before anything is sent.
  await droplet('p360-prod-cp-01').getByRole('button', { name: 'Resize…' }).click();
  await expect(dialog.locator('option', { hasText: 'm-2vcpu-16gb' })).toBeDisabled();
  await expect(dialog.locator('option', { hasText: 'm-2vcpu-16gb' })).toContainText('not offered in lon1');
  await dialog.getByTestId('droplet-size').selectOption('s-2vcpu-4gb');
  await expect(dialog.getByTestId('infra-delta')).toHaveText('$12.00/mo → $24.00/mo (+$12.00 a month)');
  await both(page, 'infrastructure-resize-droplet');
  await dialog.getByTestId('confirm-button').click();
  const status = droplet('p360-prod-cp-01').getByTestId('droplet-status');
  await expect(status).toContainText(/Powering off for the resize|Resizing|Powering on/);
  await expect(droplet('p360-prod-cp-01')).toContainText('s-2vcpu-4gb', { timeout: 40_000 });
  await expect(status).toContainText('active', { timeout: 20_000 });
  await expect(droplet('p360-prod-cp-01').getByTestId('droplet-price')).toHaveText('$24.00');

  // A pool larger than the connections left is refused before sending.
  const pg = cluster(page, 'presence360-pg');
  await pg.locator('[data-testid="pool"][data-name="tenant-zion"]').getByRole('button', { name: 'Size…' }).click();
  await dialog.getByTestId('pool-size-input').fill('40');
  await expect(dialog).toContainText('At most 32: the other pools hold 65 of the cluster’s 97 connections.');
  await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
  await dialog.getByTestId('pool-size-input').fill('12');
  await dialog.getByTestId('confirm-button').click();
  await expect(pg.getByTestId('pool-budget')).toHaveText('77 of 97 connections');

  const valkey = cluster(page, 'presence360-valkey');
  await valkey.getByRole('button', { name: 'Resize…' }).click();
  await dialog.getByTestId('cluster-size').selectOption('db-s-1vcpu-2gb|1');
  await expect(dialog.getByTestId('infra-delta')).toHaveText(
    '$15.00/mo → $30.00/mo (+$15.00 a month, estimate from published prices)',
  );
  await dialog.getByTestId('confirm-button').click();
  await expect(valkey).toContainText('resizing');
});
