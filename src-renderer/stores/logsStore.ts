// The Logs view's state and its only side effects: one tailLogs subscription per source (so
// adding or removing a source opens or closes just that socket in the main process), batches
// applied to the model at most every 50 ms, pause, filter, search, jumps and downloads.
import type {
  FleetApi,
  FleetError,
  LogStreamEvent,
  LogTailState,
  LogType,
  Result,
  TailLogsRequest,
} from '../../src-preload/contract';
import { fleet } from '../fleetApi';
import { create } from 'zustand';
import type { BufferedLine } from './logs/logBuffer';
import {
  compileFilter,
  compileMatcher,
  EMPTY_FILTER,
  findRow,
  lineAsText,
  startsError,
  type LogFilterSpec,
  type TextMatch,
} from './logs/logFilter';
import { DEFAULT_CAPACITY, LogModel, type IncomingBatch } from './logs/logModel';
import type { SourceOption } from './logs/logSources';
import { onContextChange } from './contextScope';

export interface SubscriptionStatus {
  label: string;
  state: LogTailState;
  message?: string;
  deploymentId?: string;
  error?: FleetError;
}

export interface DeploymentLogsTarget {
  appId: string;
  appName: string;
  deploymentId: string;
  type: 'BUILD' | 'DEPLOY';
}

export const CAPACITY_CHOICES = [10_000, 50_000, 100_000, 250_000, 500_000] as const;
const CAPACITY_KEY = 'fleetdeck.logs.capacity';
/** New lines are shown at most this often: smooth to the eye, cheap at 10,000 lines/s. */
const APPLY_EVERY_MS = 80;

interface LogsState {
  selected: SourceOption[];
  type: LogType;
  deployment?: DeploymentLogsTarget;
  subs: Record<string, SubscriptionStatus>;
  /** Bumped whenever the rows change; components re-read the model then. */
  version: number;
  received: number;
  size: number;
  capacity: number;
  paused: boolean;
  newWhilePaused: number;
  /** The reader is at the bottom and new lines scroll into view; only their own scrolling up ends it. */
  following: boolean;
  /** Lines shown since the reader scrolled up from the bottom: the "N new lines ↓" button. */
  newBelow: number;
  filter: LogFilterSpec;
  filterError?: string;
  search: TextMatch;
  searchError?: string;
  searchCount: number;
  /** The line a jump landed on (a match, an error). */
  cursorId?: number;
  /** A row to scroll to, with a sequence number so the same row can be asked for twice. */
  scrollTo?: { index: number; seq: number };
  /** The line open in the detail pane (full text, JSON pretty-printed). */
  detail?: BufferedLine;
  droppedFromView: number;

  /** Opens the subscriptions of the selection (the view mounted). */
  start: () => void;
  /** Closes every subscription; the buffer and selection stay (the view unmounted). */
  stop: () => void;
  setSelection: (sources: SourceOption[]) => void;
  /** A quick pick: replaces the selection, or with `add` (Shift+click) adds to it. */
  pickSources: (sources: SourceOption[], add: boolean) => void;
  toggleSource: (source: SourceOption) => void;
  setType: (type: LogType) => void;
  openDeployment: (target: DeploymentLogsTarget) => void;
  closeDeployment: () => void;
  togglePause: () => void;
  /** The reader reached the bottom (or asked to jump there), or scrolled up away from it. */
  setFollowing: (following: boolean) => void;
  setFilter: (patch: Partial<LogFilterSpec>) => void;
  setSearch: (patch: Partial<TextMatch>) => void;
  jumpToMatch: (dir: 1 | -1) => void;
  jumpToError: (dir: 1 | -1) => void;
  /** Opens a line in the detail pane, or closes the pane when it is the one open. */
  toggleDetail: (line: BufferedLine) => void;
  setCapacity: (capacity: number) => void;
  clear: () => void;
  download: (scope: 'filtered' | 'all') => void;
}

/** The model is mutable and lives outside React; `version` tells components to re-read it. */
export const logModel = new LogModel(readCapacity());
/** Open subscriptions by key; the token tells a late event of a closed one from a current one. */
const subscriptions = new Map<string, { off: () => void; token: object }>();
let queue: IncomingBatch[] = [];
let applyTimer: ReturnType<typeof setTimeout> | undefined;
let scrollSeq = 0;
let version = 0;
/** logModel.shownArrived when the reader left the bottom. */
let shownAtLeave = 0;

