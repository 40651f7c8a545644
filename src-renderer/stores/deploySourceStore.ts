// What a deploy of one app would ship, read from GitHub when its Deploy dialog opens. The dialog
// never waits for it: a slow, failed or unconnected GitHub leaves the Deploy button as it was.
// Only one dialog is open at a time, so one preview is kept, for the app whose dialog opened last.
import { create } from 'zustand';
import type { DeploySourcePreview, FleetError } from '../../src-preload/contract';
import { readFleet, resetWithContext } from './contextScope';

export interface DeploySourceEntry {
  appId: string;
  loading: boolean;
  value?: DeploySourcePreview;
  error?: FleetError;
}

interface DeploySourceState {
  preview?: DeploySourceEntry;
  load: (appId: string) => Promise<void>;
  clear: () => void;
}

let seq = 0;

export const useDeploySourceStore = create<DeploySourceState>()((set) => ({
  load: async (appId) => {
    const mine = ++seq;
    set({ preview: { appId, loading: true } });
    const result = await readFleet((api) => api.getDeploySource({ appId }));
    // A dialog closed, or opened for another app, while GitHub answered: not this answer's place.
    if (!result || mine !== seq) return;
    set({
      preview: result.ok
        ? { appId, loading: false, value: result.value }
        : { appId, loading: false, error: result.error },
    });
  },
  clear: () => {
    seq++;
    set({ preview: undefined });
  },
}));

/** The head of a branch whose CI failed, per source; empty when nothing is known to be red. */
export function redHeads(preview: DeploySourcePreview | undefined): DeploySourcePreview['sources'] {
  return (preview?.sources ?? []).filter((s) => !s.problem && s.ci === 'failure');
}

resetWithContext(useDeploySourceStore);
