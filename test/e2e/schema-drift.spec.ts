// e2e: the founder sees that taskifai-demo and taskifai-customer3 lack report_schedules, which
// taskifai-bibbi has, and applies it to both, demo first. Customer3 has a report_schedules table
// made by hand, so Postgres refuses there; the run halts and says so in Postgres's words, and the
// Activity log holds both steps. Every step is looked at in light and dark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

test.describe.configure({ mode: 'serial' });

const MIGRATION = 'report_schedules';

const cell = (page: Page, migration: string, tenant: string) =>
  page.locator(
    `[data-testid="drift-row"][data-migration="${migration}"] [data-testid="drift-cell"][data-tenant="${tenant}"]`,
  );

async function inBothSchemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a missing migration is applied tenant by tenant after its SQL is reviewed, and halts at the first failure', async ({
  page,
}) => {
  await page.goto(harnessUrl('#/tenants/schema'));
  await expect(page.getByTestId('drift-grid').first()).toBeVisible({ timeout: 20_000 });

  // The grid: bibbi has it, demo and customer3 lack it, each one behind.
  await expect(cell(page, MIGRATION, 'taskifai-bibbi')).toHaveAttribute('data-mark', 'applied');
  await expect(cell(page, MIGRATION, 'taskifai-demo')).toHaveAttribute('data-mark', 'missing');
  await expect(cell(page, MIGRATION, 'taskifai-customer3')).toHaveAttribute('data-mark', 'missing');
  const head = (tenant: string) => page.locator(`[data-testid="drift-tenant-head"][data-tenant="${tenant}"]`);
  await expect(head('taskifai-demo').getByTestId('drift-behind')).toHaveText('1 behind');
  await expect(head('taskifai-bibbi').getByTestId('drift-behind')).toHaveText('up to date');
  await inBothSchemes(page, 'schema-drift');

  // Apply to tenants…: copied from bibbi, to demo then customer3; nothing runs from this step.
  await cell(page, MIGRATION, 'taskifai-demo').click();
  const dialog = page.getByTestId('apply-dialog');
  // A tenant that has it is offered as the source from the start (the onboarding story may have
  // made another one); the founder copies bibbi's.
  await expect(dialog.locator('[data-testid="apply-source-tenant"]:checked')).toHaveCount(1);
  const fromBibbi = dialog.locator('[data-testid="apply-source-tenant"][data-tenant="taskifai-bibbi"]');
  await fromBibbi.check();
  await expect(fromBibbi).toBeChecked();
  const targets = dialog.getByTestId('apply-target');
  await expect(targets).toHaveCount(2);
  // The grid lists customer3 first; the founder wants the demo tenant to take it first.
  if ((await targets.nth(0).getAttribute('data-tenant')) !== 'taskifai-demo') {
    await dialog.getByRole('button', { name: 'Move taskifai-demo earlier' }).click();
  }
  await expect(targets.nth(0)).toHaveAttribute('data-tenant', 'taskifai-demo');
  await expect(targets.nth(1)).toHaveAttribute('data-tenant', 'taskifai-customer3');
  await expect(dialog.getByTestId('apply-confirm')).toHaveCount(0);
  await inBothSchemes(page, 'schema-drift-choose');

  // The review screen: the SQL as it will run, the order, and what happens on a failure.
  await dialog.getByTestId('apply-review-button').click();
  const sql = dialog.getByTestId('review-sql');
  await expect(sql).toContainText('create table public.report_schedules');
  await expect(dialog.getByTestId('review-targets').locator('li')).toHaveText(['taskifai-demo', 'taskifai-customer3']);
  await expect(dialog.getByTestId('review-promise')).toHaveText(
    'Applied one tenant at a time; stops at the first failure; each step is in the Activity log.',
  );
  await inBothSchemes(page, 'schema-drift-review');

  await dialog.getByTestId('apply-confirm').click();
  const result = dialog.getByTestId('migration-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  const step = (tenant: string) => result.locator(`[data-testid="run-step"][data-tenant="${tenant}"]`);
  await expect(step('taskifai-demo')).toHaveAttribute('data-state', 'applied');
  await expect(step('taskifai-customer3')).toHaveAttribute('data-state', 'failed');
  await expect(step('taskifai-customer3').getByTestId('run-error')).toContainText('already exists');
  await expect(result.getByTestId('run-headline')).toContainText('failed on taskifai-customer3');
  await expect(result.getByTestId('run-headline')).toContainText('nothing more was applied');
  await inBothSchemes(page, 'schema-drift-result');

  // The grid is read again: demo has it now, customer3 still lacks it.
  await dialog.getByTestId('apply-close').click();
  await expect(cell(page, MIGRATION, 'taskifai-demo')).toHaveAttribute('data-mark', 'applied');
  await expect(cell(page, MIGRATION, 'taskifai-customer3')).toHaveAttribute('data-mark', 'missing');

  // The Activity log has both steps, the failure in Postgres's words.
  await page.goto(harnessUrl('#/activity'));
  const row = (app: string) =>
    page.locator(`[data-testid="activity-row"][data-action="apply_migration"][data-app-name="${app}"]`);
  await expect(row('taskifai-demo')).toHaveAttribute('data-result', 'succeeded');
  await expect(row('taskifai-customer3')).toHaveAttribute('data-result', 'failed');
  await expect(row('taskifai-customer3')).toContainText('already exists');
});