function readCapacity(): number {
  const stored = typeof localStorage === 'undefined' ? null : Number(localStorage.getItem(CAPACITY_KEY));
  return stored && (CAPACITY_CHOICES as readonly number[]).includes(stored) ? stored : DEFAULT_CAPACITY;
}

export const useLogsStore = create<LogsState>()((set, get) => {
  const rowsCopyState = () => ({
    version: ++version,
    received: logModel.received,
    size: logModel.ring.size,
    newWhilePaused: logModel.newWhilePaused,
    searchCount: logModel.searchCount,
    droppedFromView: logModel.droppedFromView,
    newBelow: get().following ? 0 : logModel.shownArrived - shownAtLeave,
  });

  const status = (key: string, patch: Partial<SubscriptionStatus> & { label: string }) =>
    set((s) => ({ subs: { ...s.subs, [key]: { state: 'connecting', ...s.subs[key], ...patch } } }));

  const apply = () => {
    applyTimer = undefined;
    const batches = queue;
    queue = [];
    logModel.add(batches);
    set(rowsCopyState());
  };

  const onEvent = (key: string, token: object, label: string, appName: string, result: Result<LogStreamEvent>) => {
    if (subscriptions.get(key)?.token !== token) return;
    if (!result.ok) {
      // The bridge itself failed (lost connection, refused subscription): say so on the source.
      status(key, { label, state: 'failed', error: result.error, message: result.error.message });
      return;
    }
    const event = result.value;
    if (event.kind === 'lines') {
      queue.push({ label, appName, lines: event.lines });
      applyTimer ??= setTimeout(apply, APPLY_EVERY_MS);
    } else {
      const { state, message, deploymentId, error } = event;
      status(key, { label, state, message, deploymentId, error });
    }
  };

  const open = (key: string, label: string, appName: string, request: TailLogsRequest) => {
    const api = fleet() as FleetApi | undefined;
    if (!api)
      return status(key, { label, state: 'failed', message: 'The Fleetdeck bridge is not available in this window.' });
    const after = logModel.lastTs.get(label);
    const entry: { off: () => void; token: object } = { off: () => undefined, token: {} };
    subscriptions.set(key, entry);
    status(key, { label, state: 'connecting', message: undefined, error: undefined });
    try {
      entry.off = api.tailLogs({ ...request, ...(after ? { after } : {}) }, (event) =>
        onEvent(key, entry.token, label, appName, event),
      );
    } catch (error) {
      status(key, {
        label,
        state: 'failed',
        message: error instanceof Error ? error.message : 'Could not open the stream.',
      });
    }
  };

  const close = (key: string) => {
    subscriptions.get(key)?.off();
    subscriptions.delete(key);
  };

  const closeAll = () => {
    for (const key of [...subscriptions.keys()]) close(key);
  };

  const openSelection = () => {
    const { deployment, selected, type } = get();
    if (deployment) {
      const { appId, appName, deploymentId, type: logType } = deployment;
      open(`deployment:${deploymentId}:${logType}`, appName, appName, { appId, deploymentId, type: logType });
      return;
    }
    for (const s of selected)
      if (!subscriptions.has(s.key)) open(s.key, s.label, s.appName, { appId: s.appId, component: s.component, type });
  };

  const resetBuffer = () => {
    logModel.clear();
    shownAtLeave = 0;
    set({ following: true });
    set({ ...rowsCopyState(), subs: {}, detail: undefined, cursorId: undefined, paused: false });
  };

  /** Lines of sources no longer picked leave the model, and so the tail, the chips and downloads. */
  const forget = (removed: SourceOption[]) => {
    if (removed.length === 0) return;
    const labels = new Set(removed.map((s) => s.label));
    // Batches already received but not yet shown would bring them back.
    queue = queue.filter((batch) => !labels.has(batch.label));
    logModel.removeSources(labels);
    const { filter, detail } = get();
    // A source picked again later starts shown, not hidden by a chip click from before.
    if (filter.hiddenSources.some((h) => labels.has(h))) {
      const next = { ...filter, hiddenSources: filter.hiddenSources.filter((h) => !labels.has(h)) };
      logModel.setFilter(compileFilter(next).value);
      set({ filter: next });
    }
    set({ ...rowsCopyState(), cursorId: undefined, detail: detail && labels.has(detail.source) ? undefined : detail });
  };

  // A tail is bound to the context it was opened in: after a switch its sources are the old
  // context's apps. Filters, search and capacity are the user's and stay.
  onContextChange({
    reset: () => {
      closeAll();
      resetBuffer();
      set({ selected: [], deployment: undefined });
    },
  });

  const jump = (dir: 1 | -1, test: (line: BufferedLine, index: number, rows: BufferedLine[]) => boolean) => {
    const rows = logModel.rows();
    const { cursorId } = get();
    const from = cursorId === undefined ? -1 : rows.findIndex((l) => l.id === cursorId);
    const index = findRow(rows, from, dir, (line, i) => test(line, i, rows));
    if (index < 0) return;
    set({ cursorId: rows[index]!.id, scrollTo: { index, seq: ++scrollSeq } });
  };

  return {
    selected: [],
    type: 'RUN',
    subs: {},
    version: 0,
    received: 0,
    size: 0,
    capacity: logModel.ring.capacity,
    paused: false,
    newWhilePaused: 0,
    following: true,
    newBelow: 0,
    filter: EMPTY_FILTER,
    search: { text: '', regex: false, caseSensitive: false },
    searchCount: 0,
    droppedFromView: 0,

    // Coming back to the view is coming back to the live tail: a pause from the last visit is over.
    start: () => {
      if (get().paused) logModel.resume();
      set({ paused: false, following: true });
      set(rowsCopyState());
      openSelection();
    },
    stop: () => {
      closeAll();
      set({ subs: {} });
    },

    setSelection: (sources) => {
      if (get().deployment) {
        closeAll();
        resetBuffer();
        set({ deployment: undefined });
      }
      const keep = new Set(sources.map((s) => s.key));
      const removed = get().selected.filter((s) => !keep.has(s.key));
      for (const key of [...subscriptions.keys()]) {
        if (keep.has(key)) continue;
        close(key);
        set((s) => {
          const subs = { ...s.subs };
          delete subs[key];
          return { subs };
        });
      }
      set({ selected: sources });
      forget(removed);
      openSelection();
    },

    pickSources: (sources, add) => {
      if (!add) return get().setSelection(sources);
      const selected = get().selected;
      const have = new Set(selected.map((s) => s.key));
      get().setSelection([...selected, ...sources.filter((s) => !have.has(s.key))]);
    },

    toggleSource: (source) => {
      const { selected } = get();
      const on = selected.some((s) => s.key === source.key);
      get().setSelection(on ? selected.filter((s) => s.key !== source.key) : [...selected, source]);
    },

    setType: (type) => {
      if (type === get().type) return;
      closeAll();
      resetBuffer();
      set({ type });
      openSelection();
    },

    openDeployment: (target) => {
      const current = get().deployment;
      if (
        current &&
        current.deploymentId === target.deploymentId &&
        current.type === target.type &&
        subscriptions.size > 0
      )
        return;
      closeAll();
      resetBuffer();
      set({ deployment: target });
      openSelection();
    },

    closeDeployment: () => {
      if (!get().deployment) return;
      closeAll();
      resetBuffer();
      set({ deployment: undefined });
      openSelection();
    },

    togglePause: () => {
      if (get().paused) logModel.resume();
      else logModel.pause();
      set({ paused: !get().paused, ...rowsCopyState() });
    },

    setFollowing: (following) => {
      if (following === get().following) return;
      if (!following) shownAtLeave = logModel.shownArrived;
      set({ following });
      set(rowsCopyState());
    },

    setFilter: (patch) => {
      const filter = { ...get().filter, ...patch };
      const compiled = compileFilter(filter);
      logModel.setFilter(compiled.value);
      set({ filter, filterError: compiled.error, cursorId: undefined, ...rowsCopyState() });
    },

    setSearch: (patch) => {
      const search = { ...get().search, ...patch };
      const compiled = compileMatcher(search);
      logModel.setSearch(compiled.value);
      set({ search, searchError: compiled.error, cursorId: undefined, ...rowsCopyState() });
    },

    jumpToMatch: (dir) => jump(dir, (line) => logModel.isMatch(line)),
    jumpToError: (dir) => jump(dir, (_line, i, rows) => startsError(rows, i)),

    toggleDetail: (line) => set((s) => ({ detail: s.detail?.id === line.id ? undefined : line })),

    setCapacity: (capacity) => {
      logModel.resize(capacity);
      if (typeof localStorage !== 'undefined') localStorage.setItem(CAPACITY_KEY, String(capacity));
      set({ capacity, ...rowsCopyState() });
    },

    clear: () => resetBuffer(),

    download: (scope) => {
      const lines = logModel.linesFor(scope);
      const blob = new Blob([lines.map(lineAsText).join('\n') + '\n'], { type: 'text/plain;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `fleetdeck-logs-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}${scope === 'filtered' ? '-filtered' : ''}.txt`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    },
  };
});
