// Building blocks every domain's request schemas share.
import { z } from 'zod';

export const none = z.undefined();
export const appId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an app id is letters, digits and dashes');
export const deploymentId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a deployment id is letters, digits and dashes');
export const componentName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a component name is lowercase letters, digits and dashes');
