// DigitalOcean App Platform calls Fleetdeck makes, typed from the official OpenAPI description.
import type { RateLimitInfo } from '../../../src-preload/contract';
import { ApiError } from '../http/apiError';
import type { components } from './generated';
import { RestClient, type RestClientOptions } from '../http/restClient';
import type {
  App,
  AppHealth,
  AppRegion,
  AppSpec,
  Balance,
  BillingHistoryEntry,
  DatabaseCluster,
  Deployment,
  Domain,
  DomainRecord,
  InstanceSize,
  Invoice,
  MetricsSeries,
  Project,
} from './types';

/** An alert the app's spec defines, as the API lists it: id, destinations, set-up phase. */
export type AppAlert = components['schemas']['app_alert'];
export type AlertDestinations = components['schemas']['apps_assign_app_alert_destinations_request'];

export type LogType = 'BUILD' | 'DEPLOY' | 'RUN' | 'RUN_RESTARTED';

/** Short-lived credentials: a signed WebSocket URL and archived files. Never log them. */
export interface LogUrls {
  live_url?: string;
  historic_urls?: string[];
}

export interface RollbackValidation {
  valid?: boolean;
  error?: { code?: string; message?: string; components?: string[] };
  warnings?: Array<{ code?: string; message?: string; components?: string[] }>;
}

/**
 * Protobuf JSON: zero values are left out, so a missing app_cost is $0 (read it with
 * `proposedCost`) and a missing app_name_available is false.
 */
export interface ProposeResult {
  app_cost?: number;
  app_name_available?: boolean;
  spec?: AppSpec;
}

export const proposedCost = (result: ProposeResult): number => result.app_cost ?? 0;

const BAD_APPS_PAGE = {
  code: 'server_error' as const,
  message:
    'DigitalOcean: the answer did not hold the expected apps (a page from a proxy or an empty reply?). Nothing was read from it.',
};

export type DigitalOceanClientOptions = Omit<RestClientOptions, 'service'>;

export class DigitalOceanClient {
  private readonly rest: RestClient;
  /** The token was refused project_id (no project:read): lists go without with_projects. */
  private projectsRefused = false;

  constructor(options: DigitalOceanClientOptions) {
    this.rest = new RestClient({ ...options, service: 'DigitalOcean' });
  }

  get rateLimit(): RateLimitInfo | undefined {
    return this.rest.rateLimit;
  }

  /** Apps with their project_id when the token has project:read (with_projects=true), else without. */
  async listApps(): Promise<App[]> {
    if (!this.projectsRefused) {
      try {
        return await this.listAppPages({ with_projects: true });
      } catch (error) {
        // A custom-scoped token without project:read: grouping by name still works, so ask once
        // without and do not ask with projects again for this client's life.
        if (!(error instanceof ApiError) || error.code !== 'forbidden') throw error;
        this.projectsRefused = true;
      }
    }
    return this.listAppPages({});
  }

  /** How many apps the last list had: a re-read asks for that many pages at once. */
  private lastAppCount = 0;

  /**
   * Every app, 200 a page, the pages side by side rather than one after another: 2,000 apps were
   * ten round trips. The first read learns the total from page 1's meta.total, then reads the rest
   * at once; a re-read asks for as many pages as the last read had, all at once (one round trip
   * while the fleet keeps its size), then for any more the total reveals. At most 10 pages are in
   * flight (the request gate still spaces background reads); past 100 pages (20,000 apps — beyond
   * App Platform's account limits) it stops with an error rather than loop on a bad total. Without
   * a total it follows the next links as before.
   */
  private async listAppPages(params: Record<string, string | number | boolean>): Promise<App[]> {
    const perPage = 200;
    const maxPages = 100;
    const inFlight = 10;
    const readPage = async (page: number) => {
      const body = this.rest.expectObject(
        await this.rest.request<unknown>('GET', '/v2/apps', {
          params: { per_page: perPage, ...params, ...(page > 1 ? { page } : {}) },
        }),
        'apps',
      );
      const meta = body.meta as { total?: unknown } | undefined;
      const links = body.links as { pages?: { next?: string } } | undefined;
      if (body.apps !== undefined && !Array.isArray(body.apps)) throw new ApiError(BAD_APPS_PAGE);
      if (body.apps === undefined && typeof meta?.total !== 'number') throw new ApiError(BAD_APPS_PAGE);
      return {
        apps: (body.apps ?? []) as App[],
        total: typeof meta?.total === 'number' ? meta.total : undefined,
        hasNext: Boolean(links?.pages?.next),
      };
    };
    const readPages = async (from: number, to: number) => {
      const pages: Awaited<ReturnType<typeof readPage>>[] = [];
      for (let start = from; start <= to; start += inFlight) {
        const wave = Array.from({ length: Math.min(inFlight, to - start + 1) }, (_, i) => readPage(start + i));
        pages.push(...(await Promise.all(wave)));
      }
      return pages;
    };

    const guess = Math.min(maxPages, Math.max(1, Math.ceil(this.lastAppCount / perPage)));
    const first = await readPages(1, guess);
    const total = first[0]!.total;
    if (total === undefined) {
      if (guess === 1 && !first[0]!.hasNext) return first[0]!.apps;
      return this.rest.getAllPages<App>('/v2/apps', 'apps', params);
    }
    const pageCount = Math.max(1, Math.ceil(total / perPage));
    if (pageCount > maxPages) {
      throw new ApiError({
        code: 'server_error',
        message: `DigitalOcean reports ${total} apps, more than Fleetdeck lists (${maxPages * perPage}). Nothing was read.`,
      });
    }
    const more = pageCount > guess ? await readPages(guess + 1, pageCount) : [];
    // An app created or deleted between two pages shifts the list: each app is kept once.
    const seen = new Set<string>();
    const apps = [...first.slice(0, pageCount), ...more]
      .flatMap((p) => p.apps)
      .filter((app) => !app.id || (!seen.has(app.id) && Boolean(seen.add(app.id))));
    this.lastAppCount = total;
    return apps;
  }

