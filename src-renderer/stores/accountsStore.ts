// Connected accounts and the active context. The overview comes from watchAccounts (subscribed
// once at app start); actions call main and let the stream deliver the new overview, but also
// apply the answer they get so the screen does not wait for the next event.
//
// A token passes through `add` as an argument only: it is never put in this store's state, so
// nothing that serialises the store (devtools, a crash report) can ever see it.
import type {
  AccountProvider,
  AccountSummary,
  AccountsOverview,
  FleetError,
  Unsubscribe,
} from '../../src-preload/contract';
import { callFleet, subscribeFleet } from '../fleetApi';
import { create } from 'zustand';
import { contextChanged, readyToSwitch } from './contextScope';

export interface AddAccountInput {
  provider: AccountProvider;
  context: string;
  label?: string;
  token: string;
  memoryOnly?: boolean;
}

export type AddState =
  | { status: 'idle' }
  | { status: 'checking'; provider: AccountProvider }
  | { status: 'added'; account: AccountSummary }
  | { status: 'failed'; error: FleetError };

export const accountKey = (a: { provider: AccountProvider; context: string }) => `${a.provider}:${a.context}`;

interface AccountsState {
  overview?: AccountsOverview;
  loading: boolean;
  /** The stream or the last read failed; with an overview on screen it shows as a banner. */
  error?: FleetError;
  adding: AddState;
  /** Keyed by accountKey: what is in flight for that account. */
  busy: Record<string, 'revalidating' | 'renaming' | 'removing' | undefined>;
  /** Keyed by accountKey: the last failed action on that account. */
  accountErrors: Record<string, FleetError | undefined>;
  switching?: string;
  switchError?: FleetError;

  start: () => () => void;
  reload: () => Promise<void>;
  add: (input: AddAccountInput) => Promise<boolean>;
  resetAdd: () => void;
  revalidate: (account: AccountSummary) => Promise<void>;
  rename: (account: AccountSummary, label: string) => Promise<boolean>;
  remove: (account: AccountSummary) => Promise<boolean>;
  switchContext: (context: string) => Promise<void>;
}

let unsubscribe: Unsubscribe | undefined;

function replaceAccount(overview: AccountsOverview | undefined, account: AccountSummary): AccountsOverview | undefined {
  if (!overview) return overview;
  const key = accountKey(account);
  const others = overview.accounts.filter((a) => accountKey(a) !== key);
  return { ...overview, accounts: [...others, account] };
}

export const useAccountsStore = create<AccountsState>()((set, get) => {
  const setBusy = (account: AccountSummary, value: AccountsState['busy'][string]) =>
    set((s) => ({ busy: { ...s.busy, [accountKey(account)]: value } }));
  const setAccountError = (account: AccountSummary, error: FleetError | undefined) =>
    set((s) => ({ accountErrors: { ...s.accountErrors, [accountKey(account)]: error } }));
  // The active context can change from a switch, a removal or another window; whichever
  // overview shows the change first triggers the one reload.
  const applyOverview = (next: AccountsOverview) => {
    const previous = get().overview?.activeContext;
    set({ overview: next, loading: false, error: undefined });
    if (previous !== undefined && previous !== next.activeContext) contextChanged();
  };

  return {
    loading: false,
    adding: { status: 'idle' },
    busy: {},
    accountErrors: {},

    start: () => {
      if (unsubscribe) return () => undefined;
      set({ loading: !get().overview });
      unsubscribe = subscribeFleet('watchAccounts', undefined, (event) => {
        if (!event.ok) {
          set({ loading: false, error: event.error });
          return;
        }
        applyOverview(event.value);
      });
      return () => {
        unsubscribe?.();
        unsubscribe = undefined;
      };
    },

    reload: async () => {
      set({ loading: true });
      const result = await callFleet((api) => api.listAccounts());
      if (result.ok) applyOverview(result.value);
      else set({ loading: false, error: result.error });
    },

    add: async ({ provider, context, label, token, memoryOnly }) => {
      if (get().adding.status === 'checking') return false;
      set({ adding: { status: 'checking', provider } });
      const request = {
        provider,
        context: context.trim(),
        token,
        ...(label?.trim() ? { label: label.trim() } : {}),
        ...(memoryOnly ? { memoryOnly } : {}),
      };
      const result = await callFleet((api) => api.addAccount(request));
      if (!result.ok) {
        set({ adding: { status: 'failed', error: result.error } });
        return false;
      }
      set((s) => ({
        adding: { status: 'added', account: result.value },
        overview: replaceAccount(s.overview, result.value),
      }));
      return true;
    },

    resetAdd: () => set({ adding: { status: 'idle' } }),

    revalidate: async (account) => {
      if (get().busy[accountKey(account)]) return;
      setBusy(account, 'revalidating');
      setAccountError(account, undefined);
      const result = await callFleet((api) =>
        api.revalidateAccount({ provider: account.provider, context: account.context }),
      );
      setBusy(account, undefined);
      if (result.ok) set((s) => ({ overview: replaceAccount(s.overview, result.value) }));
      else setAccountError(account, result.error);
    },

    rename: async (account, label) => {
      if (get().busy[accountKey(account)]) return false;
      setBusy(account, 'renaming');
      setAccountError(account, undefined);
      const result = await callFleet((api) =>
        api.renameAccount({ provider: account.provider, context: account.context, label: label.trim() }),
      );
      setBusy(account, undefined);
      if (result.ok) set((s) => ({ overview: replaceAccount(s.overview, result.value) }));
      else setAccountError(account, result.error);
      return result.ok;
    },

    remove: async (account) => {
      if (get().busy[accountKey(account)]) return false;
      setBusy(account, 'removing');
      setAccountError(account, undefined);
      const result = await callFleet((api) =>
        api.removeAccount({ provider: account.provider, context: account.context }),
      );
      setBusy(account, undefined);
      if (result.ok) applyOverview(result.value);
      else setAccountError(account, result.error);
      return result.ok;
    },

    switchContext: async (context) => {
      if (get().switching || context === get().overview?.activeContext) return;
      set({ switching: context, switchError: undefined });
      const waitFor = await readyToSwitch();
      if (waitFor) {
        set({
          switching: undefined,
          switchError: {
            code: 'conflict',
            message: `Still in ${get().overview?.activeContext ?? 'this context'}: ${waitFor}`,
          },
        });
        return;
      }
      const result = await callFleet((api) => api.switchContext({ context }));
      if (!result.ok) {
        set({ switching: undefined, switchError: result.error });
        return;
      }
      set({ switching: undefined });
      applyOverview(result.value);
    },
  };
});
