// A new tenant made from a template tenant's spec: the preview (the spec with the replacements,
// DigitalOcean's problems and price), then creating the app from exactly that preview with the new
// SECRET values filled in, following its first deployment and opening its page. Values that still
// point at the template tenant are either overridden or knowingly accepted before anything is sent.
import type { FleetError, TenantTemplatePreview, TenantTemplateRequest } from '../../src-preload/contract';
import { create } from 'zustand';
import { callFleet } from '../fleetApi';
import { fillSecrets } from '../specSchema/secrets';
import { overrideEnvValues, templateLeftovers, unresolvedLeftovers } from '../specSchema/templateLeftovers';
import { useActionsStore } from './actionsStore';
import { useFleetStore } from './fleetStore';
import { useNavigationStore } from './navigationStore';
import { resetWithContext } from './contextScope';

interface TenantTemplateState {
  previewing: boolean;
  preview?: TenantTemplatePreview;
  /** The request the preview was made for: Create only sends a preview of the form as it stands. */
  previewedFor?: string;
  previewError?: FleetError;
  creating: boolean;
  createError?: FleetError;

  previewTenant: (request: TenantTemplateRequest) => Promise<void>;
  createTenant: (request: TenantTemplateRequest, values: NewTenantValues) => Promise<boolean>;
}

/** What the form adds to the preview's spec, each by env id "component/KEY". */
export interface NewTenantValues {
  /** Values for the new app's SECRET envs (never copied from the template). */
  secrets: Readonly<Record<string, string>>;
  /** Replacements for env values that still point at the template tenant. */
  overrides?: Readonly<Record<string, string>>;
  /** The founder ticked "I know these values still point at <template>" for those not overridden. */
  acknowledgedLeftovers?: boolean;
}

/** Which form state a tenant preview belongs to. */
export const requestKey = (r: TenantTemplateRequest) => JSON.stringify([r.templateAppId, r.name, r.replacements]);

export const useTenantTemplateStore = create<TenantTemplateState>()((set, get) => ({
  previewing: false,
  creating: false,

  previewTenant: async (request) => {
    const key = requestKey(request);
    set({ previewing: true, previewError: undefined, createError: undefined });
    const result = await callFleet((api) => api.previewTenantFromTemplate(request));
    set(
      result.ok
        ? { previewing: false, preview: result.value, previewedFor: key }
        : { previewing: false, preview: undefined, previewedFor: undefined, previewError: result.error },
    );
  },

  createTenant: async (request, { secrets, overrides = {}, acknowledgedLeftovers = false }) => {
    const { creating, preview, previewedFor } = get();
    if (creating || !preview || previewedFor !== requestKey(request)) return false;
    const unresolved = unresolvedLeftovers(templateLeftovers(preview), overrides);
    if (unresolved.length > 0 && !acknowledgedLeftovers) {
      const names = unresolved.map((l) => l.key).join(', ');
      set({
        createError: {
          code: 'invalid_argument',
          message: `Nothing was created: ${names} still point${unresolved.length === 1 ? 's' : ''} at the template tenant. Enter the new tenant's value, or confirm you know.`,
        },
      });
      return false;
    }
    const yaml = fillSecrets(overrideEnvValues(preview.yaml, overrides), secrets);
    set({ creating: true, createError: undefined });
    const result = await callFleet((api) => api.createTenantApp({ yaml, templateAppId: request.templateAppId }));
    if (!result.ok) {
      set({ creating: false, createError: result.error });
      return false;
    }
    const { appId, progress } = result.value;
    set({
      previewing: false,
      preview: undefined,
      previewedFor: undefined,
      previewError: undefined,
      creating: false,
      createError: undefined,
    });
    if (progress && !progress.terminal) useActionsStore.getState().follow(appId, progress.deploymentId);
    void useFleetStore.getState().load();
    useNavigationStore.getState().openApp(appId);
    return true;
  },
}));

resetWithContext(useTenantTemplateStore);
