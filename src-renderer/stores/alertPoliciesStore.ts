// The account's Monitoring alert policies (droplets, load balancers, databases) and the one being
// edited. A draft is checked with the same rules as main (a percentage between 0 and 100, emails
// that look like emails) before anything is sent; a refusal keeps the draft as typed.
import type { AlertPolicyView, FleetError, PolicyCompare, PolicyWindow } from '../../src-preload/contract';
import { policyValueProblem } from '../../src-preload/contract/uptime';
import { create } from 'zustand';
import { callFleet } from '../fleetApi';
import { resetWithContext, sameContext } from './contextScope';

export interface PolicyDraft {
  uuid: string;
  compare: PolicyCompare;
  /** As typed. */
  value: string;
  window: PolicyWindow;
  enabled: boolean;
  /** Comma or space separated, as typed. */
  emails: string;
}

interface AlertPoliciesState {
  policies?: AlertPolicyView[];
  loading: boolean;
  error?: FleetError;
  draft?: PolicyDraft;
  draftProblem?: string;
  saving: boolean;
  saveError?: FleetError;
  load: () => Promise<void>;
  edit: (uuid: string) => void;
  change: (patch: Partial<Omit<PolicyDraft, 'uuid'>>) => void;
  cancel: () => void;
  save: () => Promise<boolean>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const splitEmails = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

/** Why a draft cannot be sent, or undefined. */
export function draftProblem(policy: AlertPolicyView, draft: PolicyDraft): string | undefined {
  if (draft.value.trim() === '') return 'Enter a threshold.';
  const value = Number(draft.value);
  const problem = policyValueProblem(policy.type, value);
  if (problem) return problem;
  const bad = splitEmails(draft.emails).find((e) => !EMAIL.test(e));
  if (bad) return `“${bad}” is not an email address.`;
  return undefined;
}

let seq = 0;

export const useAlertPoliciesStore = create<AlertPoliciesState>()((set, get) => ({
  loading: false,
  saving: false,

  load: async () => {
    const mine = ++seq;
    set({ loading: true });
    const current = sameContext();
    const result = await callFleet((api) => api.listAlertPolicies());
    if (mine !== seq || !current()) return;
    set(
      result.ok
        ? { policies: result.value, loading: false, error: undefined }
        : { loading: false, error: result.error },
    );
  },

  edit: (uuid) => {
    const policy = get().policies?.find((p) => p.uuid === uuid);
    if (!policy) return;
    set({
      draft: {
        uuid,
        compare: policy.compare,
        value: String(policy.value),
        window: policy.window,
        enabled: policy.enabled,
        emails: policy.emails.join(', '),
      },
      draftProblem: undefined,
      saveError: undefined,
    });
  },

  change: (patch) => {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, ...patch }, draftProblem: undefined, saveError: undefined });
  },

  cancel: () => set({ draft: undefined, draftProblem: undefined, saveError: undefined }),

  save: async () => {
    const { draft, policies } = get();
    const policy = policies?.find((p) => p.uuid === draft?.uuid);
    if (!draft || !policy) return false;
    const problem = draftProblem(policy, draft);
    if (problem) {
      set({ draftProblem: problem });
      return false;
    }
    set({ saving: true, saveError: undefined });
    const current = sameContext();
    const result = await callFleet((api) =>
      api.updateAlertPolicy({
        uuid: draft.uuid,
        compare: draft.compare,
        value: Number(draft.value),
        window: draft.window,
        enabled: draft.enabled,
        emails: splitEmails(draft.emails),
      }),
    );
    if (!current()) return false;
    if (!result.ok) {
      set({ saving: false, saveError: result.error });
      return false;
    }
    set({
      saving: false,
      draft: undefined,
      policies: get().policies?.map((p) => (p.uuid === result.value.uuid ? result.value : p)),
    });
    return true;
  },
}));

resetWithContext(useAlertPoliciesStore);
