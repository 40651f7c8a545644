// One schema per contract method and stream: what the renderer sends is checked here before any
// service sees it. The mapped types make a missing or mistyped schema a compile error.
import { z } from 'zod';
import type { FleetStreams, MethodName, RequestOf, StreamName } from '../../src-preload/contract';

const appId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an app id is letters, digits and dashes');
const none = z.undefined();

export const methodRequestSchemas: { [M in MethodName]: z.ZodType<RequestOf<M>> } = {
  getEnvironment: none,
  listFleet: none,
  getFleetHealth: z.strictObject({ appIds: z.array(appId).max(1000) }),
  getAppDetail: z.strictObject({ appId }),
};

export const streamRequestSchemas: { [S in StreamName]: z.ZodType<FleetStreams[S]['request']> } = {
  watchFleet: z.strictObject({ intervalSeconds: z.number().int().min(5).max(3600) }),
};
