// Cost arithmetic: a component's monthly cost is its size's price from the API's list times its
// instance count (min…max when autoscaled). Static sites and jobs follow rules the size list
// does not describe, so they carry a note instead of a made-up price.
import type { ComponentSummary, MonthlyCost } from '../../../src-preload/contract';
import type { AutoscalingSpec } from '../../clients/digitalocean/types';
import { LEGACY_SIZE_ALIASES, type InstanceSizeCatalog } from '../apps/instanceSizes';

export const ZERO_COST: MonthlyCost = { min: 0, max: 0 };

export interface PriceableComponent {
  instance_size_slug?: string;
  instance_count?: number;
  autoscaling?: AutoscalingSpec;
}

type Pricing = Pick<ComponentSummary, 'monthlyCost' | 'pricedAsSlug' | 'sizeLabel' | 'costNote'>;

export function priceCompute(component: PriceableComponent, catalog: InstanceSizeCatalog): Pricing {
  const slug = component.instance_size_slug;
  const size = catalog.resolve(slug);
  const price = catalog.monthlyPrice(slug);
  if (!size || price === undefined) {
    return { monthlyCost: ZERO_COST, costNote: `Unknown instance size "${slug ?? ''}": not in the API's size list.` };
  }
  const min = component.autoscaling?.min_instance_count ?? component.instance_count ?? 1;
  const max = component.autoscaling?.max_instance_count ?? min;
  return {
    monthlyCost: { min: roundCents(price * min), max: roundCents(price * max) },
    ...(slug && LEGACY_SIZE_ALIASES[slug] ? { pricedAsSlug: size.slug } : {}),
    ...(size.name ? { sizeLabel: size.name } : {}),
  };
}

export const STATIC_SITE_NOTE =
  'Static sites are free within the account allowance (3 apps); beyond it, priced by the API.';
export const JOB_NOTE = 'Deploy-time jobs are billed per second while they run.';
export const DATABASE_NOTE = 'Dev databases are priced by the API (propose), not by the size list.';

export function addCosts(costs: readonly MonthlyCost[]): MonthlyCost {
  return costs.reduce((sum, c) => ({ min: roundCents(sum.min + c.min), max: roundCents(sum.max + c.max) }), ZERO_COST);
}

const roundCents = (usd: number) => Math.round(usd * 100) / 100;
