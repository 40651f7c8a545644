// @vitest-environment jsdom
// The overview's markers ask main about the shown apps together, in one call, and write back only
// what changed; a context switch or unmounting every marker stops the asking.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppAlerts, FleetApi } from '../../../src-preload/contract';
import { useAppAlertsStore } from '../../../src-renderer/stores/appAlertsStore';
import { AppAlertMarker } from '../../../src-renderer/views/overview/AppAlertMarker';

const failing: AppAlerts = {
  appId: 'app-c3',
  failing: 1,
  alerts: [
    {
      id: 'a1',
      rule: 'DOMAIN_FAILED',
      condition: 'A domain fails to configure',
      disabled: false,
      phase: 'ERROR',
      emails: [],
      slack: [],
    },
  ],
};

let asked: string[][] = [];

beforeEach(() => {
  asked = [];
  window.fleet = {
    getFleetAlerts: ({ appIds }: { appIds: string[] }) => {
      asked.push(appIds);
      return Promise.resolve({ ok: true, value: { 'app-c3': failing } });
    },
  } as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useAppAlertsStore.setState({ byId: {} });
});

const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('the overview’s markers ask main about the shown apps', () => {
  it('in one call for every row mounted together, and mark the app whose alert failed to set up', async () => {
    const { unmount } = render(
      <>
        <AppAlertMarker appId="app-c3" appName="taskifai-customer3" />
        <AppAlertMarker appId="app-demo" appName="taskifai-demo" />
        <AppAlertMarker appId="app-bibbi" appName="taskifai-bibbi" />
      </>,
    );
    await flush();
    await flush();
    expect(asked).toEqual([['app-c3', 'app-demo', 'app-bibbi']]);
    expect(screen.getAllByTestId('alert-marker')).toHaveLength(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('taskifai-customer3 needs attention');

    // The same answer again writes nothing: no store change, no render.
    const before = useAppAlertsStore.getState().byId;
    await act(() => useAppAlertsStore.getState().askFleet());
    expect(useAppAlertsStore.getState().byId).toBe(before);

    // No marker left: nothing more is asked.
    unmount();
    await act(() => useAppAlertsStore.getState().askFleet());
    expect(asked).toHaveLength(2);
  });

  it('asks again on a slow beat while markers are shown', async () => {
    vi.useFakeTimers();
    try {
      render(<AppAlertMarker appId="app-c3" appName="taskifai-customer3" />);
      await act(() => vi.advanceTimersByTimeAsync(0));
      expect(asked).toHaveLength(1);
      await act(() => vi.advanceTimersByTimeAsync(30_000));
      expect(asked).toHaveLength(2);
      cleanup();
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(asked).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
