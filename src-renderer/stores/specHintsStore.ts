// The schema hints the spec editor completes from: the account's instance sizes and regions, read
// once per context on the first editor opened (the editor works without them, saying why).
import type { FleetError } from '../../src-preload/contract';
import { create } from 'zustand';
import type { LiveHints } from '../specSchema/schema';
import { readFleet, resetWithContext } from './contextScope';

interface SpecHintsState {
  hints?: LiveHints;
  hintsError?: FleetError;
  /** Reads the hints unless they are here already; a failure is kept in `hintsError`. */
  loadHints: () => Promise<void>;
}

export const useSpecHintsStore = create<SpecHintsState>()((set, get) => ({
  loadHints: async () => {
    if (get().hints) return;
    const result = await readFleet((api) => api.getSpecHints());
    if (!result) return;
    if (result.ok) set({ hints: result.value, hintsError: undefined });
    else set({ hintsError: result.error });
  },
}));

// Sizes and regions are the old context's account: the next editor opened reads them again.
resetWithContext(useSpecHintsStore);
