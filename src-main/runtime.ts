// Puts the main process together. The sandbox cloud is the demo fleet's context and, in tests and
// the harness, the API real contexts talk to; it starts only when one of those needs it. Each
// account context gets a session of services; the contract's handlers forward to whichever
// session is active.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNT_PROVIDERS, type EnvironmentInfo } from '../src-preload/contract';
import { DEMO_CONTEXT, DEMO_STAGING_CONTEXT } from '../src-preload/contract/accounts';
import { ContractDispatcher, type ErrorMapper, type MethodHandlers, type StreamHandlers } from './bridge/dispatcher';
import { accountsMethodHandlers, accountsStreamHandlers } from './bridge/domains/accounts';
import { alertsMethodHandlers } from './bridge/domains/alerts';
import { appsMethodHandlers, appsStreamHandlers } from './bridge/domains/apps';
import { costsMethodHandlers } from './bridge/domains/costs';
import { deploysMethodHandlers, deploysStreamHandlers } from './bridge/domains/deploys';
import type { DeploysDomain } from './services/deploys';
import { dnsMethodHandlers } from './bridge/domains/dns';
import { logsMethodHandlers, logsStreamHandlers } from './bridge/domains/logs';
import { specsMethodHandlers } from './bridge/domains/specs';
import { tenantsMethodHandlers } from './bridge/domains/tenants';
import { MenuCommandHub, shellMethodHandlers, shellStreamHandlers } from './bridge/domains/shell';
import { onboardingMethodHandlers, onboardingStreamHandlers } from './bridge/domains/onboarding';
import { uptimeMethodHandlers } from './bridge/domains/uptime';
import { infrastructureMethodHandlers } from './bridge/domains/infrastructure';
import { createFileLogger, type Logger } from './logging/logger';
import { registerSecret } from './logging/redact';
import type { DemoCloud, DemoCloudOptions } from './sandbox/demoCloud';
import type { StagingCloud } from './sandbox/stagingCloud';
import type { RunningSandbox } from './sandbox/server';
import type { SandboxToken } from './sandbox/state';
import { MemorySecretStore, type SecretStore } from './secrets/secretStore';
import { AccountsService } from './services/accounts/accountsService';
import { AlertsService } from './services/alerts/alertsService';
import type { ApiEndpoints } from './services/accounts/tokenValidators';
import { resolveEndpoints } from './apiEndpoints';
import type { AppsService } from './services/apps/appsService';
import { AuditLog } from './services/deploys/auditLog';
import { NoticeHub } from './services/deploys/notices';
import { buildSession, type Session } from './session';

export { APP_VERSION } from './session';
export const LOG_FILE = 'fleetdeck.log';

export interface RuntimeOptions {
  /** The OS keychain (or a memory store where there is none); tests pass a memory store. */
  secrets?: SecretStore & { problem?: string };
  /**
   * Where real contexts' APIs are. Real by default; 'sandbox' points them at the sandbox cloud,
   * for tests and the harness (tokens granted with `grantSandboxTokens`).
   */
  accountApis?: 'real' | 'sandbox';
  /** Base URLs replacing the public APIs for real contexts (GitHub Enterprise, a proxy); each is checked. */
  apiUrls?: Partial<ApiEndpoints>;
  /** Tokens the sandbox accepts besides its own, e.g. a test's sentinel token. */
  grantSandboxTokens?: Array<{ token: string } & SandboxToken>;
  logger?: Logger;
  /** Where the app keeps its files (activity log, accounts); a fresh temporary folder by default. */
  dataDir?: string;
  /** The Electron shell shows notices as desktop notifications (so the window does not toast them). */
  desktopNotices?: boolean;
  /** How often running deployments are re-read (ms). */
  deployPollMs?: number;
  /** How long a rolling deploy waits for HEALTHY after ACTIVE. */
  healthChecks?: { attempts: number; intervalMs: number };
  sandbox?: DemoCloudOptions;
}

