// Shared by the onboarding stories: the form filled from BIBBI, a run's steps, light and dark
// screenshots, and the harness's sandbox controls (`--sandbox-controls`): inject a fault into the
// sandbox cloud, act in Supabase as the founder's dashboard would, and count what the cloud holds.
import { expect, type Page } from './fixtures';
import { harnessUrl, screenshot } from './support';

export async function lightAndDark(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

export const step = (page: Page, kind: string) => page.locator(`[data-testid="run-step"][data-step="${kind}"]`);

/** Opens the form with BIBBI as the template and `name` typed in. */
export async function formFromBibbi(page: Page, name: string) {
  await page.goto(harnessUrl('#/tenants'));
  await page.getByTestId('new-tenant-button').click();
  await expect(page).toHaveURL(/#\/tenants\/new$/);
  await page.getByTestId('onboard-template').selectOption({ label: 'taskifai-bibbi (TaskifAI)' });
  await page.getByTestId('onboard-name').fill(name);
  await expect(page.getByTestId('onboard-organization')).not.toHaveValue('');
}

/** Gives any SECRET the plan asks for (never copied from the template) and plans again. */
export async function fillPlanSecrets(page: Page) {
  const secrets = page.getByTestId('onboard-secret');
  if ((await secrets.count()) === 0) return;
  for (const input of await secrets.all()) await input.fill(`e2e-${await input.getAttribute('data-key')}`);
  await expect(page.getByTestId('plan-stale')).toBeVisible();
  await page.getByTestId('onboard-plan-button').click();
  await expect(page.getByTestId('plan-stale')).toHaveCount(0, { timeout: 20_000 });
}

/** Fills the form from BIBBI, plans, gives any secret the plan asks for, and plans again. */
export async function planFromBibbi(page: Page, name: string, registry: boolean) {
  await formFromBibbi(page, name);
  const slug = name.replace(/^taskifai-/, '');
  await expect(page.getByTestId('onboard-hostname')).toHaveValue(`${slug}.taskifai.com`);
  if (registry) {
    await page.getByTestId('onboard-registry-on').check();
    await expect(page.getByTestId('onboard-registry-project').locator('option:checked')).toContainText(
      'TaskifAI-Registry',
    );
    await expect(page.getByTestId('onboard-registry-sql')).toHaveValue(/insert into public\.tenants/);
  }
  await page.getByTestId('onboard-plan-button').click();
  const plan = page.getByTestId('onboard-plan');
  await expect(plan).toBeVisible({ timeout: 20_000 });
  await fillPlanSecrets(page);
  return plan;
}

function controlUrl(name: string): string {
  const harness = new URL(harnessUrl());
  return `${harness.origin}/sandbox-controls/${name}?token=${harness.searchParams.get('token')}`;
}

async function control<T>(name: string, body?: unknown): Promise<T> {
  const response = await fetch(controlUrl(name), {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`sandbox control ${name}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

export interface SandboxFault {
  api: 'digitalocean' | 'supabase';
  method?: string;
  pathPrefix: string;
  kind?: 'status' | 'drop' | 'drop_after_handling';
  status?: number;
  body?: unknown;
  times?: number;
}

/** The next matching request of the sandbox cloud fails as told (once unless `times`). */
export const injectFault = (fault: SandboxFault) => control('faults', fault);

/** The names of every app and Supabase project the sandbox cloud holds now. */
export const inventory = () => control<{ apps: string[]; supabaseProjects: string[] }>('inventory');

/** A call to the sandbox's Supabase API as the account's owner: what the founder does in the dashboard. */
export const supabaseDashboard = <T>(method: string, path: string, body?: unknown) =>
  control<T>('supabase-api', { method, path, ...(body === undefined ? {} : { body }) });

/** How many of `names` are `name`. */
export const count = (names: readonly string[], name: string) => names.filter((n) => n === name).length;
