// The one module that touches keytar. Service "Fleetdeck", account "<provider>:<context>".
import { accountName, parseAccountName, SECRET_SERVICE, type SecretKey, type SecretStore } from './secretStore';

import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;

  constructor(
    private readonly keytar: Keytar,
    private readonly service = SECRET_SERVICE,
  ) {}

  async get(key: SecretKey) {
    return (await this.keytar.getPassword(this.service, accountName(key))) ?? undefined;
  }
  async set(key: SecretKey, secret: string) {
    await this.keytar.setPassword(this.service, accountName(key), secret);
  }
  async delete(key: SecretKey) {
    return this.keytar.deletePassword(this.service, accountName(key));
  }
  async list() {
    const credentials = await this.keytar.findCredentials(this.service);
    return credentials.map((c) => parseAccountName(c.account)).filter((k): k is SecretKey => k !== undefined);
  }
}

/** Loads keytar and proves the keychain answers; undefined (with the reason) when it does not. */
export async function loadKeytarStore(service?: string): Promise<{ store?: KeytarSecretStore; problem?: string }> {
  try {
    const keytar = (await import('keytar')) as Keytar & { default?: Keytar };
    const api = keytar.default ?? keytar;
    await api.findCredentials(service ?? SECRET_SERVICE);
    return { store: new KeytarSecretStore(api, service) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      problem: `The OS keychain is not available (${reason}). On Linux, Fleetdeck needs a Secret Service such as gnome-keyring.`,
    };
  }
}
