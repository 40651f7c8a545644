// Every failed API call becomes an ApiError built from the API's own error body. It is made from
// scratch (never wraps an AxiosError), because axios errors carry the request headers and with
// them the Authorization token.
import type { FleetError, FleetErrorCode } from '../../../src-preload/contract';

export class ApiError extends Error {
  readonly code: FleetErrorCode;
  readonly status?: number;
  /** The API's error id, e.g. "not_found", "too_many_requests". */
  readonly apiId?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: {
    code: FleetErrorCode;
    message: string;
    status?: number;
    apiId?: string;
    requestId?: string;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.apiId = init.apiId;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  toFleetError(): FleetError {
    return {
      code: this.code,
      message: this.message,
      ...(this.requestId ? { requestId: this.requestId } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export function codeForStatus(status: number): FleetErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 422) return 'unprocessable';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'invalid_argument';
}

const GENERIC_MESSAGES: Partial<Record<FleetErrorCode, string>> = {
  unauthorized: 'The token was refused (401). It may be revoked or expired: check the account in Settings.',
  forbidden: 'The token is not allowed to do this (403): it may be read-only.',
  rate_limited: 'The API rate limit was reached (429).',
  server_error: 'The API had an internal error.',
};

/** Builds the error from the response body the API sent: `{id, message, request_id}`. */
export function apiErrorFromResponse(
  service: string,
  status: number,
  body: unknown,
  retryAfterSeconds?: number,
): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const apiMessage = typeof record.message === 'string' ? record.message : undefined;
  const code = codeForStatus(status);
  const message = `${service}: ${apiMessage ?? GENERIC_MESSAGES[code] ?? `HTTP ${status}`}`;
  return new ApiError({
    code,
    message,
    status,
    apiId: typeof record.id === 'string' ? record.id : undefined,
    requestId: typeof record.request_id === 'string' ? record.request_id : undefined,
    retryAfterSeconds,
  });
}

export function networkError(service: string, reason: 'timeout' | 'network', detail: string): ApiError {
  return new ApiError({
    code: reason,
    message:
      reason === 'timeout' ? `${service} did not answer in time.` : `${service} could not be reached (${detail}).`,
  });
}
