// Block storage volumes: placed with the droplet they are attached to, else by project and tags,
// else unplaced; priced at DigitalOcean's published $0.10 per GiB a month whether attached or not;
// and counted as lines of their product environment's row in Costs.
import { describe, expect, it } from 'vitest';
import type { InfrastructureInventory } from '../../../src-preload/contract';
import type { Volume } from '../../../src-main/clients/digitalocean/infrastructure';
import { infrastructureCosts, infrastructureSources } from '../../../src-main/services/costs/infrastructureCosts';
import { volumeMonthlyPrice } from '../../../src-main/services/costs/infrastructurePricing';
import { UNPLACED, volumeView } from '../../../src-main/services/infrastructure/volumes';

const volume = (over: Partial<Volume> = {}): Volume => ({
  id: 'vol-1',
  name: 'uploads',
  size_gigabytes: 100,
  droplet_ids: [],
  region: { slug: 'lon1', name: 'London 1', sizes: [], features: [], available: true },
  filesystem_type: 'ext4',
  filesystem_label: 'uploads',
  tags: [],
  ...over,
});

const droplets = new Map([[7, { name: 'shop-worker', group: 'Shop', environment: 'production' }]]);
const nowhere = () => undefined;

describe('a volume’s place', () => {
  it('goes with the droplet it is attached to, whatever its own tags say', () => {
    const view = volumeView(volume({ droplet_ids: [7], tags: ['blog', 'env:staging'] }), droplets, () => ({
      group: 'Blog',
      environment: 'staging',
    }));
    expect(view).toMatchObject({
      group: 'Shop',
      environment: 'production',
      attachedTo: { dropletId: 7, name: 'shop-worker' },
    });
  });

  it('unattached, it goes where its project or tags place it', () => {
    const asked: Array<[string, readonly string[]]> = [];
    const view = volumeView(volume({ tags: ['shop', 'env:staging'] }), droplets, (urn, tags) => {
      asked.push([urn, tags]);
      return { group: 'Shop', environment: 'staging' };
    });
    expect(asked).toEqual([['do:volume:vol-1', ['shop', 'env:staging']]]);
    expect(view).toMatchObject({ group: 'Shop', environment: 'staging' });
    expect(view.attachedTo).toBeUndefined();
  });

  it('with neither a droplet, a project nor a product tag, it is unplaced (its env: tag still read)', () => {
    expect(volumeView(volume({ tags: ['env:prod'] }), droplets, nowhere)).toMatchObject({
      group: UNPLACED,
      environment: 'production',
    });
    expect(volumeView(volume({ tags: null as unknown as string[] }), droplets, nowhere).group).toBe(UNPLACED);
  });

  it('attached to a droplet Fleetdeck cannot read, it keeps the id and is placed by its tags', () => {
    const view = volumeView(volume({ droplet_ids: [99] }), droplets, () => ({ group: 'Shop' }));
    expect(view.attachedTo).toEqual({ dropletId: 99 });
    expect(view.group).toBe('Shop');
  });
});

describe('a volume’s price', () => {
  it('is $0.10 per GiB a month, to the cent', () => {
    expect(volumeMonthlyPrice(100)).toBe(10);
    expect(volumeMonthlyPrice(50)).toBe(5);
    expect(volumeMonthlyPrice(1)).toBe(0.1);
    expect(volumeMonthlyPrice(333)).toBe(33.3);
  });

  it('is billed attached or not, and the note says when nothing holds it', () => {
    const attached = volumeView(volume({ droplet_ids: [7] }), droplets, nowhere);
    const loose = volumeView(volume({ size_gigabytes: 50 }), droplets, nowhere);
    expect([attached.monthlyPrice, loose.monthlyPrice]).toEqual([10, 5]);
    expect(attached.priceNote).not.toMatch(/attached to no droplet/);
    expect(loose.priceNote).toMatch(/attached to no droplet but still billed/);
    expect(loose.priceNote).toMatch(/\$0\.10 per GiB.*published prices/);
  });
});

describe('volumes in Costs', () => {
  const inventory = (volumes: InfrastructureInventory['volumes']): InfrastructureInventory => ({
    fetchedAt: '2026-11-20T12:00:00Z',
    droplets: [],
    volumes,
    loadBalancers: [],
    clusters: [],
    tenants: [],
    sizes: [],
    monthlyCost: 0,
    estimated: true,
    problems: [],
  });

  it('each volume is an estimated line of its product environment’s row, attached or not', () => {
    const rows = infrastructureCosts(
      inventory([
        volumeView(volume({ droplet_ids: [7] }), droplets, nowhere),
        volumeView(volume({ id: 'vol-2', name: 'old', size_gigabytes: 50, tags: ['shop'] }), droplets, () => ({
          group: 'Shop',
          environment: 'production',
        })),
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ label: 'Shop · production', monthlyCost: 15, estimated: true });
    expect(rows[0]!.lines.map((l) => [l.name, l.kind, l.sizeSlug, l.monthlyCost, l.estimate])).toEqual([
      ['uploads', 'volume', '100 GiB', 10, true],
      ['old', 'volume', '50 GiB', 5, true],
    ]);
    expect(infrastructureSources(rows).map((s) => s.url)).toEqual(['https://www.digitalocean.com/pricing/volumes']);
  });
});
