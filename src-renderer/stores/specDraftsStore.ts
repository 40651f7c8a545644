// The Specs page's list of open drafts (one per app being edited). Discarding one runs through the
// editor store, which owns the draft's saves; it tells this list what became of it.
import type { DraftSummary, FleetError } from '../../src-preload/contract';
import { create } from 'zustand';
import { readFleet, resetWithContext } from './contextScope';
import { useNavigationStore } from './navigationStore';

interface SpecDraftsState {
  drafts: { loading: boolean; list?: DraftSummary[]; error?: FleetError };
  loadDrafts: () => Promise<void>;
  /** The app's draft is gone (discarded): it leaves the list. */
  removed: (appId: string) => void;
  /** A change to the list was refused: the page shows why. */
  failed: (error: FleetError) => void;
}

export const useSpecDraftsStore = create<SpecDraftsState>()((set) => ({
  drafts: { loading: false },

  loadDrafts: async () => {
    set((s) => ({ drafts: { ...s.drafts, loading: true } }));
    const result = await readFleet((api) => api.listDrafts());
    if (!result) return;
    if (result.ok) set({ drafts: { loading: false, list: result.value } });
    else set((s) => ({ drafts: { ...s.drafts, loading: false, error: result.error } }));
  },

  removed: (appId) => set((s) => ({ drafts: { ...s.drafts, list: s.drafts.list?.filter((d) => d.appId !== appId) } })),

  failed: (error) => set((s) => ({ drafts: { ...s.drafts, error } })),
}));

// Drafts are kept per context: the list is the old context's, and reloads if the Specs page is open.
resetWithContext(useSpecDraftsStore, {
  reload: () => {
    if (useNavigationStore.getState().route.name === 'specs') void useSpecDraftsStore.getState().loadDrafts();
  },
});
