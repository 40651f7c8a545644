// Supabase counts 120 requests a minute per user, per scope (project or organization) and per
// endpoint, and says where a bucket stands in x-ratelimit-remaining and x-ratelimit-reset
// (seconds until the window ends). The shared transport reads only DigitalOcean's headers and,
// on a 429 without Retry-After, retries after a second: inside the window that only meets
// another 429. So the Supabase client keeps its own books, per bucket: a call to a bucket that is
// spent (remaining 0, or a 429 seen) waits until its window ends before it goes. It sits in the
// transport's gate, so every attempt, retries included, passes through it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestGate, RequestOutcome } from '../http/requestGate';

/** Without a reset header, a spent bucket waits out a whole window. */
const DEFAULT_WINDOW_SECONDS = 60;

const currentBucket = new AsyncLocalStorage<string>();

export class SupabaseRateLimits {
  /** Bucket → when it may be used again (ms on this process's clock); only spent buckets are here. */
  private readonly spentUntil = new Map<string, number>();

  constructor(
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `task` with its requests counted in `bucket`, e.g. "GET /v1/projects/{ref}/health abc…". */
  within<T>(bucket: string, task: () => Promise<T>): Promise<T> {
    return currentBucket.run(bucket, task);
  }

  /** The gate for the transport: holds a request to a spent bucket, then asks `outer` (the budget), if any. */
  gate(outer?: RequestGate): RequestGate {
    return {
      admit: async () => {
        const bucket = currentBucket.getStore();
        if (bucket !== undefined) await this.waitFor(bucket);
        const settleOuter = await outer?.admit();
        return (outcome: RequestOutcome) => {
          if (bucket !== undefined) this.record(bucket, outcome);
          settleOuter?.(outcome);
        };
      },
    };
  }

  private async waitFor(bucket: string): Promise<void> {
    const until = this.spentUntil.get(bucket);
    if (until === undefined) return;
    const ms = until - this.now();
    // Waits once, then lets the request go: the server's answer says whether the window has ended.
    this.spentUntil.delete(bucket);
    if (ms > 0) await this.sleep(ms);
  }

  private record(bucket: string, { status, headers }: RequestOutcome): void {
    if (status === undefined) return;
    const remaining = Number(headers?.['x-ratelimit-remaining']);
    const reset = Number(headers?.['x-ratelimit-reset']);
    if (status === 429 || remaining === 0) {
      const seconds = Number.isFinite(reset) && reset >= 0 ? reset : DEFAULT_WINDOW_SECONDS;
      this.spentUntil.set(bucket, this.now() + seconds * 1000);
    } else {
      this.spentUntil.delete(bucket);
    }
  }
}
