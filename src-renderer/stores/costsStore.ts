// The Costs view's data: fleet costs (size list × instances, cross-checked with propose), the
// account's bill, the Supabase plans' estimate, right-sizing advice per app, and which apps are
// being compared.
import type {
  AccountBilling,
  FleetCosts,
  FleetError,
  RightSizingReport,
  SupabaseCosts,
  UsageRange,
  UsageSeries,
} from '../../src-preload/contract';
import { create } from 'zustand';
import { costTableRows, toCsv, type ChartBy } from '../views/costs/costModel';
import { readFleet, resetWithContext } from './contextScope';
import { useNavigationStore } from './navigationStore';

interface Loadable<T> {
  value?: T;
  loading: boolean;
  error?: FleetError;
}

interface CostsState {
  fleet: Loadable<FleetCosts>;
  billing: Loadable<AccountBilling>;
  supabase: Loadable<SupabaseCosts>;
  sizing: Record<string, Loadable<RightSizingReport>>;
  /** Apps picked for side-by-side comparison, in the order they were picked. */
  compareIds: string[];
  /** The app whose right-sizing advice is shown. */
  sizingAppId?: string;
  /** CPU/memory series on the app detail page, by usageKey(). */
  usage: Record<string, Loadable<UsageSeries>>;
  usageRange: UsageRange;
  /** Monthly revenue per tenant group, typed by the founder and kept on this machine only. */
  revenue: Record<string, number>;
  /** What the main chart's bars stand for; remembered on this machine like the theme. */
  chartBy: ChartBy;

  load: () => Promise<void>;
  loadFleet: () => Promise<void>;
  loadBilling: () => Promise<void>;
  loadSupabase: () => Promise<void>;
  loadSizing: (appId: string) => Promise<void>;
  /**
   * The app's right-sizing report for another view (the Scale dialog): the one already read, or
   * read now into the same place without changing which app the Costs page shows. Undefined when
   * it cannot be read (the dialog then goes without advice).
   */
  sizingReport: (appId: string) => Promise<RightSizingReport | undefined>;
  toggleCompare: (appId: string) => void;
  clearCompare: () => void;
  exportCsv: () => void;
  setUsageRange: (range: UsageRange) => void;
  loadUsage: (appId: string, component: string) => Promise<void>;
  loadRevenue: () => void;
  setRevenue: (group: string, amount: number | undefined) => void;
  setChartBy: (by: ChartBy) => void;
}

const REVENUE_KEY = 'fleetdeck.costs.revenue';
const CHART_BY_KEY = 'fleetdeck.costs.chartBy';

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

function readChartBy(): ChartBy {
  try {
    return storage()?.getItem(CHART_BY_KEY) === 'tenant' ? 'tenant' : 'group';
  } catch {
    // Storage disabled: the chart starts by product group.
    return 'group';
  }
}

export const usageKey = (appId: string, component: string, range: UsageRange) => `${appId}/${component}/${range}`;

