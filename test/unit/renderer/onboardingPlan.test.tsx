// @vitest-environment jsdom
// The founder opens "New tenant", copies TaskifAI's BIBBI tenant as "taskifai-acme" and reads the
// plan before anything exists: every step, the new monthly cost from both bills, and — when main
// refuses — its reasons in its own words with Start out of reach. A hostname that is not one is
// caught while typing. Nothing is started until Start is clicked, and only the plan of the form
// as it stands.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, OnboardingPlan, OnboardingRequest, Result } from '../../../src-preload/contract';
import { useNavigationStore } from '../../../src-renderer/stores/navigationStore';
import { useOnboardingStore } from '../../../src-renderer/stores/onboardingStore';
import { useTenantsStore } from '../../../src-renderer/stores/tenantsStore';
import { NewTenantView } from '../../../src-renderer/views/onboarding/NewTenantView';
import { matrix, ok, plan, run, supabaseCosts } from './onboardingFixtures';

type PlanTenant = (request: OnboardingRequest) => Promise<Result<OnboardingPlan>>;
let planTenant: ReturnType<typeof vi.fn<PlanTenant>>;
let startOnboarding: ReturnType<typeof vi.fn>;

beforeEach(() => {
  planTenant = vi.fn<PlanTenant>(async () => ok(plan()));
  startOnboarding = vi.fn(async () => ok(run()));
  window.fleet = {
    listTenants: async () => ok(matrix),
    getFleetHealth: async () => ok({}),
    getSupabaseCosts: async () => ok(supabaseCosts),
    listDomains: async () => ok([{ name: 'taskifai.com' }, { name: 'insightpulse.ai' }]),
    planTenant,
    startOnboarding,
    getOnboarding: async () => ok(run()),
    watchOnboarding: () => () => undefined,
  } as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useOnboardingStore.setState({ plan: undefined, plannedFor: undefined, planError: undefined, runId: undefined });
  useTenantsStore.setState({ matrix: undefined, loading: false });
  window.location.hash = '';
});

const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

async function fillAcme() {
  render(<NewTenantView />);
  const template = await screen.findByTestId<HTMLSelectElement>('onboard-template');
  await flush();
  fireEvent.change(template, { target: { value: 'app-taskifai-bibbi' } });
  fireEvent.change(screen.getByTestId('onboard-name'), { target: { value: 'taskifai-acme' } });
}

describe('planning a new tenant', () => {
  it('suggests the hostname and the template’s organization and region, then shows the plan and its cost', async () => {
    await fillAcme();
    expect(screen.getByTestId<HTMLInputElement>('onboard-hostname').value).toBe('acme.taskifai.com');
    expect(screen.getByTestId<HTMLSelectElement>('onboard-organization').value).toBe('taskifai');
    expect(screen.getByTestId<HTMLSelectElement>('onboard-supabase-region').value).toBe('eu-central-1');
    expect(screen.getByText(/nothing is created until you start/i)).toBeTruthy();

    fireEvent.click(screen.getByTestId('onboard-plan-button'));
    await flush();
    expect(planTenant).toHaveBeenCalledWith({
      name: 'taskifai-acme',
      hostname: 'acme.taskifai.com',
      templateAppId: 'app-taskifai-bibbi',
      supabase: { organizationSlug: 'taskifai', region: 'eu-central-1' },
    });
    const shown = screen.getByTestId('onboard-plan');
    expect(screen.getByTestId('plan-cost-total').textContent).toBe('$39.00/mo');
    expect(screen.getByTestId('plan-cost-do').textContent).toBe('$29.00');
    expect(screen.getByTestId('plan-cost-supabase').textContent).toBe('$10.00');
    expect(shown.textContent).toContain('Pro org: micro compute $10/mo');
    expect(
      within(shown)
        .getAllByTestId('plan-step')
        .map((s) => s.getAttribute('data-step')),
    ).toEqual(['supabase_project', 'api_keys', 'migrations', 'app', 'dns', 'healthy']);
    // The password exists only in the keychain; the plan says so and shows none.
    expect(screen.getByTestId('plan-password').textContent).toContain('never shown unless you click Reveal');
    expect(startOnboarding).not.toHaveBeenCalled();
  });

  it('a refused plan shows main’s reasons and cannot be started', async () => {
    planTenant.mockResolvedValue(
      ok(
        plan({
          problems: [
            { kind: 'org_project_limit', message: 'InsightPulse is on the Free plan and has 2 of 2 active projects.' },
            { kind: 'app_name_taken', message: 'An app named taskifai-acme already exists.' },
          ],
        }),
      ),
    );
    await fillAcme();
    fireEvent.click(screen.getByTestId('onboard-plan-button'));
    await flush();
    const problems = screen.getByTestId('plan-problems');
    expect(problems.textContent).toContain('Refused — nothing will be created');
    expect(problems.textContent).toContain('InsightPulse is on the Free plan and has 2 of 2 active projects.');
    expect(problems.textContent).toContain('An app named taskifai-acme already exists.');
    // The cost still shows: what it would have cost is part of the decision.
    expect(screen.getByTestId('plan-cost-total').textContent).toBe('$39.00/mo');
    const start = screen.getByTestId<HTMLButtonElement>('onboard-start');
    expect(start.disabled).toBe(true);
    fireEvent.click(start);
    await flush();
    expect(startOnboarding).not.toHaveBeenCalled();
  });

  it('Start sends the plan once clicked; a form changed after planning must be planned again', async () => {
    await fillAcme();
    fireEvent.click(screen.getByTestId('onboard-plan-button'));
    await flush();
    expect(startOnboarding).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('onboard-size'), { target: { value: 'small' } });
    expect(screen.getByTestId('plan-stale')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('onboard-start').disabled).toBe(true);

    fireEvent.change(screen.getByTestId('onboard-size'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('onboard-start'));
    await flush();
    expect(startOnboarding).toHaveBeenCalledWith({ planId: 'plan-acme' });
    expect(useNavigationStore.getState().route).toEqual({ name: 'onboarding', id: 'run-acme' });
  });
});

