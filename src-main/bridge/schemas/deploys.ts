// Request schemas of the deploys domain.
import { z } from 'zod';
import { ACTION_KINDS, type DeploysMethods, type DeploysStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, componentName, deploymentId } from './shared';

const actionKind = z.enum(ACTION_KINDS);
const instanceSizeSlug = z.string().regex(/^[a-z0-9.-]{3,40}$/, 'an instance size slug');
const count = z.number().int().min(1).max(250);
const scaleChange = {
  appId,
  component: componentName,
  instanceSizeSlug: instanceSizeSlug.optional(),
  instanceCount: count.optional(),
  autoscaling: z
    .strictObject({ min: count, max: count })
    .refine((a) => a.min <= a.max, 'min must not exceed max')
    .nullable()
    .optional(),
};
const onDeployment = z.strictObject({ appId, deploymentId });
const onApp = z.strictObject({ appId });
const runId = z.string().uuid();

export const deploysMethodSchemas = {
  deployApp: z.strictObject({ appId, forceBuild: z.boolean().optional() }),
  restartApp: z.strictObject({ appId, components: z.array(componentName).max(50).optional() }),
  cancelDeployment: onDeployment,
  getDeploymentProgress: onDeployment,
  previewScale: z.strictObject(scaleChange),
  applyScale: z.strictObject({ ...scaleChange, specVersion: z.string().regex(/^[a-f0-9]{16}$/) }),
  validateRollback: onDeployment,
  rollbackApp: onDeployment,
  commitRollback: onApp,
  revertRollback: onApp,
  startRollingDeploy: z.strictObject({
    appIds: z
      .array(appId)
      .min(1)
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, 'each app once'),
    concurrency: z.number().int().min(1).max(5),
    forceBuild: z.boolean().optional(),
    skipBlocked: z.boolean().optional(),
  }),
  cancelRollingDeploy: z.strictObject({ id: runId }),
  listActivity: z.strictObject({
    appId: appId.optional(),
    action: actionKind.optional(),
    limit: z.number().int().min(1).max(5000).optional(),
  }),
} satisfies MethodSchemas<DeploysMethods>;

export const deploysStreamSchemas = {
  watchDeployment: onDeployment,
  watchRollingDeploy: z.strictObject({ id: runId }),
  watchNotices: z.strictObject({ since: z.string().datetime().optional() }),
} satisfies StreamSchemas<DeploysStreams>;
