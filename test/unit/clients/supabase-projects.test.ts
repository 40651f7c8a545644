// The founder's Supabase projects, one per tenant, as the Supabase client sees them through the
// sandbox cloud over HTTP: pausing and restoring on the sandbox clock, the API's own refusals,
// migrations that apply once and fail in Postgres's words, the rate limit, and a read-only token.
import { describe, expect, it } from 'vitest';
import { SupabaseClient } from '../../../src-main/clients/supabase/client';
import { TENANT_MIGRATIONS } from '../../../src-main/sandbox/supabase/migrationHistory';
import { setSupabaseTiming, supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import { sandboxWithClient } from '../../support/sandbox';

const REGISTRY = 'qhwzrtkvylmbnpjsdgfa';
const DEMO = 'mvdkxoprtazlyqwcbnje';
const BIBBI = 'bibzfwkqmtrlxhcevnoa';
const CUSTOMER3 = 'cuxtrnwqplzhkvjmbyda';
const ODOO = 'spdtwktxdalcfigzeqrz';
const TOKEN = `sbp_${'e5'.repeat(20)}`;
const LATEST = TENANT_MIGRATIONS.at(-1)!;

/** The founder's Supabase account in the sandbox. Waits the client makes move the sandbox clock instead of the test's. */
async function supabaseAccount(options: { scopes?: 'read-write' | 'read-only' } = {}) {
  const { sandbox } = await sandboxWithClient();
  sandbox.state.tokens.set(TOKEN, { scopes: options.scopes ?? 'read-write', api: 'supabase' });
  setSupabaseTiming(sandbox.state, { pausingMs: 20_000, restoringMs: 30_000, comingUpMs: 15_000 });
  const baseUrl = `${sandbox.url}/supabase`;
  const sleeps: number[] = [];
  const newClient = () =>
    new SupabaseClient({
      baseUrl,
      token: () => TOKEN,
      sleep: async (ms) => {
        sleeps.push(ms);
        sandbox.state.clock.advance(ms);
      },
    });
  const later = (ms: number) => sandbox.state.clock.advance(ms);
  return { sandbox, client: newClient(), newClient, sleeps, later, world: supabaseWorldOf(sandbox.state) };
}

describe('pausing and restoring a Free project, on the sandbox clock', () => {
  it('the auto-paused Odoo project is restored, paused again and restored again', async () => {
    const { client, later } = await supabaseAccount();
    expect(await client.getProject(ODOO)).toMatchObject({ status: 'INACTIVE', organization_slug: 'insightpulse' });

    await client.restoreProject(ODOO);
    expect((await client.getProject(ODOO)).status).toBe('RESTORING');
    later(30_000);
    expect((await client.getProject(ODOO)).status).toBe('COMING_UP');
    expect(await client.getServicesHealth(ODOO, ['db'])).toMatchObject([{ name: 'db', status: 'COMING_UP' }]);
    later(15_000);
    expect((await client.getProject(ODOO)).status).toBe('ACTIVE_HEALTHY');

    await client.pauseProject(ODOO);
    expect((await client.getProject(ODOO)).status).toBe('PAUSING');
    later(20_000);
    expect((await client.getProject(ODOO)).status).toBe('INACTIVE');

    await client.restoreProject(ODOO);
    later(45_000);
    expect((await client.getProject(ODOO)).status).toBe('ACTIVE_HEALTHY');
  });

  it('restoring while the pause is still under way is refused in the API’s words', async () => {
    const { client, later } = await supabaseAccount();
    await client.restoreProject(ODOO);
    later(45_000);
    await client.pauseProject(ODOO);
    await expect(client.restoreProject(ODOO)).rejects.toMatchObject({
      code: 'invalid_argument',
      status: 400,
      message: 'Supabase: This project is no longer in a paused state, it is PAUSING',
    });
    later(20_000);
    await expect(client.restoreProject(ODOO)).resolves.toBeUndefined();
  });

  it('a tenant project in the Pro organization cannot be paused, and says only Free projects can', async () => {
    const { client } = await supabaseAccount();
    await expect(client.pauseProject(DEMO)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/only Free plan projects can/),
    });
    expect((await client.getProject(DEMO)).status).toBe('ACTIVE_HEALTHY');
  });

  it('asks for each service by name, and a paused project’s services are unhealthy', async () => {
    const { client, sandbox } = await supabaseAccount();
    const health = await client.getServicesHealth(ODOO, ['auth', 'db']);
    expect(health.map((s) => [s.name, s.status])).toEqual([
      ['auth', 'UNHEALTHY'],
      ['db', 'UNHEALTHY'],
    ]);
    expect(sandbox.requests).toContain(`GET /supabase/v1/projects/${ODOO}/health?services=auth&services=db`);
    expect(await client.getServicesHealth(BIBBI, ['rest'])).toMatchObject([{ name: 'rest', status: 'ACTIVE_HEALTHY' }]);
  });
});

