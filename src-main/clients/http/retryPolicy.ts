// When to try a request again. Only idempotent reads are retried: a mutation that failed or timed
// out may still have happened, so the caller must re-read state instead of sending it twice.

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After we wait out silently; longer ones fail with rate_limited. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

export function decideRetry(input: {
  method: string;
  attempt: number;
  status?: number;
  networkFailure?: boolean;
  retryAfterSeconds?: number;
  policy: RetryPolicy;
  random?: () => number;
}): RetryDecision {
  const { method, attempt, status, policy } = input;
  if (method.toUpperCase() !== 'GET' || attempt >= policy.maxRetries) return { retry: false };
  if (status === 429) {
    const waitMs = (input.retryAfterSeconds ?? 1) * 1000;
    return waitMs <= policy.maxRetryAfterMs ? { retry: true, delayMs: waitMs } : { retry: false };
  }
  if (input.networkFailure || (status !== undefined && status >= 500)) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    const jitter = 0.5 + (input.random ?? Math.random)() * 0.5;
    return { retry: true, delayMs: Math.round(exponential * jitter) };
  }
  return { retry: false };
}

export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
