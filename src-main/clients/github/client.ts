// GitHub's REST API through Octokit, with GitHub's own rate-limit handling (plugin-throttling)
// and retries of failed reads (plugin-retry). Every read is conditional: an ETag cache keyed by
// URL sends If-None-Match, and a 304 — free of rate limit, which is how a desktop app that cannot
// receive webhooks can keep polling — gives back the body it already has.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { ApiError } from '../http/apiError';
import { backgroundKind } from '../http/requestGate';
import { gitHubError, statusOf } from './errors';
import { EtagCache } from './etagCache';
import {
  ciOf,
  comparisonOf,
  summaryOf,
  type BranchData,
  type CheckRunsData,
  type CombinedStatusData,
  type ComparisonData,
} from './shapes';
import type { GitHubCiStatus, GitHubCommitSummary, GitHubComparison, GitHubReposApi } from './types';

export const GITHUB_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  /** api.github.com by default; GitHub Enterprise's `https://HOST/api/v3`, or the sandbox's `${url}/github`. */
  baseUrl?: string;
  /** Asked on every request, so the token lives in the keychain and never in this client. */
  token: () => Promise<string>;
  /** Told when GitHub refuses the token (401). */
  onUnauthorized?: (error: ApiError) => void;
  /** Retries of a read that failed with a 5xx or no answer (default 2). */
  retries?: number;
  /** Base of the retry backoff and of the rate-limit waits, ms per step (default 1000; tests lower it). */
  waitUnitMs?: number;
  /** Per-request time limit (default 30 s). */
  timeoutMs?: number;
  /** Electron's net.fetch (the system's proxy and certificates) or a test's; global fetch by default. */
  fetch?: typeof fetch;
}

/** What a compare lists: GitHub's largest page. A deploy dialog shows 20 and counts the rest. */
const COMPARE_PAGE = 100;
const SHA_MEDIA_TYPE = 'application/vnd.github.sha';

const GitHubOctokit = Octokit.plugin(throttling, retry);
type GitHubOctokit = InstanceType<typeof GitHubOctokit>;

/** Marks a request as a background read in Octokit's per-request options. */
interface FleetRequestOptions {
  background?: boolean;
}

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export class GitHubClient implements GitHubReposApi {
  private readonly octokit: GitHubOctokit;
  private readonly cache = new EtagCache();

  constructor(private readonly options: GitHubClientOptions) {
    const unit = options.waitUnitMs ?? 1000;
    this.octokit = new GitHubOctokit({
      baseUrl: (options.baseUrl ?? GITHUB_API_URL).replace(/\/+$/, ''),
      userAgent: 'Fleetdeck',
      log: silent,
      request: { fetch: timedFetch(options.fetch ?? globalThis.fetch, options.timeoutMs ?? 30_000) },
      retry: { retries: options.retries ?? 2, retryAfterBaseValue: unit },
      throttle: {
        retryAfterBaseValue: unit,
        fallbackSecondaryRateRetryAfter: 60,
        // The primary limit resets on the hour: only a background read waits for it, and once.
        // What the user asked for fails now, saying when to try again.
        onRateLimit: (_after, request, _octokit, retryCount) => backgroundOf(request) && retryCount === 0,
        // A secondary limit asks for Retry-After seconds (60 when unsaid): a background read
        // waits that once; the user's own read does not sit silent for a minute.
        onSecondaryRateLimit: (_after, request, _octokit, retryCount) => backgroundOf(request) && retryCount === 0,
      },
    });
    const { token } = options;
    // The token goes onto each request as it leaves and is never kept in a field.
    this.octokit.hook.before('request', async (request) => {
      request.headers.authorization = `Bearer ${await token()}`;
    });
  }

  async getBranchHead(repo: string, branch: string): Promise<GitHubCommitSummary> {
    const data = await this.read<BranchData>('GET /repos/{owner}/{repo}/branches/{branch}', {
      ...ownerAndName(repo),
      branch,
    });
    return summaryOf(data.commit);
  }

  /**
   * The bare sha a ref points at: GitHub's cheapest head check. `knownSha` is sent as the ETag
   * (GitHub allows it) so an unchanged ref answers 304 even before anything is cached.
   */
  async getHeadSha(repo: string, ref: string, knownSha?: string): Promise<string> {
    const data = await this.read<string>(
      'GET /repos/{owner}/{repo}/commits/{ref}',
      { ...ownerAndName(repo), ref },
      { accept: SHA_MEDIA_TYPE, ...(knownSha ? { knownEtag: `"${knownSha}"`, knownData: knownSha } : {}) },
    );
    return String(data).trim();
  }

  async compare(repo: string, base: string, head: string): Promise<GitHubComparison> {
    const data = await this.read<ComparisonData>('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...ownerAndName(repo),
      basehead: `${base}...${head}`,
      per_page: COMPARE_PAGE,
      page: 1,
    });
    return comparisonOf(data);
  }

  /** Check runs, then commit statuses (GitHub asks for serial requests), folded into one state. */
  async ciStatus(repo: string, ref: string): Promise<GitHubCiStatus> {
    const where = { ...ownerAndName(repo), ref };
    const runs = await this.read<CheckRunsData>('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...where,
      per_page: 100,
    });
    const combined = await this.read<CombinedStatusData>('GET /repos/{owner}/{repo}/commits/{ref}/status', {
      ...where,
      per_page: 100,
    });
    return ciOf(ref, runs, combined);
  }

  /** A conditional GET: If-None-Match from the cache, and the cached body on 304. */
  private async read<T>(
    route: string,
    params: Record<string, string | number>,
    media: { accept?: string; knownEtag?: string; knownData?: T } = {},
  ): Promise<T> {
    const { url } = this.octokit.request.endpoint(route, params);
    const key = `${url} ${media.accept ?? ''}`;
    const cached =
      this.cache.get(key) ?? (media.knownEtag ? { etag: media.knownEtag, data: media.knownData } : undefined);
    // Decided now: the throttle's callbacks run outside the caller's async context.
    const request: FleetRequestOptions = { background: backgroundKind() !== undefined };
    try {
      const response = await this.octokit.request(route, {
        ...params,
        headers: {
          ...(media.accept ? { accept: media.accept } : {}),
          ...(cached ? { 'if-none-match': cached.etag } : {}),
        },
        request,
      });
      const etag = response.headers.etag;
      if (etag) this.cache.set(key, { etag, data: response.data });
      return response.data as T;
    } catch (error) {
      if (statusOf(error) === 304 && cached) return cached.data as T;
      const failure = gitHubError(error);
      if (failure.code === 'unauthorized' && failure.status === 401) this.options.onUnauthorized?.(failure);
      throw failure;
    }
  }
}

/**
 * Each attempt gets its own time limit: one for the whole call would also run through a
 * rate-limit wait and abort the retry that follows it.
 */
function timedFetch(base: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const limit = AbortSignal.timeout(timeoutMs);
    return base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, limit]) : limit });
  };
}

function backgroundOf(request: { request?: unknown }): boolean {
  return (request.request as FleetRequestOptions | undefined)?.background === true;
}

/** "owner/name" → Octokit's owner and repo parameters. */
function ownerAndName(repo: string): { owner: string; repo: string } {
  const [owner, name, extra] = repo.split('/');
  if (!owner || !name || extra !== undefined) {
    throw new ApiError({ code: 'invalid_argument', message: `GitHub: "${repo}" is not an owner/name repository.` });
  }
  return { owner, repo: name };
}
