// @vitest-environment jsdom
// The founder reads the right-sizing advice on the Costs page and presses Apply: Fleetdeck goes to
// the app's page and opens the same Scale dialog as its Scale button, already at the advised size
// and priced from there, so the change is confirmed with the usual cost delta — nothing is sent yet.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AppDetail,
  ComponentDetail,
  FleetApi,
  RightSizingReport,
  ScaleChange,
} from '../../../src-preload/contract';
import { useAppDetailStore } from '../../../src-renderer/stores/appDetailStore';
import { useNavigationStore } from '../../../src-renderer/stores/navigationStore';
import { useCostsStore } from '../../../src-renderer/stores/costsStore';
import { useScaleStore } from '../../../src-renderer/stores/scaleStore';
import { ScaleDialog } from '../../../src-renderer/views/actions/ScaleDialog';
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
let sizingReads: string[] = [];

beforeEach(() => {
  window.location.hash = '#/costs';
  previews = [];
  sizingReads = [];
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  window.fleet = {
    getAppDetail: () => ok(detail),
    previewScale: (change: ScaleChange) => {
      previews.push(change);
      return new Promise(() => undefined);
    },
    getRightSizing: ({ appId }: { appId: string }) => {
      sizingReads.push(appId);
      return ok(report);
    },
  } as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useAppDetailStore.setState({ byId: {} });
  useScaleStore.setState({ dialog: undefined });
  useCostsStore.setState({ sizing: {}, sizingAppId: undefined });
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
      advice: { advice: report.advice[0], windowDays: 7 },
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

describe('the Scale dialog shows the advice for its component', () => {
  it('says why, what it saves and on what evidence when opened from Apply', async () => {
    render(
      <>
        <SizingPanel apps={[]} appId="app-bibbi" report={report} loading={false} onPick={() => undefined} />
        <ScaleDialog />
      </>,
    );
    fireEvent.click(screen.getByTestId('advice-apply'));
    const advice = await screen.findByTestId('scale-advice');
    expect(advice.textContent).toContain('Right-sizing: size down to apps-s-1vcpu-1gb');
    expect(screen.getByTestId('scale-advice-delta').textContent).toContain('saves $26.00 a month');
    expect(screen.getByTestId('scale-advice-reason').textContent).toContain(report.advice[0]!.reason);
    expect(screen.getByTestId('scale-advice-evidence').textContent).toContain(
      'Last 7 days: CPU p95 12%, memory p95 31%, 0 restarts, 2,016 samples.',
    );
    // Already at the advised size: nothing to switch to.
    expect(screen.queryByTestId('scale-advice-use')).toBeNull();
    // Apply came with the advice: no second read of the metrics.
    expect(sizingReads).toEqual([]);
  });

  it('reads the app’s advice when opened by hand, and offers the advised size without choosing it', async () => {
    render(<ScaleDialog />);
    useScaleStore.getState().open(detail.app, api as unknown as ComponentDetail);
    const advice = await screen.findByTestId('scale-advice');
    expect(sizingReads).toEqual(['app-bibbi']);
    expect(advice.textContent).toContain('saves $26.00 a month');
    // The draft stays as the component is until the founder picks the advised size.
    expect(useScaleStore.getState().dialog?.draft.size).toBe('apps-s-1vcpu-2gb');
    fireEvent.click(screen.getByTestId('scale-advice-use'));
    expect(useScaleStore.getState().dialog?.draft.size).toBe('apps-s-1vcpu-1gb');
    expect(screen.queryByTestId('scale-advice-use')).toBeNull();
    // The Costs page's choice of app is left alone; its report is kept for the next opening.
    expect(useCostsStore.getState().sizingAppId).toBeUndefined();
    useScaleStore.getState().close();
    useScaleStore.getState().open(detail.app, api as unknown as ComponentDetail);
    await screen.findByTestId('scale-advice');
    expect(sizingReads).toEqual(['app-bibbi']);
  });

  it('shows nothing for a component whose advice is to keep its size, or that has none', async () => {
    const keep: RightSizingReport = {
      ...report,
      advice: [{ ...report.advice[0]!, direction: 'keep', suggestedSlug: undefined, monthlyDelta: undefined }],
    };
    useCostsStore.setState({ sizing: { 'app-bibbi': { value: keep, loading: false } } });
    render(<ScaleDialog />);
    // Every lookup settles (the report is already known) before looking.
    const settled = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    act(() => useScaleStore.getState().open(detail.app, api as unknown as ComponentDetail));
    await settled();
    expect(screen.getByTestId('scale-dialog')).toBeTruthy();
    expect(screen.queryByTestId('scale-advice')).toBeNull();
    act(() => useScaleStore.getState().close());
    act(() =>
      useScaleStore.getState().open(detail.app, { ...api, name: 'bibbi-worker' } as unknown as ComponentDetail),
    );
    await settled();
    expect(screen.queryByTestId('scale-advice')).toBeNull();
    // The same lookup with a suggestion in the report does show it: the checks above can fail.
    act(() => useScaleStore.getState().close());
    useCostsStore.setState({ sizing: { 'app-bibbi': { value: report, loading: false } } });
    act(() => useScaleStore.getState().open(detail.app, api as unknown as ComponentDetail));
    await settled();
    expect(screen.getByTestId('scale-advice')).toBeTruthy();
    expect(sizingReads).toEqual([]);
  });
});
