// Health across the fleet. Main answers getFleetHealth at once from what it knows, each app with
// when it was read (or `pending`), and re-reads apps in the background within the API's rate
// limits. So this store asks after every fleet load and then on the policy's beat (healthPolicy)
// while the overview is open: every 3 s until the first readings land, every 15 s after that.
import type { AppHealthSummary, FleetError } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { resetWithContext, sameContext } from './contextScope';
import { healthAskDue, healthKeyOf } from './healthPolicy';
import { shareUnchanged } from './shareUnchanged';

interface HealthState {
  /** Per app id; an app missing here has not been asked about yet. */
  byAppId: Record<string, AppHealthSummary>;
  loading: boolean;
  error?: FleetError;
  /** Epoch ms of the last answer, which apps it covered, and how many of them were never read. */
  loadedAt?: number;
  loadedKey?: string;
  pendingCount?: number;
  appCount?: number;
  /** Asks main for these apps' health now. */
  load: (appIds: readonly string[]) => Promise<void>;
  /** Asks only when the policy says an answer is due (other apps, a failure, or its age). */
  ensureFresh: (appIds: readonly string[], nowMs?: number) => Promise<void>;
}

let requestSeq = 0;

export const useHealthStore = create<HealthState>()((set, get) => ({
  byAppId: {},
  loading: false,
  load: async (appIds) => {
    const seq = ++requestSeq;
    if (appIds.length === 0) {
      set({ byAppId: {}, loading: false, error: undefined, loadedAt: Date.now(), loadedKey: '', pendingCount: 0 });
      return;
    }
    set({ loading: true });
    const current = sameContext();
    const result = await callFleet((api) => api.getFleetHealth({ appIds: [...appIds] }));
    if (seq !== requestSeq || !current()) return; // a newer read or another context superseded this one
    if (result.ok) {
      const pendingCount = Object.values(result.value).filter((h) => h.pending).length;
      set({
        byAppId: shareHealth(get().byAppId, result.value),
        loading: false,
        error: undefined,
        loadedAt: Date.now(),
        loadedKey: healthKeyOf(appIds),
        pendingCount,
        appCount: appIds.length,
      });
    } else {
      // Keep the last known health on screen; the badge shows the error on hover.
      set({ loading: false, error: result.error });
    }
  },
  ensureFresh: async (appIds, nowMs = Date.now()) => {
    const { loading, loadedAt, loadedKey, pendingCount, appCount, error } = get();
    if (loading) return;
    if (!healthAskDue({ loadedAt, loadedKey, pendingCount, appCount, failed: Boolean(error) }, appIds, nowMs)) return;
    await get().load(appIds);
  },
}));

resetWithContext(useHealthStore);

/** The answer in place of what is on screen; see shareUnchanged. */
export const shareHealth = (
  current: Record<string, AppHealthSummary>,
  next: Record<string, AppHealthSummary>,
): Record<string, AppHealthSummary> => shareUnchanged(current, next);
