// How Fleetdeck finds a tenant's Supabase project in its spec, and how schema drift is read
// across tenants whose histories were applied at different times.
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../../../src-main/clients/digitalocean/types';
import { runMigration, schemaDrift } from '../../../src-main/services/tenants/schemaDrift';
import { primarySupabaseReference, refInValue } from '../../../src-main/services/tenants/supabaseRefs';
import { TENANT_LINKS_FILE, TenantLinks } from '../../../src-main/services/tenants/tenantLinks';

const REF = 'mvdkxoprtazlyqwcbnje';

describe('a tenant’s Supabase project is read from its spec', () => {
  it('takes the ref from SUPABASE_URL, a direct database host or a pooler user', () => {
    expect(refInValue(`https://${REF}.supabase.co`)).toBe(REF);
    expect(refInValue(`postgresql://postgres:pw@db.${REF}.supabase.co:5432/postgres`)).toBe(REF);
    expect(refInValue(`postgresql://postgres.${REF}:pw@aws-1-eu-central-1.pooler.supabase.com:6543/postgres`)).toBe(
      REF,
    );
    expect(refInValue('https://taskifai-registry.supabase.co')).toBeUndefined();
    expect(refInValue('https://example.com')).toBeUndefined();
  });

  it('never reads a SECRET value, and picks the project most components name', () => {
    const spec: AppSpec = {
      name: 'taskifai-demo',
      services: [
        {
          name: 'api',
          envs: [
            { key: 'SUPABASE_URL', value: `https://${REF}.supabase.co`, scope: 'RUN_TIME' },
            { key: 'REGISTRY_URL', value: 'https://qhwzrtkvylmbnpjsdgfa.supabase.co', scope: 'RUN_TIME' },
          ],
        },
      ],
      workers: [
        { name: 'worker', envs: [{ key: 'SUPABASE_URL', value: `https://${REF}.supabase.co`, scope: 'RUN_TIME' }] },
      ],
      jobs: [
        {
          name: 'migrate',
          envs: [{ key: 'DATABASE_URL', value: 'https://zzzzzzzzzzzzzzzzzzzz.supabase.co', type: 'SECRET' }],
        },
      ],
    };
    expect(primarySupabaseReference(spec)).toEqual({ ref: REF, from: 'api · SUPABASE_URL' });
  });
});

describe('schema drift across tenants', () => {
  const init = { version: '20260302103000', name: 'init_tenants' };
  const reports = { version: '20260610120000', name: 'add_reports' };
  const schedules = { version: '20261120093000', name: 'add_report_schedules' };

  it('matches migrations by name, so one applied later under a new version still counts', () => {
    const drift = schemaDrift([
      {
        appId: 'b',
        name: 'taskifai-bibbi',
        group: 'TaskifAI',
        ref: 'b'.repeat(20),
        applied: [init, reports, schedules],
      },
      {
        appId: 'd',
        name: 'taskifai-demo',
        group: 'TaskifAI',
        ref: 'd'.repeat(20),
        applied: [init, { ...reports, version: '20261203091500' }],
      },
    ]);
    expect(drift.tenants.find((t) => t.appId === 'd')?.missing).toEqual(['add_report_schedules']);
    expect(drift.tenants.find((t) => t.appId === 'b')?.missing).toEqual([]);
    expect(drift.migrations.map((m) => m.name)).toEqual(['init_tenants', 'add_reports', 'add_report_schedules']);
  });

  it('does not hold a registry with a history of its own against the tenants', () => {
    const drift = schemaDrift([
      { appId: 'b', name: 'taskifai-bibbi', group: 'TaskifAI', ref: 'b'.repeat(20), applied: [init, reports] },
      { appId: 'd', name: 'taskifai-demo', group: 'TaskifAI', ref: 'd'.repeat(20), applied: [init] },
      {
        appId: 'c',
        name: 'taskifai-central',
        group: 'TaskifAI',
        ref: 'c'.repeat(20),
        applied: [{ version: '1', name: 'registry_init' }],
      },
    ]);
    expect(drift.tenants.find((t) => t.appId === 'c')?.missing).toEqual([]);
    expect(drift.tenants.find((t) => t.appId === 'd')?.missing).toEqual(['add_reports']);
  });

  it('applies one tenant at a time and stops at the first failure, leaving the rest untouched', async () => {
    const applied: string[] = [];
    const log: string[] = [];
    const run = await runMigration(
      {
        review: async () => ({ name: 'add_report_schedules', sql: 'create table x();', from: 'bibbi' }),
        has: async (ref) => ref === 'already',
        apply: async (ref) => {
          if (ref === 'broken') throw new Error('Failed to run sql query: ERROR:  42P07: relation "x" already exists');
          applied.push(ref);
        },
      },
      { name: 'add_report_schedules', sql: 'create table x();', from: 'bibbi' },
      [
        { appId: '1', name: 'demo', ref: 'demo' },
        { appId: '2', name: 'old', ref: 'already' },
        { appId: '3', name: 'customer3', ref: 'broken' },
        { appId: '4', name: 'later', ref: 'later' },
      ],
      (ref) => `key-${ref}`,
      { before: (t) => t.name, after: (name, step) => log.push(`${name}:${step.state}`) },
    );
    expect(applied).toEqual(['demo']);
    expect(run.halted).toBe(true);
    expect(run.steps.map((s) => s.state)).toEqual(['applied', 'already_applied', 'failed', 'not_started']);
    expect(run.steps[2]?.error).toContain('42P07');
    expect(log).toEqual(['demo:applied', 'old:already_applied', 'customer3:failed']);
  });
});

describe('links set by hand', () => {
  it('are kept per context, survive a restart, and a hand-edited file injects nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    const production = new TenantLinks(dir, 'production');
    await production.set('app-1', REF);
    await production.set('app-2', null);
    const staging = new TenantLinks(dir, 'staging');
    expect((await staging.all()).size).toBe(0);
    const again = new TenantLinks(dir, 'production');
    expect([...(await again.all())]).toEqual([
      ['app-1', REF],
      ['app-2', null],
    ]);
    await writeFile(
      join(dir, TENANT_LINKS_FILE),
      JSON.stringify({ contexts: { production: { 'app-1': { supabaseRef: '../../etc' } } } }),
    );
    expect((await new TenantLinks(dir, 'production').all()).size).toBe(0);
    await again.forget('app-2');
    expect(JSON.parse(await readFile(join(dir, TENANT_LINKS_FILE), 'utf8')).contexts.production).toEqual({
      'app-1': { supabaseRef: REF },
    });
  });
});
