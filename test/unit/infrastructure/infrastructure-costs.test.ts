// Infrastructure as lines of the bill: droplets at their size's price, balancers and clusters at
// published prices (estimates), a shared cluster split per database with each tenant's share
// named, a cluster an app names left to that app, and the groups' totals taking it all in.
import { describe, expect, it } from 'vitest';
import type { GroupCost, InfrastructureInventory } from '../../../src-preload/contract';
import {
  categoryOfRole,
  infrastructureClusters,
  tenantCarried,
  infrastructureCosts,
  withInfrastructureGroups,
} from '../../../src-main/services/costs/infrastructureCosts';
import { databaseLines } from '../../../src-main/services/costs/databaseCosts';

const inventory = (over: Partial<InfrastructureInventory> = {}): InfrastructureInventory => ({
  fetchedAt: '2026-11-20T12:00:00Z',
  droplets: [
    {
      id: 1,
      name: 'api-1',
      group: 'Shop',
      environment: 'production',
      role: 'api',
      sizeSlug: 's-2vcpu-4gb',
      vcpus: 2,
      memoryMb: 4096,
      diskGb: 80,
      region: 'lon1',
      status: 'active',
      locked: false,
      tags: [],
      monitoring: true,
      monthlyPrice: 24,
    },
    {
      id: 2,
      name: 'worker-1',
      group: 'Shop',
      environment: 'production',
      role: 'worker',
      sizeSlug: 's-1vcpu-2gb',
      vcpus: 1,
      memoryMb: 2048,
      diskGb: 50,
      region: 'lon1',
      status: 'active',
      locked: false,
      tags: [],
      monitoring: true,
      monthlyPrice: 12,
    },
  ],
  volumes: [],
  loadBalancers: [
    {
      id: 'lb',
      name: 'shop-lb',
      group: 'Shop',
      environment: 'production',
      nodes: 2,
      rules: [],
      targets: [],
      monthlyPrice: 24,
      priceNote: 'Load balancer, 2 nodes',
    },
  ],
  clusters: [
    {
      id: 'c1',
      name: 'shop-pg',
      group: 'Shop',
      environment: 'production',
      engine: 'pg',
      size: 'db-s-1vcpu-2gb',
      nodes: 1,
      region: 'lon1',
      tags: [],
      monthlyPrice: 30,
      priceNote: 'estimate',
      billedWithApps: [],
      databases: [
        { name: 'defaultdb', pools: [] },
        { name: 'tenant_a', tenant: 'a', monthlyShare: 15, pools: [] },
        { name: 'tenant_b', tenant: 'b', monthlyShare: 15, pools: [] },
      ],
      users: [],
      pools: [],
      trustedSources: [],
      resizeOptions: [],
    },
    {
      id: 'c2',
      name: 'app-pg',
      group: 'Shop',
      environment: 'production',
      engine: 'pg',
      size: 'db-s-2vcpu-4gb',
      nodes: 1,
      region: 'lon1',
      tags: [],
      monthlyPrice: 60,
      priceNote: 'estimate',
      billedWithApps: ['shop-api'],
      databases: [],
      users: [],
      pools: [],
      trustedSources: [],
      resizeOptions: [],
    },
  ],
  tenants: [],
  sizes: [],
  monthlyCost: 0,
  estimated: true,
  problems: [],
  ...over,
});

