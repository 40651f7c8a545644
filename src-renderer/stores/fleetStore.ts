// The fleet overview's data and view state: the snapshot from listFleet, a live watch (watchFleet
// every 15 s, or less often for a large fleet: main spaces it within the request budget) started
// and stopped by actions, the health beat that goes with it, and the table's filter, sorting and
// highlighted row.
import type { FleetError, FleetSnapshot, Unsubscribe } from '../../src-preload/contract';
import { callFleet, watchFleetSafely } from '../fleetApi';
import { create } from 'zustand';
import { useHealthStore } from './healthStore';
import { HEALTH_CHECK_TICK_MS } from './healthPolicy';
import { resetWithContext, sameContext } from './contextScope';

export const WATCH_INTERVAL_SECONDS = 15;

/** The same shape as @tanstack/table-core's SortingState, without tying the store to the table. */
export type FleetSorting = { id: string; desc: boolean }[];

interface FleetState {
  snapshot?: FleetSnapshot;
  /** A listFleet call is in flight (first load or a manual refresh). */
  loading: boolean;
  /** The last failure of a load or a watch tick; with a snapshot on screen it shows as a banner. */
  error?: FleetError;
  watching: boolean;

  filter: string;
  sorting: FleetSorting;
  /** Index into the visible (filtered, sorted) app rows; -1 when nothing is highlighted. */
  selectedIndex: number;

  load: () => Promise<void>;
  /** Loads unless a snapshot is on screen or a load is already running. */
  ensureLoaded: () => Promise<void>;
  startWatch: () => void;
  stopWatch: () => void;
  setFilter: (text: string) => void;
  clearFilter: () => void;
  setSorting: (sorting: FleetSorting) => void;
  setSelectedIndex: (index: number) => void;
  /** Moves the highlight by delta within `rowCount` visible rows, clamped to the ends. */
  moveSelection: (delta: number, rowCount: number) => void;
}

let unsubscribeWatch: Unsubscribe | undefined;
let healthBeat: ReturnType<typeof setInterval> | undefined;
let loadSeq = 0;

/** A snapshot read earlier than the one on screen (a slow call racing the watch) is dropped. */
function isNewer(next: FleetSnapshot, current: FleetSnapshot | undefined): boolean {
  return !current || Date.parse(next.fetchedAt) >= Date.parse(current.fetchedAt);
}

const appIdsOf = (snapshot: FleetSnapshot) => snapshot.apps.map((a) => a.id);

export const useFleetStore = create<FleetState>()((set, get) => ({
  loading: false,
  watching: false,
  filter: '',
  sorting: [],
  selectedIndex: -1,

  load: async () => {
    const seq = ++loadSeq;
    set({ loading: true });
    const current = sameContext();
    const result = await callFleet((api) => api.listFleet());
    if (seq !== loadSeq || !current()) return;
    if (!result.ok) {
      set({ loading: false, error: result.error });
      return;
    }
    const snapshot = result.value;
    if (isNewer(snapshot, get().snapshot)) set({ snapshot });
    set({ loading: false, error: undefined });
    // A load the user asked for re-reads health too.
    void useHealthStore.getState().load(appIdsOf(snapshot));
  },

  ensureLoaded: async () => {
    const { snapshot, loading } = get();
    if (!snapshot && !loading) await get().load();
  },

  startWatch: () => {
    if (unsubscribeWatch) return;
    let current = sameContext();
    unsubscribeWatch = watchFleetSafely(WATCH_INTERVAL_SECONDS, (event) => {
      // A tick read before the switch is the old context's fleet; the next one is the new one's.
      if (!current()) {
        current = sameContext();
        return;
      }
      if (!event.ok) {
        set({ error: event.error });
        return;
      }
      if (!isNewer(event.value, get().snapshot)) return;
      set({ snapshot: event.value, error: undefined });
      void useHealthStore.getState().ensureFresh(appIdsOf(event.value));
    });
    // Health has its own beat: main refreshes it only while it is asked, and a large fleet's
    // watch ticks too seldom to carry it.
    healthBeat = setInterval(() => {
      const snapshot = get().snapshot;
      if (snapshot) void useHealthStore.getState().ensureFresh(appIdsOf(snapshot));
    }, HEALTH_CHECK_TICK_MS);
    set({ watching: true });
  },

  stopWatch: () => {
    unsubscribeWatch?.();
    unsubscribeWatch = undefined;
    clearInterval(healthBeat);
    healthBeat = undefined;
    set({ watching: false });
  },

  setFilter: (text) => set({ filter: text, selectedIndex: text.trim() ? 0 : -1 }),
  clearFilter: () => set({ filter: '', selectedIndex: -1 }),
  setSorting: (sorting) => set({ sorting }),
  setSelectedIndex: (index) => set({ selectedIndex: index }),
  moveSelection: (delta, rowCount) => {
    if (rowCount <= 0) {
      set({ selectedIndex: -1 });
      return;
    }
    const current = get().selectedIndex;
    const start = current < 0 ? (delta > 0 ? -1 : rowCount) : current;
    set({ selectedIndex: Math.min(rowCount - 1, Math.max(0, start + delta)) });
  },
}));

// The watch stays open (main answers it from whichever context is active); the filter and sort
// order are the user's, not the context's.
resetWithContext(useFleetStore, {
  keep: ['watching', 'filter', 'sorting'],
  reload: () => void useFleetStore.getState().load(),
});
