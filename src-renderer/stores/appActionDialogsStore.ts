// Which of an app's Deploy and Restart confirmations is open. A store rather than the page's own
// state, so the page's buttons and the command palette open the same dialog the same way; the
// dialog itself (its choices, its gate) stays the app page's.
import { create } from 'zustand';
import { resetWithContext } from './contextScope';
import { useDeploySourceStore } from './deploySourceStore';

export type AppActionDialog = 'deploy' | 'restart';

export interface AppActionDialogOptions {
  /** Restart: the components ticked when it opens (all of them when absent). */
  components?: string[];
}

interface AppActionDialogsState {
  open?: { appId: string; dialog: AppActionDialog; options: AppActionDialogOptions };
  /** Opens the dialog for the app; Deploy starts reading what it would ship as it opens. */
  show: (appId: string, dialog: AppActionDialog, options?: AppActionDialogOptions) => void;
  close: () => void;
}

export const useAppActionDialogsStore = create<AppActionDialogsState>()((set, get) => ({
  show: (appId, dialog, options = {}) => {
    set({ open: { appId, dialog, options } });
    if (dialog === 'deploy') void useDeploySourceStore.getState().load(appId);
  },
  close: () => {
    const was = get().open;
    set({ open: undefined });
    if (was?.dialog === 'deploy') useDeploySourceStore.getState().clear();
  },
}));

/** The dialog open for this app, if any (a dialog opened for another app is not this page's). */
export const openDialogFor = (appId: string) => (s: AppActionDialogsState) =>
  s.open?.appId === appId ? s.open : undefined;

resetWithContext(useAppActionDialogsStore);
