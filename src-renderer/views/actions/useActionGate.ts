import type { FleetApp } from '../../../src-preload/contract';
import { blockedReason, type GatedAction } from '../../actionFormat';
import { EMPTY_ACTION_STATE, useActionsStore, type AppActionState } from '../../stores/actionsStore';
import { useEnvironmentStore } from '../../stores/environmentStore';

export interface ActionGate {
  state: AppActionState;
  /** A deployment is running: the one this page follows, or one the API reports. */
  deploying: boolean;
  reason: (action: GatedAction) => string | undefined;
}

const LOADING_REASON = 'The app is still loading.';

/** What the app's action buttons may do right now, from the actions store and the app's read. */
export function useActionGate(app: FleetApp | undefined): ActionGate {
  const state = useActionsStore((s) => (app ? s.byApp[app.id] : undefined) ?? EMPTY_ACTION_STATE);
  const readOnlyReason = useEnvironmentStore((s) => s.environment?.readOnlyReason);
  if (!app) return { state, deploying: false, reason: () => LOADING_REASON };
  const progress = state.progress;
  const reported = app.inProgressDeployment;
  // The app's read lags the watch: a deployment the watch saw finish is no longer running.
  const reportedRunning = !!reported && !(progress?.deploymentId === reported.id && progress.terminal);
  const deploying = (!!progress && !progress.terminal) || reportedRunning;
  const gate = { inFlight: state.inFlight, deploying, pinnedId: app.pinnedDeploymentId, readOnlyReason };
  return { state, deploying, reason: (action) => blockedReason(action, gate) };
}
