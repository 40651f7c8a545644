// The founder's laptop is set to light, but it is late: Settings → Appearance → Dark turns every
// screen dark (the spec editor's lazily loaded styles too), and the window opens dark after a
// reload. Light keeps it light on a dark system; System hands the choice back.
import { expect, test, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

const DARK_BG = 'rgb(13, 16, 21)';
const LIGHT_BG = 'rgb(247, 247, 248)';
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme toggle overrides the system and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(harnessUrl('#/settings'));
  const appearance = page.getByTestId('appearance');
  await expect(appearance.getByTestId('theme-system')).toBeChecked();
  expect(await background(page)).toBe(LIGHT_BG);

  await appearance.getByTestId('theme-dark').check();
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await appearance.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-theme-dark');

  // After a reload the page is dark from its first script on, and a lazily loaded view follows.
  await page.reload();
  await expect(page.getByTestId('appearance').getByTestId('theme-dark')).toBeChecked();
  expect(await background(page)).toBe(DARK_BG);
  // The Specs view's stylesheet loads only when the view opens; its dark colours follow too.
  await page.goto(harnessUrl('#/specs'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cm-key').trim()))
    .toBe('#7eaaf8');
  await screenshot(page, 'specs-theme-dark-on-light-system');

  // Light on a dark system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(harnessUrl('#/settings'));
  await page.getByTestId('appearance').getByTestId('theme-light').check();
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await page.getByTestId('appearance').scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-theme-light-on-dark-system');

  // System: the dark system decides again.
  await page.getByTestId('appearance').getByTestId('theme-system').check();
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await screenshot(page, 'settings-theme-system');
});