describe('what the form refuses while typing', () => {
  it('a hostname that is not one, a taken name and a zone the account lacks', async () => {
    await fillAcme();
    const hostname = screen.getByTestId('onboard-hostname');
    fireEvent.change(hostname, { target: { value: 'acme..taskifai.com' } });
    expect(screen.getByTestId('onboard-hostname-problem').textContent).toContain('no empty labels');
    expect(screen.getByTestId<HTMLButtonElement>('onboard-plan-button').disabled).toBe(true);

    fireEvent.change(hostname, { target: { value: '-acme.taskifai.com' } });
    expect(screen.getByTestId('onboard-hostname-problem').textContent).toContain('Not a valid hostname');

    fireEvent.change(hostname, { target: { value: 'bibbi.taskifai.com' } });
    expect(screen.getByTestId('onboard-hostname-problem').textContent).toContain('taskifai-bibbi');

    // A zone the account does not hold is the plan's to refuse: a note here, Plan stays possible.
    fireEvent.change(hostname, { target: { value: 'acme.example.org' } });
    expect(screen.getByTestId('onboard-zone-problem').textContent).toContain('No DNS zone of this account');
    expect(screen.getByTestId<HTMLButtonElement>('onboard-plan-button').disabled).toBe(false);

    fireEvent.change(screen.getByTestId('onboard-name'), { target: { value: 'taskifai-central' } });
    expect(screen.getByTestId('onboard-name-problem').textContent).toContain('already exists');
    expect(screen.getByTestId<HTMLButtonElement>('onboard-plan-button').disabled).toBe(true);
    expect(planTenant).not.toHaveBeenCalled();
  });

  it('the registry step shows its SQL and parameters and picks the registry project', async () => {
    await fillAcme();
    fireEvent.click(screen.getByTestId('onboard-registry-on'));
    expect(screen.getByTestId<HTMLSelectElement>('onboard-registry-project').selectedOptions[0]!.textContent).toContain(
      'TaskifAI-Registry',
    );
    expect(screen.getByTestId<HTMLTextAreaElement>('onboard-registry-sql').value).toContain(
      'insert into public.tenants',
    );
    fireEvent.click(screen.getByTestId('onboard-plan-button'));
    await flush();
    const sent = planTenant.mock.calls[0]![0];
    expect(sent.registry?.sql).toContain('insert into public.tenants');
    expect(sent.registry?.parameters).toEqual(['{{subdomain}}', 'Acme', '{{supabase_url}}', '{{anon_key}}']);
  });

  it('a SECRET env the template cannot give is asked for, sent with the next plan, and never shown back', async () => {
    planTenant.mockImplementation(async (request) =>
      ok(
        plan({
          secrets: [
            { key: 'SUPABASE_URL', how: 'from_supabase' },
            { key: 'OPENAI_API_KEY', how: request.secrets ? 'provided' : 'missing' },
          ],
          problems: request.secrets
            ? []
            : [{ kind: 'secret_missing', message: 'OPENAI_API_KEY has no value for the new app.' }],
        }),
      ),
    );
    await fillAcme();
    fireEvent.click(screen.getByTestId('onboard-plan-button'));
    await flush();
    expect(screen.getByTestId('plan-problems').textContent).toContain('OPENAI_API_KEY has no value');
    const secret = screen.getByTestId<HTMLInputElement>('onboard-secret');
    expect(secret.getAttribute('data-key')).toBe('OPENAI_API_KEY');
    expect(secret.type).toBe('password');
    fireEvent.change(secret, { target: { value: 'sk-acme-0001' } });
    expect(screen.getByTestId('plan-stale')).toBeTruthy();
    fireEvent.click(screen.getByTestId('onboard-plan-button'));
    await flush();
    expect(planTenant.mock.calls[1]![0].secrets).toEqual([{ key: 'OPENAI_API_KEY', value: 'sk-acme-0001' }]);
    expect(screen.queryByTestId('plan-problems')).toBeNull();
    expect(screen.getByTestId('plan-secrets').textContent).toContain('OPENAI_API_KEY as you entered it');
    expect(screen.getByTestId('onboard-plan').textContent).not.toContain('sk-acme-0001');
    expect(screen.getByTestId<HTMLButtonElement>('onboard-start').disabled).toBe(false);
  });
});
