// Accounts and contexts: tokens go into the keychain (or, by the user's choice where there is
// none, into memory until quit) only after their API accepted them; the window learns who they
// belong to and what they can do, never the token. A 401 later marks the account as needing
// attention instead of showing an empty fleet.
import type {
  AccountProvider,
  AccountsOverview,
  AccountSummary,
  ContextSummary,
} from '../../../src-preload/contract/accounts';
import { DEMO_CONTEXT, DEMO_STAGING_CONTEXT, isDemoContext } from '../../../src-preload/contract/accounts';
import type { Disposable } from '../../base/disposable';
import { ApiError } from '../../clients/http/apiError';
import { registerSecret } from '../../logging/redact';
import { MemorySecretStore, type SecretStore } from '../../secrets/secretStore';
import { AccountRegistry, type RegistryData } from './accountRegistry';
import { identifyToken, type ApiEndpoints } from './tokenValidators';

export interface AccountsServiceOptions {
  keychain: SecretStore;
  /** Why there is no keychain, when `keychain` is only a memory store. */
  keychainProblem?: string;
  dataDir: string;
  endpoints: ApiEndpoints;
  /** Called after the active context changed, to rebuild the fleet's services. */
  onContextChange?: (context: string) => Promise<void>;
}

type Key = { provider: AccountProvider; context: string };
const same = (a: Key, b: Key) => a.provider === b.provider && a.context === b.context;

export class AccountsService {
  private readonly registry: AccountRegistry;
  private readonly sessionSecrets = new MemorySecretStore();
  private data: RegistryData = { activeContext: DEMO_CONTEXT, accounts: [] };
  private readonly listeners = new Set<(overview: AccountsOverview) => void>();

  constructor(private readonly options: AccountsServiceOptions) {
    this.registry = new AccountRegistry(options.dataDir);
  }

  get keychainAvailable(): boolean {
    return this.options.keychain.kind === 'keychain';
  }

  async load(): Promise<void> {
    this.data = await this.registry.load();
    for (const account of this.data.accounts) {
      const token = await this.options.keychain.get(account);
      if (token) registerSecret(token);
      else
        Object.assign(account, {
          status: 'needs_attention',
          problem: 'The token is no longer in the OS keychain: add it again.',
        });
    }
    if (!this.contexts().some((c) => c.name === this.data.activeContext)) this.data.activeContext = DEMO_CONTEXT;
  }

  get activeContext(): string {
    return this.data.activeContext;
  }

  overview(): AccountsOverview {
    return {
      accounts: structuredClone(this.data.accounts),
      contexts: this.contexts(),
      activeContext: this.data.activeContext,
      keychain: this.keychainAvailable
        ? { available: true }
        : { available: false, problem: this.options.keychainProblem },
    };
  }

  /** Main process only: the token for an API call. */
  async tokenFor(provider: AccountProvider, context: string): Promise<string | undefined> {
    const account = this.find({ provider, context });
    if (!account) return undefined;
    return account.storage === 'memory' ? this.sessionSecrets.get(account) : this.options.keychain.get(account);
  }

  async add(request: Key & { label?: string; token: string; memoryOnly?: boolean }): Promise<AccountSummary> {
    const context = request.context.trim();
    if (isDemoContext(context)) throw invalid(`"${context}" is the sandbox's own context; choose another name.`);
    const memoryOnly = request.memoryOnly === true;
    if (!memoryOnly && !this.keychainAvailable) {
      throw invalid(
        `${this.options.keychainProblem ?? 'The OS keychain is not available.'} Choose "Keep only until Fleetdeck quits" to use the token for this session; it is never written to disk.`,
      );
    }
    const token = request.token.trim();
    registerSecret(token);
    const identity = await identifyToken(request.provider, token, this.options.endpoints);
    const account: AccountSummary = {
      provider: request.provider,
      context,
      label: request.label?.trim() || `${context} ${request.provider}`,
      owner: identity.owner,
      scopes: identity.scopes,
      limitations: identity.limitations,
      lastFour: token.slice(-4),
      validatedAt: new Date().toISOString(),
      status: 'ok',
      storage: memoryOnly ? 'memory' : 'keychain',
    };
    const key = { provider: request.provider, context };
    await (memoryOnly ? this.sessionSecrets : this.options.keychain).set(key, token);
    this.data.accounts = [...this.data.accounts.filter((a) => !same(a, key)), account];
    await this.persist();
    return structuredClone(account);
  }

