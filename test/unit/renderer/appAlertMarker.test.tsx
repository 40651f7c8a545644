// @vitest-environment jsdom
// The overview marks an app whose health went bad or whose DigitalOcean alert failed to set up,
// from what the window already read (no request of its own), with words a screen reader and a
// tooltip both give; and a health beat about other apps does not render this app's marker again.
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppAlerts, AppHealthSummary } from '../../../src-preload/contract';
import { useAppAlertsStore } from '../../../src-renderer/stores/appAlertsStore';
import { useHealthStore } from '../../../src-renderer/stores/healthStore';
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
      emails: ['founder@taskifai.com'],
      slack: [],
      problem: 'Slack answered 404 channel_is_archived for #customer3-ops.',
    },
    {
      id: 'a2',
      rule: 'DEPLOYMENT_FAILED',
      condition: 'A deployment fails',
      disabled: false,
      phase: 'ACTIVE',
      emails: [],
      slack: [],
    },
  ],
};
const healthy: AppHealthSummary = { state: 'healthy', components: { api: { state: 'healthy' } } };
const degraded: AppHealthSummary = {
  state: 'degraded',
  components: { api: { state: 'healthy' }, worker: { state: 'unhealthy', replicasReady: 0, replicasDesired: 1 } },
};

afterEach(() => {
  cleanup();
  useAppAlertsStore.setState({ byId: {} });
  useHealthStore.setState({ byAppId: {} });
});

describe('the overview’s marker on an app that needs attention', () => {
  it('is absent while the app is healthy and its alerts are set up (or not read yet)', () => {
    useHealthStore.setState({ byAppId: { 'app-c3': healthy } });
    render(<AppAlertMarker appId="app-c3" appName="taskifai-customer3" />);
    expect(screen.queryByTestId('alert-marker')).toBeNull();
  });

  it('names the alert whose set-up failed and why, for the tooltip and the screen reader', () => {
    useAppAlertsStore.setState({ byId: { 'app-c3': { loading: false, value: failing } } });
    render(<AppAlertMarker appId="app-c3" appName="taskifai-customer3" />);
    const marker = screen.getByRole('img', { name: /^taskifai-customer3 needs attention: / });
    expect(marker.getAttribute('title')).toBe(
      'Alert “A domain fails to configure” failed to set up (Slack answered 404 channel_is_archived for #customer3-ops.): it would tell no one.',
    );
    expect(marker.dataset.kind).toBe('alert');
    expect(marker.className).toContain('alert-marker--danger');
  });

  it('says which components made the health go bad, and appears when a beat brings it', () => {
    useHealthStore.setState({ byAppId: { 'app-c3': healthy } });
    render(<AppAlertMarker appId="app-c3" appName="taskifai-customer3" />);
    act(() => useHealthStore.setState({ byAppId: { 'app-c3': degraded } }));
    const marker = screen.getByTestId('alert-marker');
    expect(marker.getAttribute('title')).toBe('Health degraded: worker unhealthy, 0/1 ready.');
    expect(marker.dataset.kind).toBe('health');
  });

  it('does not render again when a beat changes other apps only', () => {
    useHealthStore.setState({ byAppId: { 'app-c3': degraded } });
    let renders = 0;
    render(
      <Profiler id="marker" onRender={() => renders++}>
        <AppAlertMarker appId="app-c3" appName="taskifai-customer3" />
      </Profiler>,
    );
    expect(renders).toBe(1);
    // A new health object for this app with the same words, and another app changing.
    act(() =>
      useHealthStore.setState({
        byAppId: { 'app-c3': { ...degraded, checkedAt: '2026-12-03T13:00:00Z' }, other: degraded },
      }),
    );
    expect(renders).toBe(1);
    act(() => useHealthStore.setState({ byAppId: { 'app-c3': healthy } }));
    expect(renders).toBe(2);
    expect(screen.queryByTestId('alert-marker')).toBeNull();
  });
});
