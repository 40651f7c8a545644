// The undo window: every mutation that starts a deployment waits UNDO_SECONDS here before its
// request is sent, so a misclick costs nothing. The window is a store action (not a component
// timer) so it survives navigation and the bar can be shown anywhere.
import { create } from 'zustand';
import { onContextChange } from './contextScope';

export const UNDO_SECONDS = 5;

export interface PendingAction {
  id: number;
  /** The app (or 'rolling') the action is aimed at; one pending action per key. */
  key: string;
  /** "Deploying taskifai-demo": the bar adds "in 4 s". */
  label: string;
  appId?: string;
  deadlineMs: number;
  secondsLeft: number;
}

interface UndoState {
  pending: PendingAction[];
  /**
   * Resolves true when the window runs out (send now) or false when the user undid it. A second
   * schedule for a key that is already waiting resolves false at once: one click, one request.
   */
  schedule: (key: string, label: string, appId?: string) => Promise<boolean>;
  undo: (id: number) => void;
  isPending: (key: string) => boolean;
}

const settle = new Map<number, (fire: boolean) => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();
let ticker: ReturnType<typeof setInterval> | undefined;
let nextId = 0;

export const useUndoStore = create<UndoState>()((set, get) => {
  const secondsLeft = (deadlineMs: number) => Math.max(0, Math.ceil((deadlineMs - Date.now()) / 1000));

  // One shared ticker keeps the countdown text moving; it stops when nothing is waiting.
  const syncTicker = () => {
    if (get().pending.length > 0 && !ticker) {
      ticker = setInterval(() => {
        set((s) => ({ pending: s.pending.map((p) => ({ ...p, secondsLeft: secondsLeft(p.deadlineMs) })) }));
      }, 250);
    } else if (get().pending.length === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };

  const finish = (id: number, fire: boolean) => {
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    set((s) => ({ pending: s.pending.filter((p) => p.id !== id) }));
    syncTicker();
    settle.get(id)?.(fire);
    settle.delete(id);
  };

  return {
    pending: [],
    schedule: (key, label, appId) => {
      if (get().isPending(key)) return Promise.resolve(false);
      const id = ++nextId;
      const deadlineMs = Date.now() + UNDO_SECONDS * 1000;
      const entry: PendingAction = {
        id,
        key,
        label,
        deadlineMs,
        secondsLeft: UNDO_SECONDS,
        ...(appId ? { appId } : {}),
      };
      set((s) => ({ pending: [...s.pending, entry] }));
      syncTicker();
      return new Promise<boolean>((resolve) => {
        settle.set(id, resolve);
        timers.set(
          id,
          setTimeout(() => finish(id, true), UNDO_SECONDS * 1000),
        );
      });
    },
    undo: (id) => {
      if (settle.has(id)) finish(id, false);
    },
    isPending: (key) => get().pending.some((p) => p.key === key),
  };
});

// An action still in its undo window was asked of the old context: it is undone, never sent to
// the new one.
onContextChange({
  reset: () => {
    for (const { id } of useUndoStore.getState().pending) useUndoStore.getState().undo(id);
  },
});
