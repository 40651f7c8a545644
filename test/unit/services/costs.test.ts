import { describe, expect, it } from 'vitest';
import { SANDBOX_INSTANCE_SIZES } from '../../../src-main/sandbox/catalog';
import { componentsOf } from '../../../src-main/services/apps/appView';
import { addCosts, priceCompute } from '../../../src-main/services/costs/pricing';
import { InstanceSizeCatalog } from '../../../src-main/services/apps/instanceSizes';

const catalog = new InstanceSizeCatalog(SANDBOX_INSTANCE_SIZES);

describe('what a component costs per month', () => {
  it('is the listed price of its size times its instance count', () => {
    expect(priceCompute({ instance_size_slug: 'apps-s-1vcpu-1gb', instance_count: 2 }, catalog).monthlyCost).toEqual({
      min: 24,
      max: 24,
    });
  });

  it('uses the API default size and one instance when the spec leaves them out', () => {
    expect(priceCompute({}, catalog).monthlyCost).toEqual({ min: 5, max: 5 });
  });

  it('is a range from min to max instances when autoscaled', () => {
    const cost = priceCompute(
      { instance_size_slug: 'apps-d-1vcpu-1gb', autoscaling: { min_instance_count: 2, max_instance_count: 6 } },
      catalog,
    );
    expect(cost.monthlyCost).toEqual({ min: 68, max: 204 });
  });

  it.each([
    ['basic-xxs', 'apps-s-1vcpu-0.5gb', 5],
    ['basic-xs', 'apps-s-1vcpu-1gb-fixed', 10],
    ['professional-xs', 'apps-s-1vcpu-1gb', 12],
    ['professional-s', 'apps-s-1vcpu-2gb', 25],
    ['professional-m', 'apps-s-2vcpu-4gb', 50],
  ])('prices the legacy slug %s as the current %s', (legacy, current, price) => {
    const cost = priceCompute({ instance_size_slug: legacy }, catalog);
    expect(cost.pricedAsSlug).toBe(current);
    expect(cost.monthlyCost.min).toBe(price);
  });

  it('says so instead of guessing when the size is not in the list', () => {
    const cost = priceCompute({ instance_size_slug: 'apps-x-mystery' }, catalog);
    expect(cost.monthlyCost).toEqual({ min: 0, max: 0 });
    expect(cost.costNote).toMatch(/Unknown instance size "apps-x-mystery"/);
  });

  it('adds to the cent without floating-point dust', () => {
    expect(
      addCosts([
        { min: 0.1, max: 0.1 },
        { min: 0.2, max: 0.7 },
      ]),
    ).toEqual({ min: 0.3, max: 0.8 });
  });
});

describe('a TaskifAI tenant app', () => {
  const components = componentsOf(
    {
      name: 'taskifai-demo',
      static_sites: [{ name: 'frontend', github: { repo: 'taskifai/frontend', branch: 'main' } }],
      services: [{ name: 'api', instance_size_slug: 'basic-xxs', instance_count: 2, http_port: 8000 }],
      workers: [{ name: 'worker', instance_size_slug: 'apps-s-1vcpu-1gb' }],
      jobs: [{ name: 'migrate', kind: 'PRE_DEPLOY' }],
    },
    catalog,
  );

  it('has a free static frontend, a priced API and worker, and a per-run job', () => {
    const byName = Object.fromEntries(components.map((c) => [c.name, c]));
    expect(byName.frontend?.monthlyCost).toEqual({ min: 0, max: 0 });
    expect(byName.frontend?.costNote).toMatch(/free/i);
    expect(byName.api?.monthlyCost).toEqual({ min: 10, max: 10 });
    expect(byName.worker?.monthlyCost).toEqual({ min: 12, max: 12 });
    expect(byName.migrate?.costNote).toMatch(/per second/);
    expect(addCosts(components.map((c) => c.monthlyCost))).toEqual({ min: 22, max: 22 });
  });
});
