// The sandbox's instance sizes and regions are the official spec's own examples, so the demo
// fleet is priced exactly as the API documents.
import instanceSizesExample from '../../resources/openapi/examples/instance_sizes.json';
import regionsExample from '../../resources/openapi/examples/regions.json';
import type { AppRegion, InstanceSize } from '../clients/digitalocean/types';

export const SANDBOX_INSTANCE_SIZES: readonly InstanceSize[] = instanceSizesExample.instance_sizes as InstanceSize[];
export const SANDBOX_REGIONS: readonly AppRegion[] = regionsExample.regions;
