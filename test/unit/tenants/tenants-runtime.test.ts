// A founder opens the tenants matrix of the demo fleet: every app with its Supabase project, its
// schema, its backups and its GitHub branch, priced DigitalOcean + Supabase. Then they restore the
// paused InsightPulse project, apply the migration two TaskifAI tenants lack (one of them fails in
// Postgres's words, and nothing more is applied), and link a project by hand.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import type {
  ActivityEntry,
  MigrationRun,
  SchemaDrift,
  SupabaseCosts,
  TenantDetail,
  TenantRow,
  TenantsMatrix,
} from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';

const { start, call, value } = runningApp();
const byName = (matrix: TenantsMatrix, name: string): TenantRow => {
  const row = matrix.tenants.find((t) => t.name === name);
  if (!row) throw new Error(`no tenant ${name}`);
  return row;
};

describe('the tenants matrix of the demo fleet', { timeout: 20_000 }, () => {
  it('joins each app with the Supabase project its spec names, its schema, backups, sources and both costs', async () => {
    await start({ logger: silentLogger });
    const matrix = await value<TenantsMatrix>('listTenants');
    expect(matrix.providers).toEqual({ supabase: { state: 'connected' }, github: { state: 'connected' } });

    const demo = byName(matrix, 'taskifai-demo');
    expect(demo.supabase).toMatchObject({
      ref: 'mvdkxoprtazlyqwcbnje',
      how: 'derived',
      project: { name: 'TaskifAI-Demo' },
    });
    expect(demo.schema).toMatchObject({ ok: true, value: { missing: ['report_schedules'] } });
    expect(demo.cost.supabase).toBeGreaterThan(0);
    expect(demo.cost.total.min).toBeCloseTo(demo.cost.digitalocean.min + demo.cost.supabase!, 2);

    const bibbi = byName(matrix, 'taskifai-bibbi');
    expect(bibbi.schema).toMatchObject({ ok: true, value: { missing: [] } });
    expect(bibbi.backups).toMatchObject({ ok: true, value: { pitrEnabled: true } });
    const source = bibbi.sources?.ok ? bibbi.sources.value[0] : undefined;
    expect(source).toMatchObject({ repo: 'taskifai/taskifai-platform', branch: 'main' });
    expect(source?.behindBy).toBeGreaterThanOrEqual(3);

    // The registry's own history is not held against the tenants, nor theirs against it.
    const central = byName(matrix, 'taskifai-central');
    expect(central.supabase?.project?.name).toBe('TaskifAI-Registry');
    expect(central.schema).toMatchObject({ ok: true, value: { missing: [] } });

    const paused = matrix.tenants.find((t) => t.supabase?.project?.name === 'insightpulse-odoo');
    expect(paused?.supabase?.project?.status).toBe('INACTIVE');
    expect(paused?.schema).toMatchObject({ ok: false, error: { message: expect.stringContaining('Paused') } });

    // InsightPulse's apps share one project: each names the others, and pays its share.
    const sharing = matrix.tenants.filter((t) => t.supabase?.ref === paused?.supabase?.ref);
    expect(sharing.length).toBeGreaterThan(1);
    for (const t of sharing) expect(t.supabase?.sharedWith).toHaveLength(sharing.length - 1);

    // Apps without Supabase still are tenants, with their DigitalOcean cost alone.
    const multivio = matrix.tenants.find((t) => t.group.toLowerCase().includes('multivio'));
    expect(multivio?.supabase).toBeNull();
    expect(multivio?.cost.total).toEqual(multivio?.cost.digitalocean);
  });

  it('a tenant page shows the project’s services, advisors and keys never in full', async () => {
    await start({ logger: silentLogger });
    const bibbi = byName(await value<TenantsMatrix>('listTenants'), 'taskifai-bibbi');
    const detail = await value<TenantDetail>('getTenant', { appId: bibbi.appId });
    const project = detail.supabase?.ok ? detail.supabase.value : undefined;
    expect(project?.services).toMatchObject({ ok: true });
    expect(
      project?.advisors.ok && project.advisors.value.some((a) => a.level === 'WARN' && a.kind === 'security'),
    ).toBe(true);
    const keys = project?.apiKeys.ok ? project.apiKeys.value : [];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.preview.length).toBeLessThanOrEqual(13);
    // A Pro project is never offered Pause.
    expect(project?.pause).toMatchObject({ allowed: false, reason: expect.stringContaining('Free plan') });
  });
});

