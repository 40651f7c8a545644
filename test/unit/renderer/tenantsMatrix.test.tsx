// @vitest-environment jsdom
// The founder opens Tenants to see every customer at once: which app is behind its branch, which
// database is paused or behind on migrations, what each costs on both bills. When GitHub refuses
// the token, only the source column goes blank (with the reason) and a banner says so; the rest
// of the matrix stays as useful as before.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, TenantRow, TenantsMatrix } from '../../../src-preload/contract';
import { useHealthStore } from '../../../src-renderer/stores/healthStore';
import { useNavigationStore } from '../../../src-renderer/stores/navigationStore';
import { useTenantsStore } from '../../../src-renderer/stores/tenantsStore';
import { TenantsView } from '../../../src-renderer/views/tenants/TenantsView';
import { visibleTenants } from '../../../src-renderer/views/tenants/tenantModel';

const ok = <T,>(value: T) => ({ ok: true as const, value });
const HOURS = 3_600_000;

function tenant(name: string, group: string, change: Partial<TenantRow> = {}): TenantRow {
  return {
    appId: `app-${name}`,
    name,
    group,
    region: 'fra',
    phase: 'ACTIVE',
    inProgress: false,
    domains: [{ name: `${name}.example.com`, phase: 'ACTIVE', ok: true }],
    supabase: {
      ref: `ref-${name}`,
      how: 'derived',
      from: 'api · SUPABASE_URL',
      project: { name: `${name}-db`, organization: group, status: 'ACTIVE_HEALTHY', region: 'eu-central-1' },
    },
    schema: ok({ latest: { version: '20261118093000', name: 'report_schedules' }, applied: 12, missing: [] }),
    backups: ok({ pitrEnabled: false, lastBackupAt: new Date(Date.now() - 3 * HOURS).toISOString(), completed: 7 }),
    sources: ok([
      {
        component: 'api',
        repo: `acme/${name}`,
        branch: 'main',
        deployedSha: 'aaaaaaa1111',
        headSha: 'aaaaaaa1111',
        headTitle: 'Ship it',
        behindBy: 0,
        ci: 'success',
      },
    ]),
    cost: { digitalocean: { min: 24, max: 24 }, supabase: 10, total: { min: 34, max: 34 } },
    ...change,
  };
}

const bibbi = tenant('taskifai-bibbi', 'TaskifAI', {
  sources: ok([
    {
      component: 'bibbi-api',
      repo: 'taskifai/bibbi',
      branch: 'release',
      deployedSha: '5d1e2f3a9',
      headSha: '9c8b7a6f1',
      headTitle: 'Fix the sales summary',
      behindBy: 3,
      ci: 'failure',
    },
  ]),
  backups: ok({ pitrEnabled: true, completed: 7, lastBackupAt: new Date().toISOString() }),
  cost: { digitalocean: { min: 58, max: 58 }, supabase: 15, total: { min: 73, max: 73 } },
});
const demo = tenant('taskifai-demo', 'TaskifAI', {
  schema: ok({ latest: { version: '20261101', name: 'usage_events' }, applied: 11, missing: ['report_schedules'] }),
  cost: { digitalocean: { min: 12, max: 12 }, supabase: 10, total: { min: 22, max: 22 } },
  domains: [
    { name: 'demo.taskifai.com', phase: 'ACTIVE', ok: true },
    { name: 'api.demo.taskifai.com', phase: 'ERROR', ok: false },
  ],
});
const odoo = tenant('insightpulse-odoo', 'InsightPulse', {
  supabase: {
    ref: 'spdtwktxdalcfigzeqrz',
    how: 'derived',
    project: { name: 'insightpulse-odoo', organization: 'InsightPulse', status: 'INACTIVE', region: 'us-east-1' },
  },
  cost: { digitalocean: { min: 40, max: 40 }, total: { min: 40, max: 40 } },
});
const multivio = tenant('multivio-api', 'Multivio', {
  supabase: null,
  schema: undefined,
  backups: undefined,
  cost: { digitalocean: { min: 90, max: 270 }, total: { min: 90, max: 270 } },
});

const matrix = (change: Partial<TenantsMatrix> = {}): TenantsMatrix => ({
  fetchedAt: new Date().toISOString(),
  tenants: [bibbi, demo, odoo, multivio],
  unmatchedProjects: [
    { ref: 'qhwzrtkvylmbnpjsdgfa', name: 'TaskifAI-Registry', organization: 'TaskifAI', status: 'ACTIVE_HEALTHY' },
  ],
  providers: { supabase: { state: 'connected' }, github: { state: 'connected' } },
  ...change,
});

