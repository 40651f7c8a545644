// e2e: deploy, scale, roll back and rolling deploys against the sandbox cloud, then the audit log.
// The stories share one harness (one sandbox), so they run in order and each touches its own app.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, priceOf, screenshot, usd } from './support';

test.describe.configure({ mode: 'serial' });

/** Long enough for the undo window plus a sandbox deployment (10–20 s) with room to spare. */
const DEPLOY_MS = 60_000;

/** App ids by name, read from the overview once: later stories open apps by URL, which keeps the
 * suite's API calls (the overview reads every app's health) inside the sandbox's rate limit. */
const appIds = new Map<string, string>();

async function openApp(page: Page, name: string): Promise<void> {
  const id = appIds.get(name);
  if (id) {
    await page.goto(harnessUrl(`#/apps/${id}`));
  } else {
    await page.goto(harnessUrl());
    const rows = page.getByTestId('fleet-row');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      appIds.set((await row.getAttribute('data-app-name')) ?? '', (await row.getAttribute('data-app-id')) ?? '');
    }
    await page.locator(`[data-testid="fleet-row"][data-app-name="${name}"] a.app-link`).click();
  }
  await expect(page.getByTestId('app-detail')).toContainText(name);
  await expect(page.getByTestId('deployments-table')).toBeVisible({ timeout: 15_000 });
}

async function confirmAndWaitOutUndo(page: Page, label: RegExp): Promise<void> {
  await page.getByTestId('confirm-button').click();
  const bar = page.getByTestId('undo-bar');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(label);
  await expect(bar).toBeHidden({ timeout: 10_000 });
}

