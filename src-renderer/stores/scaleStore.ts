// The scale dialog: one component's draft size/count/autoscaling, re-priced by previewScale as the
// user edits (debounced), and applied through the actions store with the preview's specVersion so
// main refuses ('stale') if the app changed in between.
import type {
  ComponentDetail,
  FleetError,
  RightSizingReport,
  ScalePreview,
  SizingAdvice,
} from '../../src-preload/contract';
import { draftFrom, draftProblem, isNoChange, scaleChangeOf, type ScaleDraft } from '../actionFormat';
import { DEFAULT_SIZE_SLUG } from '../format';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { useActionsStore, type AppRef } from './actionsStore';
import { useAppDetailStore } from './appDetailStore';
import { resetWithContext, sameContext } from './contextScope';
import { useCostsStore } from './costsStore';
import { useNavigationStore } from './navigationStore';

export const PREVIEW_DEBOUNCE_MS = 350;

export interface ScaleDialogState {
  app: AppRef;
  component: string;
  /** The component as the dialog found it; drafts are compared to this. */
  initial: ScaleDraft;
  /**
   * Right-sizing's suggestion for this component: the one Apply came from (the draft starts at its
   * size), or, when opened by hand, the app's advice once read. Absent when there is none.
   */
  advice?: ScaleAdvice;
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

/** A right-sizing suggestion and the window of metrics it read. */
export interface ScaleAdvice {
  advice: SizingAdvice;
  windowDays: number;
}

/** Only a suggestion to move (with a size to move to) is worth the dialog's room; "keep" is not. */
export function suggestionFor(report: RightSizingReport | undefined, component: string): ScaleAdvice | undefined {
  const advice = report?.advice.find((a) => a.component === component);
  if (!report || !advice || advice.direction === 'keep' || !advice.suggestedSlug) return undefined;
  return { advice, windowDays: report.windowDays };
}

interface ScaleState {
  dialog?: ScaleDialogState;
  /**
   * `prefill`: start the draft at an advised size (right-sizing's Apply), with the advice. Without
   * it the app's right-sizing advice is looked up (read once if the Costs page has not) and shown
   * when it suggests a change for this component.
   */
  open: (app: AppRef, component: ComponentDetail, prefill?: { size: string; advice?: ScaleAdvice }) => void;
  /**
   * Right-sizing's Apply: goes to the app's page and opens its Scale dialog at the advised size, so
   * the change is confirmed with the same preview and cost delta as the page's own Scale button.
   */
  openAdvised: (appId: string, component: string, advice: ScaleAdvice) => Promise<void>;
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

  /** Opened by hand: the advice arrives after the dialog, and only lands on the dialog it was for. */
  const lookUpAdvice = async (appId: string, component: string) => {
    const report = await useCostsStore.getState().sizingReport(appId);
    const dialog = get().dialog;
    const advice = suggestionFor(report, component);
    if (!advice || !dialog || dialog.app.id !== appId || dialog.component !== component || dialog.advice) return;
    // Advice read before a change already made is spent: it would suggest the size it is at.
    if (advice.advice.suggestedSlug === dialog.initial.size) return;
    patchDialog({ advice });
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
      if (!prefill?.advice) void lookUpAdvice(app.id, component.name);
    },

    openAdvised: async (appId, name, advice) => {
      const size = advice.advice.suggestedSlug;
      if (!size) return;
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
