// @vitest-environment jsdom
// The founder applies a folder of migrations (supabase/migrations) to tenants: the review lists
// each file's migration in order with its SQL and which chosen tenants already have it (passed
// over there), and the result says what happened per tenant and migration.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filesReview } from '../../../src-main/services/tenants/schemaDrift';
import type { FleetApi, MigrationRun, MigrationSource, Result, SchemaDrift } from '../../../src-preload/contract';
import { useSchemaDriftStore } from '../../../src-renderer/stores/schemaDriftStore';
import { SchemaDriftView } from '../../../src-renderer/views/tenants/schema/SchemaDriftView';

const BASE = ['init_schema', 'upload_batches'];
const drift: SchemaDrift = {
  migrations: [
    { version: '20260302103000', name: 'init_schema', appliedOn: ['app-demo', 'app-bibbi'] },
    { version: '20260309141500', name: 'upload_batches', appliedOn: ['app-demo', 'app-bibbi'] },
    { version: '20261118093000', name: 'report_schedules', appliedOn: ['app-bibbi'] },
  ],
  tenants: [
    {
      appId: 'app-demo',
      name: 'taskifai-demo',
      group: 'TaskifAI',
      ref: 'mvd',
      applied: BASE,
      missing: ['report_schedules'],
    },
    {
      appId: 'app-bibbi',
      name: 'taskifai-bibbi',
      group: 'TaskifAI',
      ref: 'bib',
      applied: [...BASE, 'report_schedules'],
      missing: [],
    },
  ],
};

const run: MigrationRun = {
  migration: '2 migrations',
  halted: false,
  steps: [
    { appId: 'app-bibbi', name: 'taskifai-bibbi', migration: 'report_schedules', state: 'already_applied' },
    { appId: 'app-bibbi', name: 'taskifai-bibbi', migration: 'schedule_owner', state: 'applied' },
    { appId: 'app-demo', name: 'taskifai-demo', migration: 'report_schedules', state: 'applied' },
    { appId: 'app-demo', name: 'taskifai-demo', migration: 'schedule_owner', state: 'applied' },
  ],
};

const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
let api: Record<string, ReturnType<typeof vi.fn>>;

beforeEach(() => {
  api = {
    getSchemaDrift: vi.fn(() => ok(drift)),
    reviewMigration: vi.fn((source: MigrationSource) => ok(filesReview(source.files!))),
    applyMigration: vi.fn(() => ok(run)),
    listActivity: vi.fn(() => ok([])),
  };
  window.fleet = api as unknown as FleetApi;
});

afterEach(() => {
  cleanup();
  useSchemaDriftStore.setState({ drift: { loading: false }, flow: undefined });
});

const sql = (text: string, name: string) => new File([text], name);

describe('a folder of .sql files applied to tenants', () => {
  it('lists the migrations in file-name order, says who already has one, and reports each step', async () => {
    render(<SchemaDriftView />);
    await screen.findAllByTestId('drift-grid');
    fireEvent.click(screen.getByTestId('drift-apply-file'));
    const dialog = await screen.findByTestId('apply-dialog');
    for (const target of within(dialog).getAllByTestId('apply-target'))
      fireEvent.click(within(target).getByRole('checkbox'));
    fireEvent.change(within(dialog).getByTestId('apply-folder-input'), {
      target: {
        files: [
          sql('alter table public.report_schedules add column owner uuid;', '20261125120000_schedule_owner.sql'),
          sql('create table public.report_schedules (id uuid primary key);', '20261118093000_report_schedules.sql'),
          sql('# notes', 'README.md'),
        ],
      },
    });
    await waitFor(() => expect(within(dialog).getAllByTestId('apply-file')).toHaveLength(2));
    expect(
      within(dialog)
        .getAllByTestId('apply-file')
        .map((li) => li.dataset.migration),
    ).toEqual(['report_schedules', 'schedule_owner']);
    expect(within(dialog).getByTestId('apply-files').textContent).toContain('1 file not ending in .sql left out');

    fireEvent.click(within(dialog).getByTestId('apply-review-button'));
    const items = await within(dialog).findAllByTestId('review-migration');
    expect(items.map((li) => li.dataset.migration)).toEqual(['report_schedules', 'schedule_owner']);
    expect(within(items[0]!).getByTestId('review-sql').textContent).toBe(
      'create table public.report_schedules (id uuid primary key);',
    );
    expect(within(items[0]!).getByTestId('review-skipped').textContent).toBe(
      'skipped on taskifai-bibbi: already applied',
    );
    expect(within(items[1]!).queryByTestId('review-skipped')).toBeNull();
    expect(api.reviewMigration).toHaveBeenCalledWith({
      files: [
        { name: 'report_schedules', sql: 'create table public.report_schedules (id uuid primary key);' },
        { name: 'schedule_owner', sql: 'alter table public.report_schedules add column owner uuid;' },
      ],
    });

    fireEvent.click(within(dialog).getByTestId('apply-confirm'));
    await within(dialog).findByTestId('migration-result');
    expect(within(dialog).getByTestId('run-headline').textContent).toBe(
      '3 migrations applied across 2 tenants; 1 already there, skipped.',
    );
    const steps = within(dialog).getAllByTestId('run-step');
    expect(steps.map((s) => `${s.dataset.tenant}/${s.dataset.migration}:${s.dataset.state}`)).toEqual([
      'taskifai-bibbi/report_schedules:already_applied',
      'taskifai-bibbi/schedule_owner:applied',
      'taskifai-demo/report_schedules:applied',
      'taskifai-demo/schedule_owner:applied',
    ]);
  });
});
