// A POST that carries a header of its own (Idempotency-Key). The shared RestClient sends only
// Authorization, Accept and User-Agent, so this one request is made here, the RestClient's way:
// bearer token asked per request, the gate asked first and told how it ended, every status
// handled without axios building an error (which would hold our headers, the token with them),
// and never retried — a mutation that failed may still have happened.
import axios, { type AxiosInstance } from 'axios';
import { ApiError, apiErrorFromResponse, networkError } from '../http/apiError';
import type { RequestGate } from '../http/requestGate';
import { parseRetryAfter } from '../http/retryPolicy';

export interface HeaderPostOptions {
  baseUrl: string;
  token: () => string | Promise<string>;
  timeoutMs?: number;
  gate: RequestGate;
  onUnauthorized?: (error: ApiError) => void;
}

const SERVICE = 'Supabase';

export class HeaderPost {
  private readonly http: AxiosInstance;

  constructor(private readonly options: HeaderPostOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs ?? 30_000,
      validateStatus: () => true,
      headers: { Accept: 'application/json', 'User-Agent': 'Fleetdeck' },
      maxRedirects: 0,
    });
  }

  async post(path: string, body: unknown, headers: Record<string, string>): Promise<void> {
    const token = await this.options.token();
    const settle = await this.options.gate.admit();
    let status: number | undefined;
    try {
      const response = await this.http.request({
        method: 'POST',
        url: path,
        data: body,
        headers: { ...headers, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      });
      status = response.status;
      settle({ status, headers: response.headers });
      if (status >= 200 && status < 300) return;
      const retryAfter = parseRetryAfter(response.headers['retry-after'], Date.now());
      const failure = apiErrorFromResponse(SERVICE, status, response.data, retryAfter);
      if (status === 401) this.options.onUnauthorized?.(failure);
      throw failure;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (status === undefined) settle({});
      const code = axios.isAxiosError(error) ? error.code : undefined;
      if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') throw networkError(SERVICE, 'timeout', code);
      throw networkError(SERVICE, 'network', code ?? 'no answer');
    }
  }
}
