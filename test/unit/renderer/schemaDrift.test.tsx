// @vitest-environment jsdom
// The founder opens Schema drift to see which tenants are behind, picks the migration two of them
// lack, and applies it one tenant at a time: never without first reading the SQL exactly as it
// will run, in the order it will run, and at the end reading what each tenant said, Postgres's own
// words included.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  FleetApi,
  MigrationReview,
  MigrationRun,
  MigrationSource,
  Result,
  SchemaDrift,
} from '../../../src-preload/contract';
import { contextChanged } from '../../../src-renderer/stores/contextScope';
import { useSchemaDriftStore } from '../../../src-renderer/stores/schemaDriftStore';
import { SchemaDriftView } from '../../../src-renderer/views/tenants/schema/SchemaDriftView';

const TENANT = ['init_schema', 'upload_batches', 'enable_rls'];
const drift: SchemaDrift = {
  migrations: [
    { version: '20260302101500', name: 'init_tenants', appliedOn: ['app-central'] },
    { version: '20260302103000', name: 'init_schema', appliedOn: ['app-demo', 'app-bibbi', 'app-c3'] },
    { version: '20260309141500', name: 'upload_batches', appliedOn: ['app-demo', 'app-bibbi', 'app-c3'] },
    { version: '20260612110000', name: 'enable_rls', appliedOn: ['app-demo', 'app-bibbi', 'app-c3'] },
    { version: '20261118093000', name: 'report_schedules', appliedOn: ['app-bibbi'] },
  ],
  tenants: [
    {
      appId: 'app-central',
      name: 'taskifai-central',
      group: 'TaskifAI',
      ref: 'qhw',
      applied: ['init_tenants'],
      missing: [],
    },
    {
      appId: 'app-demo',
      name: 'taskifai-demo',
      group: 'TaskifAI',
      ref: 'mvd',
      applied: TENANT,
      missing: ['report_schedules'],
    },
    {
      appId: 'app-bibbi',
      name: 'taskifai-bibbi',
      group: 'TaskifAI',
      ref: 'bib',
      applied: [...TENANT, 'report_schedules'],
      missing: [],
    },
    {
      appId: 'app-c3',
      name: 'taskifai-customer3',
      group: 'TaskifAI',
      ref: 'cux',
      applied: TENANT,
      missing: ['report_schedules'],
    },
    {
      appId: 'app-odoo',
      name: 'odoo-saas-platform',
      group: 'InsightPulse',
      ref: 'spd',
      applied: [],
      missing: [],
      problem: 'The project is paused (INACTIVE): restore it to read its migrations.',
    },
  ],
};

const SQL = 'create table public.report_schedules (\n  schedule_id uuid primary key\n);';
const review: MigrationReview = {
  name: 'report_schedules',
  version: '20261118093000',
  sql: SQL,
  from: 'taskifai-bibbi (TaskifAI-BIBBI)',
};
const halted: MigrationRun = {
  migration: 'report_schedules',
  // As main reports it: a failure on the last target leaves nothing to halt.
  halted: false,
  steps: [
    { appId: 'app-demo', name: 'taskifai-demo', state: 'applied' },
    {
      appId: 'app-c3',
      name: 'taskifai-customer3',
      state: 'failed',
      error: 'ERROR:  relation "report_schedules" already exists (SQLSTATE 42P07)',
    },
  ],
};

const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
type Answer<T> = () => Promise<Result<T>>;
let api: {
  getSchemaDrift: ReturnType<typeof vi.fn<Answer<SchemaDrift>>>;
  reviewMigration: ReturnType<typeof vi.fn<(source: MigrationSource) => Promise<Result<MigrationReview>>>>;
  applyMigration: ReturnType<
    typeof vi.fn<(request: { source: MigrationSource; appIds: string[] }) => Promise<Result<MigrationRun>>>
  >;
};

beforeEach(() => {
  api = {
    getSchemaDrift: vi.fn<Answer<SchemaDrift>>(() => ok(drift)),
    reviewMigration: vi.fn((source: MigrationSource) =>
      ok(source.sql === undefined ? review : { name: source.name!, sql: source.sql, from: 'SQL you provided' }),
    ),
    applyMigration: vi.fn((_request: { source: MigrationSource; appIds: string[] }) => ok(halted)),
  };
  window.fleet = api as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useSchemaDriftStore.setState({ drift: { loading: false }, flow: undefined });
});

async function openView() {
  render(<SchemaDriftView />);
  await screen.findAllByTestId('drift-grid');
}

const cell = (migration: string, tenant: string) =>
  document.querySelector(`[data-testid="drift-row"][data-migration="${migration}"] [data-tenant="${tenant}"]`);

