// Follows deployments to their end: live progress for the window (watchDeployment), and for
// every deployment the user started, the Activity outcome and a notice when it finishes.
import type { ActivityEntry, DeploymentProgress, Result } from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';
import type { ErrorMapper } from '../../base/errors';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import { ApiError } from '../../clients/http/apiError';
import { inBackground } from '../../clients/http/requestGate';
import type { Logger } from '../../logging/logger';
import { systemClock, type Clock } from '../budget/clock';
import type { AuditLog } from './auditLog';
import type { NoticeHub } from './notices';
import { toProgress } from './progress';

type FollowClient = Pick<DigitalOceanClient, 'getDeployment'>;

/** The first half-minute of a deployment moves fastest (queued, building); poll at the start rate. */
const FAST_FOR_MS = 30_000;
/** Then ease off to doctl's pace: its --wait reads a deployment every 10 s. */
const SLOW_POLL_MS = 10_000;

/** The wait before the next read of a deployment followed for `elapsedMs`, after waiting `previousMs`. */
export function nextPollDelayMs(previousMs: number, elapsedMs: number, initialMs: number): number {
  if (elapsedMs < FAST_FOR_MS) return initialMs;
  return Math.min(Math.max(SLOW_POLL_MS, initialMs), Math.max(previousMs * 2, initialMs));
}

interface Watcher {
  onProgress: (p: DeploymentProgress) => void;
  isCanceled: () => boolean;
  resolve: (p: DeploymentProgress) => void;
  reject: (error: unknown) => void;
}

/** One read loop per deployment, however many wait on it (an action, a rolling deploy, the window). */
interface Poll {
  last: DeploymentProgress;
  watchers: Set<Watcher>;
}

export class DeploymentFollower {
  private readonly polls = new Map<string, Poll>();
  private readonly clock: Clock;

  constructor(
    private readonly client: FollowClient,
    private readonly audit: AuditLog,
    private readonly notices: NoticeHub,
    private readonly log: Logger,
    private readonly pollMs = 2000,
    options: { clock?: Clock } = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Until the deployment reaches a terminal phase (or `isCanceled` says stop), with every reading
   * on the way. Everyone waiting on the same deployment shares one poll.
   */
  waitForEnd(
    start: DeploymentProgress,
    onProgress: (p: DeploymentProgress) => void = () => {},
    isCanceled: () => boolean = () => false,
  ): Promise<DeploymentProgress> {
    if (start.terminal || isCanceled()) return Promise.resolve(start);
    return new Promise((resolve, reject) => {
      const key = `${start.appId}/${start.deploymentId}`;
      const existing = this.polls.get(key);
      const poll = existing ?? { last: start, watchers: new Set() };
      poll.watchers.add({ onProgress, isCanceled, resolve, reject });
      if (!existing) {
        this.polls.set(key, poll);
        void this.run(key, poll);
      }
    });
  }

  private async run(key: string, poll: Poll): Promise<void> {
    const began = this.clock.now();
    let delay = this.pollMs;
    let failures = 0;
    try {
      while (this.release(poll)) {
        await this.clock.sleep(delay);
        if (!this.release(poll)) break;
        const { appId, appName, deploymentId } = poll.last;
        try {
          const deployment = await inBackground('poll', () => this.client.getDeployment(appId, deploymentId));
          poll.last = toProgress(appId, appName, deployment);
          failures = 0;
          for (const watcher of poll.watchers) watcher.onProgress(poll.last);
        } catch (error) {
          // A 429 only says to wait (the budget holds background reads back); a few other failed
          // reads in a row are weather, many are an answer.
          const limited = error instanceof ApiError && error.code === 'rate_limited';
          if (!limited && ++failures >= 5) {
            for (const watcher of poll.watchers) watcher.reject(error);
            poll.watchers.clear();
          }
        }
        delay = nextPollDelayMs(delay, this.clock.now() - began, this.pollMs);
      }
    } finally {
      this.polls.delete(key);
    }
  }

  /** Lets go of watchers that are done (terminal reading, or canceled); true while any remain. */
  private release(poll: Poll): boolean {
    for (const watcher of poll.watchers) {
      if (poll.last.terminal || watcher.isCanceled()) {
        poll.watchers.delete(watcher);
        watcher.resolve(poll.last);
      }
    }
    return poll.watchers.size > 0;
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
