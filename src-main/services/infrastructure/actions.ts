// The actions on infrastructure, each in the Activity log with its outcome: droplet reboot and
// power cycle, droplet resize (power off → resize → power on, followed to the end in the
// background on the request budget's poll share), a tenant database created or deleted in a
// shared cluster, a cluster resized, a pool resized. Bad input is refused before anything is
// sent; the API's refusal comes back in its own words.
import type {
  ConnectionPoolView,
  DropletActionKind,
  DropletActionProgress,
} from '../../../src-preload/contract/infrastructure';
import { databaseNameProblem } from '../../../src-preload/contract/infrastructure';
import type { DropletActionType, InfrastructureClient } from '../../clients/digitalocean/infrastructure';
import { ApiError } from '../../clients/http/apiError';
import { inBackground } from '../../clients/http/requestGate';
import { clusterMonthlyPrice } from '../costs/databasePricing';
import type { AuditLog } from '../deploys/auditLog';

export type ActionsClient = Pick<
  InfrastructureClient,
  | 'getDroplet'
  | 'listSizes'
  | 'startDropletAction'
  | 'getDropletAction'
  | 'getDatabaseCluster'
  | 'getDatabaseOptions'
  | 'listDatabases'
  | 'createDatabase'
  | 'deleteDatabase'
  | 'resizeDatabaseCluster'
  | 'listConnectionPools'
  | 'updateConnectionPool'
>;

export interface ActionDeps {
  client: ActionsClient;
  audit?: AuditLog;
  context: string;
  /** How often a running droplet action is read again (ms). */
  pollMs?: number;
  /** How long to follow one step before saying it did not finish (ms). */
  stepTimeoutMs?: number;
}

const invalid = (message: string) => new ApiError({ code: 'invalid_argument', message });
const STEP_WORDS: Record<DropletActionType, string> = {
  reboot: 'Rebooting',
  power_cycle: 'Power cycling',
  power_off: 'Powering off for the resize',
  resize: 'Resizing',
  power_on: 'Powering on',
};

export class InfrastructureActions {
  /** By droplet id: what runs now, or last ran. */
  private readonly progress = new Map<number, DropletActionProgress>();

  constructor(private readonly deps: ActionDeps) {}