async function inBothSchemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('the founder deploys, scales and rolls back from Fleetdeck', () => {
  test('a deploy waits 5 s and Undo sends nothing', async ({ page }) => {
    await openApp(page, 'taskifai-demo');
    const rows = page.getByTestId('deployment-row');
    const before = await rows.count();

    await page.getByTestId('deploy-button').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('Deploy taskifai-demo?');
    await expect(dialog).toContainText('Force rebuild');
    // It says what it will build: each component's branch and its latest commit, not the live one.
    await expect(dialog.getByTestId('deploy-builds').first()).toContainText(/latest commit on \S+/);
    await expect(dialog).toContainText('not the commit live now');
    await inBothSchemes(page, 'actions-deploy-dialog');
    await page.getByTestId('confirm-button').click();

    const bar = page.getByTestId('undo-bar');
    await expect(bar).toContainText(/Deploying taskifai-demo in \d s/);
    await expect(page.getByTestId('deploy-button')).toBeDisabled();
    await page.getByTestId('undo-button').click();
    await expect(bar).toBeHidden();
    await expect(page.getByTestId('deploy-button')).toBeEnabled();

    // Past the window: still nothing on the page, nothing at the API.
    await page.waitForTimeout(6_000);
    await expect(page.getByTestId('deployment-progress')).toHaveCount(0);
    await page.getByTestId('detail-refresh').click();
    await expect(page.getByTestId('detail-refresh')).toBeEnabled();
    await expect(rows).toHaveCount(before);
  });

  test('a deploy shows live progress until ACTIVE and announces it', async ({ page }) => {
    test.setTimeout(DEPLOY_MS * 2);
    await openApp(page, 'taskifai-demo');
    await page.getByTestId('deploy-button').click();
    await confirmAndWaitOutUndo(page, /Deploying taskifai-demo/);

    const progress = page.getByTestId('deployment-progress');
    await expect(progress).toBeVisible();
    await expect(progress.getByTestId('progress-step').first()).toBeVisible();
    await expect(progress.getByTestId('cancel-deployment-button')).toBeVisible();
    await expect(page.getByTestId('deploy-button')).toBeDisabled();
    await expect(progress.locator('[data-testid="progress-step"][data-status="SUCCESS"]').first()).toBeVisible({
      timeout: 15_000,
    });
    await inBothSchemes(page, 'actions-progress');

    await expect(progress).toHaveAttribute('data-phase', 'ACTIVE', { timeout: DEPLOY_MS });
    await expect(progress).toContainText('Live after');
    await expect(page.getByTestId('toast').filter({ hasText: 'taskifai-demo' })).toBeVisible();
    await expect(page.locator('[data-testid="deployment-row"]').first()).toHaveAttribute('data-phase', 'ACTIVE');
    await expect(page.getByTestId('deploy-button')).toBeEnabled();
    await inBothSchemes(page, 'actions-progress-done');
  });

  test('scaling previews the cost before → after and applies it', async ({ page }) => {
    test.setTimeout(DEPLOY_MS * 2);
    await openApp(page, 'presence360-control-plane');
    const row = page.locator('[data-testid="component-row"][data-component-name="control-plane-api"]');
    await row.getByTestId('scale-button').click();

    const dialog = page.getByTestId('scale-dialog');
    const small = priceOf('apps-s-1vcpu-1gb');
    const appBefore = small + priceOf('apps-s-1vcpu-0.5gb');
    await expect(dialog.getByTestId('scale-cost-before')).toContainText(usd(appBefore));
    await expect(dialog.getByTestId('scale-cost-after')).toContainText(usd(appBefore));
    await expect(dialog.getByTestId('confirm-button')).toBeDisabled();

    await dialog.getByTestId('scale-count').fill('2');
    await expect(dialog.getByTestId('scale-cost-after')).toContainText(usd(appBefore + small));
    await expect(dialog.getByTestId('scale-cost-after')).toContainText(`+${usd(small)}/mo`);
    await expect(dialog).toContainText('×1');
    await expect(dialog).toContainText('×2');
    await inBothSchemes(page, 'actions-scale-dialog');

    await confirmAndWaitOutUndo(page, /Scaling control-plane-api on presence360-control-plane/);
    await expect(dialog).toBeHidden();
    const progress = page.getByTestId('deployment-progress');
    await expect(progress).toHaveAttribute('data-phase', 'ACTIVE', { timeout: DEPLOY_MS });
    await expect(row).toContainText('×2');
    await expect(page.getByTestId('app-detail')).toContainText(usd(appBefore + small));
  });

  test('scaling back down shows the saving and restores the bill', async ({ page }) => {
    test.setTimeout(DEPLOY_MS * 2);
    await openApp(page, 'presence360-control-plane');
    const row = page.locator('[data-testid="component-row"][data-component-name="control-plane-api"]');
    await row.getByTestId('scale-button').click();
    const dialog = page.getByTestId('scale-dialog');
    const small = priceOf('apps-s-1vcpu-1gb');
    const appNow = 2 * small + priceOf('apps-s-1vcpu-0.5gb');
    await expect(dialog.getByTestId('scale-count')).toHaveValue('2');
    await dialog.getByTestId('scale-count').fill('1');
    await expect(dialog.getByTestId('scale-cost-before')).toContainText(usd(appNow));
    await expect(dialog.getByTestId('scale-cost-after')).toContainText(usd(appNow - small));
    await expect(dialog.getByTestId('scale-cost-after')).toContainText(`−${usd(small)}/mo`);
    await confirmAndWaitOutUndo(page, /Scaling control-plane-api/);
    await expect(page.getByTestId('deployment-progress')).toHaveAttribute('data-phase', 'ACTIVE', {
      timeout: DEPLOY_MS,
    });
    await expect(row).toContainText('×1');
  });

  test('a scale refused because the spec changed says so, and Reload starts over from the new spec', async ({
    page,
  }) => {
    test.setTimeout(DEPLOY_MS * 2);
    await openApp(page, 'multivio-api-staging');
    const scaleApi = async (p: Page, count: string) => {
      await p.locator('[data-testid="component-row"][data-component-name="api"]').getByTestId('scale-button').click();
      const dialog = p.getByTestId('scale-dialog');
      await expect(dialog.getByTestId('scale-cost-before')).toContainText('$');
      await dialog.getByTestId('scale-count').fill(count);
      await expect(dialog.getByTestId('scale-cost-after')).toContainText(
        usd(priceOf('apps-s-1vcpu-1gb') * Number(count)),
      );
      return dialog;
    };
    const dialog = await scaleApi(page, '3');

    // Meanwhile the same app is scaled from another window: the first dialog's preview is now stale.
    const other = await page.context().newPage();
    await openApp(other, 'multivio-api-staging');
    await scaleApi(other, '2');
    await confirmAndWaitOutUndo(other, /Scaling api on multivio-api-staging/);
    await expect(other.getByTestId('scale-dialog')).toBeHidden();
    await other.close();

    await confirmAndWaitOutUndo(page, /Scaling api on multivio-api-staging/);
    const stale = dialog.getByTestId('scale-stale');
    await expect(stale).toContainText('The app’s spec changed since you opened this dialog — nothing was sent.');
    await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
    await inBothSchemes(page, 'actions-scale-stale');
    await dialog.getByTestId('scale-reload').click();
    await expect(stale).toBeHidden();
    // The dialog starts over from the spec as it is now: ×2, not the ×1 it opened with.
    await expect(dialog.getByTestId('scale-count')).toHaveValue('2');
    await expect(dialog.getByTestId('scale-preview')).toContainText('×2');
    // Reviewed against the new spec, a change goes through (and puts the app back as it was).
    await dialog.getByTestId('scale-count').fill('1');
    await expect(dialog.getByTestId('scale-cost-after')).toContainText(usd(priceOf('apps-s-1vcpu-1gb')));
    await confirmAndWaitOutUndo(page, /Scaling api on multivio-api-staging/);
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('deployment-progress')).toHaveAttribute('data-phase', 'ACTIVE', {
      timeout: DEPLOY_MS,
    });
  });

  test('a deployment already running shows its progress when the app is opened', async ({ page }) => {
    // The demo fleet starts with a long build running on taskifai-bibbi (the stories here leave it be).
    await openApp(page, 'taskifai-bibbi');
    const progress = page.getByTestId('deployment-progress');
    await expect(progress).toBeVisible();
    await expect(progress.getByTestId('progress-step').first()).toBeVisible();
    await expect(progress).toContainText(/Step \d+ of \d+/);
    await expect(progress.getByTestId('cancel-deployment-button')).toBeEnabled();
    await expect(page.getByTestId('deploy-button')).toBeDisabled();
    await expect(page.getByTestId('deploy-button')).toHaveAttribute('title', /in progress/);
  });

  test('a running deployment can be canceled; the live version stays', async ({ page }) => {
    test.setTimeout(DEPLOY_MS * 2);
    await openApp(page, 'taskifai-demo');
    await page.getByTestId('deploy-button').click();
    await confirmAndWaitOutUndo(page, /Deploying taskifai-demo/);
    const progress = page.getByTestId('deployment-progress');
    await progress.getByTestId('cancel-deployment-button').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('The version that is live now keeps serving');
    await expect(page.getByTestId('confirm-dialog')).toContainText(
      'Deploying again later builds the app’s current spec from each branch’s latest commit',
    );
    await inBothSchemes(page, 'actions-cancel-dialog');
    await page.getByTestId('confirm-button').click();
    await expect(progress).toHaveAttribute('data-phase', 'CANCELED', { timeout: 20_000 });
    await expect(progress).toContainText('Canceled after');
    await expect(page.locator('[data-testid="deployment-row"][data-phase="ACTIVE"]')).toHaveCount(1);
    await expect(page.getByTestId('deploy-button')).toBeEnabled();
  });

  test('a rolling deploy skips the pinned app, says why, and deploys the ones after it', async ({ page }) => {
    test.setTimeout(DEPLOY_MS * 3);
    await page.goto(harnessUrl());
    await expect(page.getByTestId('fleet-table')).toBeVisible();
    await expect(page.getByTestId('rolling-deploy-button')).toBeDisabled();
    // multivio-api is pinned by a rollback: a deploy there would be refused and halt the run.
    for (const name of ['presence360-tenant', 'multivio-api', 'mcp-coordinator']) {
      await page.locator(`[data-testid="select-app"][data-app-name="${name}"]`).check();
    }
    await page.getByTestId('rolling-deploy-button').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('Deploy 3 apps?');
    const order = await dialog.getByTestId('rolling-order').locator('li .strong').allInnerTexts();
    expect(order).toEqual(['mcp-coordinator', 'multivio-api', 'presence360-tenant']);
    await expect(dialog.locator('li[data-app-name="multivio-api"]')).toContainText('deploys are blocked');

    // Skipping is offered first; choosing not to start says why and offers no way to start.
    const blocked = dialog.getByTestId('rolling-blocked');
    await expect(blocked).toContainText('1 of 3 selected apps is blocked: multivio-api');
    await expect(dialog.getByTestId('blocked-skip')).toBeChecked();
    await expect(dialog.getByTestId('confirm-button')).toHaveText('Deploy 2 apps, skip 1');
    await dialog.getByTestId('blocked-refuse').check();
    await expect(dialog.getByTestId('rolling-refusal')).toContainText(
      'Not started: multivio-api is blocked. Keep or undo the rollback',
    );
    await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
    await inBothSchemes(page, 'actions-rolling-refuse');
    await dialog.getByTestId('blocked-skip').check();
    await expect(dialog.locator('li[data-app-name="multivio-api"]')).toContainText('skipped');
    await inBothSchemes(page, 'actions-rolling-skip');
    // presence360-tenant's branch head failed CI: the dialog asks once more before shipping it.
    await expect(dialog.getByTestId('rolling-ci-red')).toContainText('presence360-tenant');
    await dialog.getByTestId('rolling-ci-ack').check();
    await confirmAndWaitOutUndo(page, /Deploying 2 apps one after another, skipping multivio-api/);

    const panel = page.getByTestId('rolling-panel');
    await expect(panel).toBeVisible();
    const state = (name: string) => panel.locator(`[data-testid="rolling-app-row"][data-app-name="${name}"]`);
    await expect(panel.getByTestId('rolling-app-row')).toHaveCount(3);
    await expect(state('multivio-api')).toHaveAttribute('data-state', 'skipped');
    await expect(state('multivio-api')).toContainText(/Pinned to deployment \w{8} by a rollback/);
    await expect(state('mcp-coordinator')).toHaveAttribute('data-state', 'deploying');
    await expect(panel).toHaveAttribute('data-state', 'succeeded', { timeout: DEPLOY_MS * 2 });
    await expect(state('mcp-coordinator')).toHaveAttribute('data-state', 'succeeded');
    await expect(state('presence360-tenant')).toHaveAttribute('data-state', 'succeeded');
    const summary = panel.getByTestId('rolling-summary');
    await expect(summary).toContainText('Deployed (2)');
    await expect(summary).toContainText('Skipped (blocked) (1)');
    await expect(summary).toContainText('multivio-api — Pinned to deployment');
    await expect(summary).not.toContainText('Failed');
    await page.getByTestId('rolling-panel').scrollIntoViewIfNeeded();
    await inBothSchemes(page, 'actions-rolling-summary');
  });

  test('a rolling deploy of only the pinned app cannot start, and says why', async ({ page }) => {
    await page.goto(harnessUrl());
    await expect(page.getByTestId('fleet-table')).toBeVisible();
    await page.locator('[data-testid="select-app"][data-app-name="multivio-api"]').check();
    await page.getByTestId('rolling-deploy-button').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog.getByTestId('rolling-blocked')).toContainText(
      'Nothing to deploy: the selected app is blocked.',
    );
    await expect(dialog.getByTestId('blocked-skip')).toHaveCount(0);
    await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
    await expect(dialog.getByTestId('confirm-button')).toHaveText('Nothing to deploy');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.getByTestId('clear-selection').click();
  });

  test('a rollback pins the app; the banner can undo it', async ({ page }) => {
    test.setTimeout(DEPLOY_MS * 3);
    await openApp(page, 'odoo-saas-platform');
    await page.getByTestId('rollback-button').first().click();
    const dialog = page.getByTestId('rollback-dialog');
    await expect(dialog).toContainText('Roll odoo-saas-platform back to');
    await expect(dialog.getByTestId('rollback-valid')).toBeVisible();
    await confirmAndWaitOutUndo(page, /Rolling odoo-saas-platform back to/);

    await expect(page.getByTestId('deployment-progress')).toHaveAttribute('data-phase', 'ACTIVE', {
      timeout: DEPLOY_MS,
    });
    const banner = page.getByTestId('pinned-banner');
    await expect(banner).toContainText(/Pinned to deployment \w{7} by a rollback — deploys are blocked/);
    await expect(page.getByTestId('deploy-button')).toBeDisabled();
    await expect(page.getByTestId('deploy-button')).toHaveAttribute('title', /Pinned to deployment/);
    await page.getByTestId('dismiss-progress').click();
    await inBothSchemes(page, 'actions-rollback-pin');

    await banner.getByTestId('undo-rollback-button').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('Undo the rollback?');
    await confirmAndWaitOutUndo(page, /Undoing the rollback of odoo-saas-platform/);
    await expect(page.getByTestId('deployment-progress')).toHaveAttribute('data-phase', 'ACTIVE', {
      timeout: DEPLOY_MS,
    });
    await expect(banner).toBeHidden();
    await expect(page.getByTestId('deploy-button')).toBeEnabled();
  });

  test('keeping a rollback unpins the app', async ({ page }) => {
    test.setTimeout(DEPLOY_MS * 2);
    // mcp-coordinator, rolled back to the version the rolling deploy replaced: the seeded pin on
    // multivio-api stays for the stories after this file (the palette's refused Deploy reads it).
    await openApp(page, 'mcp-coordinator');
    await page.getByTestId('rollback-button').first().click();
    await expect(page.getByTestId('rollback-dialog').getByTestId('rollback-valid')).toBeVisible();
    await confirmAndWaitOutUndo(page, /Rolling mcp-coordinator back to/);
    await expect(page.getByTestId('deployment-progress')).toHaveAttribute('data-phase', 'ACTIVE', {
      timeout: DEPLOY_MS,
    });
    await page.getByTestId('dismiss-progress').click();
    const banner = page.getByTestId('pinned-banner');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('deploy-button')).toBeDisabled();
    await banner.getByTestId('keep-version-button').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('Nothing is redeployed');
    await page.getByTestId('confirm-button').click();
    await expect(banner).toBeHidden();
    await expect(page.getByTestId('deploy-button')).toBeEnabled();
    await expect(page.getByTestId('toast').filter({ hasText: 'rollback kept' })).toBeVisible();
    await page.getByTestId('back-link').click();
    await expect(
      page.locator('[data-testid="fleet-row"][data-app-name="mcp-coordinator"] [data-testid="pinned-marker"]'),
    ).toHaveCount(0);
    await expect(
      page.locator('[data-testid="fleet-row"][data-app-name="multivio-api"] [data-testid="pinned-marker"]'),
    ).toHaveCount(1);
  });

  test('the activity log lists every action, filterable by app and action', async ({ page }) => {
    await page.goto(harnessUrl('#/activity'));
    const table = page.getByTestId('activity-table');
    await expect(table).toBeVisible();
    const row = (action: string, app?: string) =>
      page.locator(`[data-testid="activity-row"][data-action="${action}"]${app ? `[data-app-name="${app}"]` : ''}`);
    // The undone deploy never reached main: the deploy that went live and the one canceled, no third.
    await expect(row('deploy', 'taskifai-demo')).toHaveCount(2);
    await expect(row('deploy', 'taskifai-demo').and(page.locator('[data-result="succeeded"]'))).toHaveCount(1);
    await expect(row('scale', 'presence360-control-plane')).toHaveCount(2);
    await expect(row('rollback', 'odoo-saas-platform')).toHaveCount(1);
    await expect(row('rollback_revert', 'odoo-saas-platform')).toHaveCount(1);
    await expect(row('rollback', 'mcp-coordinator')).toHaveCount(1);
    await expect(row('rollback_commit', 'mcp-coordinator')).toHaveCount(1);
    // The run, with the app it skipped named; the start that could not happen never reached main.
    await expect(row('rolling_deploy')).toHaveCount(1);
    await expect(row('rolling_deploy')).toContainText('skipped: multivio-api');
    await inBothSchemes(page, 'actions-activity');

    await expect(row('cancel', 'taskifai-demo')).toHaveCount(1);
    // The deploy that was canceled is recorded as such.
    await expect(row('deploy', 'taskifai-demo').and(page.locator('[data-result="canceled"]'))).toHaveCount(1);

    await page.getByTestId('activity-filter-action').selectOption('scale');
    // presence360-control-plane up and down; multivio-api-staging from the other window, the stale one, the retry.
    await expect(page.getByTestId('activity-row')).toHaveCount(5);
    await expect(row('scale', 'multivio-api-staging').filter({ hasText: /changed/ })).toHaveCount(1);
    await page.getByTestId('activity-filter-action').selectOption('');
    await page.getByTestId('activity-filter-app').selectOption({ label: 'odoo-saas-platform' });
    await expect(page.getByTestId('activity-row')).not.toHaveCount(0);
    for (const name of await page
      .getByTestId('activity-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-app-name')))) {
      expect(name).toBe('odoo-saas-platform');
    }
  });
});
