// DigitalOcean's own alerts of one app, by app id: read when its page opens, and for the
// overview's marker what main already knows of every shown app (getFleetAlerts answers from its
// cache and reads the due apps in the background, within the request budget).
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
  /**
   * A marker on screen wants this app's alerts: asked of main together with the others shown
   * (one call, no API request of its own), and again on a slow beat while any is watched.
   * Returns the stop.
   */
  watch: (appId: string) => () => void;
  /** Asks main what it knows of the watched apps now. */
  askFleet: () => Promise<void>;
}

const EMPTY: AppAlertsEntry = { loading: false };
/** How often the overview's markers ask main again: its background reads land in between. */
export const FLEET_ALERTS_BEAT_MS = 30_000;
/** While main is still reading some watched apps for the first time. */
const FIRST_READS_MS = 3_000;

/** How many markers watch each app (a virtualized row may mount twice while scrolling). */
const watched = new Map<string, number>();
let batch: ReturnType<typeof setTimeout> | undefined;
let beat: ReturnType<typeof setInterval> | undefined;

export const useAppAlertsStore = create<AppAlertsState>()((set, get) => {
  const patch = (appId: string, entry: Partial<AppAlertsEntry>) =>
    set((state) => ({ byId: { ...state.byId, [appId]: { ...(state.byId[appId] ?? EMPTY), ...entry } } }));
  const stopBeat = () => {
    if (beat) clearInterval(beat);
    if (batch) clearTimeout(batch);
    beat = batch = undefined;
  };
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

    watch: (appId) => {
      const isNew = !watched.has(appId);
      watched.set(appId, (watched.get(appId) ?? 0) + 1);
      // Rows mounting together (a page of the overview, a scroll) share one question.
      if (isNew && !batch)
        batch = setTimeout(() => {
          batch = undefined;
          void get().askFleet();
        }, 0);
      beat ??= setInterval(() => void get().askFleet(), FLEET_ALERTS_BEAT_MS);
      return () => {
        const left = (watched.get(appId) ?? 1) - 1;
        if (left > 0) watched.set(appId, left);
        else watched.delete(appId);
        if (watched.size === 0) stopBeat();
      };
    },

    askFleet: async () => {
      const appIds = [...watched.keys()];
      if (appIds.length === 0) return;
      const current = sameContext();
      const result = await callFleet((api) => api.getFleetAlerts({ appIds }));
      // A failed question leaves what is known; the next beat asks again.
      if (!current() || !result.ok) return;
      // Apps main has not read yet are being read: ask again soon rather than at the next beat.
      if (appIds.some((id) => !result.value[id]) && !batch)
        batch = setTimeout(() => {
          batch = undefined;
          void get().askFleet();
        }, FIRST_READS_MS);
      const byId = get().byId;
      // Only what changed is written, so a beat that learned nothing renders no marker.
      const changed = Object.values(result.value).filter(
        (value) => !byId[value.appId]?.loading && JSON.stringify(byId[value.appId]?.value) !== JSON.stringify(value),
      );
      if (changed.length === 0) return;
      set((state) => {
        const next = { ...state.byId };
        for (const value of changed) next[value.appId] = { ...(next[value.appId] ?? EMPTY), value };
        return { byId: next };
      });
    },
  };
});

/** Stable fallback for selectors. */
export const EMPTY_ALERTS_ENTRY = EMPTY;

resetWithContext(useAppAlertsStore);