describe('infrastructure as lines of the bill', () => {
  it('prices each piece once, gives each tenant a row of its own with its share of the shared cluster, and leaves the app’s cluster to the app', () => {
    const rows = infrastructureCosts(inventory());
    expect(rows.map((r) => [r.label, r.tenant, r.monthlyCost, r.estimated])).toEqual([
      ['Shop · production', undefined, 60, true],
      ['a · share of shop-pg', 'a', 15, true],
      ['b · share of shop-pg', 'b', 15, true],
    ]);
    expect(rows[0]!.lines.map((l) => [l.name, l.category, l.monthlyCost, l.estimate])).toEqual([
      ['api-1', 'api', 24, false],
      ['worker-1', 'worker', 12, false],
      ['shop-lb', 'other', 24, true],
    ]);
    const [share] = rows[1]!.lines;
    expect(share).toMatchObject({
      name: 'tenant_a (shop-pg)',
      tenant: 'a',
      cluster: 'shop-pg',
      scale: '÷ 2 databases',
    });
    expect(share!.note).toMatch(
      /^Tenant a’s share of managed cluster shop-pg \(db-s-1vcpu-2gb, \$30\.00 a month across 2 databases\)/,
    );
    expect([...infrastructureClusters(rows)]).toEqual(['shop-pg']);
    expect(tenantCarried(rows)).toEqual(new Map([['shop-pg', 30]]));
  });

  it('a cluster the apps name, holding tenants’ databases too: the tenants carry their shares, the apps only the rest', () => {
    const shared = {
      ...inventory().clusters[1]!,
      billedWithApps: ['shop-control', 'shop-api'],
      databases: [
        { name: 'defaultdb', pools: [] },
        { name: 'control_plane', monthlyShare: 20, pools: [] },
        { name: 'tenant_a', tenant: 'a', monthlyShare: 20, pools: [] },
        { name: 'tenant_b', tenant: 'b', monthlyShare: 20, pools: [] },
      ],
    };
    const rows = infrastructureCosts(inventory({ droplets: [], loadBalancers: [], clusters: [shared] }));
    // control_plane's share is not a line here: it stays with the apps.
    expect(rows.map((r) => [r.label, r.monthlyCost])).toEqual([
      ['a · share of app-pg', 20],
      ['b · share of app-pg', 20],
    ]);
    const spec = (name: string) => ({
      id: name,
      spec: { name, databases: [{ name: 'db', engine: 'PG' as const, production: true, cluster_name: 'app-pg' }] },
    });
    const clusters = [
      {
        name: 'app-pg',
        engine: 'pg',
        size: 'db-s-2vcpu-4gb',
        nodes: 1,
        monthlyPrice: 60,
        note: '',
        appIds: ['shop-control', 'shop-api'],
      },
    ];
    const carried = tenantCarried(rows);
    const lines = ['shop-control', 'shop-api'].map(
      (n) => databaseLines(spec(n) as never, clusters, undefined, carried)[0]!,
    );
    expect(lines.map((l) => l.monthlyCost.min)).toEqual([10, 10]);
    expect(lines[0]!.costNote).toMatch(
      /its tenants’ databases carry \$40\.00 in their own rows; the rest, \$20\.00, used by 2 apps/,
    );
    // $20 + $20 from the tenants, $10 + $10 from the apps: the cluster's $60, once.
  });

  it('a cluster without tenant databases is one line; an unpriced one costs nothing and says so', () => {
    const base = inventory();
    const cache = {
      ...base.clusters[0]!,
      name: 'shop-valkey',
      engine: 'valkey',
      databases: [],
      monthlyPrice: undefined,
      priceNote: 'no published price',
    };
    const [row] = infrastructureCosts(inventory({ droplets: [], loadBalancers: [], clusters: [cache] }));
    expect(row!.lines).toEqual([
      expect.objectContaining({ name: 'shop-valkey', monthlyCost: 0, estimate: false, note: 'no published price' }),
    ]);
  });

  it('adds each row to its product group (a group of droplets alone becomes one), by category', () => {
    const zero = { min: 0, max: 0 };
    const groups: GroupCost[] = [
      {
        group: 'Shop',
        appIds: ['x'],
        monthlyCost: { min: 10, max: 20 },
        byCategory: { frontend: zero, api: { min: 10, max: 20 }, worker: zero, database: zero, other: zero },
        estimated: false,
      },
    ];
    const rows = infrastructureCosts(
      inventory({ droplets: [{ ...inventory().droplets[0]!, group: 'Lab', environment: undefined }] }),
    );
    const out = withInfrastructureGroups(groups, rows);
    const shop = out.find((g) => g.group === 'Shop')!;
    expect(shop.monthlyCost).toEqual({ min: 64, max: 74 });
    expect(shop.byCategory.database).toEqual({ min: 30, max: 30 });
    expect(shop.byCategory.other).toEqual({ min: 24, max: 24 });
    expect(shop.estimated).toBe(true);
    expect(out.find((g) => g.group === 'Lab')).toMatchObject({ appIds: [], monthlyCost: { min: 24, max: 24 } });
    // The input is not changed under the caller.
    expect(groups[0]!.monthlyCost).toEqual({ min: 10, max: 20 });
  });

  it('reads a droplet’s role tag as what it does', () => {
    expect(categoryOfRole('tenant-api')).toBe('api');
    expect(categoryOfRole('celery-worker')).toBe('worker');
    expect(categoryOfRole('web-tenant')).toBe('frontend');
    expect(categoryOfRole(undefined)).toBe('other');
  });
});
