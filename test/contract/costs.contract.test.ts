// The sandbox's billing and monitoring answers must look like DigitalOcean's: each is validated
// against the official spec, and the numbers must agree with what the demo fleet costs.
import { describe, expect, it } from 'vitest';
import { InstanceSizeCache } from '../../src-main/services/apps/instanceSizeCache';
import { createCostsDomain } from '../../src-main/services/costs';
import { costTableRows } from '../../src-renderer/views/costs/costModel';
import { expectMatchesSpec } from '../support/openapi';
import { FIXED_NOW, infrastructureFor, sandboxWithClient } from '../support/sandbox';

async function get(path: string) {
  const setup = await sandboxWithClient();
  const appId = [...setup.sandbox.state.apps.keys()][0]!;
  const response = await fetch(setup.sandbox.url + path.replace('{app}', appId), {
    headers: { Authorization: `Bearer ${setup.token}` },
  });
  return { response, body: await response.json(), ...setup };
}

const end = Math.floor(FIXED_NOW / 1000);
const weekAgo = end - 7 * 86_400;

describe('the sandbox bills and measures like DigitalOcean', () => {
  it.each([
    ['balance_get', '/v2/customers/my/balance'],
    ['billingHistory_list', '/v2/customers/my/billing_history?per_page=5'],
    ['invoices_list', '/v2/customers/my/invoices'],
    [
      'monitoring_get_appCPUPercentageMetrics',
      `/v2/monitoring/metrics/apps/cpu_percentage?app_id={app}&start=${weekAgo}&end=${end}`,
    ],
    [
      'monitoring_get_appMemoryPercentageMetrics',
      `/v2/monitoring/metrics/apps/memory_percentage?app_id={app}&start=${weekAgo}&end=${end}`,
    ],
    [
      'monitoring_get_appRestartCountMetrics.yml',
      `/v2/monitoring/metrics/apps/restart_count?app_id={app}&start=${weekAgo}&end=${end}`,
    ],
  ])('%s (GET %s)', async (operationId, path) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(200);
    await expectMatchesSpec(operationId, 200, body);
  });

  it('lists twelve months of invoices, newest first, pages like every list, and previews this month', async () => {
    const { body } = await get('/v2/customers/my/invoices?per_page=5&page=1');
    expect(body.meta.total).toBe(12);
    expect(body.invoices).toHaveLength(5);
    expect(body.links.pages.next).toContain('page=2');
    expect(body.invoices[0].invoice_period).toBe('2026-10');
    expect(body.invoice_preview.invoice_period).toBe('2026-11');
  });

  it('bills the month so far in line with what the demo fleet costs', async () => {
    const setup = await sandboxWithClient();
    const { client } = setup;
    const infrastructure = await infrastructureFor(setup);
    const costs = createCostsDomain(client, new InstanceSizeCache(client), undefined, undefined, () =>
      infrastructure.readForCosts(),
    );
    const [fleet, billing] = await Promise.all([costs.fleet.getFleetCosts(), costs.billing.getAccountBilling()]);
    // 20 Nov noon is 19.5 days into a 30-day month.
    expect(billing.monthToDateUsage).toBeCloseTo(fleet.monthlyCost.min * (19.5 / 30), 1);
    expect(billing.projectedMonthEnd).toBeCloseTo(fleet.monthlyCost.min, 1);
    expect(billing.invoices).toHaveLength(12);
    expect(billing.invoices.at(-1)!.amount).toBeGreaterThan(fleet.monthlyCost.min * 0.9);
    expect(billing.invoices.at(-1)!.amount).toBeLessThan(fleet.monthlyCost.min * 1.1);
    expect(fleet.proposeFailures).toBe(0);
    expect(fleet.apps.filter((a) => a.mismatch)).toEqual([]);
  });

  it('flags an app whose DigitalOcean price disagrees with the size list, and counts one it could not check', async () => {
    const { client, sandbox } = await sandboxWithClient();
    // The first two propose answers: a price the size list cannot explain, then a server error.
    sandbox.faults.inject({
      method: 'POST',
      pathPrefix: '/v2/apps/propose',
      kind: 'status',
      status: 200,
      body: { app_cost: 999 },
    });
    sandbox.faults.inject({ method: 'POST', pathPrefix: '/v2/apps/propose', kind: 'status', status: 500 });
    const costs = createCostsDomain(client, new InstanceSizeCache(client));
    const fleet = await costs.fleet.getFleetCosts();
    const flagged = fleet.apps.filter((a) => a.mismatch);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.mismatch).toMatch(/^DigitalOcean prices this app at \$999\.00\/month; the size list gives \$/);
    expect(fleet.proposeFailures).toBe(1);
  });

  it('gives one series per instance, with hourly points over a week', async () => {
    const { body, sandbox } = await get(
      `/v2/monitoring/metrics/apps/cpu_percentage?app_id={app}&start=${weekAgo}&end=${end}`,
    );
    const record = [...sandbox.state.apps.values()][0]!;
    expect(body.data.result.length).toBeGreaterThanOrEqual(Object.keys(record.behaviour).length);
    for (const series of body.data.result) {
      expect(series.metric.app_uuid).toBe(record.app.id);
      expect(series.values.length).toBeLessThanOrEqual(200);
      expect(series.values.length).toBeGreaterThan(100);
    }
  });

  it('drives right-sizing from the demo fleet: a hot API goes up, an idle one down, a crash-looping worker up', async () => {
    const { client, sandbox } = await sandboxWithClient();
    const costs = createCostsDomain(client, new InstanceSizeCache(client));
    const idOf = (name: string) => [...sandbox.state.apps.values()].find((r) => r.app.spec.name === name)!.app.id!;
    const adviceFor = async (app: string, component: string) =>
      (await costs.sizing.getRightSizing(idOf(app))).advice.find((a) => a.component === component)!;
    expect(await adviceFor('taskifai-bibbi', 'bibbi-api')).toMatchObject({
      direction: 'up',
      suggestedSlug: 'apps-s-2vcpu-4gb',
    });
    expect(await adviceFor('taskifai-demo', 'demo-api')).toMatchObject({
      direction: 'down',
      currentSlug: 'apps-s-1vcpu-1gb',
    });
    const worker = await adviceFor('superset-analytics', 'superset-worker');
    expect(worker.direction).toBe('up');
    expect(worker.evidence.restarts).toBeGreaterThanOrEqual(3);
    const day = await costs.sizing.getUsageSeries(idOf('taskifai-bibbi'), 'bibbi-api', '24h');
    expect(day.instances).toBe(2);
    expect(day.points.length).toBeGreaterThan(100);
  });

  it('refuses a metrics query without app_id, start and end, as the API does', async () => {
    const { response, body } = await get('/v2/monitoring/metrics/apps/cpu_percentage');
    expect(response.status).toBe(400);
    expect(body.id).toBe('bad_request');
  });
});