describe('migrations', () => {
  it('the Demo tenant gets the migration it lacks once, even when the apply is sent again with its key', async () => {
    const { client } = await supabaseAccount();
    expect((await client.listMigrations(DEMO)).map((m) => m.name)).not.toContain(LATEST.name);

    const key = 'fleetdeck-taskifai-demo-report_schedules-1';
    await client.applyMigration(DEMO, { query: LATEST.sql, name: LATEST.name }, key);
    await client.applyMigration(DEMO, { query: LATEST.sql, name: LATEST.name }, key);

    const applied = await client.listMigrations(DEMO);
    expect(applied).toHaveLength(TENANT_MIGRATIONS.length);
    expect(applied.filter((m) => m.name === LATEST.name)).toHaveLength(1);
    // The API versions a migration by when it ran, not by the file it came from.
    const version = applied.at(-1)!.version;
    expect(version).toMatch(/^2026112012\d{4}$/);
    expect(await client.getMigration(DEMO, version)).toMatchObject({
      name: LATEST.name,
      idempotency_key: key,
      statements: [
        expect.stringMatching(/^create table public.report_schedules/),
        expect.any(String),
        expect.any(String),
      ],
    });
  });

  it('Customer3’s leftover table makes the migration fail in Postgres’s words, and nothing is recorded', async () => {
    const { client } = await supabaseAccount();
    const before = await client.listMigrations(CUSTOMER3);
    await expect(
      client.applyMigration(CUSTOMER3, { query: LATEST.sql, name: LATEST.name }, 'customer3-report_schedules'),
    ).rejects.toMatchObject({
      status: 400,
      message: 'Supabase: Failed to run sql query: ERROR:  42P07: relation "report_schedules" already exists',
    });
    expect(await client.listMigrations(CUSTOMER3)).toEqual(before);
  });

  it('every tenant shares the schema history; BIBBI has it all, the registry its own', async () => {
    const { client } = await supabaseAccount();
    const names = async (ref: string) => (await client.listMigrations(ref)).map((m) => `${m.version}_${m.name}`);
    expect(await names(BIBBI)).toEqual(TENANT_MIGRATIONS.map((m) => `${m.version}_${m.name}`));
    expect(await names(DEMO)).toEqual((await names(BIBBI)).slice(0, -1));
    expect(await names(REGISTRY)).toEqual([
      '20260302101500_init_tenants',
      '20260518074500_tenant_region',
      '20261113152000_tenant_events',
    ]);
  });
});

