// In-app toasts: notices main sends when a deployment the user started finishes (watchNotices,
// subscribed once at app start) and a few the renderer raises itself. Each toast dismisses itself
// after TOAST_MS; the timers live here so components stay pure.
import type { FleetError, Notice, Unsubscribe } from '../../src-preload/contract';
import { subscribeFleet } from '../fleetApi';
import { create } from 'zustand';
import { useEnvironmentStore } from './environmentStore';

export const TOAST_MS = 8_000;
/** Older toasts beyond this are dropped so a burst (a rolling deploy) cannot fill the screen. */
const MAX_TOASTS = 5;

export interface Toast extends Notice {
  /** Epoch ms when it appeared. */
  shownAt: number;
}

interface NoticesState {
  toasts: Toast[];
  /** The notices stream failed; toasts raised by the renderer still show. */
  error?: FleetError;
  /** Subscribes once; later calls return the same stop function's no-op twin. */
  start: () => () => void;
  push: (notice: Omit<Notice, 'id' | 'at'> & { id?: string; at?: string }) => void;
  dismiss: (id: string) => void;
}

let unsubscribe: Unsubscribe | undefined;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** Ids already shown, so a notice replayed after a reconnect does not pop up again. */
const seen = new Set<string>();
let localSeq = 0;

export const useNoticesStore = create<NoticesState>()((set, get) => ({
  toasts: [],
  start: () => {
    if (unsubscribe) return () => undefined;
    // Notices from before this window opened were for another session's eyes.
    unsubscribe = subscribeFleet('watchNotices', { since: new Date().toISOString() }, (event) => {
      if (!event.ok) {
        set({ error: event.error });
        return;
      }
      set({ error: undefined });
      // In Electron the shell has already put it on the desktop: a toast would say it twice.
      if (useEnvironmentStore.getState().environment?.desktopNotices) return;
      get().push(event.value);
    });
    return () => {
      unsubscribe?.();
      unsubscribe = undefined;
    };
  },
  push: (notice) => {
    const id = notice.id ?? `local-${++localSeq}`;
    if (seen.has(id)) return;
    seen.add(id);
    const toast: Toast = { ...notice, id, at: notice.at ?? new Date().toISOString(), shownAt: Date.now() };
    set((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_TOASTS) }));
    timers.set(
      id,
      setTimeout(() => get().dismiss(id), TOAST_MS),
    );
  },
  dismiss: (id) => {
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));
