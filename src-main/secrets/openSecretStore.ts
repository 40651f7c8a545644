// Opens the keychain store, or — where there is no keychain — a memory store that forgets every
// token at quit. Never a plaintext file.
import type { Logger } from '../logging/logger';
import { loadKeytarStore } from './keytarStore';
import { MemorySecretStore, type SecretStore } from './secretStore';

export async function openSecretStore(log?: Logger): Promise<SecretStore & { problem?: string }> {
  const { store, problem } = await loadKeytarStore();
  if (store) return store;
  log?.warn(problem ?? 'no keychain');
  return Object.assign(new MemorySecretStore(), { problem });
}