let listTenants: ReturnType<typeof vi.fn>;

beforeEach(() => {
  listTenants = vi.fn(async () => ok(matrix()));
  window.fleet = {
    listTenants,
    getFleetHealth: async () => ok({}),
    linkSupabaseProject: vi.fn(async () => ok(odoo)),
  } as unknown as FleetApi;
  useNavigationStore.setState({ route: { name: 'tenants' } });
});

afterEach(() => {
  cleanup();
  useTenantsStore.setState({ matrix: undefined, loading: false, error: undefined, filter: '', group: '', sorting: [] });
  useHealthStore.setState({ byAppId: {}, loading: false, error: undefined });
});

const names = (rows: TenantRow[]) => rows.map((r) => r.name);

describe('sorting and filtering the matrix', () => {
  const rows = [bibbi, demo, odoo, multivio];

  it('groups then names by default, and any column sorts with the unknowns last either way', () => {
    expect(names(visibleTenants(rows, { filter: '', group: '', sorting: [] }))).toEqual([
      'insightpulse-odoo',
      'multivio-api',
      'taskifai-bibbi',
      'taskifai-demo',
    ]);
    const byCost = visibleTenants(rows, { filter: '', group: '', sorting: [{ id: 'cost', desc: true }] });
    expect(names(byCost)[0]).toBe('multivio-api');
    // No Supabase project means no schema to compare: last, ascending and descending.
    for (const desc of [false, true]) {
      const bySchema = visibleTenants(rows, { filter: '', group: '', sorting: [{ id: 'schema', desc }] });
      expect(names(bySchema).at(-1)).toBe('multivio-api');
    }
    const behind = visibleTenants(rows, { filter: '', group: '', sorting: [{ id: 'source', desc: true }] });
    expect(names(behind)[0]).toBe('taskifai-bibbi');
    const paused = visibleTenants(rows, { filter: '', group: '', sorting: [{ id: 'supabase', desc: false }] });
    expect(names(paused)[0]).toBe('insightpulse-odoo');
  });

  it('filters by words across name, project ref and repo, and by group', () => {
    expect(names(visibleTenants(rows, { filter: 'bibbi release', group: '', sorting: [] }))).toEqual([
      'taskifai-bibbi',
    ]);
    expect(names(visibleTenants(rows, { filter: 'spdtwk', group: '', sorting: [] }))).toEqual(['insightpulse-odoo']);
    expect(names(visibleTenants(rows, { filter: '', group: 'TaskifAI', sorting: [] }))).toEqual([
      'taskifai-bibbi',
      'taskifai-demo',
    ]);
  });

  it('keeps the filter and sort in the store, and the last matrix when a refresh fails', async () => {
    await useTenantsStore.getState().load();
    expect(useTenantsStore.getState().matrix?.tenants).toHaveLength(4);
    listTenants.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: 'The network is down.' } });
    await useTenantsStore.getState().load();
    expect(useTenantsStore.getState().matrix?.tenants).toHaveLength(4);
    expect(useTenantsStore.getState().error?.message).toBe('The network is down.');
  });
});