describe('every DigitalOcean resource that bills is in the totals', () => {
  it('lists the account’s managed database clusters as the API does (GET /v2/databases)', async () => {
    const { response, body } = await get('/v2/databases');
    expect(response.status).toBe(200);
    await expectMatchesSpec('databases_list_clusters', 200, body);
    // Presence360's production clusters (guide 002): Postgres and Valkey. Staging's are in the
    // staging account (the "Demo staging" context's world).
    expect(body.databases).toEqual([
      expect.objectContaining({ name: 'presence360-pg', engine: 'pg', size: 'db-s-2vcpu-4gb', num_nodes: 1 }),
      expect.objectContaining({ name: 'presence360-valkey', engine: 'valkey', size: 'db-s-1vcpu-1gb' }),
    ]);
  });

  it('counts Presence360’s Postgres once: each church tenant carries its database’s share in a row of its own, the two apps that name it the rest', async () => {
    const setup = await sandboxWithClient();
    const { client } = setup;
    const infrastructure = await infrastructureFor(setup);
    const costs = createCostsDomain(client, new InstanceSizeCache(client), undefined, undefined, (fleet) =>
      infrastructure.readForCosts(fleet),
    );
    const [fleet, billing] = await Promise.all([costs.fleet.getFleetCosts(), costs.billing.getAccountBilling()]);

    // db-s-2vcpu-4gb, one node: $60 a month published, across six databases ($10 each): the five
    // churches' databases are theirs; control_plane's $10 is split between the two apps.
    expect(fleet.databases.map((d) => [d.name, d.monthlyPrice, d.appIds.length])).toEqual([
      ['presence360-pg', 60, 2],
      ['presence360-valkey', 15, 0],
    ]);
    for (const name of ['presence360-control-plane', 'presence360-tenant']) {
      const app = fleet.apps.find((a) => a.name === name)!;
      const db = app.components.find((c) => c.kind === 'database')!;
      expect(db).toMatchObject({ cluster: 'presence360-pg', estimate: true, monthlyCost: { min: 5, max: 5 } });
      expect(db.costNote).toMatch(
        /its tenants’ databases carry \$50\.00 in their own rows; the rest, \$10\.00, used by 2 apps/,
      );
      expect(app.byCategory.database).toEqual({ min: 5, max: 5 });
      expect(app.estimated).toBe(true);
      // Propose prices App Platform alone: the cluster's share is not a disagreement.
      expect(app.mismatch).toBeUndefined();
    }
    // Droplets at their size's price, the volume at $0.10 per GiB, the balancer at $12 a node,
    // Valkey at $15; then each church's share of presence360-pg, marked a share and an estimate.
    expect(fleet.infrastructure!.map((r) => [r.label, r.tenant, r.monthlyCost, r.estimated])).toEqual([
      ['Presence360 · production', undefined, 3 * 24 + 12 + 10 + 12 + 15, true],
      ...['bethel', 'calvary', 'grace', 'hope', 'zion'].map((t) => [`${t} · share of presence360-pg`, t, 10, true]),
    ]);
    const grace = fleet.infrastructure!.find((r) => r.tenant === 'grace')!;
    expect(grace.lines).toEqual([
      expect.objectContaining({
        name: 'tenant_grace (presence360-pg)',
        cluster: 'presence360-pg',
        tenant: 'grace',
        monthlyCost: 10,
        estimate: true,
        note: expect.stringMatching(/^Tenant grace’s share of managed cluster presence360-pg .* estimate/),
      }),
    ]);
    // The group holds the cluster once: $5 + $5 from the apps, $50 from the churches, Valkey $15.
    const presence = fleet.groups.find((g) => g.group === 'Presence360')!;
    expect(presence.byCategory.database).toEqual({ min: 75, max: 75 });
    expect(presence.appIds).toHaveLength(2);
    expect(fleet.estimated).toBe(true);
    expect(fleet.priceSources.map((s) => s.url)).toEqual(
      expect.arrayContaining([
        'https://www.digitalocean.com/pricing/managed-databases',
        'https://www.digitalocean.com/pricing/load-balancer',
        'https://www.digitalocean.com/pricing/volumes',
      ]),
    );

    // The CSV is built from the same lines: they add up to its total, which is the fleet's.
    const rows = costTableRows(fleet);
    const lines = rows.slice(1, -1);
    const sum = (column: number) => Math.round(lines.reduce((t, r) => t + Number(r[column]), 0) * 100) / 100;
    const total = rows.at(-1)!;
    expect(sum(7)).toBe(fleet.monthlyCost.min);
    expect(sum(8)).toBe(fleet.monthlyCost.max);
    expect([Number(total[7]), Number(total[8])]).toEqual([fleet.monthlyCost.min, fleet.monthlyCost.max]);
    const apps = fleet.apps.reduce((t, a) => t + a.monthlyCost.min, 0);
    // The apps (with control_plane's $10 of the cluster), production's $121 and the churches' $50.
    expect(fleet.monthlyCost.min).toBe(Math.round((apps + 121 + 50) * 100) / 100);

    // The projection runs everything at the run rate too: nothing is left to extrapolate.
    expect(billing.projectedMonthEnd).toBeCloseTo(fleet.monthlyCost.min, 1);
    expect(billing.projectionBasis).toMatch(/^The apps and their databases at today’s run rate; nothing else/);
  });

  it('says what is missing when the token may not read database clusters, and still shows the rest', async () => {
    const { client, sandbox, token } = await sandboxWithClient();
    sandbox.state.tokens.set(token, { scopes: 'read-only', lacks: ['database:read'] });
    const fleet = await createCostsDomain(client, new InstanceSizeCache(client)).fleet.getFleetCosts();
    expect(fleet.databasesProblem).toMatch(/database:read/);
    expect(fleet.databases).toEqual([]);
    const tenant = fleet.apps.find((a) => a.name === 'presence360-tenant')!;
    expect(tenant.components.find((c) => c.kind === 'database')).toMatchObject({
      monthlyCost: { min: 0, max: 0 },
      costNote: expect.stringMatching(/^Managed cluster presence360-pg: not priced — The token may not read/),
    });
    expect(fleet.apps).toHaveLength(12);
  });
});
