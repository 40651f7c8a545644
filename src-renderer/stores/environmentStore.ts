// Where the fleet comes from: demo sandbox or a live account, and the app's version.
import type { EnvironmentInfo, FleetError } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import { create } from 'zustand';
import { resetWithContext, sameContext } from './contextScope';

interface EnvironmentState {
  environment?: EnvironmentInfo;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: FleetError;
  load: () => Promise<void>;
}

export const useEnvironmentStore = create<EnvironmentState>()((set, get) => ({
  status: 'idle',
  load: async () => {
    if (get().status === 'loading') return;
    set({ status: 'loading', error: undefined });
    const current = sameContext();
    const result = await callFleet((api) => api.getEnvironment());
    if (!current()) return;
    if (result.ok) set({ status: 'ready', environment: result.value });
    else set({ status: 'error', error: result.error });
  },
}));

// The top bar keeps showing the old context until the new one's answer arrives, never nothing.
resetWithContext(useEnvironmentStore, {
  keep: ['environment'],
  reload: () => void useEnvironmentStore.getState().load(),
});
