// Until Settings → Accounts lands: puts a token into the OS keychain from the terminal, where the
// Fleetdeck main process reads it. The token is read from standard input, never from argv.
//   npm run token -- set digitalocean [context]     (then paste the token, Enter)
//   npm run token -- delete digitalocean [context]
import { createInterface } from 'node:readline';
import { loadKeytarStore } from '../src-main/secrets/keytarStore';
import type { Provider } from '../src-main/secrets/secretStore';

async function readToken(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  process.stderr.write('Paste the token and press Enter: ');
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return '';
}

async function main(): Promise<void> {
  const [action, provider, context = 'default'] = process.argv.slice(2);
  if (!['set', 'delete'].includes(action ?? '') || !['digitalocean', 'supabase', 'github'].includes(provider ?? '')) {
    throw new Error('usage: npm run token -- set|delete digitalocean|supabase|github [context]');
  }
  const { store, problem } = await loadKeytarStore();
  if (!store) throw new Error(problem);
  const key = { provider: provider as Provider, context };
  if (action === 'delete') {
    process.stderr.write((await store.delete(key)) ? 'Deleted.\n' : 'There was no such token.\n');
    return;
  }
  const token = await readToken();
  if (!token) throw new Error('No token given; nothing stored.');
  await store.set(key, token);
  process.stderr.write(`\nStored the ${provider} token for "${context}" in the OS keychain (…${token.slice(-4)}).\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
