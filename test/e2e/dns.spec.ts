// e2e: the founder checks that every tenant's domains are served by the account's DNS, fixes the
// missing record with one confirmed click, edits a zone's records (CAA and SRV fields kept), checks
// hostnames live (the demo's resolver and HTTPS endpoint are the sandbox's own, on loopback), and
// sees that a record pointing at another team's live app is left alone.
import { expect, test, type Page } from './fixtures';
import { FOREIGN_APP_HOST } from '../../src-main/sandbox/seed/dnsZones';
import { harnessUrl, screenshot } from './support';

const row = (page: Page, hostname: string) =>
  page.locator(`[data-testid="dns-domain-row"][data-hostname="${hostname}"]`);

test.describe.configure({ mode: 'serial' });

test('the founder opens DNS from an app’s domains and sees the problems first', async ({ page }) => {
  await page.goto(harnessUrl());
  await page.getByRole('link', { name: 'odoo-saas-platform' }).first().click();
  await page.getByTestId('check-dns-link').click();
  await expect(page).toHaveURL(/#\/dns$/);

  await expect(page.getByTestId('dns-problems')).toHaveText('2');
  const apps = page.getByTestId('dns-app');
  await expect(apps.first()).toHaveAttribute('data-app', 'odoo-saas-platform');
  const odoo = row(page, 'odoo.insightpulseai.net');
  await expect(odoo.getByTestId('dns-status')).toHaveText('missing');
  await expect(odoo).toContainText('ERROR');
  await expect(odoo).toContainText('No record for odoo.insightpulseai.net');
  await expect(odoo.getByTestId('dns-validation')).toHaveAttribute('data-state', 'missing');

  await expect(row(page, '*.taskifai.com')).toHaveAttribute('data-status', 'ok');
  await expect(row(page, 'customer3.taskifai.com')).toContainText('PENDING');
  await expect(row(page, 'taskifai.com').getByTestId('dns-status')).toHaveText('apex');
  await expect(row(page, 'presence360.app').getByTestId('dns-status')).toHaveText('App Platform managed');
  await expect(row(page, 'api.multivio.com').getByTestId('dns-status')).toHaveText('external DNS');

  // The summary on top counts what it lists, and an all-ok app is one line until opened.
  const summary = page.getByTestId('dns-summary');
  await expect(summary.getByTestId('dns-summary-counts')).toContainText('2 problems');
  await expect(summary.getByTestId('dns-summary-counts')).toContainText('1 warning');
  await expect(summary.getByTestId('dns-finding')).toHaveCount(3);
  const mcp = page.locator('[data-testid="dns-app"][data-app="mcp-coordinator"]');
  await expect(mcp).toHaveAttribute('data-collapsed', 'true');
  await expect(mcp).toContainText('mcp.insightpulseai.net');
  await expect(row(page, 'mcp.insightpulseai.net')).toHaveCount(0);
  await mcp.getByTestId('dns-app-toggle').click();
  await expect(row(page, 'mcp.insightpulseai.net').getByTestId('dns-status')).toHaveText('ok');

  const dangling = page.getByTestId('dns-dangling-row');
  await expect(dangling).toHaveCount(1);
  await expect(dangling).toContainText('customer2.taskifai.com → taskifai-customer2-k3v8q.ondigitalocean.app');

  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo(0, 0)));
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'dns-check');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'dns-check-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'dns-check-1024');

  // The jump links reach the sections below every checked hostname.
  await summary.getByRole('button', { name: 'Live check' }).click();
  await expect(page.getByLabel('Hostname to check')).toBeInViewport();
  await summary.getByRole('button', { name: 'Records' }).click();
  await expect(page.getByTestId('dns-records-table')).toBeInViewport();
});

