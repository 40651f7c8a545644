// Fleet-wide rolling deploys: the dialog's options, the start (after the undo window), the live
// status from watchRollingDeploy until the run ends, and cancel (main stops before the next app).
import type { FleetError, RollingDeployStatus, Unsubscribe } from '../../src-preload/contract';
import { callFleet, subscribeFleet } from '../fleetApi';
import { create } from 'zustand';
import { useFleetStore } from './fleetStore';
import { useSelectionStore } from './selectionStore';
import { useUndoStore } from './undoStore';
import { onContextChange, resetWithContext } from './contextScope';

export const MAX_CONCURRENCY = 3;

/** What to do with selected apps that cannot be deployed now (pinned, read-only context). */
export type BlockedChoice = 'skip' | 'refuse';

interface RollingState {
  dialogOpen: boolean;
  concurrency: number;
  forceBuild: boolean;
  /** Skip is the default: one pinned tenant should not keep the others from shipping. */
  blockedChoice: BlockedChoice;
  /** From the click on Start until main answers (the undo window included). */
  starting: boolean;
  startError?: FleetError;
  status?: RollingDeployStatus;
  watchError?: FleetError;
  canceling: boolean;
  cancelError?: FleetError;

  openDialog: () => void;
  closeDialog: () => void;
  setConcurrency: (n: number) => void;
  setForceBuild: (on: boolean) => void;
  setBlockedChoice: (choice: BlockedChoice) => void;
  /**
   * appIds in the order they should be deployed, blocked ones included: main lists those it
   * skips. `skipping` names the apps the dialog showed as blocked and the user chose to skip;
   * when it is empty main refuses any app it finds blocked, so nothing is skipped unseen.
   */
  start: (appIds: string[], skipping?: string[]) => Promise<void>;
  cancel: () => Promise<void>;
  /** Hides a finished run's summary. */
  dismiss: () => void;
}

let unsubscribe: Unsubscribe | undefined;

const stopWatch = () => {
  unsubscribe?.();
  unsubscribe = undefined;
};

export const useRollingStore = create<RollingState>()((set, get) => {
  const running = () => get().status?.state === 'running';

  const onStatus = (status: RollingDeployStatus) => {
    // Updates for an older run (after a new one started) are dropped.
    const current = get().status;
    if (current && current.id !== status.id) return;
    set({ status, watchError: undefined });
    if (status.state !== 'running') {
      stopWatch();
      set({ canceling: false });
      void useFleetStore.getState().load();
    }
  };

  const watch = (id: string) => {
    stopWatch();
    unsubscribe = subscribeFleet('watchRollingDeploy', { id }, (event) => {
      if (!event.ok) set({ watchError: event.error });
      else onStatus(event.value);
    });
  };

  return {
    dialogOpen: false,
    concurrency: 1,
    forceBuild: false,
    blockedChoice: 'skip',
    starting: false,
    canceling: false,

    // Skip again on each opening: a "don't start" chosen for one selection is no rule for the next.
    openDialog: () => set({ dialogOpen: true, startError: undefined, blockedChoice: 'skip' }),
    closeDialog: () => {
      if (!get().starting) set({ dialogOpen: false });
    },
    setConcurrency: (n) => set({ concurrency: Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(n))) }),
    setForceBuild: (on) => set({ forceBuild: on }),
    setBlockedChoice: (choice) => set({ blockedChoice: choice }),

    start: async (appIds, skipping = []) => {
      const n = appIds.length - skipping.length;
      if (get().starting || running() || n <= 0) return;
      set({ starting: true, startError: undefined });
      const skips = skipping.length ? `, skipping ${skipping.join(', ')}` : '';
      const fire = await useUndoStore
        .getState()
        .schedule('rolling', `Deploying ${n} ${n === 1 ? 'app' : 'apps'} one after another${skips}`);
      if (!fire) {
        set({ starting: false });
        return;
      }
      const { concurrency, forceBuild } = get();
      const result = await callFleet((api) =>
        api.startRollingDeploy({
          appIds,
          concurrency,
          ...(forceBuild ? { forceBuild: true } : {}),
          ...(skipping.length ? { skipBlocked: true } : {}),
        }),
      );
      if (!result.ok) {
        set({ starting: false, startError: result.error });
        // Main found an app blocked that the dialog did not know of: a fresh read shows it there.
        if (result.error.code === 'conflict' || result.error.code === 'forbidden') void useFleetStore.getState().load();
        return;
      }
      set({ starting: false, dialogOpen: false, status: result.value, cancelError: undefined, watchError: undefined });
      useSelectionStore.getState().clear();
      if (result.value.state === 'running') watch(result.value.id);
      else onStatus(result.value);
    },

    cancel: async () => {
      const status = get().status;
      if (!status || status.state !== 'running' || get().canceling) return;
      set({ canceling: true, cancelError: undefined });
      const result = await callFleet((api) => api.cancelRollingDeploy({ id: status.id }));
      if (!result.ok) {
        set({ canceling: false, cancelError: result.error });
        return;
      }
      onStatus(result.value);
    },

    dismiss: () => {
      if (running()) return;
      set({ status: undefined, watchError: undefined, cancelError: undefined });
    },
  };
});

// A rolling deploy already running goes on in main under its own context (its steps stay in the
// Activity log); this window stops following it, and the dialog's choice of apps is gone.
onContextChange({ reset: stopWatch });
resetWithContext(useRollingStore, { keep: ['concurrency', 'forceBuild'] });
