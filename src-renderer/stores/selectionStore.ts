// Apps ticked in the fleet overview for a rolling deploy. Kept apart from the fleet store so the
// overview's data and its selection change (and re-render) independently.
import { create } from 'zustand';
import { resetWithContext } from './contextScope';

interface SelectionState {
  /** Selected app ids, in the order they were ticked. */
  selected: string[];
  toggle: (appId: string) => void;
  /** Ticks all of these, or unticks all of them when every one is already ticked. */
  toggleAll: (appIds: readonly string[]) => void;
  /** Drops ids no longer in the fleet, so a deleted app cannot be deployed by accident. */
  retain: (appIds: readonly string[]) => void;
  clear: () => void;
}

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  selected: [],
  toggle: (appId) =>
    set((s) => ({
      selected: s.selected.includes(appId) ? s.selected.filter((id) => id !== appId) : [...s.selected, appId],
    })),
  toggleAll: (appIds) => {
    const { selected } = get();
    const all = appIds.length > 0 && appIds.every((id) => selected.includes(id));
    set({
      selected: all
        ? selected.filter((id) => !appIds.includes(id))
        : [...selected, ...appIds.filter((id) => !selected.includes(id))],
    });
  },
  retain: (appIds) => {
    const keep = new Set(appIds);
    const { selected } = get();
    if (selected.every((id) => keep.has(id))) return;
    set({ selected: selected.filter((id) => keep.has(id)) });
  },
  clear: () => set({ selected: [] }),
}));

// Ticks name apps of the old context: a rolling deploy must never pick them up in the new one.
resetWithContext(useSelectionStore);
