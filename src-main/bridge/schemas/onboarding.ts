// Request schemas of the onboarding domain.
import { z } from 'zod';
import type { OnboardingMethods, OnboardingStreams } from '../../../src-preload/contract';
import {
  SUPABASE_INSTANCE_SIZES,
  SUPABASE_REGIONS,
  type OffboardingStepKind,
} from '../../../src-preload/contract/onboarding';
import { APP_NAME_PATTERN, ENV_KEY_PATTERN } from '../../../src-preload/contract/namePatterns';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, none } from './shared';

const projectRef = z.string().regex(/^[a-z]{20}$/, 'a Supabase project ref is 20 lowercase letters');
const runId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an onboarding id is letters, digits and dashes');
const OFFBOARDING_STEPS = [
  'confirm_backup',
  'pause_project',
  'delete_app',
  'remove_dns',
  'mark_inactive',
] as const satisfies readonly OffboardingStepKind[];

// The hostname is checked loosely here (a string of sane length): planTenant answers a bad one
// as a problem of the plan, with the reason, rather than as a refused request.
const onboardingRequest = z.strictObject({
  name: z.string().regex(APP_NAME_PATTERN, 'an app name is 2–32 lowercase letters, digits and dashes'),
  hostname: z.string().min(1, 'a hostname such as acme.example.com').max(253),
  templateAppId: appId,
  region: z
    .string()
    .regex(/^[a-z]{2,5}[0-9]?$/, 'an App Platform region slug such as fra')
    .optional(),
  supabase: z.strictObject({
    organizationSlug: z.string().regex(/^[\w-]{1,64}$/, 'an organization slug'),
    region: z.enum(SUPABASE_REGIONS),
    instanceSize: z.enum(SUPABASE_INSTANCE_SIZES).optional(),
  }),
  registry: z
    .strictObject({
      ref: projectRef,
      sql: z
        .string()
        .min(1, 'the registry step has no SQL')
        .max(16 * 1024),
      parameters: z.array(z.string().max(2048)).max(32),
    })
    .optional(),
  secrets: z
    .array(
      z.strictObject({
        key: z.string().regex(ENV_KEY_PATTERN, 'an env key of letters, digits and "_"'),
        value: z
          .string()
          .min(1, 'a SECRET needs a value')
          .max(64 * 1024),
      }),
    )
    .max(64)
    .optional(),
});

export const onboardingMethodSchemas = {
  planTenant: onboardingRequest,
  startOnboarding: z.strictObject({ planId: runId }),
  listOnboardings: none,
  getOnboarding: z.strictObject({ id: runId }),
  retryStep: z.strictObject({ id: runId }),
  resumeOnboarding: z.strictObject({ id: runId }),
  removeCreated: z.strictObject({
    id: runId,
    confirm: z.boolean().optional(),
    typedName: z.string().max(64).optional(),
  }),
  revealDbPassword: z.strictObject({ id: runId }),
  planOffboarding: z.strictObject({ appId }),
  runOffboardingStep: z.strictObject({
    appId,
    step: z.enum(OFFBOARDING_STEPS),
    typedName: z.string().max(64).optional(),
  }),
} satisfies MethodSchemas<OnboardingMethods>;

export const onboardingStreamSchemas = {
  watchOnboarding: z.strictObject({ id: runId }),
} satisfies StreamSchemas<OnboardingStreams>;
