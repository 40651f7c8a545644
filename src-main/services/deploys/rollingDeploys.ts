// Fleet-wide rolling deploy: N apps at a time, each must reach ACTIVE and report HEALTHY before
// the next starts; the first failure halts the run. Cancel stops before the next app; what is
// already deploying finishes. The status says what was done, what failed and what never started.
// An app known to be blocked (pinned, or a read-only context) is never tried: it would fail and
// halt the run before the apps after it. The caller either skips such apps or the start is refused.
import { randomUUID } from 'node:crypto';
import type { RollingDeployStatus } from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';
import { ApiError } from '../../clients/http/apiError';
import { summarizeHealth } from '../apps/appView';
import { mapWithConcurrency } from '../../base/concurrency';
import type { AuditLog } from './auditLog';
import type { DeployActions, DeployClient } from './deployActions';
import type { DeploymentFollower } from './deploymentFollower';
import { findBlocked, refusal } from './rollingBlocks';

type AppRun = RollingDeployStatus['apps'][number];

const APP_READS_AT_ONCE = 4;

interface Run {
  status: RollingDeployStatus;
  canceled: boolean;
  listeners: Set<(status: RollingDeployStatus) => void>;
}

export class RollingDeploys {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly deps: {
      client: Pick<DeployClient, 'getApp' | 'getAppHealth' | 'validateRollback'>;
      actions: DeployActions;
      follower: DeploymentFollower;
      audit: AuditLog;
      context: string;
      /** How long an app may take to report HEALTHY after going ACTIVE. */
      healthChecks?: { attempts: number; intervalMs: number };
    },
  ) {}

  async start(request: {
    appIds: string[];
    concurrency: number;
    forceBuild?: boolean;
    skipBlocked?: boolean;
  }): Promise<RollingDeployStatus> {
    // A few at a time: a run over hundreds of tenants must not spend the minute's limit at once.
    const read = await mapWithConcurrency(request.appIds, APP_READS_AT_ONCE, async (appId) => ({
      appId,
      app: await this.deps.client.getApp(appId),
    }));
    const blocked = await findBlocked(this.deps.client, read);
    const blockedIds = new Set(blocked.map((b) => b.appId));
    const apps = read
      .filter((r) => !blockedIds.has(r.appId))
      .map(({ appId, app }): AppRun => ({ appId, appName: app.spec.name, state: 'waiting' }));
    const refused = refusal(blocked, read.length, request.skipBlocked === true);
    if (refused) {
      // A refused start is recorded too: the Activity log says who asked for what and why not.
      const entry = this.deps.audit.start({
        context: this.deps.context,
        action: 'rolling_deploy',
        target: read.map((r) => r.app.spec.name).join(', '),
        parameters: rollingParameters(request, read.length, blocked, 'blocked'),
      });
      this.deps.audit.finish(entry, { result: 'refused', message: refused.message });
      throw refused;
    }
    const run: Run = {
      status: {
        id: randomUUID(),
        state: 'running',
        concurrency: request.concurrency,
        apps,
        ...(blocked.length ? { skipped: blocked } : {}),
        startedAt: new Date().toISOString(),
      },
      canceled: false,
      listeners: new Set(),
    };
    this.runs.set(run.status.id, run);
    const entry = this.deps.audit.start({
      context: this.deps.context,
      action: 'rolling_deploy',
      target: apps.map((a) => a.appName).join(', '),
      parameters: rollingParameters(request, apps.length, blocked, 'skipped'),
    });
    // The answer is the run as accepted; progress arrives on watchRollingDeploy.
    const accepted = structuredClone(run.status);
    void this.drive(run, request.forceBuild ?? false).then(() => {
      const failed = run.status.apps.filter((a) => a.state === 'failed').map((a) => a.appName);
      this.deps.audit.finish(entry, {
        result:
          run.status.state === 'succeeded' ? 'succeeded' : run.status.state === 'canceled' ? 'canceled' : 'failed',
        message: summary(run.status) + (failed.length ? ` Failed: ${failed.join(', ')}.` : ''),
      });
    });
    return accepted;
  }

  cancel(id: string): RollingDeployStatus {
    const run = this.runOf(id);
    run.canceled = true;
    this.emit(run);
    return structuredClone(run.status);
  }

  subscribe(id: string, emit: (status: RollingDeployStatus) => void): Disposable {
    const run = this.runOf(id);
    run.listeners.add(emit);
    emit(structuredClone(run.status));
    return { dispose: () => void run.listeners.delete(emit) };
  }

  private async drive(run: Run, forceBuild: boolean): Promise<void> {
    const { apps } = run.status;
    let halted = false;
    const next = () => (halted || run.canceled ? undefined : apps.find((a) => a.state === 'waiting'));
    const worker = async () => {
      for (let app = next(); app; app = next()) {
        app.state = 'deploying';
        this.emit(run);
        const ok = await this.deployOne(run, app, forceBuild);
        app.state = ok ? 'succeeded' : 'failed';
        if (!ok) halted = true;
        this.emit(run);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, run.status.concurrency) }, worker));
    for (const app of apps) if (app.state === 'waiting') app.state = run.canceled ? 'canceled' : 'not_started';
    run.status.state = halted ? 'halted' : run.canceled ? 'canceled' : 'succeeded';
    run.status.endedAt = new Date().toISOString();
    this.emit(run);
  }

  private async deployOne(run: Run, app: AppRun, forceBuild: boolean): Promise<boolean> {
    try {
      const started = await this.deps.actions.deploy(app.appId, forceBuild);
      app.deploymentId = started.deploymentId;
      app.phase = started.phase;
      this.emit(run);
      const end = await this.deps.follower.waitForEnd(started, (p) => {
        app.phase = p.phase;
        this.emit(run);
      });
      app.phase = end.phase;
      if (end.phase !== 'ACTIVE') {
        const failed = end.steps.find((s) => s.status === 'ERROR');
        app.message = failed?.reason ?? `The deployment ended ${end.phase}.`;
        return false;
      }
      return await this.becameHealthy(app);
    } catch (error) {
      app.message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  private async becameHealthy(app: AppRun): Promise<boolean> {
    const { attempts, intervalMs } = this.deps.healthChecks ?? { attempts: 10, intervalMs: 3000 };
    for (let i = 0; i < attempts; i++) {
      const health = summarizeHealth(await this.deps.client.getAppHealth(app.appId));
      // A static-only app has no health to report; ACTIVE is all there is.
      if (health.state === 'healthy' || Object.keys(health.components).length === 0) return true;
      if (i < attempts - 1) await new Promise((r) => setTimeout(r, intervalMs));
    }
    app.message = 'ACTIVE, but not HEALTHY in time: the rolling deploy stopped here.';
    return false;
  }

  private runOf(id: string): Run {
    const run = this.runs.get(id);
    if (!run)
      throw new ApiError({
        code: 'not_found',
        message: 'No such rolling deploy (it may belong to an earlier session).',
      });
    return run;
  }

  private emit(run: Run): void {
    const snapshot = structuredClone(run.status);
    for (const listener of run.listeners) listener(snapshot);
  }
}

export function summary(status: RollingDeployStatus): string {
  const count = (s: AppRun['state']) => status.apps.filter((a) => a.state === s).length;
  const skipped = status.skipped ?? [];
  const skips = skipped.length
    ? ` Skipped (blocked): ${skipped.map((b) => `${b.appName} — ${b.reason.replace(/:.*$/, '')}`).join('; ')}.`
    : '';
  const skippedCount = skipped.length ? `, ${skipped.length} skipped` : '';
  return `${count('succeeded')} deployed, ${count('failed')} failed, ${count('not_started') + count('canceled')} not started${skippedCount}.${skips}`;
}

/**
 * What the Activity log keeps of a run's request. Blocked apps go by name: "skipped" when the run
 * went on without them, "blocked" when they kept it from starting.
 */
function rollingParameters(
  request: { concurrency: number; forceBuild?: boolean },
  apps: number,
  blocked: ReadonlyArray<{ appName: string }>,
  as: 'skipped' | 'blocked',
): Record<string, string | number | boolean | null> {
  return {
    apps,
    concurrency: request.concurrency,
    force_build: request.forceBuild ?? false,
    [as]: blocked.length ? blocked.map((b) => b.appName).join(', ') : null,
  };
}
