// Tokens live only in the OS keychain, behind this one small interface (GitHub Desktop's
// TokenStore). Tests pass the in-memory store; the app passes the keytar one.

export type Provider = 'digitalocean' | 'supabase' | 'github';

export interface SecretKey {
  provider: Provider;
  /** Named account context, e.g. "production", "staging". */
  context: string;
}

export interface SecretStore {
  /** "keychain" when the OS keychain holds the secrets; "memory" when they last until quit. */
  readonly kind: 'keychain' | 'memory';
  get(key: SecretKey): Promise<string | undefined>;
  set(key: SecretKey, secret: string): Promise<void>;
  delete(key: SecretKey): Promise<boolean>;
  list(): Promise<SecretKey[]>;
}

export const SECRET_SERVICE = 'Fleetdeck';
export const accountName = (key: SecretKey) => `${key.provider}:${key.context}`;

export function parseAccountName(account: string): SecretKey | undefined {
  const [provider, ...rest] = account.split(':');
  const context = rest.join(':');
  if ((provider === 'digitalocean' || provider === 'supabase' || provider === 'github') && context) {
    return { provider, context };
  }
  return undefined;
}

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly secrets = new Map<string, string>();

  async get(key: SecretKey) {
    return this.secrets.get(accountName(key));
  }
  async set(key: SecretKey, secret: string) {
    this.secrets.set(accountName(key), secret);
  }
  async delete(key: SecretKey) {
    return this.secrets.delete(accountName(key));
  }
  async list() {
    return [...this.secrets.keys()].map(parseAccountName).filter((k): k is SecretKey => k !== undefined);
  }
}
