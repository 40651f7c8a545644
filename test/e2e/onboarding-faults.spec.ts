// Things go wrong while Fleetdeck onboards "faulty" (the harness's sandbox controls make them go
// wrong): Supabase answers the project create with a 500, and later App Platform creates the app
// but its answer is lost on the way back. The run stops at the Supabase step with Supabase's own
// words and nothing made; "Retry step" carries on from there, the lost answer is recovered by
// reading the fleet again rather than by creating a second app, and the run stops once more where
// the DNS record is refused. The cloud then holds exactly one project and one app of that name,
// and "Remove what was created", with the name typed back, deletes exactly those.
import { expect, test } from './fixtures';
import { count, injectFault, inventory, lightAndDark, planFromBibbi, step } from './onboarding-support';
import { harnessUrl, screenshot } from './support';

const NAME = 'taskifai-faulty';
const SUPABASE_WORDS = 'Project creation failed: no capacity left in eu-central-1, try again shortly';
const DNS_WORDS = 'This domain has reached its limit of records.';

test('a step that fails once stops the run with the API’s words; Retry step continues and creates nothing twice', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await planFromBibbi(page, NAME, false);
  await expect(page.getByTestId('plan-problems')).toHaveCount(0);
  const before = await inventory();
  expect(count(before.apps, NAME)).toBe(0);
  expect(count(before.supabaseProjects, NAME)).toBe(0);

  await injectFault({
    api: 'supabase',
    method: 'POST',
    pathPrefix: '/v1/projects',
    status: 500,
    body: { message: SUPABASE_WORDS },
  });
  // App Platform makes the app, and the answer never arrives.
  await injectFault({ api: 'digitalocean', method: 'POST', pathPrefix: '/v2/apps', kind: 'drop_after_handling' });
  await injectFault({
    api: 'digitalocean',
    method: 'POST',
    pathPrefix: '/v2/domains/taskifai.com/records',
    status: 422,
    body: { id: 'unprocessable_entity', message: DNS_WORDS },
  });

  await page.getByTestId('onboard-start').click();
  const run = page.getByTestId('onboarding-run');
  await expect(run).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(step(page, 'supabase_project')).toHaveAttribute('data-state', 'failed');
  await expect(step(page, 'supabase_project').getByTestId('step-error')).toContainText(SUPABASE_WORDS);
  await expect(step(page, 'api_keys')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('run-created').locator('li')).toHaveCount(0);
  expect(count((await inventory()).supabaseProjects, NAME)).toBe(0);
  await expect(page.getByTestId('run-retry')).toBeVisible();
  await lightAndDark(page, 'onboarding-fault');

  await page.getByTestId('run-retry').click();
  await expect(step(page, 'supabase_project')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(run).toHaveAttribute('data-state', 'failed', { timeout: 240_000 });
  for (const kind of ['supabase_project', 'api_keys', 'migrations', 'app'])
    await expect(step(page, kind)).toHaveAttribute('data-state', 'done');
  await expect(step(page, 'dns')).toHaveAttribute('data-state', 'failed');
  await expect(step(page, 'dns').getByTestId('step-error')).toContainText(DNS_WORDS);

  // One project and one app, the one whose answer was lost included.
  const after = await inventory();
  expect(count(after.supabaseProjects, NAME)).toBe(1);
  expect(count(after.apps, NAME)).toBe(1);
  const created = page.getByTestId('run-created').locator('li');
  await expect(created).toHaveCount(2);
  await expect(created.nth(0)).toContainText(`Supabase project ${NAME}`);
  await expect(created.nth(1)).toContainText(`App ${NAME}`);

  // Undo: exactly the two, newest first, once the name is typed back.
  await page.getByTestId('run-remove').click();
  const dialog = page.getByTestId('remove-created-dialog');
  await expect(dialog.getByTestId('remove-list').locator('li')).toHaveText([`App ${NAME}`, /Supabase project/]);
  await expect(dialog.getByTestId('confirm-button')).toBeDisabled();
  await dialog.getByTestId('remove-typed-name').fill(NAME);
  await lightAndDark(page, 'onboarding-remove-typed');
  await dialog.getByTestId('confirm-button').click();
  await expect(dialog.getByTestId('removed-list')).toBeVisible({ timeout: 60_000 });
  await dialog.getByTestId('remove-close').click();
  await expect(run).toHaveAttribute('data-state', 'removed');
  const removed = await inventory();
  expect(count(removed.apps, NAME)).toBe(0);
  expect(count(removed.supabaseProjects, NAME)).toBe(0);
  expect(removed.apps.length).toBe(before.apps.length);

  // The Activity log tells the whole story, oldest last: the start, the failure in Supabase's
  // words, the founder's Retry step, the steps, the DNS refusal, and what was removed.
  await page.goto(harnessUrl('#/activity'));
  await page.getByTestId('activity-filter-action').selectOption('onboard_step');
  const rows = page.locator(`[data-testid="activity-row"][data-app-name="${NAME}"]`);
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  const told = await rows.evaluateAll((list) =>
    list.map((r) => `${r.dataset.result} ${r.querySelector('.sub')?.textContent ?? ''}`).reverse(),
  );
  expect(told[0]).toBe(`succeeded Onboard ${NAME} (faulty.taskifai.com) from taskifai-bibbi`);
  expect(told.slice(1, 3)).toEqual([
    expect.stringMatching(/^failed Create Supabase project/),
    expect.stringMatching(/^succeeded Retry step: Create Supabase project/),
  ]);
  expect(told).toContainEqual(expect.stringMatching(/^failed Point faulty\.taskifai\.com/));
  expect(told.slice(-2)).toEqual([
    `succeeded Remove App ${NAME}`,
    expect.stringMatching(/^succeeded Remove Supabase project/),
  ]);
  await expect(rows.filter({ has: page.locator(`[title="Supabase: ${SUPABASE_WORDS}"]`) })).toHaveCount(1);
  // Every entry names the tenant, those from before its app existed too.
  const named = await rows.evaluateAll((list) => list.map((r) => r.querySelector('td:nth-child(3) > *')?.textContent));
  expect(new Set(named)).toEqual(new Set([NAME]));
  await screenshot(page, 'onboarding-fault-activity');
});
