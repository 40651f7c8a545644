// Deploy actions on one app at a time: deploy, restart, scale, roll back, keep/undo a rollback and
// cancel, each guarded per app so a double click never sends two mutations; the undo window
// before anything is sent; and the live progress of the deployment an action started (or one
// already running when the app is opened), followed with watchDeployment until it ends.
import type {
  ActionKind,
  DeploymentProgress,
  FleetApi,
  FleetError,
  Result,
  ScaleChange,
  Unsubscribe,
} from '../../src-preload/contract';
import { shortId } from '../actionFormat';
import { callFleet, subscribeFleet } from '../fleetApi';
import { create } from 'zustand';
import { useAppDetailStore } from './appDetailStore';
import { useFleetStore } from './fleetStore';
import { useNoticesStore } from './noticesStore';
import { useUndoStore } from './undoStore';
import { onContextChange, resetWithContext, sameContext } from './contextScope';

export interface AppActionState {
  /** The mutation waiting in its undo window or being sent; every action on the app is off. */
  inFlight?: ActionKind;
  /** The deployment followed on this app's page, as last reported. */
  progress?: DeploymentProgress;
  /** Epoch ms the progress arrived, for a clock that keeps moving between events. */
  progressAt?: number;
  /** The deployment the live watch follows (set before its first event arrives). */
  followingId?: string;
  watchError?: FleetError;
  /** The last action that failed, shown on the app's page until dismissed or the next action. */
  failure?: { action: ActionKind; error: FleetError };
}

export type ActionOutcome =
  | { status: 'sent' }
  | { status: 'undone' }
  /** Another action on the app was already in flight; nothing was sent. */
  | { status: 'ignored' }
  | { status: 'failed'; error: FleetError };

export interface AppRef {
  id: string;
  name: string;
}

interface ActionsState {
  byApp: Record<string, AppActionState>;
  deploy: (app: AppRef, options: { forceBuild: boolean }) => Promise<ActionOutcome>;
  /** No components (or all of them) restarts the whole app. */
  restart: (app: AppRef, components?: string[]) => Promise<ActionOutcome>;
  /** Errors are left to the caller (the scale dialog shows 'stale' in place). */
  applyScale: (app: AppRef, change: ScaleChange & { specVersion: string }) => Promise<ActionOutcome>;
  rollback: (app: AppRef, deploymentId: string) => Promise<ActionOutcome>;
  commitRollback: (app: AppRef) => Promise<ActionOutcome>;
  revertRollback: (app: AppRef) => Promise<ActionOutcome>;
  cancel: (app: AppRef, deploymentId: string) => Promise<ActionOutcome>;
  /** Follows a deployment live; following the one already followed does nothing. */
  follow: (appId: string, deploymentId: string) => void;
  unfollow: (appId: string) => void;
  /** Clears a finished deployment's panel and the last failure. */
  dismiss: (appId: string) => void;
}

const EMPTY: AppActionState = {};

/** One live watch per app: the token tells a late event of a replaced watch from a current one. */
const watches = new Map<string, { deploymentId: string; stop: Unsubscribe }>();

type Send = (api: FleetApi) => Promise<Result<DeploymentProgress | null>>;

interface RunOptions {
  kind: ActionKind;
  /** "Deploying taskifai-demo": shown in the undo bar; no label means no undo window. */
  undoLabel?: string;
  send: Send;
  /** The caller shows failures itself. */
  quiet?: boolean;
}

