// @vitest-environment jsdom
// The founder follows taskifai-acme's onboarding: each step shows waiting, running with what is
// happening, done, or failed with Postgres's words. A failure offers "Retry step" (which retries,
// never resumes) and "Remove what was created…", which lists exactly the run's resources and
// deletes only once the tenant's name is typed back and its button clicked. A run that stopped
// when Fleetdeck closed offers Resume. The database password stays hidden until Reveal. The
// Tenants view lists where unfinished runs stopped.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, OnboardingRun, Result } from '../../../src-preload/contract';
import { useOnboardingStore } from '../../../src-renderer/stores/onboardingStore';
import { OnboardingRunView } from '../../../src-renderer/views/onboarding/OnboardingRunView';
import { UnfinishedOnboardings } from '../../../src-renderer/views/onboarding/UnfinishedOnboardings';
import { failedRun, ok, run } from './onboardingFixtures';

let emit: (event: Result<OnboardingRun>) => void;
let current: OnboardingRun;
let api: Record<string, ReturnType<typeof vi.fn>>;

beforeEach(() => {
  current = run();
  api = {
    getOnboarding: vi.fn(async () => ok(current)),
    watchOnboarding: vi.fn((_request: unknown, listener: (event: Result<OnboardingRun>) => void) => {
      emit = listener;
      return () => undefined;
    }),
    retryStep: vi.fn(async () => ok(run())),
    resumeOnboarding: vi.fn(async () => ok(run())),
    removeCreated: vi.fn(async ({ confirm }: { confirm?: boolean }) => {
      const resources = current.created;
      const after = confirm
        ? { ...current, state: 'removed' as const, created: resources.map((r) => ({ ...r, removedAt: 'now' })) }
        : current;
      return ok({ run: after, resources });
    }),
    revealDbPassword: vi.fn(async () => ok({ password: 'p4ss-w0rd-from-keychain' })),
    listOnboardings: vi.fn(async () => ok([current])),
    listTenants: vi.fn(async () => new Promise(() => undefined)),
  };
  window.fleet = api as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useOnboardingStore.setState({ runId: undefined, run: undefined, removal: undefined, password: undefined });
});

const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const stepState = (kind: string) =>
  screen
    .getAllByTestId('run-step')
    .find((s) => s.getAttribute('data-step') === kind)!
    .getAttribute('data-state');

describe('following a run', () => {
  it('shows each step as the stream reports it, and the password only after Reveal', async () => {
    render(<OnboardingRunView id="run-acme" />);
    await flush();
    expect(api.watchOnboarding).toHaveBeenCalledWith({ id: 'run-acme' }, expect.any(Function));
    expect(stepState('supabase_project')).toBe('running');
    expect(screen.getByTestId('step-progress').textContent).toBe('Supabase project COMING_UP (20s)');
    expect(stepState('api_keys')).toBe('pending');
    expect(screen.queryByTestId('run-retry')).toBeNull();
    expect(screen.queryByTestId('run-resume')).toBeNull();

    act(() => emit(ok(failedRun())));
    expect(stepState('supabase_project')).toBe('done');
    expect(stepState('migrations')).toBe('failed');
    expect(screen.getByTestId('step-error').textContent).toBe('relation "upload_batches" already exists');

    expect(screen.queryByTestId('db-password-value')).toBeNull();
    expect(document.body.textContent).not.toContain('p4ss-w0rd');
    fireEvent.click(screen.getByTestId('db-password-reveal'));
    await flush();
    expect(api.revealDbPassword).toHaveBeenCalledWith({ id: 'run-acme' });
    expect(screen.getByTestId('db-password-value').textContent).toBe('p4ss-w0rd-from-keychain');
    fireEvent.click(screen.getByText('Hide'));
    expect(document.body.textContent).not.toContain('p4ss-w0rd');
  });

  it('a failed step: Retry step retries it and follows the run again', async () => {
    current = failedRun();
    render(<OnboardingRunView id="run-acme" />);
    await flush();
    expect(screen.queryByTestId('run-resume')).toBeNull();
    fireEvent.click(screen.getByTestId('run-retry'));
    await flush();
    expect(api.retryStep).toHaveBeenCalledWith({ id: 'run-acme' });
    expect(api.resumeOnboarding).not.toHaveBeenCalled();
    expect(api.watchOnboarding).toHaveBeenCalledTimes(2);
    expect(stepState('supabase_project')).toBe('running');
  });

  it('a run stopped by a restart: Resume continues it', async () => {
    current = { ...failedRun(), state: 'interrupted' };
    current.steps[2] = { ...current.steps[2]!, state: 'pending', error: undefined };
    render(<OnboardingRunView id="run-acme" />);
    await flush();
    expect(screen.queryByTestId('run-retry')).toBeNull();
    fireEvent.click(screen.getByTestId('run-resume'));
    await flush();
    expect(api.resumeOnboarding).toHaveBeenCalledWith({ id: 'run-acme' });
    expect(api.retryStep).not.toHaveBeenCalled();
  });

  it('Remove what was created… lists exactly the run’s resources, newest first, and deletes only on its click', async () => {
    current = {
      ...failedRun(),
      created: [
        { kind: 'supabase_project', id: 'acmeacmeacmeacmeacme', label: 'Supabase project taskifai-acme' },
        { kind: 'registry_row', id: 'registryregistryregi', label: 'Registry row acme in TaskifAI-Registry' },
      ],
    };
    render(<OnboardingRunView id="run-acme" />);
    await flush();
    fireEvent.click(screen.getByTestId('run-remove'));
    await flush();
    expect(api.removeCreated).toHaveBeenCalledTimes(1);
    expect(api.removeCreated).toHaveBeenCalledWith({ id: 'run-acme', confirm: false });
    const dialog = screen.getByTestId('remove-created-dialog');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Registry row acme in TaskifAI-Registry', 'Supabase project taskifai-acme']);
    // Nothing goes until the tenant's name is typed back.
    const confirm = within(dialog).getByTestId('confirm-button');
    fireEvent.click(confirm);
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByTestId('remove-typed-name'), { target: { value: 'taskifai-acm' } });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByTestId('remove-typed-name'), { target: { value: 'taskifai-acme' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    await flush();
    expect(api.removeCreated).toHaveBeenCalledTimes(2);
    expect(api.removeCreated).toHaveBeenLastCalledWith({ id: 'run-acme', confirm: true, typedName: 'taskifai-acme' });
    expect(screen.getByTestId('removed-list').textContent).toContain('Supabase project taskifai-acme — removed');
    expect(screen.getByTestId('onboarding-run').getAttribute('data-state')).toBe('removed');
  });
});

describe('the Tenants view', () => {
  it('lists unfinished onboardings with where each stopped', async () => {
    current = failedRun();
    render(<UnfinishedOnboardings />);
    await flush();
    const row = screen.getByTestId('unfinished-onboarding');
    expect(row.getAttribute('data-name')).toBe('taskifai-acme');
    expect(row.textContent).toContain('Failed at “Apply 4 migrations”: relation "upload_batches" already exists');
  });

  it('shows nothing when every onboarding finished', async () => {
    current = run({ state: 'done' });
    render(<UnfinishedOnboardings />);
    await flush();
    expect(screen.queryByTestId('unfinished-onboardings')).toBeNull();
  });
});
