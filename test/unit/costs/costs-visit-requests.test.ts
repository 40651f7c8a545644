// A founder opens Costs: the page asks for the fleet's costs, the bill and the Supabase plans at
// once, and the infrastructure beside the apps is priced too. The apps and the projects are
// listed once for all of it — the infrastructure read is handed the costs service's own lists
// instead of asking DigitalOcean again on every visit.
import { describe, expect, it } from 'vitest';
import { InstanceSizeCache } from '../../../src-main/services/apps/instanceSizeCache';
import { createCostsDomain } from '../../../src-main/services/costs';
import { infrastructureFor, sandboxWithClient } from '../../support/sandbox';

const pathOf = (request: string) => request.split(' ')[1]!.split('?')[0]!;

describe('a visit to the Costs page', () => {
  it('lists the apps and the projects once, with droplets, balancers and clusters priced beside them', async () => {
    const setup = await sandboxWithClient();
    const infrastructure = await infrastructureFor(setup);
    const costs = createCostsDomain(setup.client, new InstanceSizeCache(setup.client), undefined, undefined, (fleet) =>
      infrastructure.readForCosts(fleet),
    );
    const before = setup.sandbox.requests.length;

    const [fleet] = await Promise.all([
      costs.fleet.getFleetCosts(),
      costs.billing.getAccountBilling(),
      costs.supabase.getSupabaseCosts(),
    ]);

    const visit = setup.sandbox.requests.slice(before).map(pathOf);
    expect(visit.filter((p) => p === '/v2/apps')).toHaveLength(1);
    expect(visit.filter((p) => p === '/v2/projects')).toHaveLength(1);
    // Still placed by project: Presence360's droplets are in its rows.
    expect(fleet.infrastructure?.map((r) => r.label)).toContain('Presence360 · production');
  });

  it('without the costs service’s lists (the Infrastructure view’s own read), lists them itself', async () => {
    const setup = await sandboxWithClient();
    const infrastructure = await infrastructureFor(setup);
    const before = setup.sandbox.requests.length;
    await infrastructure.readForCosts();
    const read = setup.sandbox.requests.slice(before).map(pathOf);
    expect(read.filter((p) => p === '/v2/apps' || p === '/v2/projects')).toHaveLength(2);
  });
});
