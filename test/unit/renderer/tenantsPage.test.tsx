// @vitest-environment jsdom
// The founder opens InsightPulse's Odoo tenant: its Free Supabase project is paused. Restore asks
// first and says what comes back and how long it takes; once sent, the page shows the new status
// and keeps reading until the project settles, and stops reading when the founder leaves. BIBBI's
// project is on Pro: Pause is offered only with the reason it cannot be. A part of the project
// that could not be read shows the API's words in its place and nothing else goes missing.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  FleetApi,
  Result,
  SupabaseProjectDetail,
  SupabaseProjectState,
  TenantDetail,
  TenantRow,
} from '../../../src-preload/contract';
import { useAppDetailStore } from '../../../src-renderer/stores/appDetailStore';
import { SETTLE_POLL_MS, useTenantPageStore } from '../../../src-renderer/stores/tenantPageStore';
import { useTenantsStore } from '../../../src-renderer/stores/tenantsStore';
import { TenantPage } from '../../../src-renderer/views/tenants/TenantPage';

const ok = <T,>(value: T) => ({ ok: true as const, value });

const row: TenantRow = {
  appId: 'app-odoo',
  name: 'insightpulse-odoo',
  group: 'InsightPulse',
  region: 'nyc',
  phase: 'ACTIVE',
  inProgress: false,
  domains: [{ name: 'erp.insightpulse.ai', phase: 'ACTIVE', ok: true }],
  supabase: {
    ref: 'spdtwktxdalcfigzeqrz',
    how: 'derived',
    from: 'odoo · DB_HOST',
    project: { name: 'insightpulse-odoo', organization: 'InsightPulse', status: 'INACTIVE', region: 'us-east-1' },
  },
  schema: ok({ applied: 0, missing: [] }),
  backups: ok({ pitrEnabled: false, completed: 0 }),
  sources: ok([
    {
      component: 'odoo',
      repo: 'insightpulse/odoo',
      branch: 'main',
      deployedSha: 'abc1234ff',
      headSha: 'abc1234ff',
      headTitle: 'Odoo 18 addons',
      behindBy: 0,
      ci: 'success',
    },
  ]),
  cost: { digitalocean: { min: 24, max: 24 }, supabase: 0, total: { min: 24, max: 24 } },
};

function project(status: SupabaseProjectState, change: Partial<SupabaseProjectDetail> = {}): SupabaseProjectDetail {
  return {
    ref: 'spdtwktxdalcfigzeqrz',
    name: 'insightpulse-odoo',
    organization: 'InsightPulse',
    region: 'us-east-1',
    status,
    services: ok(status === 'INACTIVE' ? [] : [{ name: 'db', status: 'ACTIVE_HEALTHY' as const }]),
    backups: ok({ pitrEnabled: false, backups: [] }),
    disk: ok({ usedBytes: 0.91 * 2 ** 30, sizeBytes: 8 * 2 ** 30 }),
    advisors: ok([]),
    apiKeys: ok([{ name: 'anon', type: 'legacy', preview: 'eyJhbGci' }]),
    migrations: ok([]),
    pause: { allowed: true },
    computeEstimate: 0,
    ...change,
  };
}

const detailOf = (p: Result<SupabaseProjectDetail>): TenantDetail => ({ row, supabase: p });

let statuses: SupabaseProjectState[];
type GetTenant = (request: { appId: string }) => Promise<Result<TenantDetail>>;
let getTenant: ReturnType<typeof vi.fn<GetTenant>>;
let restoreSupabaseProject: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  statuses = ['INACTIVE'];
  // Each read takes the next status; the last one repeats.
  getTenant = vi.fn<GetTenant>(async () =>
    ok(detailOf(ok(project(statuses.length > 1 ? statuses.shift()! : statuses[0]!)))),
  );
  restoreSupabaseProject = vi.fn(async () => ok({ status: 'RESTORING' as const }));
  window.fleet = {
    getTenant,
    restoreSupabaseProject,
    pauseSupabaseProject: vi.fn(async () => ok({ status: 'PAUSING' as const })),
    getAppDetail: async () => ({ ok: false, error: { code: 'not_found', message: 'not in this test' } }),
    listTenants: async () => new Promise(() => undefined),
  } as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useTenantPageStore.setState({ appId: undefined, detail: undefined, actionErrors: {}, pending: undefined });
  useAppDetailStore.setState({ byId: {} });
  useTenantsStore.setState({ matrix: undefined, loading: false });
});

const flush = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

