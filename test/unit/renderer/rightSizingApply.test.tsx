// @vitest-environment jsdom
// The founder reads the right-sizing advice on the Costs page and presses Apply: Fleetdeck goes to
// the app's page and opens the same Scale dialog as its Scale button, already at the advised size
// and priced from there, so the change is confirmed with the usual cost delta — nothing is sent yet.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDetail, FleetApi, RightSizingReport, ScaleChange } from '../../../src-preload/contract';
import { useAppDetailStore } from '../../../src-renderer/stores/appDetailStore';
import { useNavigationStore } from '../../../src-renderer/stores/navigationStore';
import { useScaleStore } from '../../../src-renderer/stores/scaleStore';
import { SizingPanel } from '../../../src-renderer/views/costs/SizingPanel';

const api = {
  name: 'bibbi-api',
  kind: 'service',
  sizeSlug: 'apps-s-1vcpu-2gb',
  instanceCount: 2,
  monthlyCost: { min: 50, max: 50 },
  source: { kind: 'github', ref: 'taskifai/bibbi' },
};
const detail = {
  app: { id: 'app-bibbi', name: 'taskifai-bibbi', group: 'TaskifAI', region: 'fra', components: [api] },
  components: [api],
  deployments: [],
  domains: [],
} as unknown as AppDetail;
const report: RightSizingReport = {
  appId: 'app-bibbi',
  windowDays: 7,
  advice: [
    {
      component: 'bibbi-api',
      direction: 'down',
      reason: 'CPU p95 12% and memory p95 31% over 7 days: half the size fits.',
      evidence: { cpuP95: 12, cpuMean: 6, memoryP95: 31, memoryMean: 24, restarts: 0, samples: 2016 },
      currentSlug: 'apps-s-1vcpu-2gb',
      suggestedSlug: 'apps-s-1vcpu-1gb',
      monthlyDelta: -26,
    },
  ],
};

let previews: ScaleChange[] = [];

beforeEach(() => {
  window.location.hash = '#/costs';
  previews = [];
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  window.fleet = {
    getAppDetail: () => ok(detail),
    previewScale: (change: ScaleChange) => {
      previews.push(change);
      return new Promise(() => undefined);
    },
  } as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useAppDetailStore.setState({ byId: {} });
  useScaleStore.setState({ dialog: undefined });
});

describe('Apply on a right-sizing suggestion', () => {
  it('opens the app’s Scale dialog at the advised size, priced from there, with the advice', async () => {
    render(<SizingPanel apps={[]} appId="app-bibbi" report={report} loading={false} onPick={() => undefined} />);
    fireEvent.click(screen.getByTestId('advice-apply'));

    await waitFor(() => expect(useScaleStore.getState().dialog).toBeDefined());
    expect(useNavigationStore.getState().route).toEqual({ name: 'app', appId: 'app-bibbi' });
    const dialog = useScaleStore.getState().dialog!;
    expect(dialog).toMatchObject({
      component: 'bibbi-api',
      initial: { size: 'apps-s-1vcpu-2gb', count: 2 },
      draft: { size: 'apps-s-1vcpu-1gb', count: 2 },
      advice: report.advice[0]!.reason,
      applying: false,
    });
    // The preview asks for the advised size, so the dialog's cost delta is the change advised.
    expect(previews.at(-1)).toMatchObject({
      appId: 'app-bibbi',
      component: 'bibbi-api',
      instanceSizeSlug: 'apps-s-1vcpu-1gb',
    });
  });

  it('offers no Apply where the advice is to keep the size', () => {
    const keep: RightSizingReport = {
      ...report,
      advice: [{ ...report.advice[0]!, direction: 'keep', suggestedSlug: undefined, monthlyDelta: undefined }],
    };
    render(<SizingPanel apps={[]} appId="app-bibbi" report={keep} loading={false} onPick={() => undefined} />);
    expect(screen.queryByTestId('advice-apply')).toBeNull();
  });
});
