import { describe, expect, it } from 'vitest';
import type { App } from '../../../src-main/clients/digitalocean/types';
import { SANDBOX_INSTANCE_SIZES } from '../../../src-main/sandbox/catalog';
import { toFleetApp } from '../../../src-main/services/apps/appView';
import { InstanceSizeCatalog } from '../../../src-main/services/apps/instanceSizes';
import { appCostOf, categoryOf, groupCosts, proposalMismatch } from '../../../src-main/services/costs/fleetCosts';

const catalog = new InstanceSizeCatalog(SANDBOX_INSTANCE_SIZES);

function app(name: string, spec: Partial<App['spec']>, projectId?: string): App {
  return { id: `id-${name}`, spec: { name, ...spec }, ...(projectId ? { project_id: projectId } : {}) };
}

const projects = new Map([['p-shop', 'Shop']]);
const costOf = (a: App) => appCostOf(toFleetApp(a, catalog, projects), catalog);

const tenant = (name: string) =>
  app(
    name,
    {
      static_sites: [{ name: 'web' }],
      services: [{ name: 'api', instance_size_slug: 'apps-s-1vcpu-1gb', instance_count: 2 }],
      workers: [{ name: 'jobs', instance_size_slug: 'basic-xxs' }],
    },
    'p-shop',
  );

describe('a founder reading what each tenant costs', () => {
  it('sees the frontend, API, workers, databases and everything else as separate parts of the bill', () => {
    expect(categoryOf('static_site')).toBe('frontend');
    expect(categoryOf('service')).toBe('api');
    expect(categoryOf('worker')).toBe('worker');
    expect(categoryOf('job')).toBe('other');
    expect(categoryOf('database')).toBe('database');
  });

  it('pays for the API at the listed price times two instances, the legacy worker as its current size, and nothing for the static site', () => {
    const cost = costOf(tenant('shop-acme'));
    expect(cost.byCategory).toEqual({
      frontend: { min: 0, max: 0 },
      api: { min: 24, max: 24 },
      worker: { min: 5, max: 5 },
      database: { min: 0, max: 0 },
      other: { min: 0, max: 0 },
    });
    expect(cost.monthlyCost).toEqual({ min: 29, max: 29 });
    const worker = cost.components.find((c) => c.name === 'jobs');
    expect(worker).toMatchObject({ sizeSlug: 'apps-s-1vcpu-0.5gb', unitPrice: 5, scale: '×1' });
    expect(cost.components.find((c) => c.name === 'web')?.costNote).toMatch(/free within the account allowance/);
  });

  it('sees an autoscaled API as a range from its minimum to its maximum', () => {
    const cost = costOf(
      app('scaler', {
        services: [
          {
            name: 'api',
            instance_size_slug: 'apps-d-1vcpu-1gb',
            autoscaling: { min_instance_count: 2, max_instance_count: 6 },
          },
        ],
      }),
    );
    expect(cost.byCategory.api).toEqual({ min: 68, max: 204 });
    expect(cost.components[0]?.scale).toBe('2–6');
  });

  it('adds tenants up into their group, and lists the most expensive group first', () => {
    const groups = groupCosts([
      costOf(tenant('shop-a')),
      costOf(tenant('shop-b')),
      costOf(app('blog', { services: [{ name: 'api' }] })),
    ]);
    expect(groups.map((g) => g.group)).toEqual(['Shop', 'blog']);
    expect(groups[0]).toMatchObject({ appIds: ['id-shop-a', 'id-shop-b'], monthlyCost: { min: 58, max: 58 } });
    expect(groups[0]?.byCategory.api).toEqual({ min: 48, max: 48 });
    expect(groups[1]?.monthlyCost).toEqual({ min: 5, max: 5 });
  });

  it('is warned when DigitalOcean prices an app differently from the size list', () => {
    expect(proposalMismatch({ min: 29, max: 29 }, 29)).toBeUndefined();
    expect(proposalMismatch({ min: 68, max: 204 }, 68)).toBeUndefined();
    expect(proposalMismatch({ min: 29, max: 29 }, 34)).toBe(
      'DigitalOcean prices this app at $34.00/month; the size list gives $29.00.',
    );
  });
});
