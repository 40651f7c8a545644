// e2e: the founder edits an app's spec as YAML against the sandbox cloud — a draft that survives a
// reload, the API's errors at their line, the diff and cost before apply, apply with live progress,
// a refused apply when the live spec moved on (three-way view, rebase), and a new tenant made from a
// template. The stories share one harness, so they run in order and each touches its own app.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { harnessUrl, priceOf, screenshot, usd } from './support';

test.describe.configure({ mode: 'serial' });

/** The undo window plus a sandbox deployment, with room to spare. */
const DEPLOY_MS = 60_000;
const appIds = new Map<string, string>();

async function idOf(page: Page, name: string): Promise<string> {
  if (!appIds.has(name)) {
    await page.goto(harnessUrl());
    const rows = page.getByTestId('fleet-row');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      appIds.set((await row.getAttribute('data-app-name')) ?? '', (await row.getAttribute('data-app-id')) ?? '');
    }
  }
  const id = appIds.get(name);
  if (!id) throw new Error(`no app ${name} in the fleet`);
  return id;
}

async function openEditor(page: Page, name: string): Promise<void> {
  await page.goto(harnessUrl(`#/apps/${await idOf(page, name)}/spec`));
  await expect(page.getByTestId('spec-code').locator('.cm-content')).toBeVisible();
}

const editorLine = (page: Page, text: string) => page.getByTestId('spec-code').locator('.cm-line', { hasText: text });

/** Selects the first match of `query` after the cursor with the editor's own search, then closes it. */
async function select(page: Page, query: string): Promise<void> {
  await page.getByTestId('spec-code').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+f');
  const field = page.locator('.cm-search input[name="search"]');
  await field.fill(query);
  // The search panel reads its field on change/keyup, not on input.
  await field.dispatchEvent('change');
  await field.press('Enter');
  await page.keyboard.press('Escape');
}

/** Replaces the end of the line holding `query` (after the match's last `: `) with `value`. */
async function setValue(page: Page, query: string, value: string): Promise<void> {
  await select(page, query);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(`${query.trim().split(': ')[0]}: ${value}`);
  await expect(editorLine(page, `${query.trim().split(': ')[0]}: ${value}`).first()).toBeVisible();
}

async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await expect(page.getByTestId('save-status')).toContainText(/Saved \d\d:\d\d:\d\d/);
}