export interface Runtime {
  dispatcher: ContractDispatcher;
  /** The active context's environment. */
  readonly environment: EnvironmentInfo;
  /**
   * The sandbox cloud. Started before startRuntime returns when the demo context is active or
   * accountApis is 'sandbox' (every test and the harness), else on the first switch to the demo
   * context; reading it before then is a mistake and throws.
   */
  readonly sandbox: RunningSandbox;
  /** The per-run credential the sandbox accepts for the demo fleet (never leaves the main process). */
  readonly sandboxToken: string;
  /** Whether the sandbox cloud has been started (a live-only run never starts it). */
  readonly sandboxStarted: boolean;
  /** The demo's staging account (the "Demo staging" context's sandbox), once switched to; else undefined. */
  readonly stagingSandbox: RunningSandbox | undefined;
  accounts: AccountsService;
  /** The active context's services (they change when the context does). */
  apps: AppsService;
  deploys: DeploysDomain;
  /** The native menu's commands on their way to the window (nothing emits them outside Electron). */
  menuCommands: MenuCommandHub;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fleetdeck-'));
  // The log lives with the app's other files, so a user can send it and a test can search it.
  const log = options.logger ?? createFileLogger(join(dataDir, LOG_FILE));

  // The sandbox's code is loaded by a dynamic import, and it starts, only when the demo context
  // is (or becomes) active or real contexts are pointed at it; a user on live accounts never runs
  // it. One start per run, shared by whoever asks first; a failed start may be tried again.
  // Tests and the harness read `runtime.sandbox` synchronously: they run on the demo context or
  // with accountApis 'sandbox', where it is started before startRuntime returns, so the accessor
  // stays a plain property rather than a promise every test would have to await.
  const main = lazyCloud(async () => {
    const { startDemoCloud } = await import('./sandbox/demoCloud');
    const started = await startDemoCloud(options.sandbox, options.grantSandboxTokens);
    registerSecret(started.token);
    registerSecret(started.supabaseToken);
    registerSecret(started.githubToken);
    log.info(`sandbox cloud on ${started.sandbox.url}`);
    return started;
  });
  // The demo's staging account (Presence360's staging, guide 002) is a sandbox world of its own,
  // started the same lazy way on the first switch to its context (see sandbox/stagingCloud.ts).
  const staging = lazyCloud(async () => {
    const { startStagingCloud } = await import('./sandbox/stagingCloud');
    const started = await startStagingCloud(options.sandbox);
    registerSecret(started.token);
    log.info(`sandbox staging account on ${started.sandbox.url}`);
    return started;
  });
  const startCloud = main.start;
  const startedCloud = (): DemoCloud => {
    const cloud = main.current();
    if (!cloud) throw new Error('The sandbox cloud runs only for the demo context or with accountApis "sandbox".');
    return cloud;
  };

  const sandboxApis = options.accountApis === 'sandbox' ? (await startCloud()).sandbox.url : undefined;
  const endpoints: ApiEndpoints = sandboxApis
    ? { digitalocean: sandboxApis, supabase: `${sandboxApis}/supabase`, github: `${sandboxApis}/github` }
    : resolveEndpoints(options.apiUrls);
  // Shown in Settings, so a user on an unusual endpoint always sees where tokens go.
  const apiOverrides = options.accountApis === 'sandbox' ? {} : pickOverrides(options.apiUrls, endpoints);
  const secrets: SecretStore & { problem?: string } = options.secrets ?? new MemorySecretStore();
  const audit = new AuditLog(dataDir);
  const notices = new NoticeHub();
  const menuCommands = new MenuCommandHub();

  let session: Session;
  // A context's services live for the whole run: switching back finds its rolling deploys and
  // caches where they were.
  const sessions = new Map<string, Session>();
  const toError: ErrorMapper = (operation, error) => dispatcher.toFleetError(operation, error);
  const accounts = new AccountsService({
    keychain: secrets,
    keychainProblem: secrets.problem,
    dataDir,
    endpoints,
    onContextChange: async (context) => {
      session = await sessionFor(context);
      log.info(`switched to context ${context}`);
    },
  });
  const build = (context: string, demoCloud: DemoCloud | StagingCloud | undefined) =>
    buildSession(context, {
      sandbox: demoCloud?.sandbox,
      sandboxToken: demoCloud?.token,
      digitalOceanUrl: endpoints.digitalocean,
      accounts,
      audit,
      notices,
      dataDir,
      keychain: secrets,
      log,
      toError,
      deployPollMs: options.deployPollMs,
      healthChecks: options.healthChecks,
      supabase: {
        url: endpoints.supabase,
        demoToken: demoCloud && 'supabaseToken' in demoCloud ? demoCloud.supabaseToken : undefined,
      },
      github: {
        url: endpoints.github,
        demoToken: demoCloud && 'githubToken' in demoCloud ? demoCloud.githubToken : undefined,
      },
    });
  const sessionFor = async (context: string) => {
    const demoCloud =
      context === DEMO_CONTEXT
        ? await startCloud()
        : context === DEMO_STAGING_CONTEXT
          ? await staging.start()
          : main.current();
    // Looked up after the await: two switches at once must share one session.
    let found = sessions.get(context);
    if (!found) {
      found = build(context, demoCloud);
      sessions.set(context, found);
    }
    return found;
  };
  await accounts.load();
  session = await sessionFor(accounts.activeContext);

