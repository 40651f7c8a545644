// The spec editor's domain: one draft per app (opened or restored, saved as the user types — see
// specDraftSaves), validation and the apply preview by the API, apply itself (then the deployment is
// followed by the actions store), the stale case, SECRET values set through a password field,
// import/export of app.yaml, discarding a draft, and saving what is typed before the window goes.
// The open drafts list (specDraftsStore) and the schema hints (specHintsStore) are stores of their own.
import type { SpecDraft } from '../../src-preload/contract';
import { create } from 'zustand';
import { callFleet } from '../fleetApi';
import { rebaseDraft } from '../specSchema/rebase';
import { yamlMarks } from '../specSchema/problems';
import { useActionsStore } from './actionsStore';
import { useFleetStore } from './fleetStore';
import { createDraftSaver, SAVE_DEBOUNCE_MS } from './specDraftSaves';
import { download, EMPTY_SPEC_EDITOR as EMPTY, shareable, SCRUBBED, type SpecEditorEntry } from './specEditorEntry';
import { onContextChange, readFleet, resetWithContext } from './contextScope';
import { useSpecDraftsStore } from './specDraftsStore';
import { guardUnload, saveBeforeContextSwitch, type UnsavedText } from './specUnsavedText';

export { SAVE_DEBOUNCE_MS, SAVE_RETRY_MS } from './specDraftSaves';
export { EMPTY_SPEC_EDITOR } from './specEditorEntry';
export type { SaveStatus, SpecEditorEntry, StaleState } from './specEditorEntry';

interface SpecEditorState {
  editors: Record<string, SpecEditorEntry>;

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
  /** The draft leaves without SECRET values typed in clear (see withoutClearSecrets). */
  exportSpec: (appId: string, which: 'live' | 'draft') => Promise<void>;
  copyDraft: (appId: string) => Promise<void>;
  /** Throws the draft away (the editor's entry and its line in the drafts list go); false when refused. */
  discard: (appId: string) => Promise<boolean>;
  /** After a save refused because the draft is gone: a new draft from the live spec, holding the editor's text. */
  keepAsNewDraft: (appId: string) => Promise<void>;
  /**
   * While the window lives: on pagehide/beforeunload every unsaved text is sent at once, and the
   * unload is held back (preventDefault) while any text is still not on disk. Returns the unsubscribe.
   */
  startUnloadGuard: () => () => void;
}