test('deleting or editing the record of a live app’s domain names the app it takes offline', async ({ page }) => {
  await page.goto(harnessUrl('#/dns'));
  await page.getByRole('tab', { name: 'insightpulseai.net' }).click();
  const mcp = page.locator('[data-testid="dns-record-row"][data-record-name="mcp"]');
  await mcp.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByTestId('dns-delete-dialog');
  await expect(confirm.getByTestId('dns-record-usage')).toHaveText(
    'mcp.insightpulseai.net is mcp-coordinator’s primary domain: deleting this record takes it offline.',
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'dns-delete-usage-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  await mcp.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByTestId('record-editor').getByTestId('dns-record-usage')).toContainText(
    'pointing this record elsewhere takes it offline',
  );
  await screenshot(page, 'dns-edit-usage');
});

test('Fix on the missing record shows exactly the CNAME to create, and after confirming it is ok', async ({ page }) => {
  await page.goto(harnessUrl('#/dns'));
  const odoo = row(page, 'odoo.insightpulseai.net');
  await odoo.getByTestId('dns-fix-button').click();

  const dialog = page.getByTestId('dns-fix-dialog');
  await expect(dialog).toContainText('Create a DNS record');
  const record = dialog.getByTestId('dns-fix-record');
  await expect(record).toContainText('insightpulseai.net');
  await expect(record).toContainText('CNAME');
  await expect(record).toContainText('odoo (odoo.insightpulseai.net)');
  await expect(record).toContainText(/odoo-saas-platform-[a-z0-9]{5}\.ondigitalocean\.app\./);
  await screenshot(page, 'dns-fix-dialog');
  await dialog.getByTestId('confirm-button').click();

  await expect(dialog).toBeHidden();
  await expect(odoo.getByTestId('dns-status')).toHaveText('ok');
  await expect(page.getByTestId('toast').filter({ hasText: 'DNS fixed' })).toBeVisible();
  // The records table of the zone shows the new CNAME.
  const table = page.getByTestId('dns-records-table');
  await expect(table).toHaveAttribute('data-zone', 'insightpulseai.net');
  await expect(table.locator('[data-testid="dns-record-row"][data-record-name="odoo"]')).toContainText('CNAME');

  // The TXT validation is fixed the same way; App Platform alone clears its ERROR phase.
  await odoo.getByRole('button', { name: 'Fix TXT' }).click();
  await expect(page.getByTestId('dns-fix-dialog')).toContainText('_acme-challenge.odoo');
  await page.getByTestId('dns-fix-dialog').getByTestId('confirm-button').click();
  await expect(odoo.getByTestId('dns-validation')).toHaveAttribute('data-state', 'present');
  // Nothing is left to fix on the DNS side: the row waits for App Platform instead of staying a
  // problem, and Re-check reads the phase again and says what it found.
  await expect(odoo.getByTestId('dns-waiting')).toHaveText('fixed, waiting for App Platform to re-validate');
  await expect(odoo).not.toHaveClass(/dns-domain--problem/);
  await expect(page.getByTestId('dns-problems')).toHaveText('1');
  await odoo.getByTestId('dns-recheck-button').click();
  await expect(odoo.getByTestId('dns-recheck-result')).toContainText('App Platform still reports ERROR.');
  await odoo.scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'dns-fixed-waiting');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'dns-fixed-waiting-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('the founder adds, edits and deletes a record in a zone, and a bad value keeps the draft', async ({ page }) => {
  await page.goto(harnessUrl('#/dns'));
  await page.getByRole('tab', { name: 'taskifai.com' }).click();
  const table = page.getByTestId('dns-records-table');
  await expect(table).toHaveAttribute('data-zone', 'taskifai.com');
  await expect(table.locator('[data-record-name="*"]')).toContainText('taskifai-central');

  await page.getByTestId('dns-add-record').click();
  const editor = page.getByTestId('record-editor');
  await editor.getByTestId('record-type').selectOption('A');
  await editor.getByTestId('record-name').fill('status');
  await editor.getByTestId('record-data').fill('status.example.com');
  await editor.getByTestId('record-save').click();
  await expect(editor.getByTestId('dns-dialog-error')).toContainText('IPv4 address');
  await expect(editor.getByTestId('record-name')).toHaveValue('status');

  await editor.getByTestId('record-type').selectOption('CNAME');
  await editor.getByTestId('record-data').fill('taskifai.statuspage.io');
  await editor.getByTestId('record-ttl').fill('3600');
  await editor.getByTestId('record-save').click();
  await expect(editor).toBeHidden();
  const status = table.locator('[data-testid="dns-record-row"][data-record-name="status"]');
  await expect(status).toContainText('taskifai.statuspage.io');
  await expect(status).toContainText('3600');
  // The new row is brought into view and marked, clear of the toast in the corner.
  await expect(status).toHaveClass(/dns-record--new/);
  await expect(status.getByRole('button', { name: 'Edit' })).toBeInViewport();
  await screenshot(page, 'dns-record-added');

  await status.getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByTestId('record-type')).toBeDisabled();
  await editor.getByTestId('record-data').fill('taskifai.instatus.com');
  await editor.getByTestId('record-save').click();
  await expect(status).toContainText('taskifai.instatus.com');

  // Sorting by name puts "status" after "demo"; the header says which way.
  await table.getByRole('button', { name: /^Name/ }).click();
  await expect(table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  await status.scrollIntoViewIfNeeded();
  await screenshot(page, 'dns-records');

  await status.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByTestId('dns-delete-dialog');
  await expect(confirm).toContainText('status.taskifai.com');
  await confirm.getByTestId('confirm-button').click();
  await expect(status).toHaveCount(0);
});

