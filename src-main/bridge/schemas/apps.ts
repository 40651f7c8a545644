// Request schemas of the apps domain.
import { z } from 'zod';
import type { AppsMethods, AppsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, none } from './shared';

export const appsMethodSchemas = {
  getEnvironment: none,
  listFleet: none,
  getCachedFleet: none,
  // Answered from what is known, without an API call per app, so a large fleet is no burden here.
  getFleetHealth: z.strictObject({ appIds: z.array(appId).max(10_000) }),
  getAppDetail: z.strictObject({ appId }),
} satisfies MethodSchemas<AppsMethods>;

export const appsStreamSchemas = {
  watchFleet: z.strictObject({
    intervalSeconds: z.number().int().min(5).max(3600),
    whole: z.boolean().optional(),
    holding: z.string().max(40).optional(),
  }),
} satisfies StreamSchemas<AppsStreams>;
