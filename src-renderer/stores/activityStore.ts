// The audit log: every action Fleetdeck sent (or refused), newest first, filtered by app and by
// kind of action on main's side.
import type { ActionKind, ActivityEntry, FleetError } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { onContextChange } from './contextScope';
import { useNavigationStore } from './navigationStore';

export const ACTIVITY_LIMIT = 200;

export interface ActivityFilters {
  appId?: string;
  action?: ActionKind;
}

interface ActivityState {
  entries?: ActivityEntry[];
  loading: boolean;
  error?: FleetError;
  filters: ActivityFilters;
  /** Epoch ms of the last successful read. */
  loadedAt?: number;
  load: () => Promise<void>;
  setFilters: (filters: ActivityFilters) => void;
}

let loadSeq = 0;

export const useActivityStore = create<ActivityState>()((set, get) => ({
  loading: false,
  filters: {},
  load: async () => {
    const seq = ++loadSeq;
    const { appId, action } = get().filters;
    set({ loading: true });
    const result = await callFleet((api) =>
      api.listActivity({ limit: ACTIVITY_LIMIT, ...(appId ? { appId } : {}), ...(action ? { action } : {}) }),
    );
    // Filters changed while this was on its way: the newer read wins.
    if (seq !== loadSeq) return;
    if (result.ok) set({ entries: result.value, loading: false, error: undefined, loadedAt: Date.now() });
    else set({ loading: false, error: result.error });
  },
  setFilters: (filters) => {
    // Rows of the old filter would read as results of the new one, so they go.
    set({ filters, entries: undefined, error: undefined });
    void get().load();
  },
}));

// One Activity log serves every context; what changes is which entries the switch itself added.
onContextChange({
  reset: () => undefined,
  reload: () => {
    if (useNavigationStore.getState().route.name === 'activity') void useActivityStore.getState().load();
  },
});
