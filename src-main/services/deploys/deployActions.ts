// Deploy, restart, cancel, scale and rollback: each one request to the API, guarded so an app
// never gets two at once, recorded in the Activity log, and — when the answer is lost — checked
// against the app's deployments instead of being sent again.
import type {
  ActionKind,
  DeploymentProgress,
  RollbackCheck,
  ScaleChange,
  ScalePreview,
} from '../../../src-preload/contract';
import { proposedCost, type DigitalOceanClient } from '../../clients/digitalocean/client';
import type { App, AppSpec, Deployment } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { priceCompute } from '../costs/pricing';
import type { InstanceSizeCache } from '../apps/instanceSizeCache';
import type { AppLocks, LockHolder } from './appLocks';
import type { AuditLog } from './auditLog';
import type { DeploymentFollower } from './deploymentFollower';
import { toProgress } from './progress';
import { findCompute, specVersion, withScale } from './scale';

export type DeployClient = Pick<
  DigitalOceanClient,
  | 'getApp'
  | 'listDeployments'
  | 'getDeployment'
  | 'createDeployment'
  | 'cancelDeployment'
  | 'restartApp'
  | 'updateApp'
  | 'propose'
  | 'validateRollback'
  | 'rollback'
  | 'commitRollback'
  | 'revertRollback'
  | 'getAppHealth'
>;

/** Phases in which a deployment the API accepted has not been taken up yet. */
const WAITING_PHASES = new Set(['PENDING_BUILD', 'PENDING_DEPLOY', 'UNKNOWN']);
/** A platform queue longer than this no longer keeps the founder from acting on the app. */
const START_HOLD_MAX_MS = 60_000;

export interface DeployActionsDeps {
  client: DeployClient;
  sizes: InstanceSizeCache;
  locks: AppLocks;
  audit: AuditLog;
  follower: DeploymentFollower;
  context: string;
}

export class DeployActions {
  constructor(private readonly deps: DeployActionsDeps) {}

  async deploy(appId: string, forceBuild = false): Promise<DeploymentProgress> {
    return this.mutate('deploy', appId, { force_build: forceBuild }, undefined, (client) =>
      client.createDeployment(appId, forceBuild),
    );
  }

  async restart(appId: string, components: string[] = []): Promise<DeploymentProgress> {
    const target = components.length ? components.join(', ') : 'all components';
    return this.mutate('restart', appId, { components: components.join(',') || null }, target, (client) =>
      client.restartApp(appId, components),
    );
  }

  async cancel(appId: string, deploymentId: string): Promise<DeploymentProgress> {
    return this.mutate(
      'cancel',
      appId,
      { deployment_id: deploymentId },
      deploymentId,
      (client) => client.cancelDeployment(appId, deploymentId),
      // A cancel may go while the app is held waiting for the very deployment it cancels.
      { follow: false, cancels: deploymentId },
    );
  }

  async progress(appId: string, deploymentId: string): Promise<DeploymentProgress> {
    const [app, deployment] = await Promise.all([
      this.deps.client.getApp(appId),
      this.deps.client.getDeployment(appId, deploymentId),
    ]);
    return toProgress(appId, app.spec.name, deployment);
  }

  /** The last few previews by app, version and change: applyScale logs what the dialog showed. */
  private readonly previews = new Map<string, ScalePreview>();

  private remember(preview: ScalePreview, change: ScaleChange): void {
    this.previews.set(previewKey({ ...change, specVersion: preview.specVersion }), preview);
    while (this.previews.size > 50) this.previews.delete(this.previews.keys().next().value!);
  }

  async previewScale(change: ScaleChange): Promise<ScalePreview> {
    const { client, sizes } = this.deps;
    const [app, catalog] = await Promise.all([client.getApp(change.appId), sizes.catalog()]);
    const current = findCompute(app.spec, change.component);
    if (!current)
      throw new ApiError({
        code: 'invalid_argument',
        message: `${app.spec.name} has no service or worker named "${change.component}".`,
      });
    const nextSpec = withScale(app.spec, change);
    const next = findCompute(nextSpec, change.component)!;
    // The API's own validation and price for both specs (422 for an invalid change).
    const [before, after] = await Promise.all([
      client.propose(app.spec, change.appId),
      client.propose(nextSpec, change.appId),
    ]);
    const describe = (c: typeof current) => ({
      instanceSizeSlug: c.instance_size_slug ?? 'apps-s-1vcpu-0.5gb',
      ...(c.autoscaling
        ? { autoscaling: { min: c.autoscaling.min_instance_count ?? 1, max: c.autoscaling.max_instance_count ?? 1 } }
        : { instanceCount: c.instance_count ?? 1 }),
      componentMonthlyCost: priceCompute(c, catalog).monthlyCost,
    });
    const warnings: string[] = [];
    const nextSize = catalog.resolve(next.instance_size_slug);
    if (nextSize?.single_instance_only && (next.instance_count ?? 1) > 1)
      warnings.push(`${nextSize.slug} runs a single instance only.`);
    if ((next.instance_count ?? next.autoscaling?.min_instance_count ?? 1) === 1) {
      warnings.push('One instance means a short interruption during every deploy and no redundancy.');
    }
    const preview: ScalePreview = {
      appId: change.appId,
      appName: app.spec.name,
      component: change.component,
      before: describe(current),
      after: describe(next),
      appMonthlyCostBefore: proposedCost(before),
      appMonthlyCostAfter: proposedCost(after),
      sizeOptions: catalog.sizes
        .filter((s) => s.slug && !s.deprecation_intent)
        .map((s) => ({
          slug: s.slug!,
          label: s.name ?? s.slug!,
          usdPerMonth: Number(s.usd_per_month ?? 0),
          scalable: s.scalable === true,
        })),
      specVersion: specVersion(app),
      warnings,
    };
    this.remember(preview, change);
    return preview;
  }