export const useSpecEditorStore = create<SpecEditorState>()((set, get) => {
  const entry = (appId: string) => get().editors[appId] ?? EMPTY;
  const patch = (appId: string, change: Partial<SpecEditorEntry>) =>
    set((s) => ({ editors: { ...s.editors, [appId]: { ...(s.editors[appId] ?? EMPTY), ...change } } }));
  // Clear SECRET values typed in the YAML were moved to memory by the save: the answer lists them.
  const saver = createDraftSaver(entry, patch, (draft, text, saved) => ({
    ...draft,
    yaml: text,
    updatedAt: saved.savedAt,
    pendingSecrets: saved.pendingSecrets ?? draft.pendingSecrets,
    secretsToReenter: saved.secretsToReenter ?? draft.secretsToReenter,
  }));
  /** A draft from the main process becomes what the editor shows, with nothing left unsaved. */
  const adopt = (appId: string, draft: SpecDraft, extra: Partial<SpecEditorEntry> = {}) => {
    saver.forget(appId);
    patch(appId, {
      draft,
      text: draft.yaml,
      savedText: draft.yaml,
      save: undefined,
      validation: undefined,
      validatedText: undefined,
      review: undefined,
      reviewedText: undefined,
      reviewError: undefined,
      stale: undefined,
      ...extra,
    });
  };
  const unsaved: UnsavedText = {
    apps: () =>
      Object.keys(get().editors).filter((id) => entry(id).text !== undefined && entry(id).text !== entry(id).savedText),
    saveNow: (id) => saver.saveNow(id),
    failing: (id) => entry(id).save?.state === 'failed',
  };
  saveBeforeContextSwitch(unsaved);
  onContextChange({
    reset: () => {
      for (const id of Object.keys(get().editors)) saver.forget(id);
    },
  });
  /** The live spec as the API has it now, for the three-way view. */
  const liveNow = async (appId: string, text: string) => {
    const preview = await callFleet((api) => api.previewApply({ appId, yaml: text }));
    return preview.ok ? { liveYaml: preview.value.liveYaml, liveVersion: preview.value.liveVersion } : undefined;
  };

  /** Reads the draft (restored, or started from the live spec) and shows it. */
  const load = async (appId: string) => {
    patch(appId, { loading: true, loadError: undefined });
    const result = await readFleet((api) => api.openDraft({ appId }));
    if (!result) return;
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
      saver.schedule(appId, SAVE_DEBOUNCE_MS);
    },

    saveNow: (appId) => saver.saveNow(appId),

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
      patch(appId, {
        reviewing: true,
        reviewError: undefined,
        review: undefined,
        reviewedText: text,
        applyError: undefined,
      });
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
        stale: preview.stale
          ? { liveYaml: preview.liveYaml, liveVersion: preview.liveVersion, reason: 'preview' }
          : undefined,
      });
    },

    closeReview: (appId) =>
      patch(appId, { review: undefined, reviewError: undefined, reviewedText: undefined, applyError: undefined }),

    apply: async (appId) => {
      const current = entry(appId);
      const text = current.reviewedText;
      if (current.applying || text === undefined || !current.draft) return;
      const baseVersion = current.draft.baseVersion;
      patch(appId, { applying: true, applyError: undefined });
      await saver.exclusive(appId, async () => {
        const result = await callFleet((api) => api.applyDraft({ appId, yaml: text, baseVersion }));
        if (!result.ok) {
          patch(appId, { applying: false, applyError: result.error });
          if (result.error.code === 'stale') {
            // Refused because the live spec moved on: fetch it for the three-way view.
            const live = await liveNow(appId, text);
            if (live) patch(appId, { review: undefined, stale: { ...live, reason: 'apply' } });
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
      });
    },

    closeStale: (appId) => patch(appId, { stale: undefined }),

    rebase: (appId) =>
      saver.exclusive(appId, async () => {
        const current = entry(appId);
        const { stale, draft, text } = current;
        if (!stale || !draft || text === undefined) return false;
        const merged = rebaseDraft(draft.baseYaml, text, stale.liveYaml);
        if (!merged.ok) {
          patch(appId, { notice: { text: `Not rebased: ${merged.reason} Your draft is unchanged.`, failed: true } });
          return false;
        }
        // The live spec the merge was made against becomes the base and the merge the text; new secret values stay set.
        const result = await callFleet((api) =>
          api.rebaseDraft({ appId, yaml: merged.yaml, liveVersion: stale.liveVersion }),
        );
        if (result.ok) {
          adopt(appId, result.value, {
            notice: { text: 'Rebased your draft on the live spec. Review it before applying.' },
          });
          return true;
        }
        const live = result.error.code === 'stale' ? await liveNow(appId, text) : undefined;
        if (live) {
          // The live spec moved again while the three-way view was open: show the newest one.
          patch(appId, {
            stale: { ...stale, ...live },
            notice: {
              text: 'Not rebased: the live spec changed again meanwhile. The three-way view now shows the newest live spec; your draft is unchanged.',
              failed: true,
            },
          });
        } else {
          patch(appId, {
            notice: { text: `Not rebased: ${result.error.message} Your draft is unchanged.`, failed: true },
          });
        }
        return false;
      }),

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
        adopt(appId, draft, {
          secretBusy: false,
          validation: entry(appId).validation,
          validatedText: entry(appId).validatedText,
        });
      } else {
        patch(appId, { secretBusy: false, draft: { ...draft, yaml: entry(appId).draft?.yaml ?? draft.yaml } });
      }
      return true;
    },

    clearSecretError: (appId) => patch(appId, { secretError: undefined }),

    importFile: async (appId, fileName, yaml) => {
      const problem = yamlMarks(yaml)[0];
      if (problem) {
        patch(appId, {
          notice: {
            text: `${fileName} was not imported: line ${problem.line}: ${problem.message} Your draft is unchanged.`,
            failed: true,
          },
        });
        return;
      }
      await saver.exclusive(appId, async () => {
        const result = await callFleet((api) => api.importDraft({ appId, yaml }));
        if (!result.ok) {
          patch(appId, {
            notice: {
              text: `${fileName} was not imported: ${result.error.message} Your draft is unchanged.`,
              failed: true,
            },
          });
          return;
        }
        adopt(appId, result.value, {
          restoredAt: undefined,
          notice: { text: `Imported ${fileName} into the draft. Validate and review it before applying.` },
        });
      });
    },

    exportSpec: async (appId, which) => {
      const current = entry(appId);
      const name = current.draft?.appName ?? appId;
      if (which === 'draft') {
        const out = shareable(current);
        if (!out) return;
        download(`${name}.app.yaml`, out.text);
        patch(appId, { notice: { text: `Exported the draft as ${name}.app.yaml.${out.scrubbed ? SCRUBBED : ''}` } });
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
      const out = shareable(entry(appId));
      if (!out) return;
      try {
        await navigator.clipboard.writeText(out.text);
        patch(appId, { notice: { text: `Copied your draft to the clipboard.${out.scrubbed ? SCRUBBED : ''}` } });
      } catch {
        patch(appId, {
          notice: { text: 'The clipboard is not available here; use Export draft instead.', failed: true },
        });
      }
    },

    discard: (appId) =>
      saver.exclusive(appId, async () => {
        const result = await callFleet((api) => api.discardDraft({ appId }));
        if (!result.ok) {
          useSpecDraftsStore.getState().failed(result.error);
          patch(appId, { notice: { text: `The draft was not discarded: ${result.error.message}`, failed: true } });
          return false;
        }
        saver.forget(appId);
        set((s) => {
          const editors = { ...s.editors };
          delete editors[appId];
          return { editors };
        });
        useSpecDraftsStore.getState().removed(appId);
        return true;
      }),

    keepAsNewDraft: (appId) =>
      saver.exclusive(appId, async () => {
        const result = await callFleet((api) => api.openDraft({ appId }));
        if (!result.ok) {
          patch(appId, {
            notice: { text: `No new draft was started: ${result.error.message} Your text is kept here.`, failed: true },
          });
          return;
        }
        // The editor keeps its text; the saves after this put it onto the new draft.
        saver.forget(appId);
        patch(appId, {
          draft: result.value,
          savedText: result.value.yaml,
          save: { state: 'pending' },
          restoredAt: undefined,
          notice: { text: 'Started a new draft from the live spec with your text.' },
        });
      }),

    startUnloadGuard: () => guardUnload(unsaved),
  };
});

// The editors hold the old context's drafts (their unsaved text was saved before the switch).
resetWithContext(useSpecEditorStore);