describe('backups, disk, advisors and keys', () => {
  it('BIBBI has PITR, a week of daily backups, a security warning and a performance note', async () => {
    const { client } = await supabaseAccount();
    const backups = await client.listBackups(BIBBI);
    expect(backups).toMatchObject({ pitr_enabled: true, walg_enabled: true });
    expect(backups.backups).toHaveLength(7);
    expect(backups.backups.every((b) => b.status === 'COMPLETED')).toBe(true);
    expect((await client.listBackups(ODOO)).backups).toEqual([]);
    const disk = await client.getDiskUtilization(BIBBI);
    expect(disk.metrics.fs_used_bytes / disk.metrics.fs_size_bytes).toBeGreaterThan(0.7);
    expect(await client.listAdvisorLints(BIBBI, 'security')).toMatchObject([{ level: 'WARN' }]);
    expect(await client.listAdvisorLints(BIBBI, 'performance')).toMatchObject([{ level: 'INFO' }]);
    expect(await client.listAdvisorLints(DEMO, 'security')).toEqual([]);
  });

  it('keys are read without reveal, and no secret key leaves the client whole', async () => {
    const { client, sandbox } = await supabaseAccount();
    const keys = await client.listApiKeys(BIBBI);
    expect(sandbox.requests).toContain(`GET /supabase/v1/projects/${BIBBI}/api-keys`);
    expect(keys.map((k) => [k.name, k.type])).toEqual([
      ['anon', 'legacy'],
      ['service_role', 'legacy'],
      ['default', 'publishable'],
      ['default', 'secret'],
    ]);
    const [anon, serviceRole, publishable, secret] = keys.map((k) => k.api_key ?? '');
    expect(anon).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(publishable).toMatch(/^sb_publishable_[\w-]+$/);
    expect(serviceRole).toMatch(/^.{15}·+$/);
    expect(secret).toMatch(/^sb_secret_.{5}·+$/);
  });
});

describe('the rate limit', () => {
  it('a spent bucket is waited out before the next call, and a 429 from another client is waited out too', async () => {
    const { sandbox, client, newClient, sleeps, world } = await supabaseAccount();
    world.rateLimit.perMinute = 2;
    for (let i = 0; i < 3; i++) expect((await client.getProject(BIBBI)).ref).toBe(BIBBI);
    // Remaining reached 0 on the second answer: the third waited for the window to end, unrefused.
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(59_000);
    const path = `GET /supabase/v1/projects/${BIBBI}`;
    expect(sandbox.requests.filter((r) => r === path)).toHaveLength(3);

    // Another Fleetdeck window on the same account finds the bucket spent by the 429 itself.
    await client.getProject(BIBBI);
    sleeps.length = 0;
    expect((await newClient().getProject(BIBBI)).ref).toBe(BIBBI);
    expect(sandbox.requests.filter((r) => r === path)).toHaveLength(6);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThan(59_000);
  });

  it('an apply refused with 429 was not made, so it goes again once the 3-minute window ends, and applies once', async () => {
    const { client, newClient, sleeps, world, sandbox } = await supabaseAccount();
    world.rateLimit.perMinute = 1;
    const migration = { query: LATEST.sql, name: LATEST.name };
    await client.applyMigration(DEMO, migration, 'demo-report_schedules');
    await newClient().applyMigration(DEMO, migration, 'demo-report_schedules');
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThan(179_000);
    sandbox.state.clock.advance(180_000);
    expect((await client.listMigrations(DEMO)).filter((m) => m.name === LATEST.name)).toHaveLength(1);
  });

  it('counts per project: another project’s bucket is untouched', async () => {
    const { client, sleeps, world } = await supabaseAccount();
    world.rateLimit.perMinute = 1;
    await client.getProject(BIBBI);
    await client.getProject(DEMO);
    expect(sleeps).toEqual([]);
  });
});

describe('a read-only token', () => {
  it('cannot pause or restore: 403, the project is as it was, and the error never holds the token', async () => {
    const { client } = await supabaseAccount({ scopes: 'read-only' });
    const refused = await client.restoreProject(ODOO).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'forbidden', status: 403 });
    await expect(client.pauseProject(ODOO)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await client.getProject(ODOO)).status).toBe('INACTIVE');
    expect(JSON.stringify(refused) + String(refused)).not.toContain(TOKEN);
  });

  it('a token the API does not know is refused with 401, in words that never hold it', async () => {
    const { sandbox } = await supabaseAccount();
    const stranger = new SupabaseClient({ baseUrl: `${sandbox.url}/supabase`, token: () => 'sbp_revoked_token_0123' });
    const refused = await stranger.getProject(BIBBI).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(JSON.stringify(refused) + String(refused)).not.toContain('sbp_revoked_token_0123');
  });
});
