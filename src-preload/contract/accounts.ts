// The accounts domain of the contract. A token travels one way only: from the field the user
// pastes it into, to the main process, once, when the account is added. Nothing here ever
// carries a token back; the window sees who the token belongs to and its last four characters.

import type { Result } from './common';

export const ACCOUNT_PROVIDERS = ['digitalocean', 'supabase', 'github'] as const;
export type AccountProvider = (typeof ACCOUNT_PROVIDERS)[number];

export interface AccountSummary {
  provider: AccountProvider;
  /** Named context, e.g. "production", "staging". */
  context: string;
  label: string;
  /** Who the token belongs to: email and team, organization names, or login. */
  owner?: string;
  /** What the token can do, in words (e.g. "read and write", "repo, workflow"). */
  scopes: string[];
  /** Actions this token cannot do, each with the reason (e.g. a read-only DigitalOcean token). */
  limitations: string[];
  lastFour: string;
  validatedAt?: string;
  status: 'ok' | 'needs_attention';
  /** Why the account needs attention (revoked, expired, unreachable). */
  problem?: string;
  /** "keychain": in the OS keychain; "memory": only until Fleetdeck quits. */
  storage: 'keychain' | 'memory';
}

export interface ContextSummary {
  name: string;
  /** The demo fleet is a context of its own, always there (and so is the demo's staging account). */
  demo: boolean;
  providers: AccountProvider[];
  /** What a demo context stands for, in words ("Presence360 staging account"). */
  description?: string;
}

export interface AccountsOverview {
  accounts: AccountSummary[];
  contexts: ContextSummary[];
  activeContext: string;
  keychain: { available: boolean; problem?: string };
}

export interface AccountsMethods {
  listAccounts: { request: void; response: AccountsOverview };
  addAccount: {
    request: { provider: AccountProvider; context: string; label?: string; token: string; memoryOnly?: boolean };
    response: AccountSummary;
  };
  revalidateAccount: { request: { provider: AccountProvider; context: string }; response: AccountSummary };
  renameAccount: { request: { provider: AccountProvider; context: string; label: string }; response: AccountSummary };
  removeAccount: { request: { provider: AccountProvider; context: string }; response: AccountsOverview };
  switchContext: { request: { context: string }; response: AccountsOverview };
}

export interface AccountsStreams {
  /** The overview again whenever an account or the active context changes (a 401 included). */
  watchAccounts: { request: void; event: Result<AccountsOverview> };
}

export const ACCOUNTS_METHOD_NAMES = [
  'listAccounts',
  'addAccount',
  'revalidateAccount',
  'renameAccount',
  'removeAccount',
  'switchContext',
] as const;
export const ACCOUNTS_STREAM_NAMES = ['watchAccounts'] as const;
export const DEMO_CONTEXT = 'Demo fleet';
/**
 * The demo's second account: Presence360's staging, which guide 002 runs in a DigitalOcean account
 * of its own. A sandbox world apart from the demo fleet's, with its own token.
 */
export const DEMO_STAGING_CONTEXT = 'Demo staging';
export const DEMO_CONTEXTS: readonly string[] = [DEMO_CONTEXT, DEMO_STAGING_CONTEXT];
/** Whether a context is one of the sandbox's own (never a user's account). */
export const isDemoContext = (context: string): boolean => DEMO_CONTEXTS.includes(context);
