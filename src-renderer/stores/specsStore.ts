// The spec editor's domain: one draft per app (opened or restored, saved as the user types, debounced,
// retried until it is on disk — typing is never dropped), validation and the apply preview by the
// API, apply itself (then the deployment is followed by the actions store), the stale case, SECRET
// values set through a password field, import/export of app.yaml, the open drafts list, and new
// tenants made from a template tenant.
import type { ApplyPreview, DraftSummary, FleetError, SpecDraft, SpecValidation, TenantTemplatePreview, TenantTemplateRequest } from '../../src-preload/contract';
import { create } from 'zustand';
import { callFleet } from '../fleetApi';
import { rebaseDraft } from '../specSchema/rebase';
import type { LiveHints } from '../specSchema/schema';
import { yamlMarks } from '../specSchema/problems';
import { fillSecrets } from '../specSchema/secrets';
import { useActionsStore } from './actionsStore';
import { useFleetStore } from './fleetStore';
import { useNavigationStore } from './navigationStore';

export const SAVE_DEBOUNCE_MS = 500;
/** Waits between retries of a failed save: quick at first, then every 30 s until it lands. */
export const SAVE_RETRY_MS = [2_000, 5_000, 10_000, 30_000];

export type SaveStatus =
  | { state: 'saved'; savedAt: string }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; error: FleetError; retryInSeconds: number };

export interface StaleState {
  liveYaml: string;
  liveVersion: string;
  /** Why the three-way view opened: the preview saw it, or apply was refused. */
  reason: 'preview' | 'apply';
}

export interface SpecEditorEntry {
  loading: boolean;
  loadError?: FleetError;
  /** The draft as the main process last reported it (base, version, pending secrets). */
  draft?: SpecDraft;
  /** What the editor shows: the truth while typing, kept here until a save has it on disk. */
  text?: string;
  savedText?: string;
  save?: SaveStatus;
  /** The time of the draft restored on open, when there was one with changes. */
  restoredAt?: string;
  validating: boolean;
  validation?: SpecValidation;
  validationError?: FleetError;
  /** The text the validation (and its line numbers) belong to. */
  validatedText?: string;
  reviewing: boolean;
  review?: ApplyPreview;
  reviewError?: FleetError;
  reviewedText?: string;
  applying: boolean;
  applyError?: FleetError;
  stale?: StaleState;
  secretBusy: boolean;
  secretError?: FleetError;
  /** One line about the last import, export or rebase (a failure when `failed`). */
  notice?: { text: string; failed?: boolean };
}

export interface TenantState {
  previewing: boolean;
  preview?: TenantTemplatePreview;
  /** The request the preview was made for: Create only sends a preview of the form as it stands. */
  previewedFor?: string;
  previewError?: FleetError;
  creating: boolean;
  createError?: FleetError;
}

interface SpecsState {
  editors: Record<string, SpecEditorEntry>;
  hints?: LiveHints;
  hintsError?: FleetError;
  drafts: { loading: boolean; list?: DraftSummary[]; error?: FleetError };
  tenant: TenantState;

  open: (appId: string) => Promise<void>;
  edit: (appId: string, text: string) => void;
  saveNow: (appId: string) => Promise<void>;
  validate: (appId: string) => Promise<void>;
  review: (appId: string) => Promise<void>;
  closeReview: (appId: string) => void;
  apply: (appId: string) => Promise<void>;
  closeStale: (appId: string) => void;
  /** Rebases a stale draft on the live spec when both changes merge cleanly; false otherwise. */
  rebase: (appId: string) => Promise<boolean>;
  setSecret: (appId: string, secret: { component?: string; key: string; value: string }) => Promise<boolean>;
  clearSecretError: (appId: string) => void;
  importFile: (appId: string, fileName: string, yaml: string) => Promise<void>;
  exportSpec: (appId: string, which: 'live' | 'draft') => Promise<void>;
  copyDraft: (appId: string) => Promise<void>;
  discard: (appId: string) => Promise<boolean>;
  loadHints: () => Promise<void>;
  loadDrafts: () => Promise<void>;
  previewTenant: (request: TenantTemplateRequest) => Promise<void>;
  /** `secrets`: values for the new app's SECRET envs, by "component/KEY" (never copied from the template). */
  createTenant: (request: TenantTemplateRequest, secrets: Readonly<Record<string, string>>) => Promise<boolean>;
}

