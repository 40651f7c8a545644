// The sandbox cannot run SQL, but it must refuse what Postgres would refuse in a migration: a
// table that already exists, a table that is not there. Its model is the set of table names.
import { describe, expect, it } from 'vitest';
import { applyToTables, splitStatements } from '../../../src-main/sandbox/supabase/sql';

describe('the sandbox’s model of a project’s tables', () => {
  it('splits a migration into statements, keeping semicolons inside quotes and function bodies', () => {
    const script = `create table public.a (note text default 'x; y');
create function public.touch() returns trigger language plpgsql as $$
begin new.updated_at = now(); return new; end;
$$;
-- a comment; with a semicolon
alter table public.a enable row level security;`;
    const statements = splitStatements(script);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toMatch(/^create function[\s\S]*return new; end;\n\$\$$/);
    expect(statements[2]).toMatch(/alter table public.a enable row level security$/);
  });

  it('a table created twice fails as Postgres says it, and the set is left as it was', () => {
    const tables = new Set(['public.report_schedules']);
    const result = applyToTables(tables, [
      'create table public.users (id int)',
      'create table report_schedules (id int)',
    ]);
    expect(result).toEqual({ failure: { code: '42P07', message: 'relation "report_schedules" already exists' } });
    expect([...tables]).toEqual(['public.report_schedules']);
  });

  it('if not exists, drops and alters follow Postgres', () => {
    const start = new Set(['public.tenants']);
    expect(applyToTables(start, ['create table if not exists public.tenants (id int)'])).toEqual({ tables: start });
    expect(applyToTables(start, ['drop table "public"."tenants"'])).toEqual({ tables: new Set() });
    expect(applyToTables(start, ['alter table public.missing add column x int'])).toEqual({
      failure: { code: '42P01', message: 'relation "public.missing" does not exist' },
    });
    expect(applyToTables(start, ['drop table if exists public.missing'])).toEqual({ tables: start });
  });
});
