// What a rolling deploy would ship to each selected app, read from GitHub when its dialog opens:
// one preview per app, read one after another (GitHub asks for serial requests; the branch heads
// and comparisons are cached in main, so tenants on one branch cost little). Advice only: the
// dialog's button waits for none of it, except to ask once more before shipping a red head.
import { create } from 'zustand';
import type { DeploySourcePreview, FleetError } from '../../src-preload/contract';
import { readFleet, resetWithContext } from './contextScope';
import { redHeads } from './deploySourceStore';

export interface AppShipPreview {
  loading: boolean;
  value?: DeploySourcePreview;
  error?: FleetError;
}

interface RollingSourcesState {
  byAppId: Record<string, AppShipPreview>;
  load: (appIds: readonly string[]) => Promise<void>;
  clear: () => void;
}

let seq = 0;

export const useRollingSourcesStore = create<RollingSourcesState>()((set) => ({
  byAppId: {},
  load: async (appIds) => {
    const mine = ++seq;
    set({ byAppId: Object.fromEntries(appIds.map((id) => [id, { loading: true }])) });
    for (const appId of appIds) {
      const result = await readFleet((api) => api.getDeploySource({ appId }));
      // The dialog closed or reopened for another selection: these answers are not its.
      if (mine !== seq) return;
      if (!result) continue;
      set((s) => ({
        byAppId: {
          ...s.byAppId,
          [appId]: result.ok ? { loading: false, value: result.value } : { loading: false, error: result.error },
        },
      }));
    }
  },
  clear: () => {
    seq++;
    set({ byAppId: {} });
  },
}));

/** Commits a preview says the deploy ships, summed over its branches; undefined when not known. */
export function commitsToShip(preview: DeploySourcePreview | undefined): number | undefined {
  const known = (preview?.sources ?? []).filter((s) => !s.problem && s.head);
  if (!known.length) return undefined;
  return known.reduce((sum, s) => sum + s.commits.length + s.moreCommits, 0);
}

/** Apps of the selection whose branch head failed CI, by id. */
export function appsWithRedHeads(byAppId: Record<string, AppShipPreview>): string[] {
  return Object.entries(byAppId)
    .filter(([, p]) => redHeads(p.value).length > 0)
    .map(([id]) => id);
}

resetWithContext(useRollingSourcesStore);
