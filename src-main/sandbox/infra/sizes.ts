// The sandbox's droplet sizes (GET /v2/sizes) and the regions droplets live in, in the shapes of
// the official spec's examples. Prices are DigitalOcean's published monthly prices for these
// slugs; which regions offer which size is the sandbox's own (the memory-optimized size is left
// out of London so a resize can be refused the way the API refuses one).
import type { DropletSize } from '../../clients/digitalocean/infrastructure';
import type { components } from '../../clients/digitalocean/generated';

type Region = components['schemas']['region'];

const EVERYWHERE = ['ams3', 'blr1', 'fra1', 'lon1', 'nyc1', 'nyc3', 'sfo3', 'sgp1', 'syd1', 'tor1'];
const NOT_LONDON = EVERYWHERE.filter((r) => r !== 'lon1');

const HOURS_A_MONTH = 672;

function size(
  slug: string,
  description: string,
  vcpus: number,
  memoryMb: number,
  diskGb: number,
  transferTb: number,
  monthly: number,
  regions: readonly string[] = EVERYWHERE,
): DropletSize {
  return {
    slug,
    memory: memoryMb,
    vcpus,
    disk: diskGb,
    transfer: transferTb,
    price_monthly: monthly,
    price_hourly: Math.round((monthly / HOURS_A_MONTH) * 100_000) / 100_000,
    regions: [...regions],
    available: true,
    description,
    disk_info: [{ type: 'local', size: { amount: diskGb, unit: 'gib' } }],
  };
}

export const SANDBOX_DROPLET_SIZES: readonly DropletSize[] = [
  size('s-1vcpu-512mb-10gb', 'Basic', 1, 512, 10, 0.5, 4),
  size('s-1vcpu-1gb', 'Basic', 1, 1024, 25, 1, 6),
  size('s-1vcpu-2gb', 'Basic', 1, 2048, 50, 2, 12),
  size('s-2vcpu-2gb', 'Basic', 2, 2048, 60, 3, 18),
  size('s-2vcpu-4gb', 'Basic', 2, 4096, 80, 4, 24),
  size('s-4vcpu-8gb', 'Basic', 4, 8192, 160, 5, 48),
  size('s-8vcpu-16gb', 'Basic', 8, 16_384, 320, 6, 96),
  size('s-2vcpu-4gb-amd', 'Premium AMD', 2, 4096, 80, 4, 28),
  size('s-4vcpu-8gb-amd', 'Premium AMD', 4, 8192, 160, 5, 56),
  size('c-2', 'CPU-Optimized', 2, 4096, 25, 4, 42),
  size('c-4', 'CPU-Optimized', 4, 8192, 50, 5, 84),
  size('m-2vcpu-16gb', 'Memory-Optimized', 2, 16_384, 50, 4, 84, NOT_LONDON),
];

const REGION_NAMES: Readonly<Record<string, string>> = {
  ams3: 'Amsterdam 3',
  blr1: 'Bangalore 1',
  fra1: 'Frankfurt 1',
  lon1: 'London 1',
  nyc1: 'New York 1',
  nyc3: 'New York 3',
  sfo3: 'San Francisco 3',
  sgp1: 'Singapore 1',
  syd1: 'Sydney 1',
  tor1: 'Toronto 1',
};

/** The region object droplets and balancers carry: its sizes are those offered there. */
export function regionObject(slug: string): Region {
  return {
    name: REGION_NAMES[slug] ?? slug,
    slug,
    features: ['backups', 'ipv6', 'metadata', 'install_agent', 'storage', 'image_transfer'],
    available: true,
    sizes: SANDBOX_DROPLET_SIZES.filter((s) => s.regions.includes(slug)).map((s) => s.slug),
  };
}

export const dropletSizeOf = (slug: string): DropletSize | undefined =>
  SANDBOX_DROPLET_SIZES.find((s) => s.slug === slug);
