// Health across the fleet: one getFleetHealth call for the loaded apps, after the fleet loads.
// The fleet watch re-reads the list every 15 s; health is re-read only when the set of apps
// changes or the last reading is older than HEALTH_MAX_AGE_MS, to stay well inside rate limits.
import type { AppHealthSummary, FleetError } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { resetWithContext, sameContext } from './contextScope';

export const HEALTH_MAX_AGE_MS = 60_000;

interface HealthState {
  /** Per app id; an app missing here has not been read yet. */
  byAppId: Record<string, AppHealthSummary>;
  loading: boolean;
  error?: FleetError;
  /** Epoch ms of the last successful read, and which apps it covered. */
  loadedAt?: number;
  loadedKey?: string;
  /** Reads health for these apps now. */
  load: (appIds: readonly string[]) => Promise<void>;
  /** Reads health only if these apps were not the last ones read or the reading is stale. */
  ensureFresh: (appIds: readonly string[], nowMs?: number) => Promise<void>;
}

const keyOf = (appIds: readonly string[]) => [...appIds].sort().join(',');

let requestSeq = 0;

export const useHealthStore = create<HealthState>()((set, get) => ({
  byAppId: {},
  loading: false,
  load: async (appIds) => {
    const seq = ++requestSeq;
    if (appIds.length === 0) {
      set({ byAppId: {}, loading: false, error: undefined, loadedAt: Date.now(), loadedKey: '' });
      return;
    }
    set({ loading: true });
    const current = sameContext();
    const result = await callFleet((api) => api.getFleetHealth({ appIds: [...appIds] }));
    if (seq !== requestSeq || !current()) return; // a newer read or another context superseded this one
    if (result.ok) {
      set({ byAppId: result.value, loading: false, error: undefined, loadedAt: Date.now(), loadedKey: keyOf(appIds) });
    } else {
      // Keep the last known health on screen; the badge shows the error on hover.
      set({ loading: false, error: result.error });
    }
  },
  ensureFresh: async (appIds, nowMs = Date.now()) => {
    const { loading, loadedAt, loadedKey, error } = get();
    if (loading) return;
    const stale = loadedAt === undefined || nowMs - loadedAt >= HEALTH_MAX_AGE_MS;
    if (!stale && !error && loadedKey === keyOf(appIds)) return;
    await get().load(appIds);
  },
}));

resetWithContext(useHealthStore);
