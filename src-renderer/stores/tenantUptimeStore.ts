// The tenant page's health paths and uptime checks: read when the page opens, a path added or
// removed (checked with main's own rule before anything is sent), the missing checks created in
// one click after the plan was shown, and one check deleted after a confirmation.
import type { FleetError, TenantUptime, UptimeChecksCreated } from '../../src-preload/contract';
import { healthPathProblem } from '../../src-preload/contract/uptime';
import { create } from 'zustand';
import { callFleet } from '../fleetApi';
import { resetWithContext, sameContext } from './contextScope';
import { useUptimeStore } from './uptimeStore';

interface TenantUptimeState {
  appId?: string;
  uptime?: TenantUptime;
  loading: boolean;
  error?: FleetError;

  pathDraft: string;
  /** Why the draft path is refused (before sending), or the API's words after. */
  pathError?: string;
  savingPath: boolean;

  /** The one-click plan is on screen for confirmation. */
  planOpen: boolean;
  creating: boolean;
  createError?: FleetError;
  lastCreated?: Pick<UptimeChecksCreated, 'created' | 'existing' | 'alertProblem'>;

  /** The check whose deletion is being confirmed. */
  deleting?: string;
  deleteBusy: boolean;
  deleteError?: FleetError;

  open: (appId: string) => Promise<void>;
  load: () => Promise<void>;
  leave: () => void;
  setPathDraft: (text: string) => void;
  addPath: () => Promise<boolean>;
  removePath: (path: string) => Promise<void>;
  showPlan: () => void;
  closePlan: () => void;
  createChecks: () => Promise<void>;
  askDelete: (checkId: string) => void;
  cancelDelete: () => void;
  confirmDelete: () => Promise<void>;
}

let seq = 0;

export const useTenantUptimeStore = create<TenantUptimeState>()((set, get) => {
  /** Takes a fresh answer for the page it was asked for, and its summary for the matrix. */
  const take = (appId: string, uptime: TenantUptime) => {
    if (get().appId !== appId) return;
    set({ uptime, loading: false, error: undefined });
    useUptimeStore.getState().setSummary(uptime.summary);
  };
  return {
    loading: false,
    pathDraft: '',
    savingPath: false,
    planOpen: false,
    creating: false,
    deleteBusy: false,

    open: async (appId) => {
      if (get().appId !== appId)
        set({
          appId,
          uptime: undefined,
          error: undefined,
          pathDraft: '',
          pathError: undefined,
          lastCreated: undefined,
        });
      await get().load();
    },

    load: async () => {
      const appId = get().appId;
      if (!appId) return;
      const mine = ++seq;
      set({ loading: true });
      const current = sameContext();
      const result = await callFleet((api) => api.getTenantUptime({ appId }));
      if (mine !== seq || !current()) return;
      if (result.ok) take(appId, result.value);
      else if (get().appId === appId) set({ loading: false, error: result.error });
    },

    leave: () => {
      seq++;
      set({ appId: undefined, uptime: undefined, planOpen: false, deleting: undefined, loading: false });
    },

    setPathDraft: (text) => set({ pathDraft: text, pathError: undefined }),

    addPath: async () => {
      const appId = get().appId;
      const path = get().pathDraft.trim();
      const problem = healthPathProblem(path);
      if (!appId || problem) {
        set({ pathError: problem });
        return false;
      }
      if (get().uptime?.paths.some((p) => p.path === path)) {
        set({ pathError: `${path} is already listed.` });
        return false;
      }
      set({ savingPath: true, pathError: undefined });
      const current = sameContext();
      const result = await callFleet((api) => api.addHealthPath({ appId, path }));
      if (!current()) return false;
      set({ savingPath: false });
      if (!result.ok) {
        // The draft stays, so nothing typed is lost.
        set({ pathError: result.error.message });
        return false;
      }
      set({ pathDraft: '' });
      take(appId, result.value);
      return true;
    },

    removePath: async (path) => {
      const appId = get().appId;
      if (!appId) return;
      set({ savingPath: true });
      const current = sameContext();
      const result = await callFleet((api) => api.removeHealthPath({ appId, path }));
      if (!current()) return;
      set({ savingPath: false });
      if (result.ok) take(appId, result.value);
      else set({ pathError: result.error.message });
    },

    showPlan: () => set({ planOpen: true, createError: undefined }),
    closePlan: () => set({ planOpen: false, createError: undefined }),

    createChecks: async () => {
      const appId = get().appId;
      if (!appId || get().creating) return;
      set({ creating: true, createError: undefined });
      const current = sameContext();
      const result = await callFleet((api) => api.createTenantUptimeChecks({ appId }));
      if (!current()) return;
      if (!result.ok) {
        set({ creating: false, createError: result.error });
        // Some checks may have been made before the failure: the page shows what exists now.
        void get().load();
        return;
      }
      const { created, existing, alertProblem, uptime } = result.value;
      set({
        creating: false,
        planOpen: false,
        lastCreated: { created, existing, ...(alertProblem ? { alertProblem } : {}) },
      });
      take(appId, uptime);
    },

    askDelete: (checkId) => set({ deleting: checkId, deleteError: undefined }),
    cancelDelete: () => set({ deleting: undefined, deleteError: undefined }),

    confirmDelete: async () => {
      const { appId, deleting } = get();
      if (!appId || !deleting) return;
      set({ deleteBusy: true, deleteError: undefined });
      const current = sameContext();
      const result = await callFleet((api) => api.deleteUptimeCheck({ appId, checkId: deleting }));
      if (!current()) return;
      if (!result.ok) {
        set({ deleteBusy: false, deleteError: result.error });
        return;
      }
      set({ deleteBusy: false, deleting: undefined, lastCreated: undefined });
      take(appId, result.value);
    },
  };
});

resetWithContext(useTenantUptimeStore);
