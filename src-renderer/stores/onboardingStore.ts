// A new tenant end to end. The form's choices come from the account (Supabase organizations, DNS
// zones; templates from the tenants store); planTenant prices and checks it and creates nothing;
// Start sends exactly that plan. A run is then followed live with watchOnboarding, and a stopped
// one is retried, resumed or has what it created removed — each only on the founder's click.
// Runs belong to the account context: a switch drops them and stops following.
import type {
  CreatedResource,
  FleetError,
  OnboardingPlan,
  OnboardingRequest,
  OnboardingRun,
} from '../../src-preload/contract';
import { create } from 'zustand';
import { subscribeFleet } from '../fleetApi';
import { onContextChange, readFleet, resetWithContext, sameContext } from './contextScope';
import { useNavigationStore } from './navigationStore';
import { useTenantsStore } from './tenantsStore';

export interface OrganizationChoice {
  slug: string;
  name: string;
  plan?: string;
  projects: number;
}

/** What "Remove what was created…" lists, then deletes once confirmed. */
export interface Removal {
  listing: boolean;
  /** Exactly what removeCreated will delete, as main answered with confirm: false. */
  resources?: CreatedResource[];
  removing: boolean;
  /** What was deleted, once confirmed. */
  removed?: CreatedResource[];
  error?: FleetError;
}

interface OnboardingState {
  organizations?: OrganizationChoice[];
  /** Why the organizations are missing (no Supabase account, a refused token), in words. */
  organizationsProblem?: string;
  zones?: string[];
  optionsLoading: boolean;
  optionsError?: FleetError;

  planning: boolean;
  plan?: OnboardingPlan;
  /** The request the plan answers: Start sends only a plan of the form as it stands. */
  plannedFor?: string;
  planError?: FleetError;
  starting: boolean;
  startError?: FleetError;

  runs?: OnboardingRun[];
  runsLoading: boolean;
  runsError?: FleetError;

  runId?: string;
  run?: OnboardingRun;
  runLoading: boolean;
  runError?: FleetError;
  /** Retry step or Resume on its way. */
  acting?: 'retry' | 'resume';
  actionError?: FleetError;
  removal?: Removal;
  /** Shown only after Reveal, forgotten on Hide or leaving. */
  password?: string;
  revealing: boolean;
  revealError?: FleetError;

  loadOptions: () => Promise<void>;
  planTenant: (request: OnboardingRequest) => Promise<void>;
  start: (request: OnboardingRequest) => Promise<boolean>;
  loadRuns: () => Promise<void>;
  /** Lists the runs and follows those still running; returns the function that stops following. */
  followRuns: () => () => void;
  /** Reads the run and follows it; returns the function that stops following. */
  openRun: (id: string) => () => void;
  retry: () => Promise<void>;
  resume: () => Promise<void>;
  askRemoval: () => Promise<void>;
  /** Deletes the listed resources; main refuses unless `typedName` is the run's name. */
  confirmRemoval: (typedName: string) => Promise<void>;
  closeRemoval: () => void;
  reveal: () => Promise<void>;
  hidePassword: () => void;
}

export const planKey = (request: OnboardingRequest) => JSON.stringify(request);

let stopWatching: (() => void) | undefined;

/**
 * The later of two states of a run. Main's answers and its stream events cross on the way (a
 * Retry's answer after the failure it led to, a watch's first read after the save that followed
 * it), so the one that arrives last is not always the newest: a state shown is replaced only by one
 * main saved no earlier. Of two saved in the same millisecond, the one that arrived last.
 */
export function newer(current: OnboardingRun | undefined, incoming: OnboardingRun): OnboardingRun {
  return current?.id === incoming.id && current.updatedAt > incoming.updatedAt ? current : incoming;
}

function unwatch(): void {
  stopWatching?.();
  stopWatching = undefined;
}

