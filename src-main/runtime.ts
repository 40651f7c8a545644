// Puts the main process together: with no DigitalOcean token it starts the sandbox cloud on the
// demo fleet and points the real client at it; every service then talks real HTTP either way.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvironmentInfo } from '../src-preload/contract';
import { ContractDispatcher, type ErrorMapper, type MethodHandlers, type StreamHandlers } from './bridge/dispatcher';
import { appsMethodHandlers, appsStreamHandlers } from './bridge/domains/apps';
import { deploysMethodHandlers, deploysStreamHandlers, type DeploysDomain } from './bridge/domains/deploys';
import { DIGITALOCEAN_API_URL, DigitalOceanClient } from './clients/digitalocean/client';
import { createLogger, type Logger } from './logging/logger';
import { registerSecret } from './logging/redact';
import { buildDemoFleet } from './sandbox/seed/demoFleet';
import { buildSyntheticFleet } from './sandbox/seed/synthetic';
import { startSandbox, type RunningSandbox } from './sandbox/server';
import { createClock, type SandboxState } from './sandbox/state';
import type { RateLimitOptions } from './sandbox/rateLimiter';
import { AppsService } from './services/apps';
import { createDeploysDomain } from './services/deploys';
import { InstanceSizeCache } from './services/instanceSizeCache';

export const APP_VERSION = '0.1.0';

export interface RuntimeOptions {
  /** A real DigitalOcean token; without one the demo fleet runs in the sandbox cloud. */
  digitalOceanToken?: () => Promise<string | undefined>;
  logger?: Logger;
  /** Where the app keeps its files (activity log, drafts); a fresh temporary folder by default. */
  dataDir?: string;
  /** How often running deployments are re-read (ms). */
  deployPollMs?: number;
  /** How long a rolling deploy waits for HEALTHY after ACTIVE. */
  healthChecks?: { attempts: number; intervalMs: number };
  sandbox?: {
    /** Synthetic tenant apps instead of the demo fleet (benchmarks). */
    syntheticApps?: number;
    latencyMs?: number;
    rateLimits?: RateLimitOptions;
    nowMs?: number;
  };
}

export interface Runtime {
  dispatcher: ContractDispatcher;
  environment: EnvironmentInfo;
  sandbox?: RunningSandbox;
  /** The per-run credential the sandbox accepts (demo mode only; never leaves the main process). */
  sandboxToken?: string;
  apps: AppsService;
  deploys: DeploysDomain;
  dataDir: string;
  dispose(): Promise<void>;
}

export function createSandboxState(options: RuntimeOptions['sandbox'] = {}): { state: SandboxState; token: string } {
  const nowMs = options.nowMs ?? Date.now();
  const records = options.syntheticApps
    ? buildSyntheticFleet({ count: options.syntheticApps, nowMs })
    : buildDemoFleet({ nowMs });
  // A fresh token per run: the sandbox enforces Bearer auth like the real API.
  const token = `sandbox_${randomBytes(16).toString('hex')}`;
  return {
    token,
    state: {
      clock: createClock(nowMs),
      apps: new Map(records.map((r) => [r.app.id!, r])),
      tokens: new Map([[token, { scopes: 'read-write' }]]),
    },
  };
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.logger ?? createLogger();
  const realToken = await options.digitalOceanToken?.();
  let sandbox: RunningSandbox | undefined;
  let baseUrl = DIGITALOCEAN_API_URL;
  let token: string;
  if (realToken) {
    token = realToken;
  } else {
    const demo = createSandboxState(options.sandbox);
    sandbox = await startSandbox({ state: demo.state, rateLimits: options.sandbox?.rateLimits });
    sandbox.faults.latencyMs = options.sandbox?.latencyMs ?? 0;
    baseUrl = sandbox.url;
    token = demo.token;
    log.info(`demo fleet: sandbox cloud on ${sandbox.url}`);
  }
  registerSecret(token);

  const client = new DigitalOceanClient({ baseUrl, token: () => token });
  const sizes = new InstanceSizeCache(client);
  const apps = new AppsService(client, sizes);
  const environment: EnvironmentInfo = sandbox
    ? { mode: 'demo', contextName: 'Demo fleet', sandboxUrl: sandbox.url, appVersion: APP_VERSION }
    : { mode: 'live', contextName: 'DigitalOcean', appVersion: APP_VERSION };

  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fleetdeck-'));
  const deploys = createDeploysDomain({
    client,
    sizes,
    dataDir,
    context: environment.contextName,
    log,
    pollMs: options.deployPollMs,
    healthChecks: options.healthChecks,
  });
  const toError: ErrorMapper = (operation, error) => dispatcher.toFleetError(operation, error);
  const methods: MethodHandlers = { ...appsMethodHandlers(apps, environment), ...deploysMethodHandlers(deploys) };
  const streams: StreamHandlers = { ...appsStreamHandlers(apps, toError), ...deploysStreamHandlers(deploys, toError) };
  const dispatcher = new ContractDispatcher(methods, streams, log);

  return {
    dispatcher,
    environment,
    sandbox,
    ...(sandbox ? { sandboxToken: token } : {}),
    apps,
    deploys,
    dataDir,
    dispose: async () => {
      await deploys.audit.flush();
      await sandbox?.close();
    },
  };
}
