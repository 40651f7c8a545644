// Accounts and contexts: the founder adds a DigitalOcean token, switches the fleet to it and
// back, sees a refused and a read-only token handled, and nothing anywhere shows a token again.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from './fixtures';
import { READONLY_DO_TOKEN, SENTINEL_DO_TOKEN, harnessDataDir, harnessUrl, screenshot } from './support';

// Valid-looking, but the sandbox was not told to accept it.
const WRONG_DO_TOKEN = `dop_v1_${'badbad00'.repeat(8)}`;
const TOKENS = { sentinel: SENTINEL_DO_TOKEN, readonly: READONLY_DO_TOKEN, wrong: WRONG_DO_TOKEN };

// One page for every story: the leak check at the end looks at all the console output and the
// state the earlier stories left behind.
let page: Page;
const consoleMessages: string[] = [];

test.describe.configure({ mode: 'serial' });

async function openPage(browser: Browser): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  p.on('console', (message) => consoleMessages.push(message.text()));
  p.on('pageerror', (error) => consoleMessages.push(String(error)));
  return p;
}

async function both(name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function addAccount(context: string, token: string) {
  const form = page.getByTestId('add-account');
  await form.getByLabel('Provider').selectOption('digitalocean');
  await form.getByLabel('Context').fill(context);
  await form.getByLabel('Token', { exact: true }).fill(token);
  const memory = form.getByLabel(/Keep only until Fleetdeck quits/);
  // Without a keychain (as in CI) memory is the only choice: ticked and fixed, no bubble to satisfy.
  if (await memory.isEnabled()) await memory.setChecked(false);
  else await expect(memory).toBeChecked();
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(form.getByRole('button', { name: 'Add account' })).toBeEnabled();
}

async function switchTo(context: string) {
  await page.getByTestId('context-switcher').click();
  await page.getByRole('menuitemradio', { name: new RegExp(`^.?${context}`) }).click();
  await expect(page.getByTestId('context-switcher')).toContainText(context);
}

test.beforeAll(async ({ browser }) => {
  page = await openPage(browser);
});
test.afterAll(async () => {
  await page.close();
});

test('(a) adds a production DigitalOcean account, switches the fleet to it and back', async () => {
  await page.goto(harnessUrl('#/settings'));
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('empty-state')).toContainText('No accounts yet');
  await expect(page.getByTestId('context-switcher')).toContainText('Demo fleet');

  await addAccount('production', SENTINEL_DO_TOKEN);
  // Added: the token leaves the page.
  await expect(page.getByTestId('add-account').getByLabel('Token', { exact: true })).toHaveValue('');
  const result = page.getByTestId('add-result');
  await expect(result).toContainText('founder@taskifai.com');
  await expect(result).toContainText('TaskifAI');
  await expect(result).toContainText(`…${SENTINEL_DO_TOKEN.slice(-4)}`);
  const card = page.locator('[data-testid="account-card"][data-context="production"]');
  await expect(card.getByTestId('account-owner')).toContainText('founder@taskifai.com');
  await expect(card.getByTestId('account-last-four')).toHaveText(`…${SENTINEL_DO_TOKEN.slice(-4)}`);
  await both('accounts-settings');

  await page.getByTestId('context-switcher').click();
  const items = page.getByRole('menuitemradio');
  await expect(items.first()).toContainText('Demo fleet');
  // The demo's two accounts (the fleet, and Presence360's staging), then the one just added.
  await expect(items).toHaveCount(3);
  await expect(items.nth(1)).toContainText('Demo staging');
  await expect(items.nth(2)).toContainText('production');
  await both('accounts-context-switcher-open');
  await page.getByRole('menuitemradio', { name: /production/ }).click();
  await expect(page.getByTestId('context-switcher')).toContainText('production');
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);

  await page.getByRole('link', { name: 'Fleet', exact: true }).click();
  await expect(page.getByTestId('fleet-table')).toBeVisible();
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();

  await switchTo('Demo fleet');
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();
});

