// One account context's services: a DigitalOcean client with that context's token (or the
// sandbox's, for the demo fleet) and every domain service built on it. Switching context builds
// a new session; the Activity log and notices outlive sessions.
import type { EnvironmentInfo } from '../src-preload/contract';
import { isDemoContext } from '../src-preload/contract/accounts';
import type { ErrorMapper } from './bridge/dispatcher';
import { DigitalOceanClient, type DigitalOceanClientOptions } from './clients/digitalocean/client';
import { ApiError } from './clients/http/apiError';
import type { Logger } from './logging/logger';
import type { RunningSandbox } from './sandbox/server';
import type { AccountsService } from './services/accounts/accountsService';
import { AppsService } from './services/apps/appsService';
import { RequestBudget } from './services/budget/requestBudget';
import { createDeploysDomain, type DeploysDomain } from './services/deploys';
import type { AuditLog } from './services/deploys/auditLog';
import type { NoticeHub } from './services/deploys/notices';
import { InstanceSizeCache } from './services/apps/instanceSizeCache';
import { LogsService } from './services/logs/logsService';
import { createCostsDomain, type CostsDomain } from './services/costs';
import { createDnsDomain, type DnsService } from './services/dns';
import { SpecsService } from './services/specs';
import { createTenantsDomain, type TenantsService } from './services/tenants';
import { supabaseAccessFor } from './services/costs';
import { SupabaseClient } from './clients/supabase/client';
import { GitHubClient } from './clients/github/client';
import { createOnboardingDomain, type OnboardingService } from './services/onboarding';
import type { SecretStore } from './secrets/secretStore';
import { UptimeClient } from './clients/digitalocean/uptime';
import { createUptimeDomain, type UptimeDomain } from './services/uptime';
import { InfrastructureClient } from './clients/digitalocean/infrastructure';
import { createInfrastructureDomain, type InfrastructureService } from './services/infrastructure';

export const APP_VERSION = '0.1.0';

export interface Session {
  context: string;
  environment: EnvironmentInfo;
  client: DigitalOceanClient;
  /** The context's DigitalOcean request budget, shared by every service through the client. */
  budget: RequestBudget;
  apps: AppsService;
  deploys: DeploysDomain;
  logs: LogsService;
  costs: CostsDomain;
  specs: SpecsService;
  dns: DnsService;
  tenants: TenantsService;
  onboarding: OnboardingService;
  uptime: UptimeDomain;
  /** Droplets, load balancers and database clusters beside the apps (#18). */
  infrastructure: InfrastructureService;
  /** Drafts written, live log sockets closed: the context's services stop for good (quit). */
  dispose(): Promise<void>;
}

export interface SessionDeps {
  /**
   * The sandbox cloud and the demo context's token: there once started, always for a demo
   * context (the demo fleet's cloud, or the staging account's for "Demo staging").
   */
  sandbox?: RunningSandbox;
  sandboxToken?: string;
  /** Base URL of the DigitalOcean API for real contexts (the sandbox in tests and the harness). */
  digitalOceanUrl: string;
  accounts: AccountsService;
  audit: AuditLog;
  notices: NoticeHub;
  dataDir: string;
  /** The OS keychain (or memory store): onboarding keeps a run's generated DB password there. */
  keychain: SecretStore;
  log: Logger;
  toError: ErrorMapper;
  deployPollMs?: number;
  healthChecks?: { attempts: number; intervalMs: number };
  /** Supabase Management API base for real contexts, and the token the sandbox's Supabase accepts for the demo fleet. */
  supabase: { url: string; demoToken?: string };
  /** GitHub's REST API base for real contexts (GitHub Enterprise allowed), and the sandbox's demo token. */
  github: { url: string; demoToken?: string };
}

/**
 * What a demo context runs on; a live context's session never needs it (and may be built without
 * it). The staging account has DigitalOcean only: its Supabase and GitHub read as not connected.
 */
function demoCloudOf(deps: SessionDeps) {
  const { sandbox, sandboxToken, supabase, github } = deps;
  if (!sandbox || !sandboxToken) throw new Error('The demo context needs the sandbox cloud started first.');
  return { sandbox, token: sandboxToken, supabaseToken: supabase.demoToken, githubToken: github.demoToken };
}