describe('the matrix on screen', () => {
  const cell = (tenantName: string, column: string) => {
    const row = screen.getAllByTestId('tenant-row').find((r) => r.getAttribute('data-tenant') === tenantName)!;
    return row.querySelector(`[data-col="${column}"]`) as HTMLElement;
  };

  it('shows each tenant’s columns in plain words', async () => {
    render(<TenantsView />);
    await screen.findByTestId('tenants-table');
    expect(cell('taskifai-bibbi', 'source').textContent).toContain('behind by 3');
    expect(cell('taskifai-bibbi', 'source').textContent).toContain('5d1e2f3');
    expect(within(cell('taskifai-bibbi', 'source')).getByRole('img').getAttribute('aria-label')).toBe('CI failed');
    expect(cell('taskifai-bibbi', 'backups').textContent).toBe('PITR');
    expect(cell('taskifai-demo', 'schema').textContent).toContain('1 behind');
    expect(within(cell('taskifai-demo', 'schema')).getByTestId('schema-behind').title).toContain('report_schedules');
    expect(cell('taskifai-demo', 'domains').textContent).toContain('1/2');
    expect(cell('taskifai-demo', 'domains').textContent).toContain('api.demo.taskifai.com');
    expect(cell('taskifai-demo', 'backups').textContent).toBe('Daily, last 3h ago');
    expect(cell('insightpulse-odoo', 'supabase').textContent).toContain('Paused');
    expect(cell('multivio-api', 'supabase').textContent).toBe('No project');
    expect(cell('taskifai-bibbi', 'cost').textContent).toContain('$73.00');
    expect(cell('taskifai-bibbi', 'cost').querySelector('[title]')?.getAttribute('title')).toBe(
      'DigitalOcean $58.00 + Supabase compute $15.00',
    );
    expect(screen.getByTestId('unmatched-projects').textContent).toContain('TaskifAI-Registry');
    expect(screen.queryByTestId('provider-banners')).toBeNull();
  });

  it('a refused GitHub token empties only the source column, with the reason, and a banner names GitHub', async () => {
    const refused = { code: 'unauthorized' as const, message: 'Bad credentials' };
    listTenants.mockResolvedValue(
      ok(
        matrix({
          tenants: [bibbi, demo, odoo, multivio].map((t) => ({
            ...t,
            sources: { ok: false as const, error: refused },
          })),
          providers: { supabase: { state: 'connected' }, github: { state: 'error', message: 'Bad credentials' } },
        }),
      ),
    );
    render(<TenantsView />);
    await screen.findByTestId('tenants-table');
    for (const name of ['taskifai-bibbi', 'taskifai-demo', 'insightpulse-odoo', 'multivio-api']) {
      const source = cell(name, 'source');
      expect(source.textContent?.startsWith('—')).toBe(true);
      expect(within(source).getByTestId('cell-unavailable').title).toContain('Bad credentials');
    }
    // Every other column still reads as before.
    expect(screen.getAllByTestId('cell-unavailable')).toHaveLength(4);
    expect(cell('taskifai-demo', 'schema').textContent).toContain('1 behind');
    expect(cell('insightpulse-odoo', 'supabase').textContent).toContain('Paused');
    const banner = screen.getByTestId('provider-banners');
    expect(banner.textContent).toContain('GitHub');
    expect(banner.textContent).toContain('Bad credentials');
    expect(banner.textContent).not.toContain('Supabase');
  });

  it('Supabase not connected: its columns say why, the banner says where to connect it', async () => {
    listTenants.mockResolvedValue(
      ok(
        matrix({
          tenants: [{ ...bibbi, supabase: { ref: 'bibzfwkqmtrlxhcevnoa', how: 'derived' }, schema: undefined }],
          unmatchedProjects: [],
          providers: { supabase: { state: 'not_connected' }, github: { state: 'connected' } },
        }),
      ),
    );
    render(<TenantsView />);
    await screen.findByTestId('tenants-table');
    expect(screen.getByTestId('provider-banners').textContent).toContain('Connect Supabase in Settings → Accounts');
    expect(within(cell('taskifai-bibbi', 'supabase')).getByTestId('cell-unavailable')).toBeTruthy();
    expect(cell('taskifai-bibbi', 'source').textContent).toContain('behind by 3');
    expect(screen.queryByTestId('unmatched-projects')).toBeNull();
  });

  it('a row opens the tenant page by click or Enter, and the filter narrows the rows', async () => {
    render(<TenantsView />);
    await screen.findByTestId('tenants-table');
    fireEvent.keyDown(screen.getAllByTestId('tenant-row')[0]!, { key: 'Enter' });
    expect(useNavigationStore.getState().route).toEqual({ name: 'tenant', appId: 'app-insightpulse-odoo' });
    fireEvent.click(cell('taskifai-demo', 'schema'));
    expect(useNavigationStore.getState().route).toEqual({ name: 'tenant', appId: 'app-taskifai-demo' });
    fireEvent.change(screen.getByTestId('tenants-filter'), { target: { value: 'multivio' } });
    expect(screen.getAllByTestId('tenant-row')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('tenants-sort-cost'));
    expect(useTenantsStore.getState().sorting).toEqual([{ id: 'cost', desc: true }]);
  });

  it('says so when the context has no apps, and offers Retry when the first read fails', async () => {
    listTenants.mockResolvedValueOnce({
      ok: false,
      error: { code: 'unauthorized', message: 'Unable to authenticate you' },
    });
    render(<TenantsView />);
    expect(await screen.findByText('Unable to authenticate you')).toBeTruthy();
    listTenants.mockResolvedValueOnce(ok(matrix({ tenants: [], unmatchedProjects: [] })));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByText('No apps in this context')).toBeTruthy());
  });
});