test('with three targets, a failure on the second leaves the third not started and says halted', async ({ page }) => {
  await page.goto(harnessUrl('#/tenants/schema'));
  await expect(page.getByTestId('drift-grid').first()).toBeVisible({ timeout: 20_000 });
  // A file of one's own: it fails on customer3 (its table exists) and must not reach the tenant after it.
  await page.getByTestId('drift-apply-file').click();
  const dialog = page.getByTestId('apply-dialog');
  await dialog.getByTestId('apply-file-input').setInputFiles({
    name: '20261203100000_report_schedules_again.sql',
    mimeType: 'application/sql',
    buffer: Buffer.from('create table public.report_schedules (id uuid primary key);\n'),
  });
  await expect(dialog.getByTestId('apply-file-name')).toHaveValue('report_schedules_again');
  const target = (tenant: string) => dialog.locator(`[data-testid="apply-target"][data-tenant="${tenant}"]`);
  await target('taskifai-customer3').getByRole('checkbox').check();
  await target('taskifai-bibbi').getByRole('checkbox').check();
  // customer3 first, then bibbi.
  while ((await dialog.getByTestId('apply-target').first().getAttribute('data-tenant')) !== 'taskifai-customer3') {
    await target('taskifai-customer3')
      .getByRole('button', { name: /earlier/ })
      .click();
  }
  await dialog.getByTestId('apply-review-button').click();
  await expect(dialog.getByTestId('review-sql')).toHaveText(
    'create table public.report_schedules (id uuid primary key);\n',
  );
  await dialog.getByTestId('apply-confirm').click();
  const result = dialog.getByTestId('migration-result');
  await expect(result).toHaveAttribute('data-halted', 'true', { timeout: 20_000 });
  await expect(result.locator('[data-testid="run-step"][data-tenant="taskifai-customer3"]')).toHaveAttribute(
    'data-state',
    'failed',
  );
  await expect(result.locator('[data-testid="run-step"][data-tenant="taskifai-bibbi"]')).toHaveAttribute(
    'data-state',
    'not_started',
  );
  await expect(result.getByTestId('run-headline')).toContainText('Halted');
  await expect(result.getByTestId('run-headline')).toContainText('nothing more was applied');
});

