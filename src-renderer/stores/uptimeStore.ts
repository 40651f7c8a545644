// Every tenant's uptime at a glance (the matrix's Uptime column). Main answers from what it last
// read and re-reads DigitalOcean's checks in the background within the request budget; this store
// asks every few seconds until a first read has landed, then every UPTIME_TICK_MS while a view
// that shows it is open. An answer that changed nothing keeps each tenant's entry (and the very
// map), so no row re-renders on a quiet beat.
import type { FleetError, TenantUptimeSummary } from '../../src-preload/contract';
import { create } from 'zustand';
import { callFleet } from '../fleetApi';
import { resetWithContext, sameContext } from './contextScope';
import { shareUnchanged } from './shareUnchanged';

export const UPTIME_TICK_MS = 30_000;
const FIRST_READ_TICK_MS = 3_000;

interface UptimeState {
  byAppId: Record<string, TenantUptimeSummary>;
  /** When main last read the checks; absent until its first read has finished. */
  readAt?: string;
  /** Why main's last background read failed (e.g. the token lacks uptime:read). */
  problem?: string;
  error?: FleetError;
  loading: boolean;
  load: () => Promise<void>;
  /** One tenant's summary as its page just read it. */
  setSummary: (summary: TenantUptimeSummary) => void;
  /** Keeps the summaries fresh while a view shows them; returns the function that stops. */
  watch: () => () => void;
}

let seq = 0;

export const useUptimeStore = create<UptimeState>()((set, get) => ({
  byAppId: {},
  loading: false,

  load: async () => {
    const mine = ++seq;
    set({ loading: true });
    const current = sameContext();
    const result = await callFleet((api) => api.getUptimeOverview());
    if (mine !== seq || !current()) return;
    if (!result.ok) {
      set({ loading: false, error: result.error });
      return;
    }
    const { tenants, readAt, problem } = result.value;
    set({ byAppId: shareSummaries(get().byAppId, tenants), readAt, problem, loading: false, error: undefined });
  },

  setSummary: (summary) =>
    set({ byAppId: shareSummaries(get().byAppId, { ...get().byAppId, [summary.appId]: summary }) }),

  watch: () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const beat = async () => {
      await get().load();
      if (stopped) return;
      timer = setTimeout(() => void beat(), get().readAt ? UPTIME_TICK_MS : FIRST_READ_TICK_MS);
    };
    void beat();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  },
}));

resetWithContext(useUptimeStore);

/** The answer in place of what is on screen; see shareUnchanged. */
export const shareSummaries = (
  current: Record<string, TenantUptimeSummary>,
  next: Record<string, TenantUptimeSummary>,
): Record<string, TenantUptimeSummary> => shareUnchanged(current, next);
