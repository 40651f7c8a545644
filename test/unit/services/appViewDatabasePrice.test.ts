import { describe, expect, it } from 'vitest';
import type { App } from '../../../src-main/clients/digitalocean/types';
import { SANDBOX_INSTANCE_SIZES } from '../../../src-main/sandbox/catalog';
import { toFleetApp } from '../../../src-main/services/apps/appView';
import { InstanceSizeCatalog } from '../../../src-main/services/apps/instanceSizes';
import { databaseLines } from '../../../src-main/services/costs/databaseCosts';

const catalog = new InstanceSizeCatalog(SANDBOX_INSTANCE_SIZES);
const api = { name: 'api', instance_size_slug: 'apps-s-1vcpu-1gb' as const, instance_count: 1 };

describe('a founder comparing the overview with the Costs page', () => {
  it('sees a dev database at the same $7 on the overview and app page as on the Costs page', () => {
    const app: App = {
      id: 'shop',
      spec: { name: 'shop-a', services: [api], databases: [{ name: 'db', engine: 'PG' }] },
    };
    const row = toFleetApp(app, catalog);
    const [costsLine] = databaseLines(app, []);
    const db = row.components.find((c) => c.name === 'db');
    expect(db?.monthlyCost).toEqual(costsLine!.monthlyCost);
    expect(db?.monthlyCost).toEqual({ min: 7, max: 7 });
    expect(db?.costNote).toMatch(/dev database.*\$7\.00 a month/);
    // $12 for the service plus the database: the app's total on the overview.
    expect(row.monthlyCost).toEqual({ min: 19, max: 19 });
  });

  it('leaves a managed cluster out of the app’s own total and says where its share is', () => {
    const databases = [{ name: 'db', engine: 'PG' as const, production: true, cluster_name: 'shop-pg' }];
    const row = toFleetApp({ id: 'shop', spec: { name: 'shop-a', services: [api], databases } }, catalog);
    const db = row.components.find((c) => c.name === 'db');
    expect(db?.monthlyCost).toEqual({ min: 0, max: 0 });
    expect(db?.costNote).toMatch(/Managed cluster shop-pg.*Costs page/);
  });
});
