// Follows deployments to their end: live progress for the window (watchDeployment), and for
// every deployment the user started, the Activity outcome and a notice when it finishes.
import type { ActivityEntry, DeploymentProgress, Result } from '../../../src-preload/contract';
import type { Disposable, ErrorMapper } from '../../bridge/dispatcher';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import type { Logger } from '../../logging/logger';
import type { AuditLog } from './auditLog';
import type { NoticeHub } from './notices';
import { toProgress } from './progress';

type FollowClient = Pick<DigitalOceanClient, 'getDeployment'>;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DeploymentFollower {
  constructor(
    private readonly client: FollowClient,
    private readonly audit: AuditLog,
    private readonly notices: NoticeHub,
    private readonly log: Logger,
    private readonly pollMs = 2000,
  ) {}

  /** Polls until the deployment reaches a terminal phase (or `isCanceled` says stop). */
  async waitForEnd(
    start: DeploymentProgress,
    onProgress: (p: DeploymentProgress) => void = () => {},
    isCanceled: () => boolean = () => false,
  ): Promise<DeploymentProgress> {
    let progress = start;
    let failures = 0;
    while (!progress.terminal && !isCanceled()) {
      await wait(this.pollMs);
      try {
        progress = toProgress(
          start.appId,
          start.appName,
          await this.client.getDeployment(start.appId, start.deploymentId),
        );
        failures = 0;
        onProgress(progress);
      } catch (error) {
        // A few failed reads are weather; many in a row are an answer.
        if (++failures >= 5) throw error;
      }
    }
    return progress;
  }

  /** Background: outcome into the Activity log, and a notice for the user who started it. */
  follow(start: DeploymentProgress, entry: ActivityEntry): void {
    void this.waitForEnd(start).then(
      (end) => {
        const ok = end.phase === 'ACTIVE' || end.phase === 'SUPERSEDED';
        const result = ok ? 'succeeded' : end.phase === 'CANCELED' ? 'canceled' : 'failed';
        const failedStep = end.steps.find((s) => s.status === 'ERROR');
        this.audit.finish(entry, {
          result,
          deploymentId: end.deploymentId,
          ...(failedStep ? { message: [failedStep.label, failedStep.reason].filter(Boolean).join(': ') } : {}),
        });
        this.notices.publish({
          level: ok ? 'success' : result === 'canceled' ? 'info' : 'error',
          title: ok
            ? `${end.appName} is live`
            : result === 'canceled'
              ? `${end.appName}: deployment canceled`
              : `${end.appName}: deployment failed`,
          body: ok
            ? `The ${entry.action.replace('_', ' ')} finished in ${end.elapsedSeconds} s.`
            : (failedStep?.reason ?? `The deployment ended ${end.phase}.`),
          appId: end.appId,
        });
      },
      (error: unknown) => {
        this.log.warn(
          `lost track of deployment ${start.deploymentId}: ${error instanceof Error ? error.message : String(error)}`,
        );
        this.audit.finish(entry, {
          result: 'failed',
          message: 'Fleetdeck lost track of the deployment; check the app.',
        });
      },
    );
  }

  /** The watchDeployment stream: the current progress at once, then every change, until terminal. */
  watch(
    appId: string,
    deploymentId: string,
    appName: () => Promise<string>,
    toError: ErrorMapper,
    emit: (event: Result<DeploymentProgress>) => void,
  ): Disposable {
    let disposed = false;
    let last = '';
    const send = (p: DeploymentProgress) => {
      const key = JSON.stringify([p.phase, p.done, p.steps.map((s) => s.status)]);
      if (!disposed && key !== last) {
        last = key;
        emit({ ok: true, value: p });
      }
    };
    void (async () => {
      try {
        const [name, deployment] = await Promise.all([appName(), this.client.getDeployment(appId, deploymentId)]);
        const first = toProgress(appId, name, deployment);
        send(first);
        await this.waitForEnd(first, send, () => disposed);
      } catch (error) {
        if (!disposed) emit({ ok: false, error: toError('watchDeployment', error) });
      }
    })();
    return { dispose: () => void (disposed = true) };
  }
}
