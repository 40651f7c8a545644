// A folder of .sql files (supabase/migrations) applied across tenants: each file one migration,
// named from its file name, in file-name order; each tenant takes them in turn, passing over the
// ones it already has, and the first failure anywhere stops the run. The bridge refuses a set it
// should not carry (too many, too large, unnamed or twice-named files).
import { describe, expect, it } from 'vitest';
import { tenantsMethodSchemas } from '../../../src-main/bridge/schemas/tenants';
import { filesReview, runMigrations } from '../../../src-main/services/tenants/schemaDrift';
import type { ActivityEntry } from '../../../src-preload/contract';
import { liveSteps, pickedSet, sourceRequest, type ApplyFlow } from '../../../src-renderer/stores/schemaDriftStore';

const files = [
  { name: 'report_schedules', sql: 'create table public.report_schedules (id uuid primary key);' },
  { name: 'schedule_owner', sql: 'alter table public.report_schedules add column owner uuid;' },
  { name: 'schedule_index', sql: 'create index on public.report_schedules (owner);' },
];

describe('several migrations applied tenant by tenant', () => {
  it('passes over what a tenant has, applies the rest in order, and halts everything at the first failure', async () => {
    const has: Record<string, string[]> = { bibbi: ['report_schedules'], c3: [] };
    const applied: string[] = [];
    const log: string[] = [];
    const review = filesReview(files);
    const run = await runMigrations(
      {
        review: async () => review,
        has: async (ref, name) => (has[ref] ?? []).includes(name),
        apply: async (ref, migration) => {
          if (ref === 'c3' && migration.name === 'schedule_owner')
            throw new Error('ERROR:  column "owner" of relation "report_schedules" already exists (SQLSTATE 42701)');
          applied.push(`${ref}:${migration.name}`);
        },
      },
      review.name,
      review.migrations!,
      [
        { appId: 'b', name: 'taskifai-bibbi', ref: 'bibbi' },
        { appId: 'c', name: 'taskifai-customer3', ref: 'c3' },
        { appId: 'd', name: 'taskifai-demo', ref: 'demo' },
      ],
      (ref, m) => `${ref}-${m.name}`,
      { before: (t, m) => `${t.name}/${m}`, after: (entry, step) => log.push(`${entry}:${step.state}`) },
    );
    expect(applied).toEqual(['bibbi:schedule_owner', 'bibbi:schedule_index', 'c3:report_schedules']);
    expect(run.migration).toBe('3 migrations');
    expect(run.halted).toBe(true);
    expect(run.steps.map((s) => `${s.name}/${s.migration}:${s.state}`)).toEqual([
      'taskifai-bibbi/report_schedules:already_applied',
      'taskifai-bibbi/schedule_owner:applied',
      'taskifai-bibbi/schedule_index:applied',
      'taskifai-customer3/report_schedules:applied',
      'taskifai-customer3/schedule_owner:failed',
      'taskifai-customer3/schedule_index:not_started',
      'taskifai-demo/report_schedules:not_started',
      'taskifai-demo/schedule_owner:not_started',
      'taskifai-demo/schedule_index:not_started',
    ]);
    expect(run.steps[4]?.error).toContain('42701');
    // Every step that ran is in the Activity log; nothing after the failure is.
    expect(log).toHaveLength(5);
  });

  it('reviews the set as each file’s SQL in order; a single file reviews as it always did', () => {
    const review = filesReview(files);
    expect(review.migrations?.map((m) => m.name)).toEqual(['report_schedules', 'schedule_owner', 'schedule_index']);
    expect(review.sql.indexOf('-- schedule_owner')).toBeLessThan(review.sql.indexOf('-- schedule_index'));
    expect(filesReview([files[0]!])).toEqual({
      name: 'report_schedules',
      sql: files[0]!.sql,
      from: 'the .sql file you picked',
    });
  });
});

