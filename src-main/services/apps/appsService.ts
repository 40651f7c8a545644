// The apps domain: the fleet overview, one app's detail, and health across the fleet.
import type { AppDetail, AppHealthSummary, CachedFleet, FleetSnapshot } from '../../../src-preload/contract';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { App } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { inBackground } from '../../clients/http/requestGate';
import { addCosts } from '../costs/pricing';
import { componentsOf, summarizeDeployment, summarizeHealth, toFleetApp } from './appView';
import type { RequestBudget } from '../budget/requestBudget';
import { FleetHealth, type FleetHealthOptions } from './fleetHealth';
import type { InstanceSizeCache } from './instanceSizeCache';
import type { FleetBaseline } from './fleetChanges';
import { FleetCache, type FleetCacheOptions } from './fleetCache';

type AppsClient = Pick<
  DigitalOceanClient,
  'listApps' | 'listProjects' | 'getApp' | 'listDeployments' | 'getAppHealth' | 'rateLimit'
>;

export interface AppsServiceOptions {
  /** The context's request budget: spaces the fleet watch's reads by the fleet's size. */
  budget?: Pick<RequestBudget, 'backgroundPerHour' | 'backgroundPausedUntil'>;
  health?: FleetHealthOptions;
  /** Where the context's last fleet is kept for the next start; without it nothing is kept. */
  cache?: FleetCacheOptions;
}

/** The share of background reads the fleet watch may use; health gets the rest. */
const FLEET_WATCH_SHARE = 0.25;
const APPS_PER_PAGE = 200;

export class AppsService {
  private projectNames: Promise<ReadonlyMap<string, string>> | undefined;
  /** The fleet's own hostnames (live URLs and spec domains) from the last list: links the window may open. */
  private fleetHosts: ReadonlySet<string> = new Set();
  private fleetSize = 0;
  private readonly health: FleetHealth;
  private readonly cache: FleetCache | undefined;
  /**
   * Replaced on every read the window asks for: a fleet watch then knows its window holds another
   * fleet — the one read, which the watch's next update can be told against (see FleetBaseline).
   */
  private userRead: FleetBaseline = {};

  constructor(
    private readonly client: AppsClient,
    private readonly sizes: InstanceSizeCache,
    private readonly options: AppsServiceOptions = {},
  ) {
    this.health = new FleetHealth(async (id) => summarizeHealth(await this.client.getAppHealth(id)), options.health);
    this.cache = options.cache ? new FleetCache(options.cache) : undefined;
    // Read now, while the window loads: the kept fleet is the renderer's first question.
    void this.cache?.read();
  }

  /** The list (pages in parallel), with the cached size list and project names side by side. */
  async listFleet(): Promise<FleetSnapshot> {
    const snapshot = (await this.fleetAndApps()).snapshot;
    this.userRead = { read: snapshot };
    return snapshot;
  }

  /** The fleet as kept on disk at the last read, for a start that paints before the API answers. */
  async getCachedFleet(): Promise<CachedFleet | null> {
    return (await this.cache?.read()) ?? null;
  }

  /** What the window's fleet was last read by, besides the watch: see FleetChangeTracker. */
  fleetBaseline(): FleetBaseline {
    return this.userRead;
  }

  /** Writes the kept fleet now (quit). */
  flushCache(): Promise<void> {
    return this.cache?.flush() ?? Promise.resolve();
  }

  /** The fleet and the apps it was read from (specs, deployments, domains), for domains that join on them. */
  async fleetAndApps(): Promise<{ snapshot: FleetSnapshot; apps: App[] }> {
    const [apps, catalog, projects] = await Promise.all([
      this.client.listApps(),
      this.sizes.catalog(),
      this.projects(),
    ]);
    const rows = apps.map((app) => toFleetApp(app, catalog, projects)).sort((a, b) => a.name.localeCompare(b.name));
    this.fleetSize = apps.length;
    this.fleetHosts = new Set(
      apps.flatMap((app) => [
        ...(app.spec?.domains ?? []).map((d) => d.domain.toLowerCase()),
        ...[app.live_url, app.default_ingress].flatMap((url) => (url ? [hostOf(url)] : [])),
      ]),
    );
    const rateLimit = this.client.rateLimit;
    const snapshot: FleetSnapshot = {
      fetchedAt: new Date().toISOString(),
      apps: rows,
      monthlyCost: addCosts(rows.map((r) => r.monthlyCost)),
      ...(rateLimit ? { rateLimit } : {}),
    };
    this.cache?.offer(snapshot);
    return { snapshot, apps };
  }

