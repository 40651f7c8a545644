// The HTTP transport every API client shares: bearer auth, JSON, rate-limit headers, retries of
// reads, pagination by `links.pages.next`, and errors that never carry the token.
import axios, { type AxiosInstance } from 'axios';
import type { RateLimitInfo } from '../../../src-preload/contract';
import { ApiError, apiErrorFromResponse, networkError } from './apiError';
import { backgroundKind, type RequestGate } from './requestGate';
import { DEFAULT_RETRY_POLICY, decideRetry, parseRetryAfter, type RetryPolicy } from './retryPolicy';

export interface RestClientOptions {
  /** Name used in messages, e.g. "DigitalOcean". */
  service: string;
  baseUrl: string;
  /** Asked on every request so a token changed in the keychain takes effect at once. */
  token: () => string | Promise<string>;
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  onRateLimit?: (info: RateLimitInfo) => void;
  /** Told when the API refuses the token (401). */
  onUnauthorized?: (error: ApiError) => void;
  /** The request budget: every attempt (retries and pages too) asks it first and reports back. */
  gate?: RequestGate;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  params?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RestClient {
  private readonly http: AxiosInstance;
  private readonly origin: string;
  private lastRateLimit: RateLimitInfo | undefined;

  constructor(private readonly options: RestClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs ?? 30_000,
      // Every status is handled here, so axios never builds an error object holding our headers.
      validateStatus: () => true,
      headers: { Accept: 'application/json', 'User-Agent': 'Fleetdeck' },
      maxRedirects: 0,
    });
  }

  get rateLimit(): RateLimitInfo | undefined {
    return this.lastRateLimit;
  }

  async request<T>(method: HttpMethod, pathOrUrl: string, options: RequestOptions = {}): Promise<T> {
    return (await this.requestWithHeaders<T>(method, pathOrUrl, options)).data;
  }

  /** The same, with the response headers (e.g. GitHub's x-oauth-scopes). */
  async requestWithHeaders<T>(
    method: HttpMethod,
    pathOrUrl: string,
    options: RequestOptions = {},
  ): Promise<{ data: T; headers: Record<string, unknown> }> {
    const url = this.sameOriginUrl(pathOrUrl);
    const policy = this.options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    for (let attempt = 0; ; attempt++) {
      const token = await this.options.token();
      const settle = await this.options.gate?.admit();
      let status: number | undefined;
      let failure: ApiError;
      let retryAfterSeconds: number | undefined;
      try {
        const response = await this.http.request({
          method,
          url,
          params: options.params,
          data: options.body,
          headers: { Authorization: `Bearer ${token}` },
        });
        status = response.status;
        settle?.({ status, headers: response.headers });
        this.readRateLimit(response.headers);
        if (status >= 200 && status < 300) return { data: response.data as T, headers: response.headers };
        retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], Date.now());
        failure = apiErrorFromResponse(this.options.service, status, response.data, retryAfterSeconds);
        if (status === 401) this.options.onUnauthorized?.(failure);
      } catch (error) {
        if (status === undefined) settle?.({});
        failure = this.transportFailure(error);
      }
      // A background read leaves a 429 to the request budget, which has paused such reads until
      // the limit allows them; waiting here too would hold the caller with nothing to show for it.
      if (status === 429 && this.options.gate && backgroundKind()) throw failure;
      const decision = decideRetry({
        method,
        attempt,
        status,
        networkFailure: status === undefined,
        retryAfterSeconds,
        policy,
      });
      if (!decision.retry) throw failure;
      await (this.options.sleep ?? wait)(decision.delayMs);
    }
  }

  /** Reads every page of a list endpoint (200 a page, the API's maximum). */
  async getAllPages<T>(path: string, key: string, params: RequestOptions['params'] = {}): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    let firstParams: RequestOptions['params'] = { per_page: 200, ...params };
    while (next) {
      const page = this.expectObject(await this.request<unknown>('GET', next, { params: firstParams }), key);
      const pageItems = page[key];
      // The API leaves an empty list out (protobuf JSON), but then still says how many there are.
      if (pageItems === undefined && !isRecord(page.meta)) throw this.unexpectedBody(key);
      if (pageItems !== undefined && !Array.isArray(pageItems)) throw this.unexpectedBody(key);
      if (Array.isArray(pageItems)) items.push(...(pageItems as T[]));
      const links = page.links as { pages?: { next?: string } } | undefined;
      next = links?.pages?.next;
      // The next link already holds page and per_page.
      firstParams = undefined;
    }
    return items;
  }

  /**
   * A JSON object as the answer, or an error that says so: a 200 carrying an HTML page (a proxy's
   * login, a captive portal) or nothing must not read as an empty fleet.
   */
  expectObject(body: unknown, what: string): Record<string, unknown> {
    if (isRecord(body)) return body;
    throw this.unexpectedBody(what);
  }

  private unexpectedBody(what: string): ApiError {
    return new ApiError({
      code: 'server_error',
      message: `${this.options.service}: the answer did not hold the expected ${what} (a page from a proxy or an empty reply?). Nothing was read from it.`,
    });
  }

  /** Keeps the bearer token on our API's host: a `next` link elsewhere is refused, not followed. */
  private sameOriginUrl(pathOrUrl: string): string {
    if (!/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
    const url = new URL(pathOrUrl);
    if (url.origin !== this.origin) {
      throw new ApiError({
        code: 'internal',
        message: `${this.options.service}: refused to follow a link to another host.`,
      });
    }
    return url.pathname + url.search;
  }

  private readRateLimit(headers: Record<string, unknown>): void {
    const limit = Number(headers['ratelimit-limit']);
    const remaining = Number(headers['ratelimit-remaining']);
    const resetAt = Number(headers['ratelimit-reset']);
    if (![limit, remaining, resetAt].every(Number.isFinite)) return;
    this.lastRateLimit = { limit, remaining, resetAt };
    this.options.onRateLimit?.(this.lastRateLimit);
  }

  private transportFailure(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    const code = axios.isAxiosError(error) ? error.code : undefined;
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return networkError(this.options.service, 'timeout', code);
    return networkError(this.options.service, 'network', code ?? 'no answer');
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
