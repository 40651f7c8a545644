// One tenant's page: getTenant (the matrix row plus its Supabase project in full), pausing and
// restoring that project, and linking or unlinking it by hand. A pause or restore takes minutes
// on Supabase's side, so after one (or when the page opens on a project already changing) the
// store re-reads every few seconds until the status settles, and stops when the page is left.
import type { FleetError, SupabaseProjectState, TenantDetail } from '../../src-preload/contract';
import { create } from 'zustand';
import { onContextChange, resetWithContext, sameContext } from './contextScope';
import { callFleet } from '../fleetApi';
import { useAppDetailStore } from './appDetailStore';
import { useTenantsStore } from './tenantsStore';
import { isSettling } from '../views/tenants/tenantModel';

export type TenantAction = 'pause' | 'restore' | 'link' | 'unlink';

/** Seconds between reads while the project's status is changing. */
export const SETTLE_POLL_MS = 3_000;
/** A status that has not settled after this long is left for the user to refresh. */
export const SETTLE_GIVE_UP_MS = 15 * 60_000;

interface TenantPageState {
  appId?: string;
  detail?: TenantDetail;
  loading: boolean;
  error?: FleetError;
  /** The action on its way to main, one at a time. */
  pending?: TenantAction;
  /** Each action's last refusal, in the API's words, until it is tried again. */
  actionErrors: Partial<Record<TenantAction, FleetError>>;
  /** What main answered to the last pause or restore, shown until the read after it lands. */
  lastStatus?: SupabaseProjectState;
  /** Re-reading until the project's status settles. */
  settling: boolean;

  /** Opens the page on a tenant (reads it, and the app's detail for its components). */
  open: (appId: string) => Promise<void>;
  load: () => Promise<void>;
  pause: () => Promise<boolean>;
  restore: () => Promise<boolean>;
  link: (ref: string) => Promise<boolean>;
  unlink: () => Promise<boolean>;
  clearActionError: (action: TenantAction) => void;
  /** The page closed: stop re-reading. */
  leave: () => void;
}

let poll: ReturnType<typeof setTimeout> | undefined;
let settleStartedAt = 0;
let loadSeq = 0;
/** The page is open: a read that lands after it closed must not start following again. */
let onPage = false;

function stopPolling() {
  clearTimeout(poll);
  poll = undefined;
}

const statusOf = (detail: TenantDetail | undefined): SupabaseProjectState | undefined =>
  detail?.supabase?.ok ? detail.supabase.value.status : detail?.row.supabase?.project?.status;

export const useTenantPageStore = create<TenantPageState>()((set, get) => {
  /** Schedules the next read while the status is changing, within the give-up window. */
  const followStatus = () => {
    stopPolling();
    const changing = isSettling(statusOf(get().detail));
    if (!onPage || !changing || Date.now() - settleStartedAt > SETTLE_GIVE_UP_MS) {
      // The matrix was read while the project was still changing: it shows the settled status too.
      if (get().settling && !changing) void useTenantsStore.getState().load();
      set({ settling: false });
      return;
    }
    set({ settling: true });
    poll = setTimeout(() => void get().load(), SETTLE_POLL_MS);
  };

  const projectAction = async (action: 'pause' | 'restore'): Promise<boolean> => {
    const { detail, pending } = get();
    const ref = detail?.row.supabase?.ref;
    if (!ref || pending) return false;
    set({ pending: action, actionErrors: { ...get().actionErrors, [action]: undefined } });
    const current = sameContext();
    const result = await callFleet((api) =>
      action === 'pause' ? api.pauseSupabaseProject({ ref }) : api.restoreSupabaseProject({ ref }),
    );
    if (!current() || get().appId !== detail.row.appId) return false;
    if (!result.ok) {
      set({ pending: undefined, actionErrors: { ...get().actionErrors, [action]: result.error } });
      return false;
    }
    set({ pending: undefined, lastStatus: result.value.status });
    settleStartedAt = Date.now();
    await get().load();
    // The matrix shows this project too: read it now, and again once the status settles.
    void useTenantsStore.getState().load();
    return true;
  };

  const linkAction = async (action: 'link' | 'unlink', ref?: string): Promise<boolean> => {
    const { appId, pending } = get();
    if (!appId || pending) return false;
    set({ pending: action, actionErrors: { ...get().actionErrors, [action]: undefined } });
    const current = sameContext();
    const result = await callFleet((api) =>
      action === 'link' && ref ? api.linkSupabaseProject({ appId, ref }) : api.unlinkSupabaseProject({ appId }),
    );
    if (!current() || get().appId !== appId) return false;
    if (!result.ok) {
      set({ pending: undefined, actionErrors: { ...get().actionErrors, [action]: result.error } });
      return false;
    }
    set({ pending: undefined, lastStatus: undefined });
    await get().load();
    void useTenantsStore.getState().load();
    return true;
  };

  return {
    loading: false,
    actionErrors: {},
    settling: false,

    open: async (appId) => {
      onPage = true;
      if (get().appId !== appId) {
        stopPolling();
        set({
          appId,
          detail: undefined,
          error: undefined,
          pending: undefined,
          actionErrors: {},
          lastStatus: undefined,
          settling: false,
        });
      }
      settleStartedAt = Date.now();
      void useAppDetailStore.getState().load(appId);
      // The link dialog lists the account's projects from the matrix.
      void useTenantsStore.getState().ensureLoaded();
      await get().load();
    },

    load: async () => {
      const appId = get().appId;
      if (!appId) return;
      const seq = ++loadSeq;
      set({ loading: true });
      const current = sameContext();
      const result = await callFleet((api) => api.getTenant({ appId }));
      if (seq !== loadSeq || !current() || get().appId !== appId) return;
      if (!result.ok) {
        set({ loading: false, error: result.error });
        // A failed read while following a change tries again on the same beat.
        if (get().settling) followStatus();
        return;
      }
      set({ detail: result.value, loading: false, error: undefined, lastStatus: undefined });
      followStatus();
    },

    pause: () => projectAction('pause'),
    restore: () => projectAction('restore'),
    link: (ref) => linkAction('link', ref),
    unlink: () => linkAction('unlink'),
    clearActionError: (action) => set({ actionErrors: { ...get().actionErrors, [action]: undefined } }),

    leave: () => {
      onPage = false;
      stopPolling();
      set({ settling: false });
    },
  };
});

// The page is about one context's app: a switch forgets it and its polling (the router leaves
// the page too).
resetWithContext(useTenantPageStore);
onContextChange({ reset: stopPolling });
