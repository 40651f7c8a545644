// A block storage volume in the window's terms: placed with the droplet it is attached to (its
// product and environment), else by its project and tags like any resource, else "Unplaced";
// priced from DigitalOcean's published per-GiB price. A volume attached to nothing is said to be
// so — it bills all the same, the leftover a founder wants to see.
import type { DropletView, VolumeView } from '../../../src-preload/contract/infrastructure';
import type { Volume } from '../../clients/digitalocean/infrastructure';
import { volumeMonthlyPrice, volumePriceNote } from '../costs/infrastructurePricing';
import { environmentFromTags, type Placement } from './grouping';

/** Where a volume held by no droplet, project or product tag goes. */
export const UNPLACED = 'Unplaced';

/**
 * `placed` answers the project-and-tags placement for the volume's URN (do:volume:<id>), or
 * undefined when neither a project nor a plain tag says where it belongs.
 */
export function volumeView(
  v: Volume,
  droplets: ReadonlyMap<number, Pick<DropletView, 'name' | 'group' | 'environment'>>,
  placed: (urn: string, tags: readonly string[]) => Placement | undefined,
): VolumeView {
  const tags = [...(v.tags ?? [])];
  // The spec allows several ids but says a volume attaches to one droplet at most.
  const dropletId = v.droplet_ids?.[0];
  const droplet = dropletId === undefined ? undefined : droplets.get(dropletId);
  const tagEnv = environmentFromTags(tags);
  const placement: Placement = droplet
    ? { group: droplet.group, ...(droplet.environment ? { environment: droplet.environment } : {}) }
    : (placed(`do:volume:${v.id ?? ''}`, tags) ?? { group: UNPLACED, ...(tagEnv ? { environment: tagEnv } : {}) });
  const sizeGib = v.size_gigabytes ?? 0;
  const price = volumeMonthlyPrice(sizeGib);
  return {
    id: v.id ?? '',
    name: v.name ?? '',
    ...placement,
    sizeGib,
    region: v.region?.slug ?? '',
    ...(v.description ? { description: v.description } : {}),
    ...(v.filesystem_type ? { filesystem: v.filesystem_type } : {}),
    ...(v.filesystem_label ? { filesystemLabel: v.filesystem_label } : {}),
    tags,
    ...(dropletId !== undefined ? { attachedTo: { dropletId, ...(droplet ? { name: droplet.name } : {}) } } : {}),
    monthlyPrice: price,
    priceNote: volumePriceNote(sizeGib, dropletId !== undefined),
  };
}
