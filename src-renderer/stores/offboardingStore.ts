// Offboarding one tenant: main's plan (backup, pause the project, delete the app, remove its DNS
// record, mark it inactive in the registry) and one step at a time, each sent only when its own
// button is clicked; deletes carry the tenant's name as typed. Each step's answer is kept beside
// it, so the dialog shows what happened to every step it ran.
import type { FleetError, OffboardingPlan, OffboardingStepKind } from '../../src-preload/contract';
import { create } from 'zustand';
import { readFleet, resetWithContext } from './contextScope';
import { useNavigationStore } from './navigationStore';
import { useTenantPageStore } from './tenantPageStore';
import { useTenantsStore } from './tenantsStore';

export type StepOutcome = { ok: true; at: string } | { ok: false; error: FleetError };

interface OffboardingState {
  /** The tenant whose dialog is open. */
  appId?: string;
  plan?: OffboardingPlan;
  loading: boolean;
  error?: FleetError;
  running?: OffboardingStepKind;
  outcomes: Partial<Record<OffboardingStepKind, StepOutcome>>;

  open: (appId: string) => Promise<void>;
  /** Re-reads the plan of the open dialog. */
  load: () => Promise<void>;
  runStep: (step: OffboardingStepKind, typedName?: string) => Promise<void>;
  close: () => void;
}

export const useOffboardingStore = create<OffboardingState>()((set, get) => ({
  loading: false,
  outcomes: {},

  open: async (appId) => {
    set({ appId, plan: undefined, error: undefined, running: undefined, outcomes: {} });
    await get().load();
  },

  load: async () => {
    const appId = get().appId;
    if (!appId) return;
    set({ loading: true, error: undefined });
    const result = await readFleet((api) => api.planOffboarding({ appId }));
    if (!result || get().appId !== appId) return;
    set(result.ok ? { loading: false, plan: result.value } : { loading: false, error: result.error });
  },

  runStep: async (step, typedName) => {
    const { appId, running, plan } = get();
    if (!appId || running || !plan) return;
    const planned = plan.steps.find((s) => s.kind === step);
    // The button is disabled in these cases; the store refuses them too.
    if (!planned || planned.blocked || (planned.needsTypedName && typedName !== plan.appName)) return;
    set({ running: step });
    const result = await readFleet((api) =>
      api.runOffboardingStep({ appId, step, ...(planned.needsTypedName ? { typedName } : {}) }),
    );
    if (!result || get().appId !== appId) return;
    const outcome: StepOutcome = result.ok
      ? { ok: true, at: new Date().toISOString() }
      : { ok: false, error: result.error };
    set((s) => ({
      running: undefined,
      outcomes: { ...s.outcomes, [step]: outcome },
      ...(result.ok ? { plan: result.value } : {}),
    }));
  },

  close: () => {
    const { running, outcomes } = get();
    if (running) return;
    set({ appId: undefined, plan: undefined, error: undefined, outcomes: {} });
    if (!Object.values(outcomes).some((o) => o.ok)) return;
    void useTenantsStore.getState().load();
    // With its app deleted there is no tenant page to go back to: the matrix instead.
    if (outcomes.delete_app?.ok) useNavigationStore.getState().navigate({ name: 'tenants' });
    else void useTenantPageStore.getState().load();
  },
}));

resetWithContext(useOffboardingStore);