  async revalidate(key: Key): Promise<AccountSummary> {
    const account = this.require(key);
    const token = await this.tokenFor(key.provider, key.context);
    if (!token) return this.markNeedsAttention(key, 'The token is missing from the keychain: add it again.');
    try {
      const identity = await identifyToken(key.provider, token, this.options.endpoints);
      Object.assign(account, identity, { validatedAt: new Date().toISOString(), status: 'ok', problem: undefined });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      Object.assign(account, { status: 'needs_attention', problem: error.message });
    }
    await this.persist();
    return structuredClone(account);
  }

  async rename(key: Key & { label: string }): Promise<AccountSummary> {
    const account = this.require(key);
    account.label = key.label.trim() || account.label;
    await this.persist();
    return structuredClone(account);
  }

  async remove(key: Key): Promise<AccountsOverview> {
    const account = this.require(key);
    await (account.storage === 'memory' ? this.sessionSecrets : this.options.keychain).delete(key);
    this.data.accounts = this.data.accounts.filter((a) => !same(a, key));
    if (!this.contexts().some((c) => c.name === this.data.activeContext)) await this.switchTo(DEMO_CONTEXT);
    else await this.persist();
    return this.overview();
  }

  async switchTo(context: string): Promise<AccountsOverview> {
    if (!this.contexts().some((c) => c.name === context)) throw invalid(`There is no context named "${context}".`);
    // The context's services are ready before anyone hears of the switch: a window told first
    // would re-read its environment from the old session while a sandbox world still starts (the
    // first switch to Demo staging, or to the demo fleet from a live account).
    const previous = this.data.activeContext;
    this.data.activeContext = context;
    try {
      await this.options.onContextChange?.(context);
    } catch (error) {
      this.data.activeContext = previous;
      throw error;
    }
    await this.persist();
    return this.overview();
  }

  /** A 401 from an API: the account says so, instead of the fleet going quietly empty. */
  async markNeedsAttention(key: Key, problem: string): Promise<AccountSummary> {
    const account = this.require(key);
    Object.assign(account, { status: 'needs_attention', problem });
    await this.persist();
    return structuredClone(account);
  }

  subscribe(listener: (overview: AccountsOverview) => void): Disposable {
    this.listeners.add(listener);
    listener(this.overview());
    return { dispose: () => void this.listeners.delete(listener) };
  }

  private contexts(): ContextSummary[] {
    const byName = new Map<string, AccountProvider[]>();
    for (const a of this.data.accounts) byName.set(a.context, [...(byName.get(a.context) ?? []), a.provider]);
    return [
      { name: DEMO_CONTEXT, demo: true, providers: ['digitalocean'] },
      // Presence360's staging runs in an account of its own (guide 002): so does the demo's.
      {
        name: DEMO_STAGING_CONTEXT,
        demo: true,
        providers: ['digitalocean'],
        description: 'Presence360 staging account',
      },
      ...[...byName]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, providers]) => ({ name, demo: false, providers })),
    ];
  }

  private find(key: Key): AccountSummary | undefined {
    return this.data.accounts.find((a) => same(a, key));
  }

  private require(key: Key): AccountSummary {
    const account = this.find(key);
    if (!account)
      throw new ApiError({ code: 'not_found', message: `No ${key.provider} account in context "${key.context}".` });
    return account;
  }

  private async persist(): Promise<void> {
    await this.registry.save(this.data);
    const overview = this.overview();
    for (const listener of this.listeners) listener(overview);
  }
}

const invalid = (message: string) => new ApiError({ code: 'invalid_argument', message });
