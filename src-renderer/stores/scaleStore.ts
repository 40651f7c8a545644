// The scale dialog: one component's draft size/count/autoscaling, re-priced by previewScale as the
// user edits (debounced), and applied through the actions store with the preview's specVersion so
// main refuses ('stale') if the app changed in between.
import type { ComponentDetail, FleetError, ScalePreview } from '../../src-preload/contract';
import { draftFrom, draftProblem, isNoChange, scaleChangeOf, type ScaleDraft } from '../actionFormat';
import { DEFAULT_SIZE_SLUG } from '../format';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { useActionsStore, type AppRef } from './actionsStore';
import { useAppDetailStore } from './appDetailStore';
import { resetWithContext, sameContext } from './contextScope';
import { useNavigationStore } from './navigationStore';

export const PREVIEW_DEBOUNCE_MS = 350;

export interface ScaleDialogState {
  app: AppRef;
  component: string;
  /** The component as the dialog found it; drafts are compared to this. */
  initial: ScaleDraft;
  /** Right-sizing advice the dialog was opened from (its draft starts at the advised size). */
  advice?: string;
  draft: ScaleDraft;
  preview?: ScalePreview;
  /** A previewScale call is on its way (or waiting out the debounce). */
  previewing: boolean;
  previewError?: FleetError;
  /** Why the draft cannot be priced (bad numbers), from draftProblem. */
  problem?: string;
  /** Apply was clicked: waiting in the undo window or being sent. */
  applying: boolean;
  applyError?: FleetError;
}

interface ScaleState {
  dialog?: ScaleDialogState;
  /** `prefill`: start the draft at an advised size (right-sizing's Apply), with the advice's words. */
  open: (app: AppRef, component: ComponentDetail, prefill?: { size: string; advice?: string }) => void;
  /**
   * Right-sizing's Apply: goes to the app's page and opens its Scale dialog at the advised size, so
   * the change is confirmed with the same preview and cost delta as the page's own Scale button.
   */
  openAdvised: (appId: string, component: string, size: string, advice?: string) => Promise<void>;
  edit: (patch: Partial<ScaleDraft>) => void;
  /** Re-reads the preview now (the Reload after a 'stale' refusal). */
  reload: () => Promise<void>;
  apply: () => Promise<void>;
  close: () => void;
}

let previewSeq = 0;
let debounce: ReturnType<typeof setTimeout> | undefined;

