// What Fleetdeck remembers about accounts — labels, owners, scopes, the active context — in a
// JSON file in the data folder. Never a token: those are only in the keychain. Written to a
// temporary file and renamed, so a crash leaves the old file or the new one, never half of one.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountSummary } from '../../../src-preload/contract/accounts';
import { DEMO_CONTEXT } from '../../../src-preload/contract/accounts';

export interface RegistryData {
  activeContext: string;
  accounts: AccountSummary[];
}

export const ACCOUNTS_FILE = 'accounts.json';

export class AccountRegistry {
  private readonly file: string;

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

  /** Memory-only accounts are not written: they end with the session. */
  async save(data: RegistryData): Promise<void> {
    await mkdir(join(this.file, '..'), { recursive: true });
    const kept: RegistryData = { ...data, accounts: data.accounts.filter((a) => a.storage === 'keychain') };
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(kept, null, 2), { mode: 0o600 });
    await rename(temporary, this.file);
  }
}
