// DigitalOcean App Platform calls Fleetdeck makes, typed from the official OpenAPI description.
import type { RateLimitInfo } from '../../../src-preload/contract';
import { RestClient, type RestClientOptions } from '../http/restClient';
import type { App, AppHealth, Deployment, InstanceSize, Project } from './types';

export const DIGITALOCEAN_API_URL = 'https://api.digitalocean.com';

export type DigitalOceanClientOptions = Omit<RestClientOptions, 'service'>;

export class DigitalOceanClient {
  private readonly rest: RestClient;

  constructor(options: DigitalOceanClientOptions) {
    this.rest = new RestClient({ ...options, service: 'DigitalOcean' });
  }

  get rateLimit(): RateLimitInfo | undefined {
    return this.rest.rateLimit;
  }

  listApps(): Promise<App[]> {
    return this.rest.getAllPages<App>('/v2/apps', 'apps');
  }

  /** Needs the project:read scope. */
  listProjects(): Promise<Project[]> {
    return this.rest.getAllPages<Project>('/v2/projects', 'projects');
  }

  async getApp(appId: string): Promise<App> {
    const body = await this.rest.request<{ app: App }>('GET', `/v2/apps/${encodeURIComponent(appId)}`);
    return body.app;
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

  async listInstanceSizes(): Promise<InstanceSize[]> {
    const body = await this.rest.request<{ instance_sizes?: InstanceSize[] }>('GET', '/v2/apps/tiers/instance_sizes');
    return body.instance_sizes ?? [];
  }

  async getAppHealth(appId: string): Promise<AppHealth> {
    const body = await this.rest.request<{ app_health?: AppHealth }>('GET', `/v2/apps/${encodeURIComponent(appId)}/health`);
    return body.app_health ?? {};
  }
}
