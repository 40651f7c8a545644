// Bad input for a new tenant is refused before anything is created, each time with the reason: a
// name another tenant has and a hostname that is not one are refused as they are typed (Plan stays
// off); a name the Supabase organization already has for a project, and a Free organization at
// its two active projects (the founder made two in the Supabase dashboard), are refused by the
// plan, whose Start stays off. The cloud holds no new app or project afterwards.
import { expect, test } from './fixtures';
import { fillPlanSecrets, formFromBibbi, inventory, supabaseDashboard } from './onboarding-support';
import { screenshot } from './support';

test('a taken name, a bad hostname, a project name Supabase has and a Free org at its limit are refused before anything is created', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const before = await inventory();
  const planButton = page.getByTestId('onboard-plan-button');
  const problem = (kind: string) => page.locator(`[data-testid="plan-problems"] li[data-kind="${kind}"]`);

  // Another tenant's name: refused as typed.
  await formFromBibbi(page, 'taskifai-bibbi');
  await expect(page.getByTestId('onboard-name-problem')).toContainText('taskifai-bibbi already exists');
  await expect(planButton).toBeDisabled();
  await screenshot(page, 'onboarding-refused-name');

  // Not a hostname: refused as typed, with what is wrong with it.
  await page.getByTestId('onboard-name').fill('taskifai-newco');
  await expect(page.getByTestId('onboard-name-problem')).toHaveCount(0);
  await page.getByTestId('onboard-hostname').fill('newco_corp!.taskifai');
  await expect(page.getByTestId('onboard-hostname-problem')).toContainText('no “_”');
  await expect(planButton).toBeDisabled();
  await page.getByTestId('onboard-hostname').fill('-newco.taskifai.com');
  await expect(page.getByTestId('onboard-hostname-problem')).not.toBeEmpty();
  await expect(planButton).toBeDisabled();
  await screenshot(page, 'onboarding-refused-hostname');

  // A Supabase project of that name (TaskifAI-Registry) exists: only the plan can know.
  await page.getByTestId('onboard-name').fill('taskifai-registry');
  await page.getByTestId('onboard-hostname').fill('registry2.taskifai.com');
  await expect(planButton).toBeEnabled();
  await planButton.click();
  await expect(problem('supabase_name_taken')).toContainText(
    'already has a Supabase project named "taskifai-registry"',
    {
      timeout: 20_000,
    },
  );
  await expect(page.getByTestId('onboard-start')).toBeDisabled();

  // InsightPulse is on the Free plan; the founder made two projects in its dashboard.
  const made: string[] = [];
  for (const name of ['insightpulse-staging', 'insightpulse-superset']) {
    const project = await supabaseDashboard<{ ref: string }>('POST', '/v1/projects', {
      name,
      organization_slug: 'insightpulse',
      db_pass: 'dashboard-made-password-0123',
      region_selection: { type: 'specific', code: 'us-east-1' },
    });
    made.push(project.ref);
  }
  try {
    await page.getByTestId('onboard-name').fill('taskifai-newco');
    await page.getByTestId('onboard-hostname').fill('newco.taskifai.com');
    await page.getByTestId('onboard-organization').selectOption('insightpulse');
    await planButton.click();
    await expect(problem('org_project_limit')).toContainText('Free plan', { timeout: 20_000 });
    await fillPlanSecrets(page);
    await expect(page.getByTestId('plan-problems').locator('li')).toHaveCount(1);
    await expect(problem('org_project_limit')).toContainText('2 are active');
    await expect(page.getByTestId('onboard-plan')).toContainText('2 of 2 projects');
    await expect(page.getByTestId('onboard-start')).toBeDisabled();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'onboarding-refused-org-limit');

    const after = await inventory();
    expect(after.apps).toEqual(before.apps);
    expect([...after.supabaseProjects].sort()).toEqual(
      [...before.supabaseProjects, 'insightpulse-staging', 'insightpulse-superset'].sort(),
    );
  } finally {
    for (const ref of made) await supabaseDashboard('DELETE', `/v1/projects/${ref}`);
  }
  expect((await inventory()).supabaseProjects).toEqual(before.supabaseProjects);
});
