// One action per app at a time: a double click, or a second window, never sends two mutations.
// An action holds its app from before its request goes out until the platform has taken it up —
// not merely until the request answered: a deployment the API just accepted still waits in
// PENDING, and a second restart sent then would start a second one over it.
import { ApiError } from '../../clients/http/apiError';

/** Who holds an app, as the refusal tells it. */
export interface LockHolder {
  readonly what: string;
  /** Set once the request answered and the app is held until its deployment starts. */
  deploymentId?: string;
  phase?: string;
}

export interface LockOptions<T> {
  /**
   * After `work` answered: keeps the app held until the returned promise settles (the deployment
   * it started is under way). It may name the deployment and its phase on `holder`.
   */
  keepUntil?: (result: T, holder: LockHolder) => Promise<unknown> | undefined;
  /** This action cancels that deployment, so it may go while the app only waits for it to start. */
  cancels?: string;
}

export class AppLocks {
  private readonly busy = new Map<string, LockHolder>();

  async run<T>(appId: string, what: string, work: () => Promise<T>, options: LockOptions<T> = {}): Promise<T> {
    const current = this.busy.get(appId);
    if (current && !(options.cancels && current.deploymentId === options.cancels)) throw refusal(current);
    const holder: LockHolder = { what };
    this.busy.set(appId, holder);
    let kept: Promise<unknown> | undefined;
    try {
      const result = await work();
      kept = options.keepUntil?.(result, holder);
      return result;
    } finally {
      if (kept) void kept.catch(() => {}).then(() => this.release(appId, holder));
      else this.release(appId, holder);
    }
  }

  /** A cancel may have taken the app over meanwhile: only the holder itself lets go. */
  private release(appId: string, holder: LockHolder): void {
    if (this.busy.get(appId) === holder) this.busy.delete(appId);
  }
}

function refusal(holder: LockHolder): ApiError {
  const waiting = holder.deploymentId
    ? ` The deployment it started (${holder.deploymentId.slice(0, 8)}) is still ${holder.phase ?? 'pending'}: wait until it begins, or cancel it.`
    : '';
  return new ApiError({
    code: 'conflict',
    message: `Another action (${holder.what}) on this app is still in progress; nothing was sent.${waiting}`,
  });
}
