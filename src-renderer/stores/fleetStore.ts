// The fleet overview's data and view state: the snapshot from listFleet (painted first from the
// copy main keeps on disk, marked with its age), a live watch (watchFleet every 15 s, or less
// often for a large fleet: main spaces it within the request budget) that sends only what changed,
// the health beat that goes with it, and the table's filter, sorting and highlighted row. An app
// that did not change keeps its object, and a tick that changed nothing keeps the snapshot, so
// nothing that draws the fleet renders again for it.
import type {
  CachedFleet,
  FleetApp,
  FleetError,
  FleetSnapshot,
  FleetUpdate,
  Result,
  Unsubscribe,
} from '../../src-preload/contract';
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
  /** Set while the snapshot on screen is the one kept on disk: when it was read (ISO 8601). */
  cachedAt?: string;
  /** When the fleet was last read, changed or not (the snapshot keeps its time while nothing changes). */
  refreshedAt?: string;
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
  /** Loads unless a fresh snapshot is on screen or a load is already running. */
  ensureLoaded: () => Promise<void>;
  /**
   * Asks for the kept fleet when the renderer starts, before its first render: the overview's
   * first frame can then hold rows. The first load takes this answer rather than ask again.
   */
  showKeptFleet: () => void;
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
/** The kept fleet asked for at start, until a load takes it. */
let keptAtStart: Promise<Result<CachedFleet | null>> | undefined;
/** The fetchedAt of the last watch event taken in, or of a read taken in since: the next changes apply to it. */
let watchAt: string | undefined;

/** A snapshot read earlier than the one on screen (a slow call racing the watch) is dropped. */
function isNewer(next: { fetchedAt: string }, current: FleetSnapshot | undefined): boolean {
  return !current || Date.parse(next.fetchedAt) >= Date.parse(current.fetchedAt);
}

/**
 * A whole fleet in place of `current`, keeping each app object that did not change (rows of
 * unchanged apps then render nothing new); the very snapshot when no app changed at all.
 */
export function shareApps(current: FleetSnapshot | undefined, next: FleetSnapshot): FleetSnapshot {
  if (!current) return next;
  const before = new Map(current.apps.map((a) => [a.id, a]));
  let same = current.apps.length === next.apps.length;
  const apps = next.apps.map((app, i) => {
    const old = before.get(app.id);
    if (old && sameValue(old, app)) {
      if (current.apps[i] !== old) same = false;
      return old;
    }
    same = false;
    return app;
  });
  return same ? current : { ...next, apps };
}

/** The changes of a watch event applied to `current`; the very snapshot when there are none. */
export function applyChanges(current: FleetSnapshot, update: FleetUpdate): FleetSnapshot {
  const removed = new Set(update.removed ?? []);
  const changed = new Map((update.changed ?? []).map((a) => [a.id, a]));
  if (removed.size === 0 && changed.size === 0) return current;
  let apps: FleetApp[] = current.apps
    .filter((a) => !removed.has(a.id))
    .map((a) => {
      const next = changed.get(a.id);
      if (!next) return a;
      changed.delete(a.id);
      return next;
    });
  // New apps go where main would list them: by name.
  if (changed.size > 0) apps = [...apps, ...changed.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    fetchedAt: update.fetchedAt,
    apps,
    monthlyCost: update.monthlyCost,
    ...(update.rateLimit ? { rateLimit: update.rateLimit } : {}),
  };
}

