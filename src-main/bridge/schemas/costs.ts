// Request schemas of the costs domain.
import { z } from 'zod';
import type { CostsMethods, CostsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, componentName, none } from './shared';

export const costsMethodSchemas = {
  getFleetCosts: none,
  getAccountBilling: none,
  getRightSizing: z.strictObject({ appId }),
  getSupabaseCosts: none,
  getUsageSeries: z.strictObject({ appId, component: componentName, range: z.enum(['1h', '24h', '7d']) }),
} satisfies MethodSchemas<CostsMethods>;

export const costsStreamSchemas = {} satisfies StreamSchemas<CostsStreams>;
