// e2e: the founder works in the demo fleet with a DNS fix dialog open and a spec draft saved, then
// switches to their production account (from the top bar, or from another window). Nothing of the
// demo context stays on screen to act on, the views read the new context (the sandbox sees the DNS
// view's reads made with production's token), and a deploy there is made with production's token —
// the sandbox says so by the token's fingerprint — and the Activity log names production.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, sandboxRequests, SENTINEL_DO_TOKEN, tokenFingerprint } from './support';

test.describe.configure({ mode: 'serial' });

const PRODUCTION = 'switch-production';
const DEMO = 'Demo fleet';

/** Adds the context through the contract, as the Settings form would (its own story is accounts.spec). */
async function ensureProductionContext(page: Page): Promise<void> {
  await page.goto(harnessUrl('#/'));
  await expect(page.getByTestId('context-switcher')).toBeVisible();
  const added = await page.evaluate(
    async ({ context, token }) => {
      const list = await window.fleet.listAccounts();
      if (list.ok && list.value.contexts.some((c) => c.name === context)) return true;
      const result = await window.fleet.addAccount({ provider: 'digitalocean', context, token, memoryOnly: true });
      return result.ok;
    },
    { context: PRODUCTION, token: SENTINEL_DO_TOKEN },
  );
  expect(added).toBe(true);
}

async function switchFromTopBar(page: Page, context: string): Promise<void> {
  await page.getByTestId('context-switcher').click();
  await page.getByRole('menuitemradio', { name: new RegExp(`^.?${context}`) }).click();
  await switched(page, context);
}

/** The switch is answered: the button says "Switching to …" (and is disabled) until then. */
async function switched(page: Page, context: string): Promise<void> {
  const switcher = page.getByTestId('context-switcher');
  await expect(switcher).toBeEnabled();
  await expect(switcher).toContainText(context);
  await expect(switcher).not.toContainText('Switching');
}

/** Another window (or a removed account) switches: this window only hears it from watchAccounts. */
async function switchFromElsewhere(page: Page, context: string): Promise<void> {
  const ok = await page.evaluate(async (name) => (await window.fleet.switchContext({ context: name })).ok, context);
  expect(ok).toBe(true);
  await switched(page, context);
}

async function appId(page: Page, name: string): Promise<string> {
  await page.goto(harnessUrl('#/'));
  const row = page.locator(`[data-testid="fleet-row"][data-app-name="${name}"]`);
  await expect(row).toBeVisible();
  return (await row.getAttribute('data-app-id')) ?? '';
}

test.afterEach(async ({ page }) => {
  // Later stories expect the demo fleet.
  await page.evaluate(async (name) => void (await window.fleet.switchContext({ context: name })), DEMO);
});

test('a DNS fix dialog open when another window switches context closes, and the DNS view reads the new context', async ({
  page,
}) => {
  await ensureProductionContext(page);
  await page.goto(harnessUrl('#/dns'));
  const odoo = page.locator('[data-testid="dns-domain-row"][data-hostname="odoo.insightpulseai.net"]');
  await odoo.getByTestId('dns-fix-button').click();
  await expect(page.getByTestId('dns-fix-dialog')).toBeVisible();

  const before = (await sandboxRequests()).length;
  await switchFromElsewhere(page, PRODUCTION);

  // The DNS view reads the zones again, with production's token.
  const production = tokenFingerprint(SENTINEL_DO_TOKEN);
  await expect
    .poll(async () =>
      (await sandboxRequests())
        .slice(before)
        .some((r) => r.request.startsWith('GET /v2/domains') && r.token === production),
    )
    .toBe(true);
  // The fix was computed against the demo account: it must not be confirmable in production.
  await expect(page.getByTestId('dns-fix-dialog')).toHaveCount(0);
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await expect(odoo).toBeVisible();
  await expect(odoo.getByTestId('dns-fix-button')).toBeVisible();
});

test('the spec editor of a demo app falls back to the overview, and drafts are listed per context', async ({
  page,
}) => {
  await ensureProductionContext(page);
  const id = await appId(page, 'taskifai-customer3');
  await page.goto(harnessUrl(`#/apps/${id}/spec`));
  const code = page.getByTestId('spec-code');
  await expect(code.locator('.cm-content')).toBeVisible();
  await code.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('# customer3: draft made in the demo fleet\n');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  await switchFromTopBar(page, PRODUCTION);
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();

  await page.goto(harnessUrl('#/specs'));
  await expect(page.getByTestId('specs-view')).toContainText('No open drafts');

  await switchFromTopBar(page, DEMO);
  await expect(page.locator(`[data-testid="draft-row"][data-app-id="${id}"]`)).toBeVisible();
  expect(await page.evaluate(async (app) => (await window.fleet.discardDraft({ appId: app })).ok, id)).toBe(true);
});

test('a deploy after switching goes out in production and the Activity log says so', async ({ page }) => {
  test.setTimeout(60_000);
  await ensureProductionContext(page);
  await switchFromTopBar(page, PRODUCTION);
  const id = await appId(page, 'taskifai-customer3');
  await page.goto(harnessUrl(`#/apps/${id}`));
  await expect(page.getByTestId('deployments-table')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('deploy-button').click();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await expect(page.getByTestId('undo-bar')).toBeHidden({ timeout: 10_000 });
  // The sandbox saw the deploy made with production's token, not the demo's.
  const deploys = async () =>
    (await sandboxRequests()).filter((r) => r.request === `POST /v2/apps/${id}/deployments`).map((r) => r.token);
  await expect.poll(deploys).toContain(tokenFingerprint(SENTINEL_DO_TOKEN));
  expect((await deploys()).at(-1)).toBe(tokenFingerprint(SENTINEL_DO_TOKEN));

  await page.goto(harnessUrl('#/activity'));
  const deploy = page
    .locator('[data-testid="activity-row"][data-action="deploy"][data-app-name="taskifai-customer3"]')
    .first();
  await expect(deploy).toContainText(PRODUCTION);
  await expect(deploy).not.toContainText(DEMO);
});