test('the founder checks hostnames live: resolver answer, HTTPS status, HSTS and certificate days', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/dns'));
  // taskifai-demo's domain is ok: its app is one line until opened.
  await page.locator('[data-testid="dns-app"][data-app="taskifai-demo"]').getByTestId('dns-app-toggle').click();
  const demo = row(page, 'demo.taskifai.com');
  await demo.getByTestId('dns-probe-button').click();
  const result = page.locator('[data-testid="dns-probe-result"][data-hostname="demo.taskifai.com"]');
  await expect(result.getByTestId('dns-probe-chain')).toContainText(
    /taskifai-demo-[a-z0-9]{5}\.ondigitalocean\.app → 127\.0\.0\.1/,
  );
  await expect(result.getByTestId('dns-probe-status')).toHaveText('200');
  await expect(result.getByTestId('dns-probe-hsts')).toHaveText('max-age=31536000');
  await expect(result.getByTestId('dns-probe-cert')).toHaveText(/^\d+ days left$/);
  await result.scrollIntoViewIfNeeded();
  await screenshot(page, 'dns-live-row');

  const live = page.getByTestId('dns-live-section');
  await live.getByLabel('Hostname to check').fill('taskifai com');
  await live.getByRole('button', { name: 'Check live' }).click();
  await expect(live.getByTestId('dns-live-error')).toHaveText('Enter a hostname such as app.example.com');
  await expect(live.getByTestId('dns-probe-result')).toHaveCount(0);

  await live.getByLabel('Hostname to check').fill('taskifai.com');
  await expect(live.getByTestId('dns-live-error')).toHaveCount(0);
  await live.getByRole('button', { name: 'Check live' }).click();
  const apex = live.getByTestId('dns-probe-result');
  await expect(apex).toContainText('The certificate expires in 6 days.');
  await expect(apex.getByTestId('dns-probe-cert')).toHaveText('6 days left');
  await live.scrollIntoViewIfNeeded();
  await screenshot(page, 'dns-live-check');

  // The apex is a tracked hostname too: its result stays here, not in its row far up the page.
  await expect(row(page, 'taskifai.com').locator('xpath=following-sibling::tr[1]')).not.toHaveClass(/dns-probe-row/);

  // A name answered with a certificate for other names: no green days beside the mismatch.
  await live.getByLabel('Hostname to check').fill('customer3.taskifai.com');
  await live.getByRole('button', { name: 'Check live' }).click();
  const other = live.getByTestId('dns-probe-result');
  await expect(other).toContainText('not customer3.taskifai.com');
  await expect(other.getByTestId('dns-probe-cert')).toContainText('not for this name');
  await expect(other.getByTestId('dns-probe-cert')).not.toContainText('days left');
  await live.scrollIntoViewIfNeeded();
  await screenshot(page, 'dns-live-cert-other-name');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'dns-live-cert-other-name-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await live.getByLabel('Hostname to check').fill('customer2.taskifai.com');
  await live.getByRole('button', { name: 'Check live' }).click();
  await expect(live.getByTestId('dns-probe-result')).toContainText('which does not exist in DNS (NXDOMAIN)');
});