describe('a paused Free project', () => {
  it('Restore asks honestly, then the page follows the status until it is healthy', async () => {
    const { unmount } = render(<TenantPage appId="app-odoo" />);
    const panel = await screen.findByTestId('panel-supabase');
    expect(within(panel).getByTestId('project-status').textContent).toContain('Paused');
    expect(screen.getByTestId('tenant-total-cost').textContent).toContain('$24.00');

    fireEvent.click(within(panel).getByTestId('restore-project'));
    const dialog = screen.getByTestId('restore-dialog');
    expect(dialog.textContent).toContain('a few minutes');
    statuses = ['RESTORING', 'COMING_UP', 'ACTIVE_HEALTHY'];
    fireEvent.click(within(dialog).getByTestId('confirm-button'));
    await flush();
    expect(restoreSupabaseProject).toHaveBeenCalledWith({ ref: 'spdtwktxdalcfigzeqrz' });
    expect(screen.queryByTestId('restore-dialog')).toBeNull();
    expect(screen.getByTestId('project-status').textContent).toContain('Starting');
    expect(screen.getByTestId('project-settling')).toBeTruthy();

    await act(async () => void (await vi.advanceTimersByTimeAsync(SETTLE_POLL_MS)));
    expect(screen.getByTestId('project-status').getAttribute('data-status')).toBe('COMING_UP');
    await act(async () => void (await vi.advanceTimersByTimeAsync(SETTLE_POLL_MS)));
    expect(screen.getByTestId('project-status').textContent).toContain('Healthy');
    expect(screen.queryByTestId('project-settling')).toBeNull();

    // Settled: no more reads, and none after the page closes either.
    const reads = getTenant.mock.calls.length;
    await act(async () => void (await vi.advanceTimersByTimeAsync(SETTLE_POLL_MS * 3)));
    expect(getTenant.mock.calls.length).toBe(reads);
    unmount();
  });

  it('leaving the page while the project starts stops the reads', async () => {
    statuses = ['COMING_UP'];
    const { unmount } = render(<TenantPage appId="app-odoo" />);
    await screen.findByTestId('project-settling');
    unmount();
    const reads = getTenant.mock.calls.length;
    await act(async () => void (await vi.advanceTimersByTimeAsync(SETTLE_POLL_MS * 4)));
    expect(getTenant.mock.calls.length).toBe(reads);
  });

  it('a refused pause keeps the dialog open with the API’s words', async () => {
    statuses = ['ACTIVE_HEALTHY'];
    Object.assign(window.fleet, {
      pauseSupabaseProject: async () => ({
        ok: false,
        error: { code: 'unprocessable', message: 'This project cannot be paused while it is RESTORING' },
      }),
    });
    render(<TenantPage appId="app-odoo" />);
    fireEvent.click(await screen.findByTestId('pause-project'));
    const dialog = screen.getByTestId('pause-dialog');
    for (const words of ['database, Auth, Storage', 'fails until it is restored', 'costs nothing', 'up to a year']) {
      expect(dialog.textContent).toContain(words);
    }
    fireEvent.click(within(dialog).getByTestId('confirm-button'));
    await flush();
    expect(within(screen.getByTestId('pause-dialog')).getByTestId('project-action-error').textContent).toBe(
      'This project cannot be paused while it is RESTORING',
    );
  });
});

describe('a Pro project with a part that failed', () => {
  it('Pause is disabled with its reason; a failed part shows its error and the rest reads on', async () => {
    getTenant.mockImplementation(async () =>
      ok(
        detailOf(
          ok(
            project('ACTIVE_HEALTHY', {
              pause: { allowed: false, reason: 'Projects on the Pro plan cannot be paused.' },
              advisors: { ok: false, error: { code: 'forbidden', message: 'Your token lacks advisors_read' } },
            }),
          ),
        ),
      ),
    );
    render(<TenantPage appId="app-odoo" />);
    const pause = await screen.findByTestId<HTMLButtonElement>('pause-project');
    expect(pause.disabled).toBe(true);
    expect(screen.getByTestId('pause-reason').textContent).toBe('Projects on the Pro plan cannot be paused.');
    expect(screen.getByTestId('project-advisors').textContent).toContain('Your token lacks advisors_read');
    expect(screen.getByTestId('project-keys').textContent).toContain('eyJhbGci…');
    expect(screen.getByTestId('project-disk').textContent).toContain('0.91 GiB of 8.0 GiB');
    expect(screen.getByTestId('panel-source').textContent).toContain('at head');
  });

  it('the whole project failing to read shows in its panel only', async () => {
    getTenant.mockImplementation(async () =>
      ok(detailOf({ ok: false, error: { code: 'unauthorized', message: 'Invalid access token' } })),
    );
    render(<TenantPage appId="app-odoo" />);
    expect((await screen.findByTestId('project-error')).textContent).toBe('Invalid access token');
    expect(screen.getByTestId('panel-source').textContent).toContain('insightpulse/odoo@main');
    expect(screen.getByTestId('panel-app').textContent).toContain('not in this test');
  });
});
