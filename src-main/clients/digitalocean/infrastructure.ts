// DigitalOcean calls beyond App Platform: droplets and their actions, the size list, load
// balancers and their targets' health, managed database clusters with their databases, users,
// connection pools, trusted sources and resize, block storage volumes, and what each project
// holds. Typed from the
// official OpenAPI description, on the same transport (and, in a session, the same request
// budget) as the App Platform client.
import { ApiError } from '../http/apiError';
import { RestClient } from '../http/restClient';
import type { DigitalOceanClientOptions } from './client';
import type { components } from './generated';
import type { DatabaseCluster, MetricsSeries } from './types';

type Schemas = components['schemas'];

export type Droplet = Schemas['droplet'];
export type DropletSize = Schemas['size'];
export type DropletAction = Schemas['action'];
export type LoadBalancer = Schemas['load_balancer'];
export type ForwardingRule = Schemas['forwarding_rule'];
export type LoadBalancerHealthCheck = Schemas['health_check'];
export type DatabaseUser = Schemas['database_user'];
export type ConnectionPool = Schemas['connection_pool'];
export type FirewallRule = Schemas['firewall_rule'];
export type DatabaseOptions = Schemas['options'];
export type ProjectResource = Schemas['resource'];
export type Volume = Schemas['volume_full'];

/** The droplet actions Fleetdeck starts: restarts, and resize with the power steps it needs. */
export type DropletActionType = 'reboot' | 'power_cycle' | 'power_off' | 'power_on' | 'resize';

export class InfrastructureClient {
  private readonly rest: RestClient;

  constructor(options: DigitalOceanClientOptions) {
    this.rest = new RestClient({ ...options, service: 'DigitalOcean' });
  }

  // Reads need droplet:read, sizes:read, load_balancer:read, database:read, block_storage:read,
  // project:read and (for target health) monitoring:read.

  /** Every droplet, 200 a page; `tag` keeps those carrying it (tag_name). */
  listDroplets(tag?: string): Promise<Droplet[]> {
    return this.rest.getAllPages<Droplet>('/v2/droplets', 'droplets', tag ? { tag_name: tag } : {});
  }

  async getDroplet(id: number): Promise<Droplet> {
    const body = this.rest.expectObject(await this.rest.request<unknown>('GET', dropletPath(id)), 'droplet');
    return this.rest.expectObject(body.droplet, 'droplet') as Droplet;
  }

  /** Every block storage volume, attached or not, 200 a page. */
  listVolumes(): Promise<Volume[]> {
    return this.rest.getAllPages<Volume>('/v2/volumes', 'volumes');
  }

  listSizes(): Promise<DropletSize[]> {
    return this.rest.getAllPages<DropletSize>('/v2/sizes', 'sizes');
  }

  listLoadBalancers(): Promise<LoadBalancer[]> {
    return this.rest.getAllPages<LoadBalancer>('/v2/load_balancers', 'load_balancers');
  }

  /**
   * The balancer's per-droplet health checks, from the Monitoring API
   * (GET /v2/monitoring/metrics/load_balancer/droplets_health_checks). The load balancer object
   * itself carries no target health (neither the spec nor godo has a field for it), and this
   * endpoint's spec documents only the generic metrics shape, not the series' labels or values:
   * the reader (services/infrastructure/targetHealth.ts) takes a `droplet_id` label and the last
   * value, and calls anything else unknown.
   */
  async getLoadBalancerDropletHealth(lbId: string, startSec: number, endSec: number): Promise<MetricsSeries[]> {
    const body = await this.rest.request<{ data?: { result?: MetricsSeries[] } }>(
      'GET',
      '/v2/monitoring/metrics/load_balancer/droplets_health_checks',
      { params: { lb_id: lbId, start: String(startSec), end: String(endSec) } },
    );
    return Array.isArray(body?.data?.result) ? body.data.result : [];
  }

  /** Not paged, like the list the costs read; left out or null reads as none. */
  async listDatabaseClusters(): Promise<DatabaseCluster[]> {
    const body = this.rest.expectObject(await this.rest.request<unknown>('GET', '/v2/databases'), 'databases');
    return Array.isArray(body.databases) ? (body.databases as DatabaseCluster[]) : [];
  }

  async getDatabaseCluster(uuid: string): Promise<DatabaseCluster> {
    const body = this.rest.expectObject(await this.rest.request<unknown>('GET', clusterPath(uuid)), 'database');
    return this.rest.expectObject(body.database, 'database') as DatabaseCluster;
  }