test('(b) a token DigitalOcean refuses shows the refusal and adds nothing', async () => {
  await page.goto(harnessUrl('#/settings'));
  await expect(page.getByTestId('account-card')).toHaveCount(1);
  await addAccount('staging', WRONG_DO_TOKEN);
  await expect(page.getByTestId('add-result')).toContainText('Unable to authenticate you. Nothing was saved.');
  // Refused: the token stays in its password field, focused, to be corrected rather than pasted again.
  const field = page.getByTestId('add-account').getByLabel('Token', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).not.toHaveValue('');
  await field.fill('');
  await expect(page.getByTestId('account-card')).toHaveCount(1);
  await expect(page.locator('[data-testid="account-card"][data-context="staging"]')).toHaveCount(0);
  await page.getByTestId('add-account').scrollIntoViewIfNeeded();
  await both('accounts-add-error');
});

test('(c) a read-only token is added with deploy, scale and rollback disabled', async () => {
  await page.goto(harnessUrl('#/settings'));
  await addAccount('staging', READONLY_DO_TOKEN);
  const result = page.getByTestId('add-result');
  await expect(result).toContainText('founder@taskifai.com');
  await expect(result).toContainText(/Deploy, scale, restart and rollback are disabled/);
  const card = page.locator('[data-testid="account-card"][data-context="staging"]');
  await expect(card.getByTestId('account-limitations')).toContainText(/read-only/);
  await expect(page.getByTestId('account-card')).toHaveCount(2);
  await both('accounts-readonly');
});

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

test('(d) no token appears anywhere the window or the harness keeps things', async () => {
  await page.goto(harnessUrl('#/apps/00000000-0000-4000-8000-000000000000'));
  await expect(page.getByTestId('error-state')).toBeVisible();

  const places: Array<{ place: string; text: string }> = [];
  places.push({ place: 'page.content()', text: await page.content() });
  places.push({ place: 'outerHTML', text: await page.evaluate(() => document.documentElement.outerHTML) });
  const inputs = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value),
  );
  inputs.forEach((value, i) => places.push({ place: `input #${i}`, text: value }));
  const storage = await page.evaluate(() => {
    const dump = (s: Storage) => JSON.stringify(Object.entries(s));
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
  places.push({ place: 'localStorage', text: storage.local });
  places.push({ place: 'sessionStorage', text: storage.session });
  places.push({ place: 'console messages', text: consoleMessages.join('\n') });
  // Settings again: the view that handled the tokens, after all three were sent.
  await page.goto(harnessUrl('#/settings'));
  await expect(page.getByTestId('account-card')).toHaveCount(2);
  places.push({ place: 'settings outerHTML', text: await page.evaluate(() => document.documentElement.outerHTML) });
  const settingsInputs = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value),
  );
  settingsInputs.forEach((value, i) => places.push({ place: `settings input #${i}`, text: value }));
  inputs.push(...settingsInputs);
  const dataFiles = filesUnder(harnessDataDir());
  // The main process's log is one of them: every line it wrote this run is searched.
  expect(dataFiles.some((f) => f.endsWith('fleetdeck.log'))).toBe(true);
  for (const file of dataFiles) places.push({ place: file, text: readFileSync(file, 'latin1') });

  let found = 0;
  for (const { place, text } of places) {
    for (const [name, token] of Object.entries(TOKENS)) {
      const n = count(text, token);
      if (n) console.log(`LEAK: the ${name} token appears ${n}× in ${place}`);
      found += n;
    }
  }
  console.log(
    `Leak check: ${places.length} places (${inputs.length} inputs, ${dataFiles.length} files in ${harnessDataDir()}, ` +
      `${consoleMessages.length} console messages) × ${Object.keys(TOKENS).length} tokens; occurrences found: ${found}. ` +
      'The data folder holds the main process log (fleetdeck.log), so every log line is searched too.',
  );
  expect(found).toBe(0);
});