export function buildSession(context: string, deps: SessionDeps): Session {
  const demo = isDemoContext(context);
  const cloud = demo ? demoCloudOf(deps) : undefined;
  const key = { provider: 'digitalocean' as const, context };
  // One per token: the API counts its limits per token, and every service here uses this client.
  const budget = new RequestBudget();
  const digitalOcean: DigitalOceanClientOptions = {
    gate: budget,
    baseUrl: cloud ? cloud.sandbox.url : deps.digitalOceanUrl,
    token: cloud
      ? () => cloud.token
      : async () => {
          const token = await deps.accounts.tokenFor('digitalocean', context);
          if (!token) {
            throw new ApiError({
              code: 'unauthorized',
              message: `Context "${context}" has no DigitalOcean token: add one in Settings → Accounts.`,
            });
          }
          return token;
        },
    // A token revoked while in use: the account says so, rather than the fleet going quiet.
    onUnauthorized: demo
      ? undefined
      : (error) => void deps.accounts.markNeedsAttention(key, error.message).catch(() => {}),
  };
  const client = new DigitalOceanClient(digitalOcean);
  const sizes = new InstanceSizeCache(client);
  const environment: EnvironmentInfo = cloud
    ? { mode: 'demo', contextName: context, sandboxUrl: cloud.sandbox.url, appVersion: APP_VERSION }
    : { mode: 'live', contextName: context, appVersion: APP_VERSION };
  const deploys = createDeploysDomain({
    client,
    sizes,
    dataDir: deps.dataDir,
    context,
    log: deps.log,
    audit: deps.audit,
    notices: deps.notices,
    pollMs: deps.deployPollMs,
    healthChecks: deps.healthChecks,
  });
  const logs = new LogsService(client, { toError: deps.toError });
  const specs = new SpecsService({ client, sizes, deploys, dataDir: deps.dataDir, context, log: deps.log });
  const apps = new AppsService(client, sizes, { budget, cache: { dataDir: deps.dataDir, context } });
  const infrastructure = createInfrastructureDomain({
    client: new InfrastructureClient(digitalOcean),
    fleet: client,
    context,
    audit: deps.audit,
  });
  // The by-tenant cost bars carry the tenants matrix's Supabase share (the tenants domain is made below).
  const costs = createCostsDomain(
    client,
    sizes,
    supabaseContextOf(context, cloud, deps),
    (list) => tenants.supabaseShares(list),
    (fleet) => infrastructure.readForCosts(fleet),
  );
  const providers = providerClients(context, cloud, deps);
  const tenants = createTenantsDomain({
    context,
    dataDir: deps.dataDir,
    apps,
    supabaseDirectory: () => costs.supabase.getSupabaseCosts(),
    ...providers,
    audit: deps.audit,
    toError: deps.toError,
    // Presence360's churches: tenants by their databases in the shared cluster, with no app. The
    // read prices only (no health, users, pools) and places them among the matrix's own apps.
    databaseTenants: async (list) => {
      const read = await infrastructure.readForCosts({
        listApps: async () => [...list],
        listProjects: () => client.listProjects(),
      });
      // Clusters the token may not read: said beside the matrix, not shown as "no such tenants".
      const refused = read.problems.find((p) => p.includes('database clusters'));
      if (refused) throw new ApiError({ code: 'forbidden', message: refused });
      return read.tenants;
    },
  });
  const dns = createDnsDomain({
    client,
    network: sandboxDnsFor(demo, deps),
    activity: { audit: deps.audit, context },
  });
  const onboarding = createOnboardingDomain({
    ...deps,
    context,
    client,
    apps,
    specs,
    dns,
    supabase: providers.supabase,
    supabaseDirectory: () => costs.supabase.getSupabaseCosts(),
  });
  const uptime = createUptimeDomain({
    client: new UptimeClient(digitalOcean),
    apps: async () => (await apps.fleetAndApps()).apps,
    app: (appId) => client.getApp(appId),
    dataDir: deps.dataDir,
    context,
    audit: deps.audit,
    toMessage: (error) => deps.toError('uptime', error).message,
  });
  return {
    context,
    environment,
    client,
    budget,
    apps,
    deploys,
    logs,
    costs,
    specs,
    tenants,
    onboarding,
    dns,
    uptime,
    infrastructure,
    dispose: async () => {
      onboarding.dispose();
      logs.dispose();
      // The fleet cache's last write lands before the data folder may be removed or the app quits.
      await Promise.all([specs.flush(), apps.flushCache()]);
    },
  };
}

/**
 * The context's Supabase and GitHub clients, each answering "not connected" (undefined) while the
 * context has no token of that provider; the token is asked for on every request, never kept.
 */
function providerClients(context: string, cloud: DemoCloudOf | undefined, deps: SessionDeps) {
  const supabaseAccess = supabaseAccessFor(supabaseContextOf(context, cloud, deps));
  const required = (provider: string, token: () => Promise<string | undefined>) => async () => {
    const found = await token();
    if (!found)
      throw new ApiError({
        code: 'unauthorized',
        message: `Context "${context}" has no ${provider} token: add one in Settings → Accounts.`,
      });
    return found;
  };
  const supabase = new SupabaseClient({
    baseUrl: supabaseAccess.baseUrl,
    token: required('Supabase', supabaseAccess.token),
    onUnauthorized: (error) => supabaseAccess.onUnauthorized?.(error.message),
  });
  const githubToken = cloud ? async () => cloud.githubToken : () => deps.accounts.tokenFor('github', context);
  const github = new GitHubClient({
    baseUrl: cloud ? `${cloud.sandbox.url}/github` : deps.github.url,
    token: required('GitHub', githubToken),
    onUnauthorized: cloud
      ? undefined
      : (error) =>
          void deps.accounts.markNeedsAttention({ provider: 'github', context }, error.message).catch(() => {}),
  });
  return {
    supabase: async () => ((await supabaseAccess.token()) ? supabase : undefined),
    github: async () => ((await githubToken()) ? github : undefined),
  };
}

type DemoCloudOf = ReturnType<typeof demoCloudOf>;

/** The costs domain's view of where the context's Supabase is (the sandbox's, for the demo fleet). */
function supabaseContextOf(context: string, cloud: DemoCloudOf | undefined, deps: SessionDeps) {
  return {
    demo: cloud !== undefined,
    context,
    // Read only for the demo fleet, which always has its cloud.
    sandboxUrl: cloud?.sandbox.url ?? '',
    supabase: { url: deps.supabase.url, demoToken: cloud?.supabaseToken ?? '' },
    accounts: deps.accounts,
  };
}

/** The sandbox's loopback DNS answers for the demo fleet, and for real contexts pointed at the sandbox. */
function sandboxDnsFor(demo: boolean, deps: SessionDeps) {
  return deps.sandbox && (demo || deps.digitalOceanUrl === deps.sandbox.url) ? deps.sandbox.dns : {};
}
