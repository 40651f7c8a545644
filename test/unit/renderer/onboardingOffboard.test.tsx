// @vitest-environment jsdom
// The founder offboards taskifai-customer3 from its page. The dialog lists main's steps and runs
// none until its own button is clicked. Pausing the project is one click; deleting the app and
// removing its record stay disabled until "taskifai-customer3" is typed back, and the typed name
// is what is sent. Each step shows its answer: done, or the API's refusal.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, OffboardingPlan, OffboardingStepKind } from '../../../src-preload/contract';
import { useOffboardingStore } from '../../../src-renderer/stores/offboardingStore';
import { OffboardButton } from '../../../src-renderer/views/onboarding/OffboardingDialog';
import { fail, ok } from './onboardingFixtures';

const offboarding = (done: OffboardingStepKind[] = []): OffboardingPlan => ({
  appId: 'app-c3',
  appName: 'taskifai-customer3',
  supabaseRef: 'cuxcuxcuxcuxcuxcuxcu',
  lastBackupAt: '2026-12-02T03:00:00Z',
  steps: [
    {
      kind: 'confirm_backup',
      title: 'Confirm a backup',
      detail: 'Last backup 2 Dec 03:00',
      needsTypedName: false,
      done: false,
    },
    { kind: 'pause_project', title: 'Pause the Supabase project', detail: 'cux…', needsTypedName: false, done: false },
    { kind: 'delete_app', title: 'Delete the app', detail: 'taskifai-customer3', needsTypedName: true, done: false },
    {
      kind: 'remove_dns',
      title: 'Remove the DNS record',
      detail: 'CNAME customer3.taskifai.com',
      needsTypedName: true,
      done: false,
    },
    {
      kind: 'mark_inactive',
      title: 'Mark inactive in the registry',
      detail: 'tenants.is_active = false',
      needsTypedName: false,
      done: false,
      blocked: 'No registry row names customer3.',
    },
  ].map((s) => ({ ...s, done: done.includes(s.kind as OffboardingStepKind) })) as OffboardingPlan['steps'],
});

let api: Record<string, ReturnType<typeof vi.fn>>;

beforeEach(() => {
  api = {
    planOffboarding: vi.fn(async () => ok(offboarding())),
    runOffboardingStep: vi.fn(async ({ step }: { step: OffboardingStepKind }) => ok(offboarding([step]))),
    listTenants: vi.fn(async () => new Promise(() => undefined)),
    getTenant: vi.fn(async () => new Promise(() => undefined)),
  };
  window.fleet = api as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useOffboardingStore.setState({ appId: undefined, plan: undefined, outcomes: {}, running: undefined });
});

const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const row = (kind: string) => screen.getAllByTestId('offboard-step').find((s) => s.getAttribute('data-step') === kind)!;
const button = (kind: string) => within(row(kind)).getByTestId<HTMLButtonElement>('offboard-run');

describe('offboarding a tenant', () => {
  it('lists the steps and runs none until one is clicked', async () => {
    render(<OffboardButton appId="app-c3" />);
    fireEvent.click(screen.getByTestId('offboard-open'));
    await flush();
    expect(api.planOffboarding).toHaveBeenCalledWith({ appId: 'app-c3' });
    expect(screen.getAllByTestId('offboard-step').map((s) => s.getAttribute('data-step'))).toEqual([
      'confirm_backup',
      'pause_project',
      'delete_app',
      'remove_dns',
      'mark_inactive',
    ]);
    expect(api.runOffboardingStep).not.toHaveBeenCalled();
    // A step main says cannot run says why, and its button is off.
    expect(within(row('mark_inactive')).getByTestId('offboard-blocked').textContent).toBe(
      'No registry row names customer3.',
    );
    expect(button('mark_inactive').disabled).toBe(true);

    fireEvent.click(button('pause_project'));
    await flush();
    expect(api.runOffboardingStep).toHaveBeenCalledTimes(1);
    expect(api.runOffboardingStep).toHaveBeenCalledWith({ appId: 'app-c3', step: 'pause_project' });
    expect(within(row('pause_project')).getByText('Done')).toBeTruthy();
    expect(button('pause_project').disabled).toBe(true);
  });

  it('a delete waits for the tenant’s name, typed exactly, and sends it', async () => {
    render(<OffboardButton appId="app-c3" />);
    fireEvent.click(screen.getByTestId('offboard-open'));
    await flush();
    expect(button('delete_app').disabled).toBe(true);
    const typed = within(row('delete_app')).getByTestId('offboard-typed-name');
    fireEvent.change(typed, { target: { value: 'taskifai-customer' } });
    expect(button('delete_app').disabled).toBe(true);
    fireEvent.click(button('delete_app'));
    fireEvent.change(typed, { target: { value: 'Taskifai-Customer3' } });
    expect(button('delete_app').disabled).toBe(true);
    expect(api.runOffboardingStep).not.toHaveBeenCalled();

    fireEvent.change(typed, { target: { value: 'taskifai-customer3' } });
    expect(button('delete_app').disabled).toBe(false);
    // Typing for one delete does not unlock the other.
    expect(button('remove_dns').disabled).toBe(true);
    fireEvent.click(button('delete_app'));
    await flush();
    expect(api.runOffboardingStep).toHaveBeenCalledWith({
      appId: 'app-c3',
      step: 'delete_app',
      typedName: 'taskifai-customer3',
    });
  });

  it('a refused step shows the API’s words beside it', async () => {
    api.runOffboardingStep!.mockResolvedValue(fail('Project cannot be paused: it is on the Pro plan'));
    render(<OffboardButton appId="app-c3" />);
    fireEvent.click(screen.getByTestId('offboard-open'));
    await flush();
    fireEvent.click(button('pause_project'));
    await flush();
    expect(within(row('pause_project')).getByTestId('offboard-error').textContent).toBe(
      'Project cannot be paused: it is on the Pro plan',
    );
    expect(button('pause_project').disabled).toBe(false);
  });
});
