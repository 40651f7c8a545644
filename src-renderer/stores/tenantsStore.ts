// The tenants matrix: one listTenants read (apps joined with their Supabase projects and GitHub
// sources), the table's filter, group and sort, and linking an unmatched Supabase project to a
// tenant. Health comes from the fleet health store, which this store asks after every load so
// the matrix and the overview share one set of readings and one rate budget.
import type { FleetError, TenantsMatrix } from '../../src-preload/contract';
import { create } from 'zustand';
import { resetWithContext, sameContext } from './contextScope';
import { callFleet } from '../fleetApi';
import { useHealthStore } from './healthStore';
import { HEALTH_CHECK_TICK_MS } from './healthPolicy';
import type { TenantSorting } from '../views/tenants/tenantModel';

interface TenantsState {
  matrix?: TenantsMatrix;
  /** A listTenants read is in flight (first load or a refresh). */
  loading: boolean;
  /** The last load's failure; with a matrix on screen it shows as a note above it. */
  error?: FleetError;

  filter: string;
  /** '' for every group. */
  group: string;
  sorting: TenantSorting;

  /** The project being linked by hand from the matrix, and the refusal in the API's words. */
  linking?: string;
  linkError?: FleetError;

  load: () => Promise<void>;
  /** Loads unless a matrix is on screen or a load is running. */
  ensureLoaded: () => Promise<void>;
  setFilter: (text: string) => void;
  setGroup: (group: string) => void;
  setSorting: (sorting: TenantSorting) => void;
  clearFilters: () => void;
  /** Links a Supabase project to a tenant; true when main accepted it (the matrix is re-read). */
  linkProject: (appId: string, ref: string) => Promise<boolean>;
  clearLinkError: () => void;
  /** Keeps the rows' health fresh while the matrix is on screen; returns the function that stops. */
  watchHealth: () => () => void;
}

let loadSeq = 0;
/** Whether the matrix was ever asked for: only then is it worth reading again after a switch. */
let wanted = false;

export const useTenantsStore = create<TenantsState>()((set, get) => ({
  loading: false,
  filter: '',
  group: '',
  sorting: [],

  load: async () => {
    const seq = ++loadSeq;
    wanted = true;
    set({ loading: true });
    const current = sameContext();
    const result = await callFleet((api) => api.listTenants());
    if (seq !== loadSeq || !current()) return; // a newer read or another context superseded it
    if (!result.ok) {
      set({ loading: false, error: result.error });
      return;
    }
    set({ matrix: result.value, loading: false, error: undefined });
    void useHealthStore.getState().ensureFresh(result.value.tenants.map((t) => t.appId));
  },

  ensureLoaded: async () => {
    const { matrix, loading } = get();
    if (!matrix && !loading) await get().load();
  },

  setFilter: (text) => set({ filter: text }),
  setGroup: (group) => set({ group }),
  setSorting: (sorting) => set({ sorting }),
  clearFilters: () => set({ filter: '', group: '' }),

  linkProject: async (appId, ref) => {
    set({ linking: ref, linkError: undefined });
    const current = sameContext();
    const result = await callFleet((api) => api.linkSupabaseProject({ appId, ref }));
    if (!current()) return false;
    if (!result.ok) {
      set({ linking: undefined, linkError: result.error });
      return false;
    }
    set({ linking: undefined });
    await get().load();
    return true;
  },

  clearLinkError: () => set({ linkError: undefined }),

  watchHealth: () => {
    // Main reads health in the background only while it is asked, a few apps at a time: the
    // matrix asks on the overview's beat, and the policy decides when an ask is due.
    const beat = setInterval(() => {
      const matrix = get().matrix;
      if (matrix) void useHealthStore.getState().ensureFresh(matrix.tenants.map((t) => t.appId));
    }, HEALTH_CHECK_TICK_MS);
    return () => clearInterval(beat);
  },
}));

// Filter and sort order are the user's; the matrix and its groups are the context's and are read
// again (a load still in flight is dropped by sameContext).
resetWithContext(useTenantsStore, {
  keep: ['filter', 'sorting'],
  reload: () => {
    if (wanted) void useTenantsStore.getState().load();
  },
});