/** Deep equality of JSON values (what crosses the bridge). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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
    // Nothing on screen yet: paint the copy kept on disk while the API is asked.
    if (!get().snapshot) void showCached(seq, current);
    const result = await callFleet((api) => api.listFleet());
    if (seq !== loadSeq || !current()) return;
    if (!result.ok) {
      set({ loading: false, error: result.error });
      return;
    }
    const snapshot = result.value;
    if (isNewer(snapshot, get().snapshot)) {
      set({ snapshot: shareApps(get().snapshot, snapshot), cachedAt: undefined, refreshedAt: snapshot.fetchedAt });
      // The window now holds this read: main tells the watch's next update against it.
      watchAt = snapshot.fetchedAt;
    }
    set({ loading: false, error: undefined });
    // A load the user asked for re-reads health too.
    void useHealthStore.getState().load(appIdsOf(snapshot));
  },

  ensureLoaded: async () => {
    const { snapshot, cachedAt, loading } = get();
    if ((!snapshot || cachedAt) && !loading) await get().load();
  },

  showKeptFleet: () => {
    if (keptAtStart || get().snapshot) return;
    const current = sameContext();
    const asked = callFleet((api) => api.getCachedFleet());
    keptAtStart = asked;
    void asked.then((result) => {
      // A load that started meanwhile took it (and shows it, or the API's answer).
      if (keptAtStart !== asked) return;
      keptAtStart = undefined;
      showKept(result, current);
    });
  },

  startWatch: () => {
    if (unsubscribeWatch) return;
    unsubscribeWatch = subscribe();
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

/** The disk copy, unless the API answered first or another load started. */
async function showCached(seq: number, current: () => boolean): Promise<void> {
  const asked = keptAtStart ?? callFleet((api) => api.getCachedFleet());
  keptAtStart = undefined;
  const result = await asked;
  if (seq === loadSeq) showKept(result, current);
}

function showKept(result: Result<CachedFleet | null>, current: () => boolean): void {
  if (!result.ok || !result.value || !current()) return;
  if (useFleetStore.getState().snapshot) return;
  useFleetStore.setState({ snapshot: result.value.snapshot, cachedAt: result.value.cachedAt });
}

/**
 * A watch whose events say what changed since the window's last read (its load, a Refresh, the
 * watch's previous event); `whole` when the window holds none of main's reads, so the first event
 * is the whole fleet. Watching again (the overview shown again), it says which read it holds.
 */
function subscribe(whole = false): Unsubscribe {
  const { getState: get, setState: set } = useFleetStore;
  let current = sameContext();
  if (whole) watchAt = undefined;
  const request = {
    intervalSeconds: WATCH_INTERVAL_SECONDS,
    ...(whole ? { whole } : watchAt ? { holding: watchAt } : {}),
  };
  return watchFleetSafely(request, (event) => {
    // A tick read before the switch is the old context's fleet; main makes the next one whole.
    if (!current()) {
      current = sameContext();
      watchAt = undefined;
      return;
    }
    if (!event.ok) {
      set({ error: event.error });
      return;
    }
    const update = event.value;
    const snapshot = get().snapshot;
    if (!update.apps && (update.since === undefined || update.since !== watchAt || !snapshot)) {
      // Changes to a fleet this window does not hold: start over, and main sends it whole.
      unsubscribeWatch?.();
      unsubscribeWatch = subscribe(true);
      return;
    }
    watchAt = update.fetchedAt;
    if (!isNewer(update, snapshot)) return;
    const next = update.apps ? shareApps(snapshot, { ...update, apps: update.apps }) : applyChanges(snapshot!, update);
    const state = get();
    // An unchanged tick touches only the time it was read: no row, no table renders for it.
    if (next === snapshot) {
      if (state.refreshedAt !== update.fetchedAt || state.error || state.cachedAt) {
        set({ refreshedAt: update.fetchedAt, error: undefined, cachedAt: undefined });
      }
    } else {
      set({ snapshot: next, refreshedAt: update.fetchedAt, error: undefined, cachedAt: undefined });
    }
    void useHealthStore.getState().ensureFresh(appIdsOf(next));
  });
}

// The watch stays open (main answers it from whichever context is active); the filter and sort
// order are the user's, not the context's.
resetWithContext(useFleetStore, {
  keep: ['watching', 'filter', 'sorting'],
  reload: () => void useFleetStore.getState().load(),
});