export const useActionsStore = create<ActionsState>()((set, get) => {
  const patch = (appId: string, entry: Partial<AppActionState>) =>
    set((s) => ({ byApp: { ...s.byApp, [appId]: { ...(s.byApp[appId] ?? EMPTY), ...entry } } }));

  /** The app's page now; with `fleet`, the overview too (it re-reads every app's health, so only at the end). */
  const refresh = (appId: string, fleet = true) => {
    void useAppDetailStore.getState().load(appId);
    if (fleet) void useFleetStore.getState().load();
  };

  const run = async (app: AppRef, options: RunOptions): Promise<ActionOutcome> => {
    // Checked and set with no await in between: a second click finds the app already in flight.
    if (get().byApp[app.id]?.inFlight) return { status: 'ignored' };
    patch(app.id, { inFlight: options.kind, failure: undefined });
    if (options.undoLabel) {
      const fire = await useUndoStore.getState().schedule(app.id, options.undoLabel, app.id);
      if (!fire) {
        patch(app.id, { inFlight: undefined });
        return { status: 'undone' };
      }
    }
    const current = sameContext();
    const result = await callFleet(options.send);
    // Sent in the old context: its answer is that context's (see Activity), not this screen's.
    if (!current()) return result.ok ? { status: 'sent' } : { status: 'failed', error: result.error };
    patch(app.id, { inFlight: undefined });
    if (!result.ok) {
      if (!options.quiet) patch(app.id, { failure: { action: options.kind, error: result.error } });
      // Whether or not it happened, the page should show what the API says now.
      if (result.error.code === 'unknown_outcome') refresh(app.id);
      return { status: 'failed', error: result.error };
    }
    const progress = result.value;
    if (progress) {
      patch(app.id, { progress, progressAt: Date.now() });
      if (!progress.terminal) get().follow(app.id, progress.deploymentId);
    }
    // A deployment still running refreshes everything when it ends (see follow).
    refresh(app.id, !progress || progress.terminal);
    return { status: 'sent' };
  };

  return {
    byApp: {},

    deploy: (app, { forceBuild }) =>
      run(app, {
        kind: 'deploy',
        undoLabel: `${forceBuild ? 'Rebuilding and deploying' : 'Deploying'} ${app.name}`,
        send: (api) => api.deployApp({ appId: app.id, ...(forceBuild ? { forceBuild: true } : {}) }),
      }),

    restart: (app, components) =>
      run(app, {
        kind: 'restart',
        undoLabel: components?.length ? `Restarting ${components.join(', ')} on ${app.name}` : `Restarting ${app.name}`,
        send: (api) => api.restartApp({ appId: app.id, ...(components?.length ? { components } : {}) }),
      }),

    applyScale: (app, change) =>
      run(app, {
        kind: 'scale',
        undoLabel: `Scaling ${change.component} on ${app.name}`,
        send: (api) => api.applyScale(change),
        quiet: true,
      }),

    rollback: (app, deploymentId) =>
      run(app, {
        kind: 'rollback',
        undoLabel: `Rolling ${app.name} back to ${shortId(deploymentId)}`,
        send: (api) => api.rollbackApp({ appId: app.id, deploymentId }),
      }),

    commitRollback: async (app) => {
      const outcome = await run(app, { kind: 'rollback_commit', send: (api) => api.commitRollback({ appId: app.id }) });
      if (outcome.status === 'sent') {
        useNoticesStore.getState().push({
          level: 'success',
          title: `${app.name}: rollback kept`,
          body: 'The app is no longer pinned; deploys are allowed again.',
          appId: app.id,
        });
      }
      return outcome;
    },

    revertRollback: (app) =>
      run(app, {
        kind: 'rollback_revert',
        undoLabel: `Undoing the rollback of ${app.name}`,
        send: (api) => api.revertRollback({ appId: app.id }),
      }),

    cancel: (app, deploymentId) =>
      run(app, { kind: 'cancel', send: (api) => api.cancelDeployment({ appId: app.id, deploymentId }) }),

    follow: (appId, deploymentId) => {
      if (watches.get(appId)?.deploymentId === deploymentId) return;
      get().unfollow(appId);
      const current = get().byApp[appId]?.progress;
      // A different deployment's finished panel makes way for the one now followed.
      patch(appId, {
        followingId: deploymentId,
        watchError: undefined,
        ...(current && current.deploymentId !== deploymentId ? { progress: undefined, progressAt: undefined } : {}),
      });
      const watch = { deploymentId, stop: (() => undefined) as Unsubscribe };
      watches.set(appId, watch);
      const stop = subscribeFleet('watchDeployment', { appId, deploymentId }, (event) => {
        if (watches.get(appId) !== watch) return;
        if (!event.ok) {
          patch(appId, { watchError: event.error });
          return;
        }
        patch(appId, { progress: event.value, progressAt: Date.now(), watchError: undefined });
        if (event.value.terminal) {
          get().unfollow(appId);
          refresh(appId);
        }
      });
      watch.stop = stop;
      // The bridge may answer synchronously (no bridge at all): do not keep a dead watch.
      if (watches.get(appId) !== watch) stop();
    },

    unfollow: (appId) => {
      const watch = watches.get(appId);
      if (!watch) return;
      watches.delete(appId);
      watch.stop();
      patch(appId, { followingId: undefined });
    },

    dismiss: (appId) => {
      const entry = get().byApp[appId];
      patch(appId, {
        failure: undefined,
        ...(entry?.progress?.terminal ? { progress: undefined, progressAt: undefined } : {}),
      });
    },
  };
});

export const EMPTY_ACTION_STATE = EMPTY;

// Deployments followed on screen belong to the old context's apps.
onContextChange({
  reset: () => {
    for (const watch of watches.values()) watch.stop();
    watches.clear();
  },
});
resetWithContext(useActionsStore);