export const useCostsStore = create<CostsState>()((set, get) => ({
  fleet: { loading: false },
  billing: { loading: false },
  supabase: { loading: false },
  sizing: {},
  compareIds: [],
  usage: {},
  usageRange: '24h',
  revenue: {},
  chartBy: readChartBy(),

  load: async () => {
    await Promise.all([get().loadFleet(), get().loadBilling(), get().loadSupabase()]);
  },

  loadFleet: async () => {
    set((s) => ({ fleet: { ...s.fleet, loading: true } }));
    const result = await readFleet((api) => api.getFleetCosts());
    if (!result) return;
    set((s) => ({
      fleet: result.ok ? { value: result.value, loading: false } : { ...s.fleet, loading: false, error: result.error },
    }));
  },

  loadBilling: async () => {
    set((s) => ({ billing: { ...s.billing, loading: true } }));
    const result = await readFleet((api) => api.getAccountBilling());
    if (!result) return;
    set((s) => ({
      billing: result.ok
        ? { value: result.value, loading: false }
        : { ...s.billing, loading: false, error: result.error },
    }));
  },

  loadSupabase: async () => {
    set((s) => ({ supabase: { ...s.supabase, loading: true } }));
    const result = await readFleet((api) => api.getSupabaseCosts());
    if (!result) return;
    set((s) => ({
      supabase: result.ok
        ? { value: result.value, loading: false }
        : { ...s.supabase, loading: false, error: result.error },
    }));
  },

  loadSizing: async (appId) => {
    set((s) => ({ sizingAppId: appId, sizing: { ...s.sizing, [appId]: { ...s.sizing[appId], loading: true } } }));
    const result = await readFleet((api) => api.getRightSizing({ appId }));
    if (!result) return;
    set((s) => ({
      sizing: {
        ...s.sizing,
        [appId]: result.ok
          ? { value: result.value, loading: false }
          : { ...s.sizing[appId], loading: false, error: result.error },
      },
    }));
  },

  sizingReport: async (appId) => {
    const known = get().sizing[appId];
    if (known?.value) return known.value;
    if (known?.loading) {
      // The Costs page's own read is on its way: wait for it rather than asking twice.
      await new Promise<void>((resolve) => {
        const stop = useCostsStore.subscribe((s) => {
          if (!s.sizing[appId]?.loading) {
            stop();
            resolve();
          }
        });
      });
      return get().sizing[appId]?.value;
    }
    set((s) => ({ sizing: { ...s.sizing, [appId]: { ...s.sizing[appId], loading: true } } }));
    const result = await readFleet((api) => api.getRightSizing({ appId }));
    if (!result) return undefined;
    set((s) => ({
      sizing: {
        ...s.sizing,
        [appId]: result.ok
          ? { value: result.value, loading: false }
          : { ...s.sizing[appId], loading: false, error: result.error },
      },
    }));
    return result.ok ? result.value : undefined;
  },

  toggleCompare: (appId) =>
    set((s) => ({
      compareIds: s.compareIds.includes(appId) ? s.compareIds.filter((id) => id !== appId) : [...s.compareIds, appId],
    })),
  clearCompare: () => set({ compareIds: [] }),

  exportCsv: () => {
    const costs = get().fleet.value;
    if (!costs) return;
    // A Blob and an object URL: the download never touches Node or the main process.
    const blob = new Blob([toCsv(costTableRows(costs))], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `fleet-costs-${costs.fetchedAt.slice(0, 10)}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },

  setUsageRange: (range) => set({ usageRange: range }),

  loadRevenue: () => {
    try {
      const stored: unknown = JSON.parse(window.localStorage.getItem(REVENUE_KEY) ?? '{}');
      if (typeof stored !== 'object' || stored === null) return;
      const revenue = Object.fromEntries(
        Object.entries(stored).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])),
      );
      set({ revenue });
    } catch {
      // A corrupt entry is ignored: the founder types the figures again.
    }
  },

  setRevenue: (group, amount) => {
    const revenue = { ...get().revenue };
    if (amount === undefined) delete revenue[group];
    else revenue[group] = amount;
    set({ revenue });
    try {
      window.localStorage.setItem(REVENUE_KEY, JSON.stringify(revenue));
    } catch {
      // Storage full or disabled: the figure still holds for this session.
    }
  },

  setChartBy: (by) => {
    set({ chartBy: by });
    try {
      if (by === 'group') storage()?.removeItem(CHART_BY_KEY);
      else storage()?.setItem(CHART_BY_KEY, by);
    } catch {
      // Not remembered (storage refused), but the chart still switches for this session.
    }
  },

  loadUsage: async (appId, component) => {
    const range = get().usageRange;
    const key = usageKey(appId, component, range);
    set((s) => ({ usage: { ...s.usage, [key]: { ...s.usage[key], loading: true } } }));
    const result = await readFleet((api) => api.getUsageSeries({ appId, component, range }));
    if (!result) return;
    set((s) => ({
      usage: {
        ...s.usage,
        [key]: result.ok
          ? { value: result.value, loading: false }
          : { ...s.usage[key], loading: false, error: result.error },
      },
    }));
  },
}));

// The bill, the plans and the advice are the old account's; the revenue typed per tenant group and
// the charts' range and grouping are the founder's own.
resetWithContext(useCostsStore, {
  keep: ['revenue', 'usageRange', 'chartBy'],
  reload: () => {
    if (useNavigationStore.getState().route.name === 'costs') void useCostsStore.getState().load();
  },
});