  /** Needs the project:read scope. */
  listProjects(): Promise<Project[]> {
    return this.rest.getAllPages<Project>('/v2/projects', 'projects');
  }

  async getApp(appId: string): Promise<App> {
    const body = await this.rest.request<unknown>('GET', `/v2/apps/${encodeURIComponent(appId)}`);
    const app = this.rest.expectObject(body, 'app').app;
    return this.rest.expectObject(app, 'app') as App;
  }

  listDeployments(appId: string): Promise<Deployment[]> {
    return this.rest.getAllPages<Deployment>(`/v2/apps/${encodeURIComponent(appId)}/deployments`, 'deployments');
  }

  async getDeployment(appId: string, deploymentId: string): Promise<Deployment> {
    const body = await this.rest.request<{ deployment: Deployment }>(
      'GET',
      `/v2/apps/${encodeURIComponent(appId)}/deployments/${encodeURIComponent(deploymentId)}`,
    );
    return body.deployment;
  }

  /** Not paged: every alert of the app and its components in one answer. */
  async listAlerts(appId: string): Promise<AppAlert[]> {
    const body = await this.rest.request<{ alerts?: AppAlert[] }>('GET', `${appPath(appId)}/alerts`);
    return body.alerts ?? [];
  }

  /** Replaces the alert's emails and Slack webhooks (both: what is left out is removed). */
  async assignAlertDestinations(appId: string, alertId: string, destinations: AlertDestinations): Promise<AppAlert> {
    const body = await this.rest.request<{ alert?: AppAlert }>(
      'POST',
      `${appPath(appId)}/alerts/${encodeURIComponent(alertId)}/destinations`,
      { body: destinations },
    );
    return this.rest.expectObject(body.alert, 'alert');
  }

  async listInstanceSizes(): Promise<InstanceSize[]> {
    const body = await this.rest.request<{ instance_sizes?: InstanceSize[] }>('GET', '/v2/apps/tiers/instance_sizes');
    return body.instance_sizes ?? [];
  }

  async listRegions(): Promise<AppRegion[]> {
    const body = await this.rest.request<{ regions?: AppRegion[] }>('GET', '/v2/apps/regions');
    return body.regions ?? [];
  }

  async getAppHealth(appId: string): Promise<AppHealth> {
    const body = await this.rest.request<{ app_health?: AppHealth }>(
      'GET',
      `/v2/apps/${encodeURIComponent(appId)}/health`,
    );
    return body.app_health ?? {};
  }

  /** Logs of one deployment (all components, or one with `component`). */
  getLogs(
    appId: string,
    deploymentId: string,
    options: { type: LogType; follow: boolean; tailLines?: number; component?: string },
  ): Promise<LogUrls> {
    return this.rest.request<LogUrls>('GET', `${appPath(appId)}/deployments/${encodeURIComponent(deploymentId)}/logs`, {
      params: {
        type: options.type,
        follow: options.follow,
        tail_lines: options.tailLines,
        component_name: options.component,
      },
    });
  }

  // Mutations below are never retried by the transport: a caller that loses the answer re-reads
  // the app's deployments to learn whether it happened.

  async createDeployment(appId: string, forceBuild = false): Promise<Deployment> {
    const body = await this.rest.request<{ deployment: Deployment }>('POST', `${appPath(appId)}/deployments`, {
      body: { force_build: forceBuild },
    });
    return body.deployment;
  }

  async cancelDeployment(appId: string, deploymentId: string): Promise<Deployment> {
    const body = await this.rest.request<{ deployment: Deployment }>(
      'POST',
      `${appPath(appId)}/deployments/${encodeURIComponent(deploymentId)}/cancel`,
    );
    return body.deployment;
  }

  async restartApp(appId: string, components?: string[]): Promise<Deployment> {
    const body = await this.rest.request<{ deployment: Deployment }>('POST', `${appPath(appId)}/restart`, {
      body: components?.length ? { components } : {},
    });
    return body.deployment;
  }