  actions(): DropletActionProgress[] {
    return [...this.progress.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  progressOf(dropletId: number): DropletActionProgress | undefined {
    return this.progress.get(dropletId);
  }

  async startDropletAction(dropletId: number, kind: 'reboot' | 'power_cycle'): Promise<DropletActionProgress> {
    const droplet = await this.deps.client.getDroplet(dropletId);
    return this.runDroplet(droplet.id, droplet.name, kind, [kind], { kind });
  }

  async resizeDroplet(dropletId: number, size: string): Promise<DropletActionProgress> {
    const { client } = this.deps;
    const [droplet, sizes] = await Promise.all([client.getDroplet(dropletId), client.listSizes()]);
    const target = sizes.find((s) => s.slug === size);
    if (!target) throw invalid(`${size} is not in DigitalOcean's size list.`);
    const region = droplet.region?.slug ?? '';
    if (!target.regions.includes(region)) {
      throw invalid(`${size} is not offered in ${region}, where ${droplet.name} runs: pick a size available there.`);
    }
    if (target.slug === droplet.size_slug) throw invalid(`${droplet.name} is already ${size}.`);
    if (target.disk < droplet.disk) {
      throw invalid(
        `${size} has a ${target.disk} GB disk, smaller than ${droplet.name}'s ${droplet.disk} GB: the disk cannot shrink.`,
      );
    }
    const steps: DropletActionType[] = droplet.status === 'off' ? ['resize'] : ['power_off', 'resize', 'power_on'];
    const before = droplet.size?.price_monthly;
    const parameters = {
      kind: 'resize',
      from: droplet.size_slug,
      size,
      monthly_before: before ?? null,
      monthly_after: target.price_monthly,
    };
    return this.runDroplet(droplet.id, droplet.name, 'resize', steps, parameters, size);
  }

  /**
   * Starts the first step at once (its refusal is the caller's error), then follows every step in
   * the background; the Activity entry closes when the last one does.
   */
  private async runDroplet(
    id: number,
    name: string,
    kind: DropletActionKind,
    steps: DropletActionType[],
    parameters: Record<string, string | number | null>,
    size?: string,
  ): Promise<DropletActionProgress> {
    const running = this.progress.get(id);
    if (running?.state === 'running') {
      throw new ApiError({
        code: 'conflict',
        message: `${name} is still ${running.step.toLowerCase()}: wait for it to finish.`,
      });
    }
    const entry = this.deps.audit?.start({
      context: this.deps.context,
      action: 'droplet_action',
      target: name,
      parameters,
    });
    const started = new Date().toISOString();
    const first = steps[0]!;
    let action;
    try {
      action = await this.deps.client.startDropletAction(id, first, first === 'resize' ? size : undefined);
    } catch (error) {
      if (entry) this.deps.audit?.finish(entry, { result: 'failed', message: messageOf(error) });
      throw error;
    }
    const progress: DropletActionProgress = {
      dropletId: id,
      dropletName: name,
      kind,
      step: STEP_WORDS[first],
      state: 'running',
      startedAt: started,
    };
    this.progress.set(id, progress);
    void this.follow(id, action.id!, steps, size).then(
      () => {
        this.progress.set(id, { ...progress, step: 'Done', state: 'succeeded', endedAt: new Date().toISOString() });
        if (entry) this.deps.audit?.finish(entry, { result: 'succeeded' });
      },
      (error: unknown) => {
        const message = messageOf(error);
        this.progress.set(id, {
          ...this.progress.get(id)!,
          state: 'failed',
          message,
          endedAt: new Date().toISOString(),
        });
        if (entry) this.deps.audit?.finish(entry, { result: 'failed', message });
      },
    );
    return progress;
  }

  private async follow(id: number, firstActionId: number, steps: DropletActionType[], size?: string): Promise<void> {
    let actionId = firstActionId;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (i > 0) {
        this.progress.set(id, { ...this.progress.get(id)!, step: STEP_WORDS[step] });
        actionId = (await this.deps.client.startDropletAction(id, step, step === 'resize' ? size : undefined)).id!;
      }
      await this.waitFor(id, actionId, step);
    }
  }

  private async waitFor(id: number, actionId: number, step: DropletActionType): Promise<void> {
    const deadline = Date.now() + (this.deps.stepTimeoutMs ?? 10 * 60_000);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, this.deps.pollMs ?? 2_000));
      const action = await inBackground('poll', () => this.deps.client.getDropletAction(id, actionId)).catch(
        () => undefined,
      );
      if (action?.status === 'completed') return;
      if (action?.status === 'errored')
        throw new Error(`${STEP_WORDS[step]} failed (DigitalOcean reports the action errored).`);
      if (Date.now() > deadline)
        throw new Error(`${STEP_WORDS[step]} did not finish in time; check the droplet before trying again.`);
    }
  }

  async createTenantDatabase(clusterId: string, name: string): Promise<{ name: string }> {
    const problem = databaseNameProblem(name);
    if (problem) throw invalid(problem);
    const cluster = await this.deps.client.getDatabaseCluster(clusterId);
    return this.audited(
      'tenant_database',
      cluster.name,
      { operation: 'create', cluster: cluster.name, database: name },
      async () => ({
        name: await this.deps.client.createDatabase(clusterId, name),
      }),
    );
  }

  async deleteTenantDatabase(clusterId: string, name: string, confirmName: string): Promise<{ name: string }> {
    if (confirmName !== name) throw invalid(`Type the database's name (${name}) to delete it.`);
    const { client } = this.deps;
    const [cluster, pools] = await Promise.all([
      client.getDatabaseCluster(clusterId),
      client.listConnectionPools(clusterId),
    ]);
    const using = pools.filter((p) => p.db === name).map((p) => p.name);
    if (using.length) {
      throw invalid(
        `${name} is used by connection pool ${using.join(', ')}: delete the pool first, then the database.`,
      );
    }
    return this.audited(
      'tenant_database',
      cluster.name,
      { operation: 'delete', cluster: cluster.name, database: name },
      async () => {
        await client.deleteDatabase(clusterId, name);
        return { name };
      },
    );
  }

  async resizeDatabaseCluster(clusterId: string, size: string, nodes: number): Promise<{ status: string }> {
    const cluster = await this.deps.client.getDatabaseCluster(clusterId);
    if (cluster.size === size && cluster.num_nodes === nodes) throw invalid(`${cluster.name} already has this size.`);
    if (cluster.status === 'resizing') throw invalid(`${cluster.name} is already being resized.`);
    const parameters = {
      cluster: cluster.name,
      from: `${cluster.size} × ${cluster.num_nodes}`,
      to: `${size} × ${nodes}`,
      monthly_before: clusterMonthlyPrice(cluster) ?? null,
      monthly_after: clusterMonthlyPrice({ engine: cluster.engine, size, num_nodes: nodes }) ?? null,
    };
    return this.audited('database_resize', cluster.name, parameters, async () => {
      await this.deps.client.resizeDatabaseCluster(clusterId, size, nodes);
      return { status: 'resizing' };
    });
  }

  async setPoolSize(clusterId: string, poolName: string, size: number): Promise<ConnectionPoolView> {
    const { client } = this.deps;
    const [cluster, pools] = await Promise.all([
      client.getDatabaseCluster(clusterId),
      client.listConnectionPools(clusterId),
    ]);
    const pool = pools.find((p) => p.name === poolName);
    if (!pool)
      throw new ApiError({
        code: 'not_found',
        message: `${cluster.name} has no pool ${poolName} (deleted meanwhile?).`,
      });
    const parameters = { cluster: cluster.name, pool: poolName, from: pool.size, to: size };
    return this.audited('pool_resize', cluster.name, parameters, async () => {
      await client.updateConnectionPool(clusterId, { ...pool, size });
      return { name: pool.name, mode: pool.mode, size, db: pool.db, ...(pool.user ? { user: pool.user } : {}) };
    });
  }

  private async audited<T>(
    action: 'tenant_database' | 'database_resize' | 'pool_resize',
    target: string,
    parameters: Record<string, string | number | null>,
    run: () => Promise<T>,
  ): Promise<T> {
    const { audit, context } = this.deps;
    const entry = audit?.start({ context, action, target, parameters });
    try {
      const value = await run();
      if (entry) audit?.finish(entry, { result: 'succeeded' });
      return value;
    } catch (error) {
      if (entry) audit?.finish(entry, { result: 'failed', message: messageOf(error) });
      throw error;
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
