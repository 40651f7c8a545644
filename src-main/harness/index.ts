// `npm run web`: the real main-process services on the demo fleet, the built renderer in any
// browser. Prints one line with the URL (it carries this run's token) and runs until stopped.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apiOverridesFromEnv } from '../apiEndpoints';
import { startRuntime } from '../runtime';
import { openSecretStore } from '../secrets/openSecretStore';
import { startResettableRuntime } from './resettableRuntime';
import { startHarness } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'renderer-dir': { type: 'string' },
      'latency-ms': { type: 'string' },
      // e2e: a fleet of this many synthetic apps (the bench's), for stories about a large fleet.
      'synthetic-apps': { type: 'string' },
      'url-file': { type: 'string' },
      'data-dir': { type: 'string' },
      // Tests: real contexts talk to the sandbox, which accepts these extra tokens.
      'accounts-api': { type: 'string' },
      'grant-token': { type: 'string', multiple: true },
      // Tests reload the page far faster than a person: they may raise the per-minute limit.
      'rate-limit-per-minute': { type: 'string' },
      // e2e: lets a story inject faults into the sandbox cloud and count what it holds.
      'sandbox-controls': { type: 'boolean' },
      // Real contexts' APIs elsewhere (GitHub Enterprise, a proxy), as doctl's --api-url.
      'digitalocean-api': { type: 'string' },
      'supabase-api': { type: 'string' },
      'github-api': { type: 'string' },
    },
  });
  const flagged = {
    ...(values['digitalocean-api'] ? { digitalocean: values['digitalocean-api'] } : {}),
    ...(values['supabase-api'] ? { supabase: values['supabase-api'] } : {}),
    ...(values['github-api'] ? { github: values['github-api'] } : {}),
  };
  const grants = (values['grant-token'] ?? []).map((spec) => {
    const [token = '', api = 'digitalocean', scopes = 'read-write'] = spec.split(':');
    return { token, api: api as 'digitalocean' | 'supabase' | 'github', scopes: scopes as 'read-write' | 'read-only' };
  });
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : undefined;
  const start = async () =>
    startRuntime({
      // Opened per runtime: where there is no keychain, a reset forgets the tokens kept in memory.
      secrets: await openSecretStore(),
      accountApis: values['accounts-api'] === 'sandbox' ? 'sandbox' : 'real',
      // The same variables as the Electron app, with the flags winning.
      apiUrls: { ...apiOverridesFromEnv(process.env), ...flagged },
      grantSandboxTokens: grants,
      // The activity log lives here; by default a fresh temporary folder per run.
      ...(dataDir ? { dataDir } : {}),
      sandbox: {
        latencyMs: values['latency-ms'] ? Number(values['latency-ms']) : 0,
        ...(values['synthetic-apps'] ? { syntheticApps: Number(values['synthetic-apps']) } : {}),
        ...(values['rate-limit-per-minute']
          ? { rateLimits: { perHour: 5000 * 20, perMinute: Number(values['rate-limit-per-minute']) } }
          : {}),
      },
    });
  const runtime = await startResettableRuntime(start, dataDir);
  // Loaded only when asked for, like the sandbox itself.
  const controls = values['sandbox-controls']
    ? (await import('./sandboxControls')).sandboxControls(runtime.current, runtime.reset)
    : undefined;
  const harness = await startHarness({
    dispatcher: runtime.current().dispatcher,
    rendererDir: resolve(values['renderer-dir'] ?? 'out/renderer'),
    port: values.port ? Number(values.port) : 0,
    ...(controls ? { controls } : {}),
  });
  runtime.serveOn(harness);
  process.stdout.write(`Fleetdeck web: ${harness.url}\n`);
  if (values['url-file']) {
    await mkdir(dirname(values['url-file']), { recursive: true });
    await writeFile(values['url-file'], harness.url);
  }

  const stop = async () => {
    await harness.close();
    await runtime.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Fleetdeck web could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
