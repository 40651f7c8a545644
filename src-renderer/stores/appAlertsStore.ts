// DigitalOcean's own alerts of one app, by app id, read when its page opens.
import type { AppAlerts, FleetError } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { resetWithContext, sameContext } from './contextScope';

export interface AppAlertsEntry {
  value?: AppAlerts;
  loading: boolean;
  error?: FleetError;
}

interface AppAlertsState {
  byId: Record<string, AppAlertsEntry>;
  load: (appId: string) => Promise<void>;
}

const EMPTY: AppAlertsEntry = { loading: false };

export const useAppAlertsStore = create<AppAlertsState>()((set, get) => {
  const patch = (appId: string, entry: Partial<AppAlertsEntry>) =>
    set((state) => ({ byId: { ...state.byId, [appId]: { ...(state.byId[appId] ?? EMPTY), ...entry } } }));
  return {
    byId: {},
    load: async (appId) => {
      if (get().byId[appId]?.loading) return;
      patch(appId, { loading: true });
      const current = sameContext();
      const result = await callFleet((api) => api.listAppAlerts({ appId }));
      if (!current()) return;
      if (result.ok) patch(appId, { loading: false, value: result.value, error: undefined });
      else patch(appId, { loading: false, error: result.error });
    },
  };
});

/** Stable fallback for selectors. */
export const EMPTY_ALERTS_ENTRY = EMPTY;

resetWithContext(useAppAlertsStore);