describe('a project shared by several tenants', { timeout: 20_000 }, () => {
  it('is split between them, so the matrix never counts its compute twice', async () => {
    const runtime = await start({ logger: silentLogger });
    const { supabaseWorldOf } = await import('../../../src-main/sandbox/supabaseApi');
    const odoo = supabaseWorldOf(runtime.sandbox.state).projects.insightpulse![0]!;
    odoo.status = 'ACTIVE_HEALTHY';
    odoo.databases[0]!.status = 'ACTIVE_HEALTHY';
    odoo.databases[0]!.infra_compute_size = 'small';
    const matrix = await value<TenantsMatrix>('listTenants');
    const sharing = matrix.tenants.filter((t) => t.supabase?.ref === odoo.ref);
    const shares = sharing.map((t) => t.cost.supabase ?? 0);
    const costs = await value<SupabaseCosts>('getSupabaseCosts');
    const whole = costs.organizations.flatMap((o) => o.projects).find((p) => p.ref === odoo.ref)?.computeEstimate;
    expect(whole).toBeGreaterThan(0);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(whole!, 1);
    expect(new Set(shares).size).toBe(1);
  });
});

describe('acting on tenants', { timeout: 20_000 }, () => {
  it('restores the paused Free project and refuses to pause a Pro one, each in the Activity log', async () => {
    await start({ logger: silentLogger });
    const matrix = await value<TenantsMatrix>('listTenants');
    const paused = matrix.tenants.find((t) => t.supabase?.project?.status === 'INACTIVE')!;
    const restored = await value<{ status: string }>('restoreSupabaseProject', { ref: paused.supabase!.ref });
    expect(['COMING_UP', 'RESTORING', 'ACTIVE_HEALTHY']).toContain(restored.status);

    const pro = byName(matrix, 'taskifai-bibbi').supabase!.ref;
    const refused = await call('pauseSupabaseProject', { ref: pro });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('Free plan') },
    });

    const activity = await value<ActivityEntry[]>('listActivity', {});
    expect(activity.find((e) => e.action === 'supabase_restore')).toMatchObject({
      result: 'succeeded',
      appId: paused.appId,
    });
  });

  it('applies a missing migration tenant by tenant and halts at the first failure, in Postgres’s words', async () => {
    await start({ logger: silentLogger });
    const matrix = await value<TenantsMatrix>('listTenants');
    const bibbi = byName(matrix, 'taskifai-bibbi');
    const demo = byName(matrix, 'taskifai-demo');
    const customer3 = byName(matrix, 'taskifai-customer3');
    const drift = await value<SchemaDrift>('getSchemaDrift');
    expect(drift.tenants.find((t) => t.appId === customer3.appId)?.missing).toEqual(['report_schedules']);

    const source = { fromAppId: bibbi.appId, version: 'report_schedules' };
    const review = await value<{ sql: string; name: string }>('reviewMigration', source);
    expect(review.name).toBe('report_schedules');
    expect(review.sql.toLowerCase()).toContain('create table');

    const run = await value<MigrationRun>('applyMigration', { source, appIds: [customer3.appId, demo.appId] });
    expect(run.halted).toBe(true);
    expect(run.steps.map((s) => s.state)).toEqual(['failed', 'not_started']);
    expect(run.steps[0]?.error).toMatch(/42P07|already exists/);

    const second = await value<MigrationRun>('applyMigration', { source, appIds: [demo.appId, customer3.appId] });
    expect(second.steps.map((s) => s.state)).toEqual(['applied', 'failed']);
    // Asked again, the tenant that has it is passed over: nothing is applied twice.
    const third = await value<MigrationRun>('applyMigration', { source, appIds: [demo.appId] });
    expect(third.steps[0]?.state).toBe('already_applied');

    const after = await value<SchemaDrift>('getSchemaDrift');
    expect(after.tenants.find((t) => t.appId === demo.appId)?.missing).toEqual([]);
    const activity = await value<ActivityEntry[]>('listActivity', {});
    const steps = activity.filter((e) => e.action === 'apply_migration');
    expect(steps.filter((e) => e.result === 'failed').map((e) => e.appName)).toEqual([
      'taskifai-customer3',
      'taskifai-customer3',
    ]);
    expect(steps.some((e) => e.appName === 'taskifai-demo' && e.result === 'succeeded')).toBe(true);
  });

  it('a project linked by hand replaces what the spec says and is forgotten on unlink', async () => {
    await start({ logger: silentLogger });
    const matrix = await value<TenantsMatrix>('listTenants');
    const demo = byName(matrix, 'taskifai-demo');
    const registry = byName(matrix, 'taskifai-central').supabase!.ref;
    const linked = await value<TenantRow>('linkSupabaseProject', { appId: demo.appId, ref: registry });
    expect(linked.supabase).toMatchObject({ ref: registry, how: 'linked' });
    const unlinked = await value<TenantRow>('unlinkSupabaseProject', { appId: demo.appId });
    expect(unlinked.supabase).toMatchObject({ ref: 'mvdkxoprtazlyqwcbnje', how: 'derived' });
    const none = await value<TenantRow>('unlinkSupabaseProject', { appId: demo.appId });
    expect(none.supabase).toBeNull();
  });
});