async function bothSchemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A narrow laptop window: the dialog and its footer buttons must stay inside it. */
async function fitsNarrowWindow(page: Page, dialogId: string, buttonId: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 700 });
  const dialog = page.getByTestId(dialogId);
  for (const box of [await dialog.boundingBox(), await dialog.getByTestId(buttonId).boundingBox()]) {
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
  }
  await expect(dialog.getByTestId(buttonId)).toBeInViewport({ ratio: 1 });
  await bothSchemes(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function scaleFromDetail(page: Page, appName: string, component: string, count: string): Promise<void> {
  await page.goto(harnessUrl(`#/apps/${await idOf(page, appName)}`));
  await expect(page.getByTestId('deployments-table')).toBeVisible({ timeout: 15_000 });
  await page
    .locator(`[data-testid="component-row"][data-component-name="${component}"]`)
    .getByTestId('scale-button')
    .click();
  const dialog = page.getByTestId('scale-dialog');
  await expect(dialog.getByTestId('scale-cost-before')).toContainText('$');
  await dialog.getByTestId('scale-count').fill(count);
  await expect(dialog.getByTestId('confirm-button')).toBeEnabled();
  await dialog.getByTestId('confirm-button').click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await expect(page.getByTestId('undo-bar')).toBeHidden({ timeout: 10_000 });
  await expect(dialog).toBeHidden();
}

test.describe('the founder edits app specs as YAML', () => {
  test('opens the spec from the app page; typing is saved, a reload restores it, comments included', async ({
    page,
  }) => {
    const id = await idOf(page, 'presence360-control-plane');
    await page.goto(harnessUrl(`#/apps/${id}`));
    await expect(page.getByTestId('deployments-table')).toBeVisible({ timeout: 15_000 });
    await screenshot(page, 'spec-edit-link');
    await page.getByTestId('edit-spec-link').click();
    await expect(page).toHaveURL(new RegExp(`#/apps/${id}/spec$`));
    const code = page.getByTestId('spec-code');
    await expect(editorLine(page, 'cluster_name: presence360-pg')).toBeVisible();
    await expect(page.getByTestId('save-status')).toContainText('No changes yet');

    // SECRET values are masked: the encrypted text is not on screen, each has a "change" button.
    await expect(code.getByTestId('masked-secret').first()).toBeVisible();
    expect(await code.getByTestId('masked-secret').count()).toBe(3);
    await expect(code.locator('.cm-content')).not.toContainText('EV[');

    await code.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type('# Presence360 control plane: edited in Fleetdeck\n');
    await waitSaved(page);

    await page.reload();
    await expect(page.getByTestId('draft-restored')).toContainText('Restored draft from');
    await expect(code.locator('.cm-line').first()).toHaveText('# Presence360 control plane: edited in Fleetdeck');
    await expect(page.getByTestId('spec-problems')).toContainText('No problems');
  });

  test('a new secret goes through a password field and never into the YAML', async ({ page }) => {
    await openEditor(page, 'presence360-control-plane');
    await page.getByTestId('spec-code').getByTestId('secret-change').first().click();
    const dialog = page.getByTestId('secret-dialog');
    await expect(dialog.getByTestId('secret-input')).toHaveAttribute('type', 'password');
    await dialog.getByTestId('secret-input').fill('rotated-jwt-secret-2026');
    await dialog.getByTestId('secret-save').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('pending-secrets')).toContainText('app/');
    await expect(page.getByTestId('secret-row').filter({ hasText: 'new value set' })).toHaveCount(1);
    await expect(page.getByTestId('spec-editor')).not.toContainText('rotated-jwt-secret-2026');

    // A SECRET typed in clear into the YAML stays readable on screen until apply, but Export draft leaves it out.
    await select(page, '- key: DATABASE_URL');
    await page.keyboard.press('Home');
    await page.keyboard.insertText('- key: STRIPE_API_KEY\n  type: SECRET\n  value: sk_live_typed_in_clear\n');
    await expect(page.getByTestId('secret-row').filter({ hasText: 'STRIPE_API_KEY' })).toBeVisible();
    await waitSaved(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-draft').click();
    const exported = readFileSync(await (await download).path(), 'utf8');
    expect(exported).toContain('- key: STRIPE_API_KEY');
    expect(exported).toContain('# Presence360 control plane: edited in Fleetdeck');
    expect(exported).not.toContain('sk_live_typed_in_clear');
    expect(exported).not.toContain('rotated-jwt-secret-2026');
    await expect(page.getByTestId('spec-notice')).toContainText('SECRET values typed in clear were left out');
    await bothSchemes(page, 'spec-secret-clear-export');

    // Taken back out: the next stories apply only the secret set through the password field.
    await page.getByTestId('spec-code').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(editorLine(page, 'STRIPE_API_KEY')).toHaveCount(0);
    await waitSaved(page);
    await expect(page.getByTestId('secret-row')).toHaveCount(3);
  });

  test('an invalid instance count is shown in the API’s words at its line', async ({ page }) => {
    await openEditor(page, 'presence360-control-plane');
    await setValue(page, 'instance_count: 1', '0');
    await page.getByTestId('validate-button').click();
    const status = page.getByTestId('validation-status');
    await expect(status).toHaveAttribute('data-state', 'invalid', { timeout: 15_000 });
    await expect(status).toContainText('must be between 1 and 250');

    // The API's problem names the line of `instance_count: 0`, and the editor marks that line.
    const line = editorLine(page, 'instance_count: 0');
    await expect(line.locator('.cm-lintRange-error')).toHaveCount(1);
    const lineNumber = await page.evaluate(() => {
      const lines = [...document.querySelectorAll('[data-testid="spec-code"] .cm-line')];
      const target = lines.find((l) => l.textContent === '  instance_count: 0');
      const gutter = [...document.querySelectorAll('[data-testid="spec-code"] .cm-lineNumbers .cm-gutterElement')];
      const top = target?.getBoundingClientRect().top ?? -1;
      return gutter.find((g) => Math.abs(g.getBoundingClientRect().top - top) < 3)?.textContent;
    });
    const apiProblem = page.locator('[data-testid="spec-problem"][data-source="api"]');
    await expect(apiProblem).toContainText(`Line ${lineNumber}`);
    await expect(apiProblem).toContainText('must be between 1 and 250');
    await bothSchemes(page, 'spec-editor-error');

    // A line typed above after Validate: the entry follows its field and says the text changed.
    await page.getByTestId('spec-code').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.insertText('# scaled to zero on purpose?\n');
    await expect(apiProblem).toContainText(`Line ${Number(lineNumber) + 1}`);
    await expect(page.getByTestId('problems-outdated')).toContainText('The text changed since the last Validate');
    await expect(page.locator('[data-testid="spec-problem"]', { hasText: 'must be between 1 and 250' })).toHaveCount(1);
    await bothSchemes(page, 'spec-problems-moved');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByTestId('problems-outdated')).toHaveCount(0);

    // Half-typed YAML that does not parse: the secrets stay listed as last known, and each YAML error is labelled once.
    await select(page, 'instance_count: 0');
    await page.keyboard.press('End');
    await page.keyboard.insertText('\n   broken: [');
    await expect(page.getByTestId('secrets-unparsed')).toContainText(
      'The YAML doesn’t parse; showing the secrets from the last valid version',
    );
    await expect(page.getByTestId('secret-row')).toHaveCount(3);
    await expect(page.getByTestId('spec-secrets')).not.toContainText('no SECRET envs');
    const yamlProblem = page.locator('[data-testid="spec-problem"][data-source="yaml"]').first();
    await expect(yamlProblem).toBeVisible();
    await expect(yamlProblem).not.toContainText('YAML:');
    await expect(yamlProblem).toContainText('This line is indented deeper than the line above');
    await page.getByTestId('secrets-unparsed').scrollIntoViewIfNeeded();
    await bothSchemes(page, 'spec-yaml-unparsed');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByTestId('secrets-unparsed')).toHaveCount(0);
    await expect(editorLine(page, 'broken:')).toHaveCount(0);
    await waitSaved(page);
  });

  test('fixing it and changing a size: completion offers the live sizes, Review shows diff and cost, apply follows the deployment', async ({
    page,
  }) => {
    test.setTimeout(DEPLOY_MS * 2);
    await openEditor(page, 'presence360-control-plane');
    await setValue(page, 'instance_count: 0', '1');

    await select(page, 'apps-s-1vcpu-1gb');
    await page.keyboard.type('apps-s-1vcpu-2');
    const completions = page.locator('.cm-tooltip-autocomplete');
    await expect(completions).toContainText('apps-s-1vcpu-2gb');
    await expect(completions).toContainText(`${usd(priceOf('apps-s-1vcpu-2gb'))}/mo`);
    // Enter accepts the highlighted option once the list has settled (CodeMirror ignores a too-quick Enter).
    await expect(completions.locator('li[aria-selected]')).toContainText('apps-s-1vcpu-2gb');
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await expect(editorLine(page, 'instance_size_slug: apps-s-1vcpu-2gb')).toBeVisible();

    const before = priceOf('apps-s-1vcpu-1gb') + priceOf('apps-s-1vcpu-0.5gb');
    const after = priceOf('apps-s-1vcpu-2gb') + priceOf('apps-s-1vcpu-0.5gb');
    await page.getByTestId('validate-button').click();
    await expect(page.getByTestId('validation-status')).toHaveAttribute('data-state', 'valid', { timeout: 15_000 });
    await expect(page.getByTestId('validation-status')).toContainText(`Valid · ${usd(before)}/mo → ${usd(after)}/mo`);

    await page.getByTestId('review-button').click();
    const review = page.getByTestId('review-dialog');
    await expect(review.getByTestId('review-cost-before')).toContainText(usd(before));
    await expect(review.getByTestId('review-cost-after')).toContainText(usd(after));
    await expect(review.getByTestId('review-cost-delta')).toContainText(`+${usd(after - before)}/mo`);
    const diff = review.getByTestId('review-diff');
    await expect(diff.locator('.cm-merge-a .cm-changedLine', { hasText: 'apps-s-1vcpu-1gb' })).toBeVisible();
    await expect(diff.locator('.cm-merge-b .cm-changedLine', { hasText: 'apps-s-1vcpu-2gb' })).toBeVisible();
    await expect(review).toContainText('Apply also sends new values for 1 secret');
    await bothSchemes(page, 'spec-diff-cost');
    await fitsNarrowWindow(page, 'review-dialog', 'apply-button', 'spec-diff-cost-1024');

    await review.getByTestId('apply-button').click();
    await expect(review).toBeHidden({ timeout: 15_000 });
    const progress = page.getByTestId('deployment-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('data-phase', 'ACTIVE', { timeout: DEPLOY_MS });
    await expect(page.getByTestId('spec-notice')).toContainText('Applied');
    await expect(editorLine(page, 'instance_size_slug: apps-s-1vcpu-2gb')).toBeVisible();
    await expect(page.getByTestId('save-status')).toContainText('No changes yet');
    await expect(page.getByTestId('pending-secrets')).toHaveCount(0);

    // The API keeps the new value encrypted: after apply it is back behind the mask, never in clear.
    await expect(page.getByTestId('spec-editor')).not.toContainText('rotated-jwt-secret-2026');
    await expect(page.getByTestId('spec-code').getByTestId('masked-secret')).toHaveCount(3);
    await screenshot(page, 'spec-applied');

    await page.goto(harnessUrl(`#/apps/${await idOf(page, 'presence360-control-plane')}`));
    await expect(page.locator('[data-testid="component-row"][data-component-name="control-plane-api"]')).toContainText(
      'apps-s-1vcpu-2gb',
    );
  });

  test('the live spec is exported to a file, and an app.yaml from disk is imported into the draft', async ({
    page,
  }) => {
    await openEditor(page, 'presence360-control-plane');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-live').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('presence360-control-plane.app.yaml');
    const exported = readFileSync(await file.path(), 'utf8');
    expect(exported).toContain('instance_size_slug: apps-s-1vcpu-2gb');

    // A file for another app is refused in words, and the draft stays as it was.
    const input = page.getByTestId('import-input');
    const other = exported.replace('name: presence360-control-plane', 'name: someone-else');
    await input.setInputFiles({ name: 'app.yaml', mimeType: 'application/yaml', buffer: Buffer.from(other) });
    await expect(page.getByTestId('spec-notice')).toContainText('app.yaml was not imported');
    await expect(page.getByTestId('spec-notice')).toContainText('someone-else');
    await expect(page.getByTestId('save-status')).toContainText('No changes yet');

    const mine = `# .do/app.yaml from the repository\n${exported.replace('instance_count: 1', 'instance_count: 2')}`;
    await input.setInputFiles({ name: 'app.yaml', mimeType: 'application/yaml', buffer: Buffer.from(mine) });
    await expect(page.getByTestId('spec-notice')).toContainText('Imported app.yaml into the draft');
    await expect(page.getByTestId('spec-code').locator('.cm-line').first()).toHaveText(
      '# .do/app.yaml from the repository',
    );
    await expect(page.getByTestId('draft-origin')).toContainText('Imported draft');
    await page.getByTestId('discard-button').click();
    await page.getByTestId('discard-dialog').getByTestId('confirm-button').click();
    await expect(page.getByTestId('save-status')).toContainText('No changes yet');
  });

  test('an apply refused because the live spec changed shows live, base and draft, and rebases safely', async ({
    page,
  }) => {
    test.setTimeout(DEPLOY_MS * 2);
    await openEditor(page, 'presence360-tenant');
    await setValue(page, 'instance_count: 2', '3');
    await waitSaved(page);
    await page.getByTestId('review-button').click();
    const review = page.getByTestId('review-dialog');
    await expect(review.getByTestId('apply-button')).toBeEnabled({ timeout: 15_000 });

    // Meanwhile the worker is scaled from another window: the reviewed draft is now stale.
    const other = await page.context().newPage();
    await scaleFromDetail(other, 'presence360-tenant', 'worker', '2');
    await other.close();

    await review.getByTestId('apply-button').click();
    const stale = page.getByTestId('stale-dialog');
    await expect(stale).toContainText('Not applied: presence360-tenant changed since your draft started');
    await expect(stale).toContainText('your draft is kept');
    const live = stale.getByTestId('three-way-live');
    await expect(live.locator('.cm-merge-b .cm-changedLine', { hasText: 'instance_count: 2' })).toBeVisible();
    const mine = stale.getByTestId('three-way-draft');
    await expect(mine.locator('.cm-merge-b .cm-changedLine', { hasText: 'instance_count: 3' })).toBeVisible();
    await bothSchemes(page, 'spec-stale-three-way');
    await fitsNarrowWindow(page, 'stale-dialog', 'rebase-button', 'spec-stale-three-way-1024');

    await stale.getByTestId('rebase-button').click();
    await expect(stale).toBeHidden();
    await expect(page.getByTestId('spec-notice')).toContainText('Rebased your draft on the live spec');
    // Both changes are in the draft now: the tenant API at 3, the worker at 2 as it is live.
    await expect(editorLine(page, 'instance_count: 3')).toHaveCount(1);
    await page.getByTestId('review-button').click();
    await expect(review.getByTestId('review-cost-after')).toContainText('$', { timeout: 15_000 });
    const diff = review.getByTestId('review-diff');
    await expect(diff.locator('.cm-changedLine')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(review).toBeHidden();
  });

  test('open drafts are listed on the Specs page and one is discarded after a confirmation', async ({ page }) => {
    await page.goto(harnessUrl('#/specs'));
    const rows = page.getByTestId('draft-row');
    await expect(rows.filter({ hasText: 'presence360-tenant' })).toBeVisible();
    await bothSchemes(page, 'spec-drafts');
    await rows.filter({ hasText: 'presence360-tenant' }).getByTestId('draft-discard').click();
    const dialog = page.getByTestId('discard-dialog');
    await expect(dialog).toContainText('Discard the draft of presence360-tenant?');
    await dialog.getByTestId('confirm-button').click();
    await expect(rows.filter({ hasText: 'presence360-tenant' })).toHaveCount(0);
  });

  test('a new tenant made from a template is previewed with its price, its template leftovers are overridden or acknowledged, then created', async ({
    page,
  }) => {
    test.setTimeout(DEPLOY_MS);
    await page.goto(harnessUrl('#/specs'));
    const form = page.getByTestId('new-tenant');
    const template = form.getByTestId('tenant-template');
    const option = template.locator('option', { hasText: 'taskifai-bibbi' });
    await template.selectOption((await option.getAttribute('value')) ?? '');
    await form.getByTestId('tenant-name').fill('taskifai-customer4');
    await expect(form.getByTestId('replace-from').first()).toHaveValue('bibbi');
    await expect(form.getByTestId('replace-to').first()).toHaveValue('customer4');
    await expect(form.getByTestId('replace-from').nth(1)).toHaveValue('BIBBI');
    await form.getByTestId('tenant-preview').click();

    const verdict = form.getByTestId('tenant-validation');
    await expect(verdict).toHaveAttribute('data-state', 'invalid', { timeout: 15_000 });
    await expect(form.getByTestId('tenant-problems')).toContainText('SECRET values are never copied');
    await expect(form.getByTestId('tenant-yaml')).toContainText('domain: customer4.taskifai.com');
    await expect(form.getByTestId('tenant-yaml')).toContainText('TaskifAI Analytics Platform - CUSTOMER4');
    const secrets = form.getByTestId('tenant-secret');
    for (const [i, field] of (await secrets.all()).entries()) await field.fill(`customer4-secret-${i}`);
    // The secrets are in, but bibbi's Supabase project URL survived the replacements: not "Ready" yet.
    await expect(verdict).toHaveAttribute('data-state', 'check');
    await expect(verdict).toContainText('still pointing at taskifai-bibbi');
    const leftovers = form.getByTestId('tenant-leftovers');
    await expect(leftovers).toContainText('SUPABASE_URL');
    const override = leftovers.getByTestId('tenant-override');
    await expect(override).toHaveCount(1);
    await expect(form.getByTestId('tenant-cost')).toContainText('/mo');
    await bothSchemes(page, 'spec-new-tenant');

    // Create names the leftover and wants it acknowledged before it may go ahead.
    await form.getByTestId('tenant-create').click();
    const confirm = page.getByTestId('tenant-confirm');
    await expect(confirm).toContainText('Create taskifai-customer4?');
    await expect(confirm.getByTestId('tenant-confirm-leftovers')).toContainText(
      'SUPABASE_URL still points at the template',
    );
    await expect(confirm.getByTestId('confirm-button')).toBeDisabled();
    await bothSchemes(page, 'spec-new-tenant-confirm');
    await confirm.getByTestId('tenant-acknowledge').check();
    await expect(confirm.getByTestId('confirm-button')).toBeEnabled();
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    // Better: the new tenant gets its own project URL, sent in place of bibbi's.
    await override.fill('https://customer4projectref.supabase.co');
    await expect(verdict).toHaveAttribute('data-state', 'valid');
    await expect(verdict).toContainText('Ready to create');
    await form.getByTestId('tenant-create').click();
    await expect(confirm.getByTestId('tenant-confirm-overrides')).toContainText(
      'SUPABASE_URL → https://customer4projectref.supabase.co',
    );
    await expect(confirm.getByTestId('tenant-confirm-leftovers')).toHaveCount(0);
    await expect(confirm.getByTestId('confirm-button')).toBeEnabled();
    await confirm.getByTestId('confirm-button').click();
    await expect(page.getByTestId('app-detail')).toContainText('taskifai-customer4', { timeout: 20_000 });
    await expect(page.getByTestId('app-detail')).not.toContainText('customer4-secret-');
  });
});
