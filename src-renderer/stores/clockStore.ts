// "Now" for relative times ("3d ago"), ticking every 30 s while started, so every label on
// screen ages together and components stay pure.
import { create } from 'zustand';

const TICK_MS = 30_000;

interface ClockState {
  nowMs: number;
  start: () => () => void;
}

let timer: ReturnType<typeof setInterval> | undefined;
let starts = 0;

export const useClockStore = create<ClockState>()((set) => ({
  nowMs: Date.now(),
  start: () => {
    starts += 1;
    set({ nowMs: Date.now() });
    timer ??= setInterval(() => set({ nowMs: Date.now() }), TICK_MS);
    return () => {
      starts -= 1;
      if (starts === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  },
}));
