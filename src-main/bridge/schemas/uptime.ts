// Request schemas of the uptime domain: a health path must be a path (the window's own rule), a
// check id and a policy uuid are ids, and a threshold is a finite number (its range per metric is
// checked again by the service, which knows the policy's type).
import { z } from 'zod';
import type { UptimeMethods, UptimeStreams } from '../../../src-preload/contract';
import {
  POLICY_COMPARES,
  POLICY_VALUE_MAX,
  POLICY_WINDOWS,
  healthPathProblem,
} from '../../../src-preload/contract/uptime';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, none } from './shared';

const uuid = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an id is letters, digits and dashes');
const path = z.string().superRefine((value, ctx) => {
  const problem = healthPathProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address such as ops@example.com');

export const uptimeMethodSchemas = {
  getUptimeOverview: none,
  getTenantUptime: z.strictObject({ appId }),
  createTenantUptimeChecks: z.strictObject({ appId }),
  deleteUptimeCheck: z.strictObject({ appId, checkId: uuid }),
  addHealthPath: z.strictObject({ appId, path }),
  removeHealthPath: z.strictObject({ appId, path }),
  listAlertPolicies: none,
  updateAlertPolicy: z.strictObject({
    uuid,
    compare: z.enum(POLICY_COMPARES),
    value: z.number().finite().min(0).max(POLICY_VALUE_MAX),
    window: z.enum(POLICY_WINDOWS),
    enabled: z.boolean(),
    emails: z.array(email).max(50),
  }),
} satisfies MethodSchemas<UptimeMethods>;

export const uptimeStreamSchemas = {} satisfies StreamSchemas<UptimeStreams>;