  /** The fleet watch's read: background work, waiting for the request budget. */
  async refreshFleet(): Promise<FleetSnapshot> {
    return (await inBackground('fleet', () => this.fleetAndApps())).snapshot;
  }

  /**
   * How far apart the fleet watch's reads must be: its interval, or longer for a fleet of many
   * pages, so the list keeps to its part of the background budget (2,000 apps are 10 requests a read).
   */
  fleetWatchGapMs(intervalMs: number): number {
    const budget = this.options.budget;
    if (!budget) return intervalMs;
    const pages = Math.max(1, Math.ceil(this.fleetSize / APPS_PER_PAGE));
    return Math.max(intervalMs, Math.ceil((pages * 3_600_000) / budget.backgroundPerHour(FLEET_WATCH_SHARE)));
  }

  /** Until when background reads wait after a 429 (or the API reporting little left). */
  backgroundPausedUntil(): number | undefined {
    return this.options.budget?.backgroundPausedUntil();
  }

  /** Hostnames of this context's apps, as of the last fleet read. */
  knownHosts(): ReadonlySet<string> {
    return this.fleetHosts;
  }

  /**
   * Project names, read once. A token without project:read still gets a fleet, grouped by name;
   * a failed read is retried on the next refresh.
   */
  private projects(): Promise<ReadonlyMap<string, string>> {
    this.projectNames ??= this.client.listProjects().then(
      (list) => new Map(list.filter((p) => p.id && p.name).map((p) => [p.id!, p.name!])),
      () => {
        this.projectNames = undefined;
        return new Map();
      },
    );
    return this.projectNames;
  }

  async getAppDetail(appId: string): Promise<AppDetail> {
    const [app, deployments, catalog, projects, health] = await Promise.all([
      this.client.getApp(appId),
      this.client.listDeployments(appId),
      this.sizes.catalog(),
      this.projects(),
      // Health failing must not hide the rest of the detail: it is reported beside it.
      this.client.getAppHealth(appId).then(
        (h): AppHealthSummary | Error => summarizeHealth(h),
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
    ]);
    const healthError = health instanceof Error ? asApiError(health).toFleetError() : undefined;
    const healthSummary = health instanceof Error ? undefined : health;
    if (healthSummary) this.health.record(appId, healthSummary);
    const components = componentsOf(app.spec, catalog).map((c) => {
      const componentHealth = healthSummary?.components[c.name];
      return componentHealth ? { ...c, health: componentHealth } : c;
    });
    return {
      app: toFleetApp(app, catalog, projects),
      components,
      deployments: deployments.map(summarizeDeployment),
      domains: (app.domains ?? []).map((d) => ({
        name: d.spec?.domain ?? '',
        ...(d.spec?.type ? { type: d.spec.type } : {}),
        ...(d.phase ? { phase: d.phase } : {}),
        ...(d.certificate_expires_at ? { certificateExpiresAt: d.certificate_expires_at } : {}),
      })),
      ...(healthSummary ? { health: healthSummary } : {}),
      ...(healthError ? { healthError } : {}),
      ...(app.default_ingress ? { defaultIngress: app.default_ingress } : {}),
      ...(app.created_at ? { createdAt: app.created_at } : {}),
    };
  }

  /**
   * Health of many apps as known now, each with when it was read (`pending` if never yet); the
   * apps are re-read in the background, longest-unread first, within the request budget.
   */
  async getFleetHealth(appIds: readonly string[]): Promise<Record<string, AppHealthSummary>> {
    return this.health.answer(appIds);
  }
}

function asApiError(error: Error): ApiError {
  return error instanceof ApiError ? error : new ApiError({ code: 'internal', message: 'Health could not be read.' });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