test('a CAA record keeps its tag and flags through an edit, and an SRV record its port', async ({ page }) => {
  await page.goto(harnessUrl('#/dns'));
  await page.getByRole('tab', { name: 'taskifai.com' }).click();
  const table = page.getByTestId('dns-records-table');
  await expect(table).toHaveAttribute('data-zone', 'taskifai.com');

  await page.getByTestId('dns-add-record').click();
  const editor = page.getByTestId('record-editor');
  await editor.getByTestId('record-type').selectOption('CAA');
  await editor.getByTestId('record-name').fill('@');
  await editor.getByTestId('record-data').fill('letsencrypt.org');
  await editor.getByTestId('record-flags').fill('128');
  await editor.getByTestId('record-tag').selectOption('issuewild');
  await editor.getByTestId('record-save').click();
  await expect(editor).toBeHidden();
  const caa = table.locator('[data-testid="dns-record-row"][data-record-name="@"][data-record-type="CAA"]');
  await expect(caa).toContainText('128 issuewild letsencrypt.org');

  await caa.getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByTestId('record-tag')).toHaveValue('issuewild');
  await expect(editor.getByTestId('record-flags')).toHaveValue('128');
  await editor.getByTestId('record-ttl').fill('600');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'dns-edit-caa');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'dns-edit-caa-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await editor.getByTestId('record-save').click();
  await expect(editor).toBeHidden();
  await expect(caa).toContainText('128 issuewild letsencrypt.org');
  await expect(caa).toContainText('600');

  await page.getByTestId('dns-add-record').click();
  await editor.getByTestId('record-type').selectOption('SRV');
  await editor.getByTestId('record-name').fill('_sip._tls');
  await editor.getByTestId('record-data').fill('sip.taskifai.com');
  await editor.getByTestId('record-priority').fill('10');
  await editor.getByTestId('record-weight').fill('60');
  await editor.getByTestId('record-save').click();
  await expect(editor.getByTestId('dns-dialog-error')).toContainText('a priority, a weight and a port');
  await editor.getByTestId('record-port').fill('5061');
  await editor.getByTestId('record-save').click();
  await expect(editor).toBeHidden();
  const srv = table.locator('[data-testid="dns-record-row"][data-record-name="_sip._tls"]');
  await expect(srv).toContainText('10 60 5061 sip.taskifai.com');

  await srv.getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByTestId('record-port')).toHaveValue('5061');
  await editor.getByTestId('record-data').fill('sip2.taskifai.com');
  await editor.getByTestId('record-save').click();
  await expect(srv).toContainText('10 60 5061 sip2.taskifai.com');
});

test('a record pointing at another team’s live app is a warning with no delete', async ({ page }) => {
  await page.goto(harnessUrl('#/dns'));
  await page.getByRole('tab', { name: 'taskifai.com' }).click();
  await page.getByTestId('dns-add-record').click();
  const editor = page.getByTestId('record-editor');
  await editor.getByTestId('record-name').fill('partners');
  await editor.getByTestId('record-data').fill(FOREIGN_APP_HOST);
  await editor.getByTestId('record-save').click();
  await expect(editor).toBeHidden();

  const foreign = page.locator('[data-testid="dns-dangling-row"][data-hostname="partners.taskifai.com"]');
  await expect(foreign).toHaveAttribute('data-severity', 'warning');
  await expect(foreign).toContainText("points at an app this account doesn't own (another team's?)");
  await expect(foreign.getByTestId('dns-fix-button')).toHaveCount(0);
  // The deleted tenant's record is still dangling, with its Fix.
  const customer2 = page.locator('[data-testid="dns-dangling-row"][data-hostname="customer2.taskifai.com"]');
  await expect(customer2).toHaveAttribute('data-severity', 'problem');
  await expect(customer2.getByTestId('dns-fix-button')).toBeVisible();

  await foreign.scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'dns-dangling');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'dns-dangling-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