describe('schema drift across tenants', () => {
  it('marks what each tenant has, what it lacks, and who could not be read', async () => {
    await openView();
    const [tenants, registry] = screen.getAllByTestId('drift-family');
    expect(
      within(tenants!)
        .getAllByTestId('drift-row')
        .map((r) => r.dataset.migration),
    ).toEqual(['init_schema', 'upload_batches', 'enable_rls', 'report_schedules']);
    // The registry's own history is a grid of its own, not drift held against the tenants.
    expect(
      within(registry!)
        .getAllByTestId('drift-row')
        .map((r) => r.dataset.migration),
    ).toEqual(['init_tenants']);

    expect(cell('report_schedules', 'taskifai-bibbi')!.getAttribute('data-mark')).toBe('applied');
    expect(cell('report_schedules', 'taskifai-bibbi')!.textContent).toBe('✓');
    expect(cell('report_schedules', 'taskifai-demo')!.getAttribute('data-mark')).toBe('missing');
    expect(cell('report_schedules', 'taskifai-demo')!.textContent).toBe('missing');
    expect(cell('report_schedules', 'taskifai-customer3')!.getAttribute('data-mark')).toBe('missing');
    expect(cell('enable_rls', 'taskifai-customer3')!.getAttribute('data-mark')).toBe('applied');

    const behind = Object.fromEntries(
      within(tenants!)
        .getAllByTestId('drift-tenant-head')
        .map((h) => [h.dataset.tenant, within(h).getByTestId('drift-behind').textContent]),
    );
    expect(behind).toEqual({
      'taskifai-demo': '1 behind',
      'taskifai-bibbi': 'up to date',
      'taskifai-customer3': '1 behind',
    });
    expect(screen.getByTestId('drift-behind-count').textContent).toBe('2');

    const odoo = screen.getByTestId('drift-unread-tenant');
    expect(odoo.dataset.tenant).toBe('odoo-saas-platform');
    expect(odoo.textContent).toContain('The project is paused (INACTIVE): restore it to read its migrations.');
  });

  it('shows the SQL and the order on a review screen before anything is applied, then applies exactly that', async () => {
    await openView();
    fireEvent.click(cell('report_schedules', 'taskifai-demo')!);
    const dialog = screen.getByTestId('apply-dialog');
    // Source defaults to the first tenant that has it; targets to those missing it, in grid order.
    expect(within(dialog).getByTestId<HTMLInputElement>('apply-source-tenant').checked).toBe(true);
    expect(within(dialog).getByTestId('apply-source-tenant').dataset.tenant).toBe('taskifai-bibbi');
    expect(
      within(dialog)
        .getAllByTestId('apply-target')
        .map((t) => t.dataset.tenant),
    ).toEqual(['taskifai-demo', 'taskifai-customer3']);
    expect(within(dialog).queryByTestId('apply-confirm')).toBeNull();

    fireEvent.click(within(dialog).getByTestId('apply-review-button'));
    const sql = await within(dialog).findByTestId('review-sql');
    expect(api.reviewMigration).toHaveBeenCalledWith({ fromAppId: 'app-bibbi', version: 'report_schedules' });
    expect(sql.textContent).toBe(SQL);
    expect(within(dialog).getByTestId('review-targets').textContent).toBe('taskifai-demotaskifai-customer3');
    expect(within(dialog).getByTestId('review-promise').textContent).toBe(
      'Applied one tenant at a time; stops at the first failure; each step is in the Activity log.',
    );
    expect(api.applyMigration).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByTestId('apply-confirm'));
    expect(api.applyMigration).toHaveBeenCalledWith({
      source: { fromAppId: 'app-bibbi', version: 'report_schedules' },
      appIds: ['app-demo', 'app-c3'],
    });
  });

  it('the store itself refuses to apply anything that was not reviewed', async () => {
    await openView();
    act(() => useSchemaDriftStore.getState().openApply('report_schedules'));
    await act(() => useSchemaDriftStore.getState().apply());
    expect(api.applyMigration).not.toHaveBeenCalled();
  });

  it('the order is the founder’s: moved up, it is applied first', async () => {
    await openView();
    fireEvent.click(screen.getAllByTestId('drift-apply')[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Move taskifai-customer3 earlier' }));
    fireEvent.click(screen.getByTestId('apply-review-button'));
    expect((await screen.findByTestId('review-targets')).textContent).toBe('taskifai-customer3taskifai-demo');
    fireEvent.click(screen.getByTestId('apply-confirm'));
    expect(api.applyMigration.mock.calls[0]![0].appIds).toEqual(['app-c3', 'app-demo']);
  });

  it('a failed run shows each step, Postgres’s error as written, and the grid is read again', async () => {
    await openView();
    fireEvent.click(cell('report_schedules', 'taskifai-demo')!);
    fireEvent.click(screen.getByTestId('apply-review-button'));
    fireEvent.click(await screen.findByTestId('apply-confirm'));
    const result = await screen.findByTestId('migration-result');
    expect(within(result).getByTestId('run-headline').textContent).toBe(
      'report_schedules failed on taskifai-customer3, the last in the order: nothing more was applied.',
    );
    const steps = within(result).getAllByTestId('run-step');
    expect(steps.map((s) => [s.dataset.tenant, s.dataset.state])).toEqual([
      ['taskifai-demo', 'applied'],
      ['taskifai-customer3', 'failed'],
    ]);
    const error = within(result).getByTestId('run-error');
    expect(error.tagName).toBe('PRE');
    expect(error.textContent).toBe('ERROR:  relation "report_schedules" already exists (SQLSTATE 42P07)');
    await waitFor(() => expect(api.getSchemaDrift).toHaveBeenCalledTimes(2));
  });

  it('a run halted before the end names the tenants left not started', async () => {
    api.applyMigration.mockImplementation(() =>
      ok({
        ...halted,
        halted: true,
        steps: [...halted.steps, { appId: 'app-bibbi', name: 'taskifai-bibbi', state: 'not_started' as const }],
      }),
    );
    await openView();
    fireEvent.click(cell('report_schedules', 'taskifai-demo')!);
    fireEvent.click(screen.getByTestId('apply-review-button'));
    fireEvent.click(await screen.findByTestId('apply-confirm'));
    const result = await screen.findByTestId('migration-result');
    expect(result.dataset.halted).toBe('true');
    expect(within(result).getByTestId('run-headline').textContent).toBe(
      'Halted: report_schedules failed on taskifai-customer3, so nothing more was applied (the tenant after it was not started).',
    );
    expect(within(result).getAllByTestId('run-step')[2]!.textContent).toContain('not started');
  });

  it('while the run is under way, each tenant’s step shows as the Activity log records it', async () => {
    let finish!: (r: Result<MigrationRun>) => void;
    api.applyMigration.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const now = new Date().toISOString();
    const entry = (appId: string, result: 'started' | 'succeeded') => ({
      id: `${appId}-${result}`,
      context: 'Demo fleet',
      action: 'apply_migration' as const,
      appId,
      parameters: { migration: 'report_schedules' },
      result,
      startedAt: now,
    });
    Object.assign(window.fleet, {
      listActivity: vi.fn(() => ok([entry('app-demo', 'succeeded'), entry('app-c3', 'started')])),
    });
    await openView();
    fireEvent.click(cell('report_schedules', 'taskifai-demo')!);
    fireEvent.click(screen.getByTestId('apply-review-button'));
    fireEvent.click(await screen.findByTestId('apply-confirm'));
    const running = await screen.findByTestId('migration-running');
    await waitFor(() =>
      expect(
        within(running)
          .getAllByTestId('running-step')
          .map((s) => [s.dataset.tenant, s.dataset.state]),
      ).toEqual([
        ['taskifai-demo', 'applied'],
        ['taskifai-customer3', 'applying'],
      ]),
    );
    // Escape does not close it mid-run.
    fireEvent.keyDown(running, { key: 'Escape' });
    expect(screen.getByTestId('apply-dialog')).toBeTruthy();
    await act(async () => finish({ ok: true, value: halted }));
    expect(await screen.findByTestId('migration-result')).toBeTruthy();
  });

  it('a .sql file is read here, named after the file, and its text is what the review shows', async () => {
    await openView();
    fireEvent.click(cell('report_schedules', 'taskifai-customer3')!);
    fireEvent.click(screen.getByTestId('apply-source-file'));
    expect(screen.getByTestId<HTMLButtonElement>('apply-review-button').disabled).toBe(true);
    const file = new File(['alter table public.users add column locale text;\n'], '20261201120000_user_locale.sql');
    fireEvent.change(screen.getByTestId('apply-file-input'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('apply-file-name').value).toBe('user_locale'));
    fireEvent.click(screen.getByTestId('apply-review-button'));
    expect((await screen.findByTestId('review-sql')).textContent).toBe(
      'alter table public.users add column locale text;\n',
    );
    expect(api.reviewMigration).toHaveBeenCalledWith({
      name: 'user_locale',
      sql: 'alter table public.users add column locale text;\n',
    });
  });

  it('switching account context closes the dialog and forgets the old context’s drift', async () => {
    await openView();
    fireEvent.click(cell('report_schedules', 'taskifai-demo')!);
    act(() => contextChanged());
    expect(screen.queryByTestId('apply-dialog')).toBeNull();
    expect(useSchemaDriftStore.getState().drift.value).toBeUndefined();
  });

  it('says so when no tenant has a Supabase project', async () => {
    api.getSchemaDrift.mockImplementation(() => ok({ migrations: [], tenants: [] }));
    render(<SchemaDriftView />);
    expect((await screen.findByTestId('empty-state')).textContent).toContain(
      'No tenant has a Supabase project in this context',
    );
  });

  it('a refused Supabase token shows Supabase’s own message', async () => {
    api.getSchemaDrift.mockImplementation(() =>
      Promise.resolve({
        ok: false,
        error: { code: 'unauthorized', message: 'Supabase refused the token: JWT expired' },
      }),
    );
    render(<SchemaDriftView />);
    expect((await screen.findByTestId('error-state')).textContent).toContain('Supabase refused the token: JWT expired');
  });
});