export const useScaleStore = create<ScaleState>()((set, get) => {
  const patchDialog = (patch: Partial<ScaleDialogState>) =>
    set((s) => (s.dialog ? { dialog: { ...s.dialog, ...patch } } : s));

  /** `rebase`: the app changed; the dialog starts over from the component as it is now. */
  const preview = async (rebase = false) => {
    const dialog = get().dialog;
    if (!dialog) return;
    const seq = ++previewSeq;
    const scalable = dialog.preview?.sizeOptions.find((o) => o.slug === dialog.draft.size)?.scalable;
    const problem = rebase ? undefined : draftProblem(dialog.draft, scalable);
    if (problem) {
      patchDialog({ problem, previewing: false });
      return;
    }
    patchDialog({ problem: undefined, previewing: true });
    const change = rebase
      ? { appId: dialog.app.id, component: dialog.component }
      : scaleChangeOf(dialog.app.id, dialog.component, dialog.initial, dialog.draft);
    const result = await callFleet((api) => api.previewScale(change));
    // A newer edit (or a closed dialog) wins over a slow answer.
    if (seq !== previewSeq || !get().dialog) return;
    if (result.ok) {
      patchDialog({
        preview: result.value,
        previewing: false,
        previewError: undefined,
        // Starting again from the spec as it is now, so what is applied is what was reviewed.
        ...(rebase ? { initial: draftFrom(result.value.before), draft: draftFrom(result.value.before) } : {}),
      });
    } else {
      patchDialog({ previewing: false, previewError: result.error });
    }
  };

  const schedulePreview = () => {
    if (debounce) clearTimeout(debounce);
    patchDialog({ previewing: true });
    debounce = setTimeout(() => {
      debounce = undefined;
      void preview();
    }, PREVIEW_DEBOUNCE_MS);
  };

  return {
    open: (app, component, prefill) => {
      if (debounce) clearTimeout(debounce);
      const initial = draftFrom({
        instanceSizeSlug: component.sizeSlug ?? DEFAULT_SIZE_SLUG,
        instanceCount: component.instanceCount,
        autoscaling: component.autoscaling,
      });
      const draft = prefill ? { ...initial, size: prefill.size } : initial;
      set({
        dialog: {
          app,
          component: component.name,
          initial,
          draft,
          ...(prefill?.advice ? { advice: prefill.advice } : {}),
          previewing: true,
          applying: false,
        },
      });
      void preview();
    },

    openAdvised: async (appId, name, size, advice) => {
      const current = sameContext();
      useNavigationStore.getState().openApp(appId);
      const detail = await freshDetail(appId);
      const route = useNavigationStore.getState().route;
      // The user went elsewhere meanwhile: a dialog would wait unseen for their next visit.
      if (!current() || route.name !== 'app' || route.appId !== appId) return;
      const component = detail?.components.find((c) => c.name === name);
      if (detail && component) get().open(detail.app, component, { size, advice });
    },

    edit: (change) => {
      const dialog = get().dialog;
      if (!dialog || dialog.applying) return;
      const draft = { ...dialog.draft, ...change };
      // A size that cannot autoscale turns autoscaling off rather than leaving an impossible draft.
      const scalable = dialog.preview?.sizeOptions.find((o) => o.slug === draft.size)?.scalable;
      if (change.size && draft.autoscale && scalable === false)
        Object.assign(draft, { autoscale: false, count: draft.min });
      // 'stale' stays until Reload: the preview's specVersion is still the outdated one.
      patchDialog({ draft, applyError: dialog.applyError?.code === 'stale' ? dialog.applyError : undefined });
      schedulePreview();
    },

    reload: async () => {
      if (debounce) clearTimeout(debounce);
      const rebase = get().dialog?.applyError?.code === 'stale';
      patchDialog({ applyError: undefined, preview: undefined });
      await preview(rebase);
    },

    apply: async () => {
      const dialog = get().dialog;
      if (!dialog?.preview || dialog.applying || dialog.previewing || dialog.problem) return;
      const change = scaleChangeOf(dialog.app.id, dialog.component, dialog.initial, dialog.draft);
      if (isNoChange(change)) return;
      patchDialog({ applying: true, applyError: undefined });
      const outcome = await useActionsStore
        .getState()
        .applyScale(dialog.app, { ...change, specVersion: dialog.preview.specVersion });
      if (outcome.status === 'sent') {
        set({ dialog: undefined });
        return;
      }
      const applyError: FleetError | undefined =
        outcome.status === 'failed'
          ? outcome.error
          : outcome.status === 'ignored'
            ? { code: 'conflict', message: 'Another action on this app is still being sent.' }
            : undefined;
      patchDialog({ applying: false, applyError });
    },

    close: () => {
      // Closing during the undo window would hide the outcome; the undo bar is the way out then.
      if (get().dialog?.applying) return;
      if (debounce) clearTimeout(debounce);
      previewSeq++;
      set({ dialog: undefined });
    },
  };
});

/** The app's detail once a read of it has finished (the page's own read, or one started here). */
async function freshDetail(appId: string) {
  const store = useAppDetailStore;
  if (!store.getState().byId[appId]?.loading) await store.getState().load(appId);
  else
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (!s.byId[appId]?.loading) {
          stop();
          resolve();
        }
      });
    });
  return store.getState().byId[appId]?.detail;
}

// An open dialog was priced and versioned against the old context's app: it closes.
resetWithContext(useScaleStore);
