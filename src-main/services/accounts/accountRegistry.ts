// What Fleetdeck remembers about accounts — labels, owners, scopes, the active context — in a
// JSON file in the data folder. Never a token: those are only in the keychain. Written whole or
// not at all (base/atomicFile.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountSummary } from '../../../src-preload/contract/accounts';
import { DEMO_CONTEXT } from '../../../src-preload/contract/accounts';
import { writeFileAtomic } from '../../base/atomicFile';

export interface RegistryData {
  activeContext: string;
  accounts: AccountSummary[];
}

export const ACCOUNTS_FILE = 'accounts.json';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AccountRegistry {
  private readonly file: string;
  /** The newest data asked to be saved and not yet being written, with everyone waiting on it. */
  private queued: { text: string; waiters: Waiter[] } | undefined;
  private writing = false;

  constructor(dataDir: string) {
    this.file = join(dataDir, ACCOUNTS_FILE);
  }

  async load(): Promise<RegistryData> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as Partial<RegistryData>;
      return {
        activeContext: typeof data.activeContext === 'string' ? data.activeContext : DEMO_CONTEXT,
        accounts: Array.isArray(data.accounts) ? data.accounts.filter((a) => a.storage === 'keychain') : [],
      };
    } catch {
      return { activeContext: DEMO_CONTEXT, accounts: [] };
    }
  }

  /**
   * Memory-only accounts are not written: they end with the session. Saves run one at a time and
   * the last one asked wins; saves asked while one is being written are folded into one write of
   * the newest data, and each resolves once the file holds its data or newer.
   */
  save(data: RegistryData): Promise<void> {
    // Taken now: the caller goes on changing its data while earlier saves are still on disk.
    const kept: RegistryData = { ...data, accounts: data.accounts.filter((a) => a.storage === 'keychain') };
    const text = JSON.stringify(kept, null, 2);
    return new Promise<void>((resolve, reject) => {
      this.queued = { text, waiters: [...(this.queued?.waiters ?? []), { resolve, reject }] };
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queued) {
      const batch = this.queued;
      this.queued = undefined;
      try {
        await this.write(batch.text);
        for (const waiter of batch.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of batch.waiters) waiter.reject(error);
      }
    }
    this.writing = false;
  }

  private write(text: string): Promise<void> {
    return writeFileAtomic(this.file, text);
  }
}
