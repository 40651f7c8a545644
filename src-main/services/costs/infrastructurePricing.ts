// What a load balancer costs. The API returns no price for one (neither the balancer object nor
// any list carries it), so it is priced from DigitalOcean's published table — $12 a month per node
// for a regional HTTP balancer; the legacy sizes are 1, 3 and 6 nodes — and marked an estimate.
// Global and network balancers are priced differently and are left unpriced rather than guessed.
// A block storage volume is priced the same way: the volume object carries only its size, and
// DigitalOcean publishes $0.10 per GiB a month (attached or not).
import type { PriceSource } from '../../../src-preload/contract';
import type { LoadBalancer } from '../../clients/digitalocean/infrastructure';

export const LOAD_BALANCER_SOURCE: PriceSource = {
  label: 'DigitalOcean: Load Balancers pricing',
  url: 'https://www.digitalocean.com/pricing/load-balancer',
};

export const LOAD_BALANCER_NODE_USD = 12;
const LEGACY_NODES: Readonly<Record<string, number>> = { 'lb-small': 1, 'lb-medium': 3, 'lb-large': 6 };

export function loadBalancerNodes(lb: Pick<LoadBalancer, 'size_unit' | 'size'>): number {
  return lb.size_unit ?? (lb.size ? (LEGACY_NODES[lb.size] ?? 1) : 1);
}

export function loadBalancerMonthlyPrice(lb: Pick<LoadBalancer, 'size_unit' | 'size' | 'type'>): number | undefined {
  if (lb.type && lb.type !== 'REGIONAL') return undefined;
  return LOAD_BALANCER_NODE_USD * loadBalancerNodes(lb);
}

export function loadBalancerPriceNote(
  lb: Pick<LoadBalancer, 'size_unit' | 'size' | 'type'>,
  price: number | undefined,
): string {
  const nodes = loadBalancerNodes(lb);
  if (price === undefined) {
    return `${lb.type ?? 'This'} load balancer: no published price in Fleetdeck’s table, so it is left out of the total.`;
  }
  return `Load balancer, ${nodes} node${nodes === 1 ? '' : 's'} at $${LOAD_BALANCER_NODE_USD} a month each: estimate from DigitalOcean’s published prices.`;
}

export const VOLUME_SOURCE: PriceSource = {
  label: 'DigitalOcean: Volumes Block Storage pricing',
  url: 'https://www.digitalocean.com/pricing/volumes',
};

/** DigitalOcean's published price of block storage, per GiB a month: not returned by the API. */
export const VOLUME_GIB_MONTH_USD = 0.1;

export function volumeMonthlyPrice(sizeGib: number): number {
  return Math.round(sizeGib * VOLUME_GIB_MONTH_USD * 100) / 100;
}

export function volumePriceNote(sizeGib: number, attached: boolean): string {
  return `Volume, ${sizeGib} GiB at $${VOLUME_GIB_MONTH_USD.toFixed(2)} per GiB a month${attached ? '' : ', attached to no droplet but still billed'}: estimate from DigitalOcean’s published prices.`;
}