  async listDatabases(uuid: string): Promise<string[]> {
    const body = await this.rest.request<{ dbs?: Array<{ name?: string }> | null }>('GET', `${clusterPath(uuid)}/dbs`);
    return (body?.dbs ?? []).flatMap((d) => (typeof d?.name === 'string' ? [d.name] : []));
  }

  /** Users come with their passwords: callers keep the names and roles only. */
  async listDatabaseUsers(uuid: string): Promise<DatabaseUser[]> {
    const body = await this.rest.request<{ users?: DatabaseUser[] | null }>('GET', `${clusterPath(uuid)}/users`);
    return body?.users ?? [];
  }

  /** Pools come with connection strings (passwords): callers keep the sizing only. */
  async listConnectionPools(uuid: string): Promise<ConnectionPool[]> {
    const body = await this.rest.request<{ pools?: ConnectionPool[] | null }>('GET', `${clusterPath(uuid)}/pools`);
    return body?.pools ?? [];
  }

  async listFirewallRules(uuid: string): Promise<FirewallRule[]> {
    const body = await this.rest.request<{ rules?: FirewallRule[] | null }>('GET', `${clusterPath(uuid)}/firewall`);
    return body?.rules ?? [];
  }

  /** Engines, regions, versions and layouts (nodes → sizes) a cluster may have; no prices. */
  async getDatabaseOptions(): Promise<DatabaseOptions> {
    return this.rest.expectObject(await this.rest.request<unknown>('GET', '/v2/databases/options'), 'database options');
  }

  /** The resources of a project as URNs (do:droplet:123, do:loadbalancer:…, do:dbaas:…). */
  listProjectResources(projectId: string): Promise<ProjectResource[]> {
    return this.rest.getAllPages<ProjectResource>(
      `/v2/projects/${encodeURIComponent(projectId)}/resources`,
      'resources',
    );
  }

  async getDropletAction(dropletId: number, actionId: number): Promise<DropletAction> {
    const body = await this.rest.request<{ action?: DropletAction }>(
      'GET',
      `${dropletPath(dropletId)}/actions/${encodeURIComponent(String(actionId))}`,
    );
    return this.rest.expectObject(body?.action, 'action');
  }

  // Mutations are never retried by the transport (see RestClient): a lost answer is settled by
  // reading again.

  /** Needs droplet:update (resize also droplet:create, as the spec's table says). */
  async startDropletAction(dropletId: number, type: DropletActionType, size?: string): Promise<DropletAction> {
    const body = await this.rest.request<{ action?: DropletAction }>('POST', `${dropletPath(dropletId)}/actions`, {
      body: type === 'resize' ? { type, size, disk: false } : { type },
    });
    const action = this.rest.expectObject(body?.action, 'action') as DropletAction;
    if (typeof action.id !== 'number')
      throw new ApiError({ code: 'server_error', message: 'DigitalOcean: the action came back without an id.' });
    return action;
  }

  async createDatabase(uuid: string, name: string): Promise<string> {
    const body = await this.rest.request<{ db?: { name?: string } }>('POST', `${clusterPath(uuid)}/dbs`, {
      body: { name },
    });
    return body?.db?.name ?? name;
  }

  async deleteDatabase(uuid: string, name: string): Promise<void> {
    await this.rest.request('DELETE', `${clusterPath(uuid)}/dbs/${encodeURIComponent(name)}`);
  }

  /** 202: the cluster goes to `resizing` and comes back `online` at the new size. */
  async resizeDatabaseCluster(uuid: string, size: string, numNodes: number): Promise<void> {
    await this.rest.request('PUT', `${clusterPath(uuid)}/resize`, { body: { size, num_nodes: numNodes } });
  }

  /** PUT replaces the pool's settings: mode, db and user are sent as they are, with the new size. */
  async updateConnectionPool(
    uuid: string,
    pool: Pick<ConnectionPool, 'name' | 'mode' | 'size' | 'db' | 'user'>,
  ): Promise<void> {
    await this.rest.request('PUT', `${clusterPath(uuid)}/pools/${encodeURIComponent(pool.name)}`, {
      body: { mode: pool.mode, size: pool.size, db: pool.db, ...(pool.user ? { user: pool.user } : {}) },
    });
  }
}

const dropletPath = (id: number) => `/v2/droplets/${encodeURIComponent(String(id))}`;
const clusterPath = (uuid: string) => `/v2/databases/${encodeURIComponent(uuid)}`;
