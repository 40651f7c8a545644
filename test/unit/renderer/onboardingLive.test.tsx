// @vitest-environment jsdom
// An onboarding that stops at a failed step must read as failed wherever it shows, as soon as main
// says so: on the Tenants view's list of unfinished runs (which lists a run still running when the
// founder arrives there mid-Retry) and on the run's own page, where main's answers and stream
// events can arrive in another order than main wrote them.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, OnboardingRun, Result } from '../../../src-preload/contract';
import { useOnboardingStore } from '../../../src-renderer/stores/onboardingStore';
import { OnboardingRunView } from '../../../src-renderer/views/onboarding/OnboardingRunView';
import { UnfinishedOnboardings } from '../../../src-renderer/views/onboarding/UnfinishedOnboardings';
import { failedRun, ok, run } from './onboardingFixtures';

/** The registry insert refused again, saved after the run was listed as running. */
const failedLater = (): OnboardingRun => ({ ...failedRun(), updatedAt: '2026-12-03T10:01:30Z' });

let watches: Array<{ id: string; emit: (event: Result<OnboardingRun>) => void; closed: boolean }>;
let api: Record<string, ReturnType<typeof vi.fn>>;
let listed: OnboardingRun[];
let stored: OnboardingRun;

beforeEach(() => {
  watches = [];
  listed = [run()];
  stored = run();
  api = {
    listOnboardings: vi.fn(async () => ok(listed)),
    getOnboarding: vi.fn(async () => ok(stored)),
    // Main's first event is the run as it has it; these tests send each event themselves.
    watchOnboarding: vi.fn(({ id }: { id: string }, listener: (event: Result<OnboardingRun>) => void) => {
      const watch = { id, emit: listener, closed: false };
      watches.push(watch);
      return () => (watch.closed = true);
    }),
    listTenants: vi.fn(async () => new Promise(() => undefined)),
  };
  window.fleet = api as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useOnboardingStore.setState({ runs: undefined, runId: undefined, run: undefined, acting: undefined });
});

const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const open = () => watches.filter((w) => !w.closed);

describe('the Tenants view’s unfinished onboardings', () => {
  it('follow a run listed as running to its failure, without a reload', async () => {
    const { unmount } = render(<UnfinishedOnboardings />);
    await flush();
    const row = screen.getByTestId('unfinished-onboarding');
    expect(row.textContent).toContain('Running “Create Supabase project');
    expect(open().map((w) => w.id)).toEqual(['run-acme']);

    act(() => open()[0]!.emit(ok(failedLater())));
    expect(row.textContent).toContain('Failed at “Apply 4 migrations”');

    unmount();
    expect(open()).toHaveLength(0);
  });

  it('keep the failure they heard when a list read before it comes back later', async () => {
    render(<UnfinishedOnboardings />);
    await flush();
    act(() => open()[0]!.emit(ok(failedLater())));
    await act(() => useOnboardingStore.getState().loadRuns());
    expect(screen.getByTestId('unfinished-onboarding').textContent).toContain('Failed at');
  });

  it('follow nothing when no run is running', async () => {
    listed = [failedRun()];
    render(<UnfinishedOnboardings />);
    await flush();
    expect(screen.getByTestId('unfinished-onboarding').textContent).toContain('Failed at');
    expect(api.watchOnboarding).not.toHaveBeenCalled();
  });
});

describe('a run’s page', () => {
  const state = () => screen.getByTestId('onboarding-run').getAttribute('data-state');

  it('is not put back to running by Retry’s answer arriving after the failure it led to', async () => {
    stored = failedRun();
    const retried = { ...run(), updatedAt: '2026-12-03T10:01:25Z' };
    // The step fails again quickly: its events overtake the answer to Retry.
    api.retryStep = vi.fn(async () => {
      for (const watch of open()) watch.emit(ok(retried));
      for (const watch of open()) watch.emit(ok(failedLater()));
      return ok(retried);
    });
    render(<OnboardingRunView id="run-acme" />);
    await flush();
    expect(state()).toBe('failed');
    await act(() => useOnboardingStore.getState().retry());
    await flush();
    expect(api.retryStep).toHaveBeenCalledTimes(1);
    expect(state()).toBe('failed');
    expect(useOnboardingStore.getState().run?.updatedAt).toBe(failedLater().updatedAt);
  });

  it('opened again, shows the run as main has it now, not as it was left', async () => {
    const first = render(<OnboardingRunView id="run-acme" />);
    await flush();
    expect(state()).toBe('running');
    first.unmount();

    stored = failedLater();
    render(<OnboardingRunView id="run-acme" />);
    await flush();
    expect(state()).toBe('failed');
  });
});