describe('the bridge checks a set of migration files', () => {
  const check = (source: unknown) => tenantsMethodSchemas.reviewMigration.safeParse(source);
  const messages = (source: unknown) => {
    const result = check(source);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('accepts a folder’s worth of named files', () => {
    expect(check({ files }).success).toBe(true);
  });

  it('refuses none, too many, twice-named, unnamed, empty or oversized files, and mixing sources', () => {
    expect(messages({ files: [] })).toContain('no migration files');
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `m${i}`, sql: 'select 1;' }));
    expect(messages({ files: many })).toContain('more than 200 migration files');
    expect(messages({ files: [files[0], files[0]] })).toContain('two files are named report_schedules');
    expect(check({ files: [{ name: '../etc', sql: 'select 1;' }] }).success).toBe(false);
    expect(messages({ files: [{ name: 'empty', sql: '' }] })).toContain('the migration has no SQL');
    expect(messages({ files: [{ name: 'big', sql: 'x'.repeat(512 * 1024 + 1) }] })).toContain(
      'a migration over 512 KiB',
    );
    const large = Array.from({ length: 20 }, (_, i) => ({ name: `m${i}`, sql: 'x'.repeat(500 * 1024) }));
    expect(messages({ files: large })).toContain('migration files over 8 MiB together');
    expect(check({ files, sql: 'select 1;' }).success).toBe(false);
    expect(check({ files, fromAppId: 'b1d4fb2a-fddf-4012-b862-4cec1239c6f7', version: '1' }).success).toBe(false);
  });
});

describe('the window reads a picked folder', () => {
  const picked = (names: string[], texts: Record<string, string> = {}) =>
    pickedSet(
      names.map((name) => ({ name, size: (texts[name] ?? 'select 1;').length })),
      async (i) => texts[names[i]!] ?? 'select 1;',
    );

  it('keeps only .sql files, in file-name order, each named from its file name', async () => {
    const set = await picked([
      '20261120_schedule_index.sql',
      'README.md',
      '20261118_report_schedules.sql',
      '.DS_Store',
    ]);
    expect(set.ignored).toBe(2);
    expect(set.files.map((f) => [f.fileName, f.name])).toEqual([
      ['20261118_report_schedules.sql', 'report_schedules'],
      ['20261120_schedule_index.sql', 'schedule_index'],
    ]);
    const flow = { source: 'file', files: set, fileName: '' } as unknown as ApplyFlow;
    expect(sourceRequest(flow)).toEqual({
      files: [
        { name: 'report_schedules', sql: 'select 1;' },
        { name: 'schedule_index', sql: 'select 1;' },
      ],
    });
  });

  it('marks an empty file, a twice-named one and a bad name, and sends nothing until they are gone', async () => {
    const set = await picked(['20261101_a.sql', '20261102_a.sql', '20261103_empty.sql', '20261104_bad(name).sql'], {
      '20261103_empty.sql': '  \n',
    });
    expect(set.files.map((f) => f.error)).toEqual([
      'Another file is also named a.',
      'Another file is also named a.',
      'Empty: there is no SQL in it.',
      'Its name has characters a migration name cannot (letters, digits, _ - . only).',
    ]);
    expect(sourceRequest({ source: 'file', files: set, fileName: '' } as unknown as ApplyFlow)).toBeUndefined();
    expect((await picked(['notes.txt'])).error).toBe('None of the picked files is a .sql file.');
  });

  it('shows a tenant applying until each of its migrations has succeeded, failed at any failure', () => {
    const entry = (appId: string, migration: string, result: ActivityEntry['result']) =>
      ({
        action: 'apply_migration',
        appId,
        parameters: { migration },
        result,
        startedAt: '2026-12-03T13:00:01Z',
      }) as unknown as ActivityEntry;
    const names = ['report_schedules', 'schedule_owner'];
    const since = Date.parse('2026-12-03T13:00:00Z');
    expect(
      liveSteps(
        [
          entry('b', 'report_schedules', 'succeeded'),
          entry('b', 'schedule_owner', 'succeeded'),
          entry('c', 'report_schedules', 'succeeded'),
          entry('c', 'schedule_owner', 'started'),
          entry('d', 'report_schedules', 'failed'),
        ],
        names,
        ['b', 'c', 'd'],
        since,
      ),
    ).toEqual({ b: 'applied', c: 'applying', d: 'failed' });
  });
});
