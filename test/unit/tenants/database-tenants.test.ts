// The founder opens Tenants: besides one row per App Platform app, Presence360's churches show as
// tenants by their databases in the shared cluster — no app, their database, their share of the
// cluster's price. In the staging account (no apps at all) the staging tenants show the same way;
// a token that may not read clusters says so beside the matrix and loses nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';
import type { TenantsMatrix } from '../../../src-preload/contract';
import { DEMO_STAGING_CONTEXT } from '../../../src-preload/contract/accounts';

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.dispose();
  runtime = undefined;
});

async function matrixOf(app: Runtime): Promise<TenantsMatrix> {
  const answer = await app.dispatcher.call('listTenants', undefined);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as TenantsMatrix;
}

// A runtime on the demo fleet reads apps, Supabase and GitHub for the matrix: more than the default 5 s.
describe('tenants known by their databases', { timeout: 30_000 }, () => {
  it('lists Presence360’s churches with their database and share beside the app tenants', async () => {
    const app = (runtime = await startRuntime({ logger: silentLogger }));
    const matrix = await matrixOf(app);
    expect(matrix.tenants.length).toBe(12);
    expect(matrix.databaseTenants?.map((t) => [t.tenant, t.group, t.environment, t.monthlyShare])).toEqual(
      ['grace', 'bethel', 'zion', 'calvary', 'hope'].map((t) => [t, 'Presence360', 'production', 10]),
    );
    expect(matrix.databaseTenants?.[0]?.databases).toEqual([
      { cluster: 'presence360-pg', name: 'tenant_grace', monthlyShare: 10 },
    ]);
  });

  it('in the staging account, with no apps, still lists staging’s tenants by their databases', async () => {
    const app = (runtime = await startRuntime({ logger: silentLogger }));
    await app.accounts.switchTo(DEMO_STAGING_CONTEXT);
    const matrix = await matrixOf(app);
    expect(matrix.tenants).toEqual([]);
    expect(
      matrix.databaseTenants?.map((t) => [t.tenant, t.environment, t.databases[0]?.cluster, t.monthlyShare]),
    ).toEqual([
      ['demo', 'staging', 'presence360-pg-staging', 5],
      ['grace', 'staging', 'presence360-pg-staging', 5],
    ]);
  });

  it('a token without database:read keeps the matrix and says why the database tenants are missing', async () => {
    const app = (runtime = await startRuntime({ logger: silentLogger }));
    const grant = app.sandbox.state.tokens.get(app.sandboxToken)!;
    app.sandbox.state.tokens.set(app.sandboxToken, { ...grant, lacks: ['database:read'] });
    const matrix = await matrixOf(app);
    expect(matrix.tenants.length).toBe(12);
    expect(matrix.databaseTenants).toBeUndefined();
    expect(matrix.databaseTenantsProblem).toMatch(/may not read database clusters \(database:read\)/);
  });
});