  /** Creates an app from a spec; its first deployment starts at once. */
  async createApp(spec: AppSpec, projectId?: string): Promise<App> {
    const body = await this.rest.request<{ app: App }>('POST', '/v2/apps', {
      body: { spec, ...(projectId ? { project_id: projectId } : {}) },
    });
    return body.app;
  }

  async updateApp(appId: string, spec: AppSpec): Promise<App> {
    const body = await this.rest.request<{ app: App }>('PUT', appPath(appId), { body: { spec } });
    return body.app;
  }

  /**
   * DELETE /v2/apps/{id} (needs app:delete): every deployment is shut down and the app is gone for
   * good. Answers the deleted app's id.
   */
  async deleteApp(appId: string): Promise<string | undefined> {
    const body = await this.rest.request<{ id?: string } | undefined>('DELETE', appPath(appId));
    return body?.id;
  }

  /** Validation and price of a spec, without changing anything (`app_id` = as an update of that app). */
  propose(spec: AppSpec, appId?: string): Promise<ProposeResult> {
    return this.rest.request<ProposeResult>('POST', '/v2/apps/propose', {
      body: { spec, ...(appId ? { app_id: appId } : {}) },
    });
  }

  validateRollback(appId: string, deploymentId: string): Promise<RollbackValidation> {
    return this.rest.request<RollbackValidation>('POST', `${appPath(appId)}/rollback/validate`, {
      body: { deployment_id: deploymentId },
    });
  }

  async rollback(appId: string, deploymentId: string): Promise<Deployment> {
    const body = await this.rest.request<{ deployment: Deployment }>('POST', `${appPath(appId)}/rollback`, {
      body: { deployment_id: deploymentId },
    });
    return body.deployment;
  }

  async commitRollback(appId: string): Promise<void> {
    await this.rest.request('POST', `${appPath(appId)}/rollback/commit`);
  }

  async revertRollback(appId: string): Promise<Deployment> {
    const body = await this.rest.request<{ deployment: Deployment }>('POST', `${appPath(appId)}/rollback/revert`);
    return body.deployment;
  }

  // Billing and monitoring need the billing:read and monitoring:read scopes.

  getBalance(): Promise<Balance> {
    return this.rest.request<Balance>('GET', '/v2/customers/my/balance');
  }

  listBillingHistory(): Promise<BillingHistoryEntry[]> {
    return this.rest.getAllPages<BillingHistoryEntry>('/v2/customers/my/billing_history', 'billing_history');
  }

  listInvoices(): Promise<Invoice[]> {
    return this.rest.getAllPages<Invoice>('/v2/customers/my/invoices', 'invoices');
  }

  /**
   * Needs database:read. Not paged (the spec has no page parameters); a list left out or null
   * reads as no clusters.
   */
  async listDatabaseClusters(): Promise<DatabaseCluster[]> {
    const body = this.rest.expectObject(await this.rest.request<unknown>('GET', '/v2/databases'), 'databases');
    return Array.isArray(body.databases) ? (body.databases as DatabaseCluster[]) : [];
  }

  // DNS needs the domain:read scope (domain:create/update/delete to change records).

  listDomains(): Promise<Domain[]> {
    return this.rest.getAllPages<Domain>('/v2/domains', 'domains');
  }

  listDomainRecords(domain: string): Promise<DomainRecord[]> {
    return this.rest.getAllPages<DomainRecord>(`${domainPath(domain)}/records`, 'domain_records');
  }

  async createDomainRecord(domain: string, record: Omit<DomainRecord, 'id'>): Promise<DomainRecord> {
    const body = await this.rest.request<{ domain_record: DomainRecord }>('POST', `${domainPath(domain)}/records`, {
      body: record,
    });
    return body.domain_record;
  }

  /** PUT replaces the record: send every field it should keep. */
  async updateDomainRecord(domain: string, id: number, record: Omit<DomainRecord, 'id'>): Promise<DomainRecord> {
    const body = await this.rest.request<{ domain_record: DomainRecord }>(
      'PUT',
      `${domainPath(domain)}/records/${id}`,
      { body: record },
    );
    return body.domain_record;
  }

  async deleteDomainRecord(domain: string, id: number): Promise<void> {
    await this.rest.request('DELETE', `${domainPath(domain)}/records/${id}`);
  }

  /** One series per instance; `start`/`end` in epoch seconds. */
  async getAppMetric(
    metric: AppMetric,
    appId: string,
    component: string,
    startSec: number,
    endSec: number,
  ): Promise<MetricsSeries[]> {
    const body = await this.rest.request<{ data?: { result?: MetricsSeries[] } }>(
      'GET',
      `/v2/monitoring/metrics/apps/${metric}`,
      {
        params: { app_id: appId, app_component: component, start: String(startSec), end: String(endSec) },
      },
    );
    return body.data?.result ?? [];
  }
}

export type AppMetric = 'cpu_percentage' | 'memory_percentage' | 'restart_count';

const appPath = (appId: string) => `/v2/apps/${encodeURIComponent(appId)}`;
const domainPath = (domain: string) => `/v2/domains/${encodeURIComponent(domain)}`;