const EMPTY: SpecEditorEntry = { loading: false, validating: false, reviewing: false, applying: false, secretBusy: false };
export const EMPTY_SPEC_EDITOR = EMPTY;

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const saving = new Set<string>();
const saveAgain = new Set<string>();
const failures = new Map<string, number>();

/** Which form state a tenant preview belongs to. */
export const requestKey = (r: TenantTemplateRequest) => JSON.stringify([r.templateAppId, r.name, r.replacements]);

/** Hands a text to the browser's download (the renderer has no file system). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useSpecsStore = create<SpecsState>()((set, get) => {
  const entry = (appId: string) => get().editors[appId] ?? EMPTY;
  const patch = (appId: string, change: Partial<SpecEditorEntry>) =>
    set((s) => ({ editors: { ...s.editors, [appId]: { ...(s.editors[appId] ?? EMPTY), ...change } } }));
  const schedule = (appId: string, ms: number) => {
    clearTimeout(timers.get(appId));
    timers.set(appId, setTimeout(() => void get().saveNow(appId), ms));
  };
  const forget = (appId: string) => {
    clearTimeout(timers.get(appId));
    timers.delete(appId);
    failures.delete(appId);
  };
  /** A draft from the main process becomes what the editor shows, with nothing left unsaved. */
  const adopt = (appId: string, draft: SpecDraft, extra: Partial<SpecEditorEntry> = {}) => {
    forget(appId);
    patch(appId, { draft, text: draft.yaml, savedText: draft.yaml, save: undefined, validation: undefined, validatedText: undefined, review: undefined, reviewedText: undefined, reviewError: undefined, stale: undefined, ...extra });
  };

  /** Reads the draft (restored, or started from the live spec) and shows it. */
  const load = async (appId: string) => {
    patch(appId, { loading: true, loadError: undefined });
    const result = await callFleet((api) => api.openDraft({ appId }));
    if (!result.ok) {
      patch(appId, { loading: false, loadError: result.error });
      return;
    }
    const draft = result.value;
    const restored = draft.yaml !== draft.baseYaml ? draft.updatedAt : undefined;
    adopt(appId, draft, { loading: false, restoredAt: restored, applyError: undefined, notice: undefined });
  };

  return {
    editors: {},
    drafts: { loading: false },
    tenant: { previewing: false, creating: false },

    open: async (appId) => {
      const current = entry(appId);
      // Typing not yet on disk stays as it is: it is newer than any draft the main process has.
      if (current.text !== undefined && current.text !== current.savedText) {
        void get().saveNow(appId);
        return;
      }
      await load(appId);
    },

    edit: (appId, text) => {
      const current = entry(appId);
      if (current.text === text) return;
      // A failed save keeps saying so until one succeeds; otherwise the status shows the wait.
      patch(appId, { text, ...(current.save?.state === 'failed' ? {} : { save: { state: 'pending' } }) });
      schedule(appId, SAVE_DEBOUNCE_MS);
    },

    saveNow: async (appId) => {
      clearTimeout(timers.get(appId));
      timers.delete(appId);
      const current = entry(appId);
      if (current.text === undefined || !current.draft) return;
      if (current.text === current.savedText) {
        if (current.save?.state !== 'saved' && current.save) patch(appId, { save: { state: 'saved', savedAt: current.draft.updatedAt } });
        return;
      }
      if (saving.has(appId)) {
        saveAgain.add(appId);
        return;
      }
      const text = current.text;
      saving.add(appId);
      patch(appId, { save: { state: 'saving' } });
      const result = await callFleet((api) => api.saveDraft({ appId, yaml: text }));
      saving.delete(appId);
      const after = entry(appId);
      if (result.ok) {
        failures.delete(appId);
        // Clear SECRET values typed in the YAML were moved to memory by the save: list them.
        const pendingSecrets = result.value.pendingSecrets ?? after.draft?.pendingSecrets ?? [];
        const draft = after.draft ? { ...after.draft, yaml: text, updatedAt: result.value.savedAt, pendingSecrets } : after.draft;
        const newer = after.text !== text;
        patch(appId, { savedText: text, draft, save: newer ? { state: 'pending' } : { state: 'saved', savedAt: result.value.savedAt } });
        if (newer) schedule(appId, SAVE_DEBOUNCE_MS);
      } else {
        const count = (failures.get(appId) ?? 0) + 1;
        failures.set(appId, count);
        const wait = SAVE_RETRY_MS[Math.min(count, SAVE_RETRY_MS.length) - 1] ?? 30_000;
        patch(appId, { save: { state: 'failed', error: result.error, retryInSeconds: Math.round(wait / 1000) } });
        schedule(appId, wait);
      }
      if (saveAgain.delete(appId)) void get().saveNow(appId);
    },

    validate: async (appId) => {
      const text = entry(appId).text;
      if (text === undefined || entry(appId).validating) return;
      patch(appId, { validating: true, validationError: undefined });
      const result = await callFleet((api) => api.validateDraft({ appId, yaml: text }));
      if (result.ok) patch(appId, { validating: false, validation: result.value, validatedText: text });
      else patch(appId, { validating: false, validationError: result.error });
    },

    review: async (appId) => {
      const text = entry(appId).text;
      if (text === undefined || entry(appId).reviewing) return;
      patch(appId, { reviewing: true, reviewError: undefined, review: undefined, reviewedText: text, applyError: undefined });
      const result = await callFleet((api) => api.previewApply({ appId, yaml: text }));
      if (!result.ok) {
        patch(appId, { reviewing: false, reviewError: result.error });
        return;
      }
      const preview = result.value;
      patch(appId, {
        reviewing: false,
        review: preview,
        // The preview validates too: its problems are the API's word on this text.
        validation: preview,
        validatedText: text,
        stale: preview.stale ? { liveYaml: preview.liveYaml, liveVersion: preview.liveVersion, reason: 'preview' } : undefined,
      });
    },

    closeReview: (appId) => patch(appId, { review: undefined, reviewError: undefined, reviewedText: undefined, applyError: undefined }),

    apply: async (appId) => {
      const current = entry(appId);
      const text = current.reviewedText;
      if (current.applying || text === undefined || !current.draft) return;
      patch(appId, { applying: true, applyError: undefined });
      const baseVersion = current.draft.baseVersion;
      const result = await callFleet((api) => api.applyDraft({ appId, yaml: text, baseVersion }));
      if (!result.ok) {
        patch(appId, { applying: false, applyError: result.error });
        if (result.error.code === 'stale') {
          // Refused because the live spec moved on: fetch it for the three-way view.
          const preview = await callFleet((api) => api.previewApply({ appId, yaml: text }));
          if (preview.ok) patch(appId, { review: undefined, stale: { liveYaml: preview.value.liveYaml, liveVersion: preview.value.liveVersion, reason: 'apply' } });
        }
        return;
      }
      const progress = result.value;
      patch(appId, { applying: false, review: undefined, reviewedText: undefined });
      if (!progress.terminal) useActionsStore.getState().follow(appId, progress.deploymentId);
      void useFleetStore.getState().load();
      // The applied text is now live: the draft starts afresh from it (the old one is gone).
      await load(appId);
      patch(appId, { notice: { text: 'Applied. The editor now shows the new live spec.' } });
    },

    closeStale: (appId) => patch(appId, { stale: undefined }),

    rebase: async (appId) => {
      const current = entry(appId);
      if (!current.stale || !current.draft || current.text === undefined) return false;
      const merged = rebaseDraft(current.draft.baseYaml, current.text, current.stale.liveYaml);
      if (!merged.ok) {
        patch(appId, { notice: { text: `Not rebased: ${merged.reason} Your draft is unchanged.`, failed: true } });
        return false;
      }
      // The live spec of now becomes the base and the merge the text; new secret values stay set.
      const result = await callFleet((api) => api.rebaseDraft({ appId, yaml: merged.yaml }));
      if (!result.ok) {
        patch(appId, { notice: { text: `Not rebased: ${result.error.message} Your draft is unchanged.`, failed: true } });
        return false;
      }
      adopt(appId, result.value, { notice: { text: 'Rebased your draft on the live spec. Review it before applying.' } });
      return true;
    },

    setSecret: async (appId, secret) => {
      if (entry(appId).secretBusy) return false;
      patch(appId, { secretBusy: true, secretError: undefined });
      // The main process edits its draft on disk: it must hold the typing first.
      await get().saveNow(appId);
      const before = entry(appId).text;
      const result = await callFleet((api) => api.setDraftSecret({ appId, ...secret }));
      if (!result.ok) {
        patch(appId, { secretBusy: false, secretError: result.error });
        return false;
      }
      const draft = result.value;
      if (entry(appId).text === before && before === entry(appId).savedText) {
        adopt(appId, draft, { secretBusy: false, validation: entry(appId).validation, validatedText: entry(appId).validatedText });
      } else {
        patch(appId, { secretBusy: false, draft: { ...draft, yaml: entry(appId).draft?.yaml ?? draft.yaml } });
      }
      return true;
    },

    clearSecretError: (appId) => patch(appId, { secretError: undefined }),

    importFile: async (appId, fileName, yaml) => {
      const problem = yamlMarks(yaml)[0];
      if (problem) {
        patch(appId, { notice: { text: `${fileName} was not imported: line ${problem.line}: ${problem.message} Your draft is unchanged.`, failed: true } });
        return;
      }
      const result = await callFleet((api) => api.importDraft({ appId, yaml }));
      if (!result.ok) {
        patch(appId, { notice: { text: `${fileName} was not imported: ${result.error.message} Your draft is unchanged.`, failed: true } });
        return;
      }
      adopt(appId, result.value, { restoredAt: undefined, notice: { text: `Imported ${fileName} into the draft. Validate and review it before applying.` } });
    },

    exportSpec: async (appId, which) => {
      const current = entry(appId);
      const name = current.draft?.appName ?? appId;
      if (which === 'draft') {
        if (current.text === undefined) return;
        download(`${name}.app.yaml`, current.text);
        patch(appId, { notice: { text: `Exported the draft as ${name}.app.yaml.` } });
        return;
      }
      const result = await callFleet((api) => api.getSpec({ appId }));
      if (!result.ok) {
        patch(appId, { notice: { text: `Could not read the live spec: ${result.error.message}`, failed: true } });
        return;
      }
      download(`${result.value.appName}.app.yaml`, result.value.yaml);
      patch(appId, { notice: { text: `Exported the live spec as ${result.value.appName}.app.yaml.` } });
    },

    copyDraft: async (appId) => {
      const text = entry(appId).text;
      if (text === undefined) return;
      try {
        await navigator.clipboard.writeText(text);
        patch(appId, { notice: { text: 'Copied your draft to the clipboard.' } });
      } catch {
        patch(appId, { notice: { text: 'The clipboard is not available here; use Export draft instead.', failed: true } });
      }
    },

    discard: async (appId) => {
      const result = await callFleet((api) => api.discardDraft({ appId }));
      if (!result.ok) {
        set((s) => ({ drafts: { ...s.drafts, error: result.error } }));
        patch(appId, { notice: { text: `The draft was not discarded: ${result.error.message}`, failed: true } });
        return false;
      }
      forget(appId);
      set((s) => {
        const editors = { ...s.editors };
        delete editors[appId];
        return { editors, drafts: { ...s.drafts, list: s.drafts.list?.filter((d) => d.appId !== appId) } };
      });
      return true;
    },

    loadHints: async () => {
      if (get().hints) return;
      const result = await callFleet((api) => api.getSpecHints());
      if (result.ok) set({ hints: result.value, hintsError: undefined });
      else set({ hintsError: result.error });
    },

    loadDrafts: async () => {
      set((s) => ({ drafts: { ...s.drafts, loading: true } }));
      const result = await callFleet((api) => api.listDrafts());
      if (result.ok) set({ drafts: { loading: false, list: result.value } });
      else set((s) => ({ drafts: { ...s.drafts, loading: false, error: result.error } }));
    },

    previewTenant: async (request) => {
      const key = requestKey(request);
      set((s) => ({ tenant: { ...s.tenant, previewing: true, previewError: undefined, createError: undefined } }));
      const result = await callFleet((api) => api.previewTenantFromTemplate(request));
      set((s) => ({
        tenant: result.ok
          ? { ...s.tenant, previewing: false, preview: result.value, previewedFor: key }
          : { ...s.tenant, previewing: false, preview: undefined, previewedFor: undefined, previewError: result.error },
      }));
    },

    createTenant: async (request, secrets) => {
      const { tenant } = get();
      if (tenant.creating || !tenant.preview || tenant.previewedFor !== requestKey(request)) return false;
      const yaml = fillSecrets(tenant.preview.yaml, secrets);
      set((s) => ({ tenant: { ...s.tenant, creating: true, createError: undefined } }));
      const result = await callFleet((api) => api.createTenantApp({ yaml, templateAppId: request.templateAppId }));
      if (!result.ok) {
        set((s) => ({ tenant: { ...s.tenant, creating: false, createError: result.error } }));
        return false;
      }
      const { appId, progress } = result.value;
      set({ tenant: { previewing: false, creating: false } });
      if (progress && !progress.terminal) useActionsStore.getState().follow(appId, progress.deploymentId);
      void useFleetStore.getState().load();
      useNavigationStore.getState().openApp(appId);
      return true;
    },
  };
});
