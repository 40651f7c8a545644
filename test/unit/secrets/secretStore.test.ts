import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadKeytarStore } from '../../../src-main/secrets/keytarStore';
import { MemorySecretStore, type SecretStore } from '../../../src-main/secrets/secretStore';

// `npm test` runs these inside a throwaway gnome-keyring session (FLEETDECK_KEYRING=real); a
// developer machine without one still runs the in-memory half.
const realKeyring = process.env.FLEETDECK_KEYRING === 'real';

function behavesLikeASecretStore(name: string, open: () => Promise<SecretStore>) {
  describe(name, () => {
    it('stores, reads, lists and deletes a token per provider and context', async () => {
      const store = await open();
      const token = `dop_v1_${randomBytes(32).toString('hex')}`;
      await store.set({ provider: 'digitalocean', context: 'production' }, token);
      await store.set({ provider: 'github', context: 'production' }, 'ghp_other');
      expect(await store.get({ provider: 'digitalocean', context: 'production' })).toBe(token);
      expect(await store.get({ provider: 'digitalocean', context: 'staging' })).toBeUndefined();
      expect(await store.list()).toEqual(
        expect.arrayContaining([
          { provider: 'digitalocean', context: 'production' },
          { provider: 'github', context: 'production' },
        ]),
      );
      expect(await store.delete({ provider: 'digitalocean', context: 'production' })).toBe(true);
      expect(await store.get({ provider: 'digitalocean', context: 'production' })).toBeUndefined();
      expect(await store.delete({ provider: 'digitalocean', context: 'production' })).toBe(false);
      await store.delete({ provider: 'github', context: 'production' });
    });
  });
}

behavesLikeASecretStore('the in-memory store tests use', async () => new MemorySecretStore());

describe.runIf(realKeyring)('the OS keychain through keytar (real Secret Service)', () => {
  behavesLikeASecretStore('keytar store', async () => {
    const { store, problem } = await loadKeytarStore(`Fleetdeck-test-${randomBytes(4).toString('hex')}`);
    if (!store) throw new Error(`keychain expected in this run: ${problem}`);
    return store;
  });
});

describe.skipIf(realKeyring)('without a Secret Service', () => {
  it('says what is missing instead of falling back to a file', async () => {
    const env = { ...process.env };
    // No D-Bus session bus: libsecret cannot reach a keychain.
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/fleetdeck-test-bus';
    try {
      const { store, problem } = await loadKeytarStore('Fleetdeck-test-nokeychain');
      expect(store).toBeUndefined();
      expect(problem).toMatch(/OS keychain is not available/);
    } finally {
      process.env = env;
    }
  });
});