describe('a context without Supabase or GitHub', { timeout: 20_000 }, () => {
  it('keeps the DigitalOcean columns and says why the others are empty', async () => {
    const token = `dop_v1_${'e5'.repeat(32)}`;
    await start({
      logger: silentLogger,
      accountApis: 'sandbox',
      grantSandboxTokens: [{ token, scopes: 'read-write' }],
    });
    await value('addAccount', { provider: 'digitalocean', context: 'production', token, memoryOnly: true });
    await value('switchContext', { context: 'production' });
    const matrix = await value<TenantsMatrix>('listTenants');
    expect(matrix.providers.supabase.state).toBe('not_connected');
    expect(matrix.providers.github).toMatchObject({
      state: 'not_connected',
      message: expect.stringContaining('GitHub'),
    });
    const bibbi = byName(matrix, 'taskifai-bibbi');
    expect(bibbi.cost.digitalocean.min).toBeGreaterThan(0);
    expect(bibbi.sources).toMatchObject({ ok: false, error: { message: expect.stringContaining('GitHub') } });
  });

  it('a GitHub token revoked after it was added empties only the source column, with GitHub’s words', async () => {
    const token = `dop_v1_${'f6'.repeat(32)}`;
    const github = `ghp_${'A1'.repeat(18)}`;
    const runtime = await start({
      logger: silentLogger,
      accountApis: 'sandbox',
      grantSandboxTokens: [
        { token, scopes: 'read-write' },
        { token: github, scopes: 'read-write', api: 'github' },
      ],
    });
    await value('addAccount', { provider: 'digitalocean', context: 'production', token, memoryOnly: true });
    await value('addAccount', { provider: 'github', context: 'production', token: github, memoryOnly: true });
    await value('switchContext', { context: 'production' });
    runtime.sandbox.state.tokens.delete(github);
    const matrix = await value<TenantsMatrix>('listTenants');
    expect(matrix.providers.github.state).toBe('error');
    expect(matrix.providers.github.message).not.toContain(github);
    const bibbi = byName(matrix, 'taskifai-bibbi');
    expect(bibbi.sources).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(bibbi.phase).toBe('ACTIVE');
    expect(bibbi.cost.digitalocean.min).toBeGreaterThan(0);
  });
});