export const useOnboardingStore = create<OnboardingState>()((set, get, store) => {
  /** Follows the run until it stops; a retried or resumed run is followed again from here. */
  const watch = (id: string) => {
    unwatch();
    const current = sameContext();
    stopWatching = subscribeFleet('watchOnboarding', { id }, (event) => {
      if (!current() || get().runId !== id) return;
      if (!event.ok) {
        set({ runError: event.error });
        return;
      }
      const before = get().run?.state;
      const run = newer(get().run, event.value);
      set({ run, runError: undefined });
      // The new tenant belongs in the matrix the moment it is live.
      if (run.state === 'done' && before !== 'done') void useTenantsStore.getState().load();
    });
  };

  const act = async (kind: 'retry' | 'resume') => {
    const id = get().runId;
    if (!id || get().acting) return;
    set({ acting: kind, actionError: undefined });
    const result = await readFleet((api) => (kind === 'retry' ? api.retryStep({ id }) : api.resumeOnboarding({ id })));
    if (!result || get().runId !== id) return;
    if (!result.ok) {
      set({ acting: undefined, actionError: result.error });
      return;
    }
    set((s) => ({ acting: undefined, run: newer(s.run, result.value) }));
    watch(id);
  };

  return {
    optionsLoading: false,
    planning: false,
    starting: false,
    runsLoading: false,
    runLoading: false,
    revealing: false,

    loadOptions: async () => {
      if (get().optionsLoading) return;
      set({ optionsLoading: true, optionsError: undefined });
      void useTenantsStore.getState().ensureLoaded();
      const [costs, domains] = await Promise.all([
        readFleet((api) => api.getSupabaseCosts()),
        readFleet((api) => api.listDomains()),
      ]);
      if (!costs || !domains) return;
      const organizations = costs.ok
        ? costs.value.organizations.map((o) => ({
            slug: o.slug,
            name: o.name,
            ...(o.plan ? { plan: o.plan } : {}),
            projects: o.projects.length,
          }))
        : undefined;
      set({
        optionsLoading: false,
        organizations,
        organizationsProblem: costs.ok
          ? costs.value.connected
            ? costs.value.problem
            : 'This context has no Supabase account: add one in Settings → Accounts.'
          : costs.error.message,
        zones: domains.ok ? domains.value.map((d) => d.name) : undefined,
        // The form still works without zones (the plan checks the hostname); say why they are missing.
        optionsError: domains.ok ? undefined : domains.error,
      });
    },

    planTenant: async (request) => {
      const key = planKey(request);
      set({ planning: true, planError: undefined, startError: undefined });
      const result = await readFleet((api) => api.planTenant(request));
      if (!result) return;
      set(
        result.ok
          ? { planning: false, plan: result.value, plannedFor: key }
          : { planning: false, plan: undefined, plannedFor: undefined, planError: result.error },
      );
    },

    start: async (request) => {
      const { plan, plannedFor, starting } = get();
      // Nothing starts from a plan of another form, or one main refused.
      if (starting || !plan || plannedFor !== planKey(request) || plan.problems.length > 0) return false;
      set({ starting: true, startError: undefined });
      const result = await readFleet((api) => api.startOnboarding({ planId: plan.planId }));
      if (!result) return false;
      if (!result.ok) {
        set({ starting: false, startError: result.error });
        return false;
      }
      set({ starting: false, plan: undefined, plannedFor: undefined, runId: result.value.id, run: result.value });
      useNavigationStore.getState().navigate({ name: 'onboarding', id: result.value.id });
      return true;
    },

    loadRuns: async () => {
      set({ runsLoading: true });
      const result = await readFleet((api) => api.listOnboardings());
      if (!result) return;
      if (!result.ok) return set({ runsLoading: false, runsError: result.error });
      // A run followed below may have moved on while the list was read.
      set((s) => ({
        runsLoading: false,
        runs: result.value.map((run) =>
          newer(
            s.runs?.find((r) => r.id === run.id),
            run,
          ),
        ),
        runsError: undefined,
      }));
    },

    followRuns: () => {
      // A listed run that is running may stop (fail, finish) at any moment: the list hears it from
      // main as the run's own page does, instead of reading "Running" until it is listed again.
      const watches = new Map<string, () => void>();
      const follow = (runs: OnboardingRun[] | undefined) => {
        for (const { id, state } of runs ?? []) {
          if (state !== 'running' || watches.has(id)) continue;
          const current = sameContext();
          // The watch's first event is the run as main has it now, so a stop between the list's
          // read and this subscription is not missed.
          const stop = subscribeFleet('watchOnboarding', { id }, (event) => {
            if (!current() || !event.ok) return;
            set((s) => ({ runs: s.runs?.map((r) => (r.id === id ? newer(r, event.value) : r)) }));
          });
          watches.set(id, stop);
        }
      };
      const unsubscribe = store.subscribe((s, before) => {
        if (s.runs !== before.runs) follow(s.runs);
      });
      follow(get().runs);
      void get().loadRuns();
      return () => {
        unsubscribe();
        for (const stop of watches.values()) stop();
      };
    },

    openRun: (id) => {
      if (get().runId !== id) {
        set({ runId: id, run: undefined, runError: undefined, actionError: undefined, removal: undefined });
      }
      set({ password: undefined, revealError: undefined, runLoading: true });
      void readFleet((api) => api.getOnboarding({ id })).then((result) => {
        if (!result || get().runId !== id) return;
        // A stream event may have landed first, or the run kept from an earlier visit be older.
        if (result.ok) set((s) => ({ runLoading: false, run: newer(s.run, result.value), runError: undefined }));
        else set({ runLoading: false, runError: result.error });
      });
      watch(id);
      return () => {
        if (get().runId !== id) return;
        unwatch();
        set({ password: undefined, removal: undefined });
      };
    },

    retry: () => act('retry'),
    resume: () => act('resume'),

    askRemoval: async () => {
      const id = get().runId;
      if (!id) return;
      set({ removal: { listing: true, removing: false } });
      const result = await readFleet((api) => api.removeCreated({ id, confirm: false }));
      if (!result || get().runId !== id || !get().removal) return;
      set({
        removal: result.ok
          ? { listing: false, removing: false, resources: result.value.resources }
          : { listing: false, removing: false, error: result.error },
      });
    },

    confirmRemoval: async (typedName) => {
      const { runId: id, removal, run } = get();
      if (!id || !removal?.resources || removal.removing || removal.removed) return;
      // The button is disabled until the name is typed back; the store refuses it too.
      if (run && typedName !== run.name) return;
      set({ removal: { ...removal, removing: true, error: undefined } });
      const result = await readFleet((api) => api.removeCreated({ id, confirm: true, typedName }));
      if (!result || get().runId !== id) return;
      if (!result.ok) {
        set({ removal: { ...removal, removing: false, error: result.error } });
        return;
      }
      set({ run: result.value.run, removal: { ...removal, removing: false, removed: result.value.resources } });
      void get().loadRuns();
      void useTenantsStore.getState().load();
    },

    closeRemoval: () => {
      if (!get().removal?.removing) set({ removal: undefined });
    },

    reveal: async () => {
      const id = get().runId;
      if (!id || get().revealing) return;
      set({ revealing: true, revealError: undefined });
      const result = await readFleet((api) => api.revealDbPassword({ id }));
      if (!result || get().runId !== id) return;
      set(
        result.ok
          ? { revealing: false, password: result.value.password }
          : { revealing: false, revealError: result.error },
      );
    },

    hidePassword: () => set({ password: undefined }),
  };
});

// Runs, plans and the revealed password are the context's: a switch drops them and stops following.
onContextChange({ reset: unwatch });
resetWithContext(useOnboardingStore);
