// Request schemas of the logs domain.
import { z } from 'zod';
import type { LogsMethods, LogsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, componentName, deploymentId } from './shared';

/** A LogLine.ts as the window got it: RFC 3339 UTC with nine fractional digits. */
const lineTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/, 'a time as LogLine.ts gives it');

export const logsMethodSchemas = {} satisfies MethodSchemas<LogsMethods>;

export const logsStreamSchemas = {
  tailLogs: z.strictObject({
    appId,
    component: componentName.optional(),
    deploymentId: deploymentId.optional(),
    type: z.enum(['RUN', 'RUN_RESTARTED', 'BUILD', 'DEPLOY']),
    tailLines: z.number().int().min(0).max(5_000).optional(),
    after: lineTime.optional(),
  }),
} satisfies StreamSchemas<LogsStreams>;
