// The rollback dialog: validateRollback's verdict on one past deployment, read when the dialog
// opens, before the user is offered the button that sends anything.
import type { DeploymentSummary, FleetError, RollbackCheck } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { useActionsStore, type AppRef } from './actionsStore';
import { resetWithContext } from './contextScope';

export interface RollbackDialogState {
  app: AppRef;
  deployment: DeploymentSummary;
  checking: boolean;
  check?: RollbackCheck;
  error?: FleetError;
}

interface RollbackState {
  dialog?: RollbackDialogState;
  open: (app: AppRef, deployment: DeploymentSummary) => Promise<void>;
  /** Closes the dialog and hands the rollback to the actions store (undo window, progress). */
  confirm: () => void;
  close: () => void;
}

let checkSeq = 0;

export const useRollbackStore = create<RollbackState>()((set, get) => ({
  open: async (app, deployment) => {
    const seq = ++checkSeq;
    set({ dialog: { app, deployment, checking: true } });
    const result = await callFleet((api) => api.validateRollback({ appId: app.id, deploymentId: deployment.id }));
    if (seq !== checkSeq || !get().dialog) return;
    set((s) =>
      s.dialog
        ? {
            dialog: {
              ...s.dialog,
              checking: false,
              ...(result.ok ? { check: result.value } : { error: result.error }),
            },
          }
        : s,
    );
  },
  confirm: () => {
    const dialog = get().dialog;
    if (!dialog?.check?.valid) return;
    set({ dialog: undefined });
    void useActionsStore.getState().rollback(dialog.app, dialog.deployment.id);
  },
  close: () => {
    checkSeq++;
    set({ dialog: undefined });
  },
}));

resetWithContext(useRollbackStore);
