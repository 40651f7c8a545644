// A new tenant made from a template tenant's spec: the preview (the spec with the replacements,
// DigitalOcean's problems and price), then creating the app from exactly that preview with the new
// SECRET values filled in, following its first deployment and opening its page.
import type { FleetError, TenantTemplatePreview, TenantTemplateRequest } from '../../src-preload/contract';
import { create } from 'zustand';
import { callFleet } from '../fleetApi';
import { fillSecrets } from '../specSchema/secrets';
import { useActionsStore } from './actionsStore';
import { useFleetStore } from './fleetStore';
import { useNavigationStore } from './navigationStore';

interface TenantTemplateState {
  previewing: boolean;
  preview?: TenantTemplatePreview;
  /** The request the preview was made for: Create only sends a preview of the form as it stands. */
  previewedFor?: string;
  previewError?: FleetError;
  creating: boolean;
  createError?: FleetError;

  previewTenant: (request: TenantTemplateRequest) => Promise<void>;
  /** `secrets`: values for the new app's SECRET envs, by "component/KEY" (never copied from the template). */
  createTenant: (request: TenantTemplateRequest, secrets: Readonly<Record<string, string>>) => Promise<boolean>;
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

  createTenant: async (request, secrets) => {
    const { creating, preview, previewedFor } = get();
    if (creating || !preview || previewedFor !== requestKey(request)) return false;
    const yaml = fillSecrets(preview.yaml, secrets);
    set({ creating: true, createError: undefined });
    const result = await callFleet((api) => api.createTenantApp({ yaml, templateAppId: request.templateAppId }));
    if (!result.ok) {
      set({ creating: false, createError: result.error });
      return false;
    }
    const { appId, progress } = result.value;
    set({ previewing: false, preview: undefined, previewedFor: undefined, previewError: undefined, creating: false, createError: undefined });
    if (progress && !progress.terminal) useActionsStore.getState().follow(appId, progress.deploymentId);
    void useFleetStore.getState().load();
    useNavigationStore.getState().openApp(appId);
    return true;
  },
}));
