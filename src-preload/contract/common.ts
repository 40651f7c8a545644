// Types every domain of the contract shares: results, errors, rate limits, subscriptions.

export type FleetErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'invalid_argument'
  | 'unprocessable'
  | 'network'
  | 'timeout'
  | 'server_error'
  | 'untrusted_sender'
  /** Another action on the same app is still in flight. */
  | 'conflict'
  /** The app changed since the dialog read it; nothing was sent. */
  | 'stale'
  /** A mutation's answer was lost and re-reading could not tell whether it happened. */
  | 'unknown_outcome'
  | 'internal';

/** What the renderer learns of a failure: words for a person, never a token or a header. */
export interface FleetError {
  code: FleetErrorCode;
  message: string;
  /** The API's request id, for a support ticket. */
  requestId?: string;
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FleetError };

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Epoch seconds when the oldest counted request expires. */
  resetAt: number;
}

export type Unsubscribe = () => void;