  // Every handler asks for the active session when it runs, never once at start: an action after
  // a switch must use the new context's token, and the Activity log must name that context.
  const current = () => session;
  const methods: MethodHandlers = {
    ...appsMethodHandlers(
      () => current().apps,
      () => environmentOf(current()),
    ),
    ...deploysMethodHandlers(() => current().deploys),
    ...logsMethodHandlers(),
    ...costsMethodHandlers(() => current().costs),
    ...accountsMethodHandlers(accounts),
    ...specsMethodHandlers(() => current().specs),
    ...dnsMethodHandlers(() => current().dns),
    ...tenantsMethodHandlers(() => current().tenants),
    ...alertsMethodHandlers(() => new AlertsService(current().client)),
    ...onboardingMethodHandlers(() => current().onboarding),
    ...uptimeMethodHandlers(() => current().uptime),
    ...infrastructureMethodHandlers(() => current().infrastructure),
    ...shellMethodHandlers(),
  };
  const streams: StreamHandlers = {
    ...appsStreamHandlers(() => current().apps, toError),
    ...deploysStreamHandlers(() => current().deploys, toError),
    ...logsStreamHandlers(() => current().logs),
    ...accountsStreamHandlers(accounts),
    ...onboardingStreamHandlers(() => current().onboarding, toError),
    ...shellStreamHandlers(menuCommands),
  };
  const dispatcher = new ContractDispatcher(methods, streams, log);

  /** The session's environment, with what its account may not do (read-only, needs attention). */
  function environmentOf(current: Session): EnvironmentInfo {
    const environment: EnvironmentInfo = {
      ...current.environment,
      ...(options.desktopNotices ? { desktopNotices: true } : {}),
      ...(Object.keys(apiOverrides).length > 0 ? { apiOverrides } : {}),
    };
    if (environment.mode === 'demo') return environment;
    const account = accounts
      .overview()
      .accounts.find((a) => a.provider === 'digitalocean' && a.context === current.context);
    const reason =
      account?.status === 'needs_attention'
        ? account.problem
        : account && !account.scopes.includes('write')
          ? (account.limitations[0] ?? 'The DigitalOcean token of this context is read-only.')
          : undefined;
    return reason ? { ...environment, readOnlyReason: reason } : environment;
  }

  return {
    dispatcher,
    get environment() {
      return environmentOf(session);
    },
    get sandbox() {
      return startedCloud().sandbox;
    },
    get sandboxToken() {
      return startedCloud().token;
    },
    get sandboxStarted() {
      return main.current() !== undefined;
    },
    get stagingSandbox() {
      return staging.current()?.sandbox;
    },
    accounts,
    get apps() {
      return current().apps;
    },
    get deploys() {
      return current().deploys;
    },
    menuCommands,
    dataDir,
    dispose: async () => {
      await Promise.all([...sessions.values()].map((s) => s.dispose()));
      await audit.flush();
      // A start still under way is waited for, so its ports are closed too.
      await Promise.all([main.close(), staging.close()]);
      // A folder made for this run only (none was given) goes with it.
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A sandbox world started on first use: one start per run, shared by whoever asks first; a failed
 * start may be tried again.
 */
function lazyCloud<T extends { sandbox: RunningSandbox }>(start: () => Promise<T>) {
  let started: T | undefined;
  let starting: Promise<T> | undefined;
  return {
    start: (): Promise<T> =>
      (starting ??= start().then(
        (cloud) => (started = cloud),
        (error: unknown) => {
          starting = undefined;
          throw error;
        },
      )),
    current: (): T | undefined => started,
    close: (): Promise<void> =>
      starting?.then((cloud) => cloud.sandbox.close()).catch(() => undefined) ?? Promise.resolve(),
  };
}

function pickOverrides(requested: Partial<ApiEndpoints> | undefined, resolved: ApiEndpoints): Partial<ApiEndpoints> {
  const picked: Partial<ApiEndpoints> = {};
  for (const provider of ACCOUNT_PROVIDERS) if (requested?.[provider]) picked[provider] = resolved[provider];
  return picked;
}
