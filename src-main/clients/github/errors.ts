// Octokit's failures as our ApiError. Built from scratch, never wrapping Octokit's RequestError:
// that one carries the request options, headers included. The message is GitHub's own words
// plus what to do about them.
import { ApiError, codeForStatus, networkError } from '../http/apiError';

const SERVICE = 'GitHub';

interface OctokitFailure {
  status?: number;
  name?: string;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

/** Anything shaped like a GitHub token, in case a message ever echoes one. */
const TOKEN_SHAPES = /\b(gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})\b/g;
const scrub = (text: string) => text.replace(TOKEN_SHAPES, '[token]');

export function statusOf(error: unknown): number | undefined {
  const status = (error as OctokitFailure | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function gitHubError(error: unknown, nowMs: number = Date.now()): ApiError {
  if (error instanceof ApiError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as OctokitFailure;
  const response = failure.response;
  if (!response) {
    // No answer at all: Octokit reports fetch failures and aborts as a 500 without a response.
    const timedOut =
      failure.name === 'AbortError' || failure.name === 'TimeoutError' || /timed? ?out/i.test(failure.message ?? '');
    return networkError(SERVICE, timedOut ? 'timeout' : 'network', scrub(failure.message ?? 'no answer'));
  }
  const status = failure.status ?? 500;
  const headers = response.headers ?? {};
  const header = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]));
  const body =
    typeof response.data === 'object' && response.data !== null ? (response.data as Record<string, unknown>) : {};
  const said = typeof body.message === 'string' ? scrub(body.message) : undefined;
  const requestId = header('x-github-request-id');
  const common = { status, ...(requestId ? { requestId } : {}) };

  const secondary = /secondary rate limit/i.test(said ?? '');
  if ((status === 403 || status === 429) && (header('x-ratelimit-remaining') === '0' || secondary)) {
    const retryAfter = Number(header('retry-after'));
    const reset = Number(header('x-ratelimit-reset'));
    const retryAfterSeconds =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter
        : secondary
          ? 60
          : Number.isFinite(reset) && reset > 0
            ? Math.max(0, Math.ceil(reset - nowMs / 1000))
            : 60;
    const limit = header('x-ratelimit-limit');
    const message = secondary
      ? `${SERVICE}: too many requests in a short time (secondary rate limit); try again in ${retryAfterSeconds} s.`
      : `${SERVICE}: the token's rate limit${limit ? ` (${limit} requests an hour)` : ''} is used up; it resets in ${Math.ceil(retryAfterSeconds / 60)} min.`;
    return new ApiError({ code: 'rate_limited', message, retryAfterSeconds, ...common });
  }
  const code = codeForStatus(status);
  const advice: Partial<Record<typeof code, string>> = {
    unauthorized: 'the token was refused. It may be revoked or expired: check the GitHub account in Settings.',
    forbidden:
      'the token may lack a permission (classic tokens need repo; fine-grained ones Contents, Checks, Commit statuses and Metadata read).',
    not_found:
      'no such repository, branch or commit, or the token cannot see it (private repositories need the repo scope).',
  };
  const words = said ?? `HTTP ${status}`;
  const message = `${SERVICE}: ${words} (${status})${advice[code] ? `: ${advice[code]}` : '.'}`;
  return new ApiError({ code, message, ...common });
}
