import { describe, expect, it } from 'vitest';
import type { App, DatabaseCluster } from '../../../src-main/clients/digitalocean/types';
import { SANDBOX_INSTANCE_SIZES } from '../../../src-main/sandbox/catalog';
import { toFleetApp } from '../../../src-main/services/apps/appView';
import { InstanceSizeCatalog } from '../../../src-main/services/apps/instanceSizes';
import { clusterCosts, databaseLines } from '../../../src-main/services/costs/databaseCosts';
import { clusterMonthlyPrice } from '../../../src-main/services/costs/databasePricing';
import { appCostOf, groupCosts, platformCostOf } from '../../../src-main/services/costs/fleetCosts';

const catalog = new InstanceSizeCatalog(SANDBOX_INSTANCE_SIZES);
const api = { name: 'api', instance_size_slug: 'apps-s-1vcpu-1gb' as const, instance_count: 1 };
const pg = { engine: 'PG' as const, production: true, cluster_name: 'shop-pg' };

const app = (name: string, databases: NonNullable<App['spec']['databases']>): App => ({
  id: `id-${name}`,
  spec: { name, services: [api], databases },
});
const cluster = (over: Partial<DatabaseCluster> = {}): DatabaseCluster => ({
  name: 'shop-pg',
  engine: 'pg',
  size: 'db-s-2vcpu-4gb',
  num_nodes: 1,
  region: 'lon1',
  ...over,
});

function bill(apps: App[], clusters: DatabaseCluster[] | undefined, problem?: string) {
  const priced = clusters && clusterCosts(clusters, apps);
  return apps.map((a) => appCostOf(toFleetApp(a, catalog), catalog, databaseLines(a, priced, problem)));
}

describe('a founder whose tenants keep their data in DigitalOcean databases', () => {
  it('pays $7 a month for a dev database, which App Platform bills with the app', () => {
    const [shop] = bill([app('shop-a', [{ name: 'db', engine: 'PG' }])], []);
    expect(shop!.components.find((c) => c.name === 'db')).toMatchObject({
      category: 'database',
      monthlyCost: { min: 7, max: 7 },
      unitPrice: 7,
    });
    expect(shop!.monthlyCost).toEqual({ min: 19, max: 19 });
    // Propose prices the dev database too, so it stays in the cross-check.
    expect(platformCostOf(shop!)).toEqual({ min: 19, max: 19 });
    expect(shop!.estimated).toBe(false);
  });

  it('pays for a managed cluster once, split between the tenants that use it, and the group adds up to it', () => {
    const apps = [app('shop-a', [{ name: 'db', ...pg }]), app('shop-b', [{ name: 'db', ...pg }])];
    const [a, b] = bill(apps, [cluster()]);
    expect(a!.components.find((c) => c.name === 'db')).toMatchObject({
      cluster: 'shop-pg',
      estimate: true,
      monthlyCost: { min: 30, max: 30 },
      costNote:
        'Share of managed cluster shop-pg (db-s-2vcpu-4gb, $60.00 a month, used by 2 apps): estimate from DigitalOcean’s published prices.',
    });
    expect(a!.monthlyCost).toEqual({ min: 42, max: 42 });
    expect(b!.byCategory.database).toEqual({ min: 30, max: 30 });
    // The cluster is billed apart from App Platform: propose's figure leaves it out.
    expect(platformCostOf(a!)).toEqual({ min: 12, max: 12 });
    const [group] = groupCosts([a!, b!]);
    expect(group!.byCategory.database).toEqual({ min: 60, max: 60 });
    expect(group!.estimated).toBe(true);
  });

  it('splits a price that does not divide evenly so the shares still add up to the cluster’s price', () => {
    const apps = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((t) => app(`shop-${t}`, [{ name: 'db', ...pg }]));
    const shares = bill(apps, [cluster()]).map((c) => c.byCategory.database.min);
    // $60 over seven tenants: the first takes the odd cent.
    expect(shares).toEqual([8.58, 8.57, 8.57, 8.57, 8.57, 8.57, 8.57]);
    expect(Math.round(shares.reduce((t, s) => t + s, 0) * 100) / 100).toBe(60);
  });

  it('prices a cluster from the published table by size and node count, and leaves an engine it has no price for out', () => {
    expect(clusterMonthlyPrice(cluster())).toBe(60);
    expect(clusterMonthlyPrice(cluster({ num_nodes: 3 }))).toBe(180);
    expect(clusterMonthlyPrice(cluster({ engine: 'valkey', size: 'db-s-1vcpu-1gb' }))).toBe(15);
    expect(clusterMonthlyPrice(cluster({ engine: 'kafka' }))).toBeUndefined();
    expect(clusterMonthlyPrice(cluster({ size: 'gd-2vcpu-8gb' }))).toBeUndefined();
    const [shop] = bill([app('shop-a', [{ name: 'db', ...pg }])], [cluster({ engine: 'opensearch' })]);
    expect(shop!.components.find((c) => c.name === 'db')).toMatchObject({
      monthlyCost: { min: 0, max: 0 },
      costNote: expect.stringMatching(/no published price/),
    });
  });

  it('is told why a cluster has no figure when the clusters could not be read', () => {
    const [shop] = bill(
      [app('shop-a', [{ name: 'db', ...pg }])],
      undefined,
      'The token may not read database clusters',
    );
    expect(shop!.components.find((c) => c.name === 'db')?.costNote).toBe(
      'Managed cluster shop-pg: not priced — The token may not read database clusters',
    );
  });
});