  async applyScale(change: ScaleChange & { specVersion: string }): Promise<DeploymentProgress> {
    // The preview the dialog showed says what changes and what it costs, for the Activity log.
    const shown = this.previews.get(previewKey(change));
    const parameters: Record<string, string | number | boolean | null> = shown
      ? {
          component: change.component,
          change: `${scaleText(shown.before)} → ${scaleText(shown.after)}`,
          monthly: `${usd(shown.appMonthlyCostBefore)} → ${usd(shown.appMonthlyCostAfter)} (${signedUsd(shown.appMonthlyCostAfter - shown.appMonthlyCostBefore)})`,
        }
      : {
          component: change.component,
          instance_size_slug: change.instanceSizeSlug ?? null,
          instance_count: change.instanceCount ?? null,
          autoscaling:
            change.autoscaling === undefined
              ? null
              : change.autoscaling === null
                ? 'off'
                : `${change.autoscaling.min}-${change.autoscaling.max}`,
        };
    return this.applySpec(change.appId, change.specVersion, (spec) => withScale(spec, change), {
      action: 'scale',
      parameters,
      target: change.component,
      changed: 'the scale dialog opened',
    });
  }

  /**
   * The one path every spec change takes (scale, the spec editor): re-read the app just before
   * the PUT and refuse if its spec is no longer the one the user was looking at, then follow the
   * deployment the update starts.
   */
  async applySpec(
    appId: string,
    baseVersion: string,
    nextSpec: (live: AppSpec) => AppSpec,
    how: {
      action: ActionKind;
      parameters: Record<string, string | number | boolean | null>;
      target?: string;
      changed: string;
    },
  ): Promise<DeploymentProgress> {
    const unchanged = (app: App) => {
      if (specVersion(app) === baseVersion) return;
      throw new ApiError({
        code: 'stale',
        message: `${app.spec.name}'s spec changed since ${how.changed}; nothing was sent. Review the new spec and try again.`,
      });
    };
    return this.mutate(
      how.action,
      appId,
      how.parameters,
      how.target,
      async (client) => {
        // Again under the lock: nothing may change the spec between this read and the PUT.
        const app = await client.getApp(appId);
        unchanged(app);
        const updated = await client.updateApp(appId, nextSpec(app.spec));
        const deployment = updated.pending_deployment ?? updated.in_progress_deployment;
        if (!deployment?.id)
          throw new ApiError({ code: 'internal', message: 'The spec was saved but no deployment was reported.' });
        return deployment;
      },
      // A spec that moved on says more than "busy" (the editor shows what changed), so it is
      // checked before the app's lock is asked for as well.
      { follow: true, precheck: unchanged },
    );
  }

  async validateRollback(appId: string, deploymentId: string): Promise<RollbackCheck> {
    const result = await this.deps.client.validateRollback(appId, deploymentId);
    return {
      valid: result.valid === true,
      ...(result.error?.message ? { error: result.error.message } : {}),
      warnings: (result.warnings ?? []).map((w) =>
        [w.message, w.components?.length ? `(${w.components.join(', ')})` : ''].filter(Boolean).join(' '),
      ),
    };
  }

  async rollback(appId: string, deploymentId: string): Promise<DeploymentProgress> {
    return this.mutate('rollback', appId, { deployment_id: deploymentId }, deploymentId, (client) =>
      client.rollback(appId, deploymentId),
    );
  }

  async commitRollback(appId: string): Promise<null> {
    const app = await this.deps.client.getApp(appId);
    const entry = this.deps.audit.start({
      context: this.deps.context,
      action: 'rollback_commit',
      appId,
      appName: app.spec.name,
      parameters: {},
    });
    try {
      await this.deps.locks.run(appId, 'rollback_commit', () => this.deps.client.commitRollback(appId));
      this.deps.audit.finish(entry, { result: 'succeeded' });
      return null;
    } catch (error) {
      this.deps.audit.finish(entry, {
        result: error instanceof ApiError && error.code === 'conflict' ? 'refused' : 'failed',
        message: messageOf(error),
      });
      throw error;
    }
  }

