// The instance-size catalogue as the API lists it, with the legacy slugs (basic-xxs, professional-xs,
// …) that older specs still carry resolved to the current size the API prices them as. Prices are
// only ever read from the API's list; this file maps names, never dollars.
import type { InstanceSize } from '../../clients/digitalocean/types';

/**
 * App Platform renamed its sizes; the old slugs are still accepted in specs. Each maps to the
 * current size with the same CPU type, vCPU and memory (basic = fixed, professional = scalable).
 */
export const LEGACY_SIZE_ALIASES: Readonly<Record<string, string>> = {
  'basic-xxs': 'apps-s-1vcpu-0.5gb',
  'basic-xs': 'apps-s-1vcpu-1gb-fixed',
  'basic-s': 'apps-s-1vcpu-2gb',
  'basic-m': 'apps-s-2vcpu-4gb',
  'professional-xs': 'apps-s-1vcpu-1gb',
  'professional-s': 'apps-s-1vcpu-2gb',
  'professional-m': 'apps-s-2vcpu-4gb',
  // The dedicated legacy sizes (the API listed them as DEDICATED 1/4 GiB, 2/8 GiB and 4/16 GiB).
  'professional-1l': 'apps-d-1vcpu-4gb',
  'professional-l': 'apps-d-2vcpu-8gb',
  'professional-xl': 'apps-d-4vcpu-16gb',
};

export const DEFAULT_INSTANCE_SIZE = 'apps-s-1vcpu-0.5gb';

export class InstanceSizeCatalog {
  private readonly bySlug: Map<string, InstanceSize>;

  constructor(readonly sizes: readonly InstanceSize[]) {
    this.bySlug = new Map(sizes.filter((s) => s.slug).map((s) => [s.slug!, s]));
  }

  /** The current size a slug (possibly legacy, possibly absent = the API's default) stands for. */
  resolve(slug: string | undefined): InstanceSize | undefined {
    const wanted = slug ?? DEFAULT_INSTANCE_SIZE;
    return this.bySlug.get(wanted) ?? this.bySlug.get(LEGACY_SIZE_ALIASES[wanted] ?? '');
  }

  monthlyPrice(slug: string | undefined): number | undefined {
    const size = this.resolve(slug);
    const price = size?.usd_per_month === undefined ? NaN : Number.parseFloat(size.usd_per_month);
    return Number.isFinite(price) ? price : undefined;
  }
}