test('a folder of migrations is reviewed file by file, applied in order on each tenant, passing over what a tenant has', async ({
  page,
}, testInfo) => {
  await page.goto(harnessUrl('#/tenants/schema'));
  await expect(page.getByTestId('drift-grid').first()).toBeVisible({ timeout: 20_000 });
  // After the first story demo and bibbi have report_schedules; customer3's hand-made table refuses it.
  await expect(cell(page, MIGRATION, 'taskifai-demo')).toHaveAttribute('data-mark', 'applied');
  await page.getByTestId('drift-apply-file').click();
  const dialog = page.getByTestId('apply-dialog');
  // Several files picked at once are one migration each, in file-name order, not in pick order.
  const payload = (name: string, sql: string) => ({ name, mimeType: 'application/sql', buffer: Buffer.from(sql) });
  await dialog
    .getByTestId('apply-file-input')
    .setInputFiles([
      payload('20261204090000_schedule_owner.sql', 'select 1;\n'),
      payload('20261118093000_report_schedules.sql', 'select 1;\n'),
    ]);
  await expect(dialog.getByTestId('apply-file')).toHaveText([/^report_schedules /, /^schedule_owner /]);
  // The supabase/migrations folder, as the folder picker hands it over: other files beside the .sql.
  // In the test's output folder, which Playwright empties at the next run (the temp dir is never).
  const folder = testInfo.outputPath('migrations');
  mkdirSync(folder, { recursive: true });
  const files: Record<string, string> = {
    '20261204091000_schedule_audit.sql': 'create table public.schedule_audit (id uuid primary key);\n',
    'README.md': '# migrations\n',
    '20261118093000_report_schedules.sql': 'create table public.report_schedules (id uuid primary key);\n',
    '20261204090000_schedule_owner.sql': 'alter table public.report_schedules add column owner uuid;\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  await dialog.getByTestId('apply-folder-input').setInputFiles(folder);
  const picked = dialog.getByTestId('apply-file');
  await expect(picked).toHaveCount(3);
  expect(await picked.evaluateAll((items) => items.map((li) => li.getAttribute('data-migration')))).toEqual([
    'report_schedules',
    'schedule_owner',
    'schedule_audit',
  ]);
  await expect(dialog.getByTestId('apply-files')).toContainText('1 file not ending in .sql left out');
  const target = (tenant: string) => dialog.locator(`[data-testid="apply-target"][data-tenant="${tenant}"]`);
  for (const tenant of ['taskifai-demo', 'taskifai-bibbi', 'taskifai-customer3'])
    await target(tenant).getByRole('checkbox').check();
  // demo, then bibbi, then customer3.
  for (const [i, tenant] of ['taskifai-demo', 'taskifai-bibbi', 'taskifai-customer3'].entries()) {
    while ((await dialog.getByTestId('apply-target').nth(i).getAttribute('data-tenant')) !== tenant)
      await target(tenant)
        .getByRole('button', { name: /earlier/ })
        .click();
  }
  await inBothSchemes(page, 'schema-drift-folder-choose');

  await dialog.getByTestId('apply-review-button').click();
  const items = dialog.getByTestId('review-migration');
  await expect(items).toHaveCount(3);
  expect(await items.evaluateAll((all) => all.map((li) => li.getAttribute('data-migration')))).toEqual([
    'report_schedules',
    'schedule_owner',
    'schedule_audit',
  ]);
  await expect(items.nth(1).getByTestId('review-sql')).toHaveText(
    'alter table public.report_schedules add column owner uuid;\n',
  );
  await expect(items.nth(0).getByTestId('review-skipped')).toHaveText(
    'skipped on taskifai-demo, taskifai-bibbi: already applied',
  );
  await expect(items.nth(1).getByTestId('review-skipped')).toHaveCount(0);
  await expect(dialog.getByTestId('review-targets').locator('li')).toHaveText([
    'taskifai-demo',
    'taskifai-bibbi',
    'taskifai-customer3',
  ]);
  await inBothSchemes(page, 'schema-drift-folder-review');

  await dialog.getByTestId('apply-confirm').click();
  const result = dialog.getByTestId('migration-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  const states = await result
    .getByTestId('run-step')
    .evaluateAll((all) =>
      all.map(
        (li) =>
          `${li.getAttribute('data-tenant')}/${li.getAttribute('data-migration')}:${li.getAttribute('data-state')}`,
      ),
    );
  expect(states).toEqual([
    'taskifai-demo/report_schedules:already_applied',
    'taskifai-demo/schedule_owner:applied',
    'taskifai-demo/schedule_audit:applied',
    'taskifai-bibbi/report_schedules:already_applied',
    'taskifai-bibbi/schedule_owner:applied',
    'taskifai-bibbi/schedule_audit:applied',
    'taskifai-customer3/report_schedules:failed',
    'taskifai-customer3/schedule_owner:not_started',
    'taskifai-customer3/schedule_audit:not_started',
  ]);
  await expect(result).toHaveAttribute('data-halted', 'true');
  await expect(result.getByTestId('run-headline')).toHaveText(
    'Halted: report_schedules failed on taskifai-customer3, so nothing more was applied (2 steps not started).',
  );
  await inBothSchemes(page, 'schema-drift-folder-result');

  // The grid now lists the new migrations on demo and bibbi, and customer3 still without them.
  await dialog.getByTestId('apply-close').click();
  await expect(cell(page, 'schedule_owner', 'taskifai-demo')).toHaveAttribute('data-mark', 'applied');
  await expect(cell(page, 'schedule_audit', 'taskifai-bibbi')).toHaveAttribute('data-mark', 'applied');
  await expect(cell(page, 'schedule_owner', 'taskifai-customer3')).toHaveAttribute('data-mark', 'missing');
});