  async revertRollback(appId: string): Promise<DeploymentProgress> {
    return this.mutate('rollback_revert', appId, {}, undefined, (client) => client.revertRollback(appId));
  }

  /**
   * One mutation: locked per app until the deployment it started is under way, audited, followed
   * to its end (notice + audit outcome). When the answer is lost (timeout, dropped connection,
   * 5xx) the app's deployments are re-read: a new one created since we asked is taken as ours;
   * otherwise the caller is told nothing seems to have happened.
   */
  private async mutate(
    action: ActionKind,
    appId: string,
    parameters: Record<string, string | number | boolean | null>,
    target: string | undefined,
    send: (client: DeployClient) => Promise<Deployment>,
    options: { follow: boolean; cancels?: string; precheck?: (app: App) => void } = { follow: true },
  ): Promise<DeploymentProgress> {
    const { client, audit, locks, follower, context } = this.deps;
    const app = await client.getApp(appId);
    const appName = app.spec.name;
    const entry = audit.start({ context, action, appId, appName, ...(target ? { target } : {}), parameters });
    try {
      options.precheck?.(app);
      const deployment = await locks.run(
        appId,
        action,
        async () => {
          try {
            return await send(client);
          } catch (error) {
            if (!answerWasLost(error) || action === 'cancel') throw error;
            return this.recoverLostAnswer(app, action);
          }
        },
        {
          ...(options.cancels ? { cancels: options.cancels } : {}),
          ...(options.follow
            ? { keepUntil: (d: Deployment, holder: LockHolder) => this.untilStarted(appId, appName, d, holder) }
            : {}),
        },
      );
      const progress = toProgress(appId, appName, deployment);
      audit.finish(entry, { result: 'started', deploymentId: progress.deploymentId });
      if (options.follow) follower.follow(progress, entry);
      else audit.finish(entry, { result: 'succeeded', deploymentId: progress.deploymentId });
      return progress;
    } catch (error) {
      const refused =
        error instanceof ApiError &&
        (error.code === 'conflict' || error.code === 'stale' || error.code === 'forbidden');
      audit.finish(entry, { result: refused ? 'refused' : 'failed', message: messageOf(error) });
      throw error;
    }
  }

  /**
   * Settles once the platform has taken up the deployment an action started: out of its PENDING
   * phase, or ended. Until then a second deploy or restart would start another deployment over
   * it, so the app stays held. A deployment still queued after START_HOLD_MAX_MS frees the app,
   * and so does one the follower can no longer read.
   */
  private async untilStarted(appId: string, appName: string, deployment: Deployment, holder: LockHolder) {
    const start = toProgress(appId, appName, deployment);
    if (!start.deploymentId) return;
    Object.assign(holder, { deploymentId: start.deploymentId, phase: start.phase });
    const deadline = Date.now() + START_HOLD_MAX_MS;
    const begun = () => !WAITING_PHASES.has(holder.phase ?? '') || Date.now() > deadline;
    const seen = (p: DeploymentProgress) => {
      holder.phase = p.phase;
    };
    await this.deps.follower.waitForEnd(start, seen, begun);
  }

  private async recoverLostAnswer(app: App, action: ActionKind): Promise<Deployment> {
    const appId = app.id ?? '';
    // Compared on the API's own clock: the newest deployment the app had before we asked.
    const baseline =
      app.last_deployment_created_at ??
      app.in_progress_deployment?.created_at ??
      app.active_deployment?.created_at ??
      '';
    const deployments = await this.deps.client.listDeployments(appId).catch(() => undefined);
    const baselineMs = baseline ? Date.parse(baseline) : -Infinity;
    const created = deployments?.find((d) => Date.parse(d.created_at ?? '') > baselineMs);
    if (created) return created;
    throw new ApiError({
      code: 'unknown_outcome',
      message: deployments
        ? `The ${action} request for ${app.spec.name} got no answer, and ${app.spec.name} shows no new deployment: it did not happen. Nothing was sent twice; try again when the API answers.`
        : `The ${action} request for ${app.spec.name} got no answer and the deployments could not be re-read. Check the app before trying again.`,
    });
  }
}

function answerWasLost(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.code === 'network' || error.code === 'timeout' || error.code === 'server_error')
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const previewKey = (c: ScaleChange & { specVersion: string }) =>
  JSON.stringify([
    c.appId,
    c.specVersion,
    c.component,
    c.instanceSizeSlug ?? null,
    c.instanceCount ?? null,
    c.autoscaling ?? null,
  ]);

const scaleText = (s: ScalePreview['before']) =>
  s.autoscaling
    ? `${s.instanceSizeSlug} ×${s.autoscaling.min}–${s.autoscaling.max}`
    : `${s.instanceSizeSlug} ×${s.instanceCount ?? 1}`;

const usd = (n: number) => `$${n.toFixed(2)}`;
const signedUsd = (n: number) => `${n >= 0 ? '+' : '−'}${usd(Math.abs(n))}`;
