// Building blocks every domain's request schemas share.
import { z } from 'zod';
import { COMPONENT_NAME_PATTERN } from '../../../src-preload/contract/namePatterns';

export const none = z.undefined();
export const appId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an app id is letters, digits and dashes');
export const deploymentId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a deployment id is letters, digits and dashes');
export const componentName = z
  .string()
  .regex(COMPONENT_NAME_PATTERN, 'a component name is lowercase letters, digits and dashes');
