// One app's detail, by id, with its own loading and error so several can be cached at once.
import type { AppDetail, FleetError } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { resetWithContext, sameContext } from './contextScope';

export interface AppDetailEntry {
  detail?: AppDetail;
  loading: boolean;
  error?: FleetError;
  /** Epoch ms of the last successful read. */
  loadedAt?: number;
}

interface AppDetailState {
  byId: Record<string, AppDetailEntry>;
  load: (appId: string) => Promise<void>;
}

const EMPTY: AppDetailEntry = { loading: false };

export const useAppDetailStore = create<AppDetailState>()((set, get) => {
  const patch = (appId: string, entry: Partial<AppDetailEntry>) =>
    set((state) => ({ byId: { ...state.byId, [appId]: { ...(state.byId[appId] ?? EMPTY), ...entry } } }));

  return {
    byId: {},
    load: async (appId) => {
      if (get().byId[appId]?.loading) return;
      patch(appId, { loading: true });
      const current = sameContext();
      const result = await callFleet((api) => api.getAppDetail({ appId }));
      if (!current()) return;
      if (result.ok) patch(appId, { loading: false, detail: result.value, error: undefined, loadedAt: Date.now() });
      else patch(appId, { loading: false, error: result.error });
    },
  };
});

/** Stable fallback for selectors, so an unknown id does not produce a new object per render. */
export const EMPTY_DETAIL_ENTRY = EMPTY;

resetWithContext(useAppDetailStore);
