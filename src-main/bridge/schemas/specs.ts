// Request schemas of the specs domain. A spec is at most 256 KiB of YAML: the API's own limit is
// far below that, and a bound keeps a runaway renderer from filling the main process.
import { z } from 'zod';
import type { SpecsMethods, SpecsStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';
import { appId, componentName, none } from './shared';
import { APP_NAME_PATTERN, ENV_KEY_PATTERN } from '../../../src-preload/contract/namePatterns';

const specYaml = z.string().max(256 * 1024, 'a spec is at most 256 KiB');
const onApp = z.strictObject({ appId });
const envKey = z.string().regex(ENV_KEY_PATTERN, 'an env key is letters, digits and underscores');
const appName = z.string().regex(APP_NAME_PATTERN, 'an app name is lowercase letters, digits and dashes');
const specVersion = z.string().regex(/^[a-f0-9]{8,64}$/, 'a spec version');

export const specsMethodSchemas = {
  getSpec: onApp,
  openDraft: onApp,
  saveDraft: z.strictObject({ appId, yaml: specYaml }),
  discardDraft: onApp,
  listDrafts: none,
  importDraft: z.strictObject({ appId, yaml: specYaml }),
  setDraftSecret: z.strictObject({
    appId,
    component: componentName.optional(),
    key: envKey,
    value: z
      .string()
      .min(1)
      .max(64 * 1024),
  }),
  validateDraft: z.strictObject({ appId, yaml: specYaml }),
  previewApply: z.strictObject({ appId, yaml: specYaml }),
  applyDraft: z.strictObject({ appId, yaml: specYaml, baseVersion: specVersion }),
  rebaseDraft: z.strictObject({ appId, yaml: specYaml, liveVersion: specVersion }),
  getSpecHints: none,
  previewTenantFromTemplate: z.strictObject({
    templateAppId: appId,
    name: appName,
    replacements: z.array(z.strictObject({ from: z.string().min(1).max(253), to: z.string().max(253) })).max(20),
  }),
  createTenantApp: z.strictObject({ yaml: specYaml, templateAppId: appId.optional() }),
} satisfies MethodSchemas<SpecsMethods>;

export const specsStreamSchemas = {} satisfies StreamSchemas<SpecsStreams>;
