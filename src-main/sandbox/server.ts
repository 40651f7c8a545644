// The sandbox cloud: a loopback HTTP server speaking the subset of the DigitalOcean API Fleetdeck
// uses. It is the app's demo mode and the target of every test. One module per API area
// registers its routes; they share one in-memory state.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import {
  answerClientErrors,
  doError,
  parseTarget,
  readBody,
  Router,
  writeResponse,
  type SandboxRequest,
  type SandboxResponse,
} from './http';
import { DIGITALOCEAN_LIMITS, RateLimiter, type RateLimitOptions } from './rateLimiter';
import { advanceAll } from './deployEngine';
import { registerAccountRoutes } from './routes/account';
import { registerAlertRoutes } from './routes/alerts';
import { registerAppRoutes } from './routes/apps';
import { answerThirdParty, isThirdPartyPath } from './thirdPartyApis';
import { registerDeploymentRoutes } from './routes/deployments';
import { registerProjectRoutes } from './routes/projects';
import { registerUsageRoutes } from './routes/usage';
import { registerUptimeRoutes } from './routes/uptime';
import { registerMonitoringAlertRoutes } from './routes/monitoringAlerts';
import { registerInfrastructureRoutes } from './routes/infrastructure';
import { startSandboxDnsEdge, type SandboxDnsEdge } from './dns';
import { createSandboxLogs, SIGNED_LOG_PREFIX, type SandboxLogOptions, type SandboxLogs } from './logs';
import { lacksScope, type SandboxState } from './state';
import { scopeFor } from './scopes';

export interface SandboxOptions {
  state: SandboxState;
  /** 0 (default) picks a free port. */
  port?: number;
  rateLimits?: RateLimitOptions;
  logs?: SandboxLogOptions;
}

export interface RunningSandbox {
  url: string;
  state: SandboxState;
  faults: FaultInjector;
  /** Live log sockets, signed archives, log faults. */
  logs: SandboxLogs;
  /** "METHOD /path?query" of every request, for tests that count calls. */
  requests: string[];
  /** Beside each request, which token made it as a fingerprint (never the token): see tokenFingerprint. */
  requestTokens: string[];
  /** Loopback DNS server and HTTPS edge answering from the DNS zones (live checks). */
  dns: SandboxDnsEdge;
  /**
   * When each request came in and when its answer was written, for the bench's round-trip count
   * (which of a refresh's requests waited for another's answer). Returns the unsubscribe.
   */
  watchRequestTimes(listener: (timing: SandboxRequestTiming) => void): () => void;
  close(): Promise<void>;
}

export interface SandboxRequestTiming {
  /** "METHOD /path?query". */
  target: string;
  /** performance.now() of this process. */
  receivedAt: number;
  answeredAt: number;
}

/** How many of the newest requests the sandbox remembers for tests (and twice that at most). */
const KEPT_REQUESTS = 50_000;

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { state } = options;
  const faults = new FaultInjector();
  const limiter = new RateLimiter(state.clock, options.rateLimits ?? DIGITALOCEAN_LIMITS);
  const router = new Router();
  const requests: string[] = [];
  const requestTokens: string[] = [];
  registerAppRoutes(router, state);
  registerAccountRoutes(router, state);
  registerDeploymentRoutes(router, state);
  registerProjectRoutes(router, state);
  registerUsageRoutes(router, state);
  registerAlertRoutes(router, state);
  registerInfrastructureRoutes(router, state);
  const dns = await startSandboxDnsEdge(router, state);
  // Uptime checks probe their targets through the DNS and HTTPS edge.
  registerUptimeRoutes(router, state, dns);
  registerMonitoringAlertRoutes(router, state);
  const logs = createSandboxLogs(router, state, () => baseUrl, options.logs);

  const timingWatchers = new Set<(timing: SandboxRequestTiming) => void>();
  const server: Server = createServer((req, res) => {
    if (timingWatchers.size > 0) {
      const receivedAt = performance.now();
      const target = `${req.method ?? 'GET'} ${req.url ?? ''}`;
      res.once('finish', () => {
        const timing = { target, receivedAt, answeredAt: performance.now() };
        for (const watcher of timingWatchers) watcher(timing);
      });
    }
    // Nothing a request does may reject unheard: that would end the process (the app's own).
    handle(req, res)
      .catch(() => {
        if (res.headersSent) res.destroy();
        else writeResponse(res, doError(500, 'server_error', 'Unexpected server-side error'));
      })
      .catch(() => res.destroy());
  });
  answerClientErrors(server);
  logs.attach(server);

  let baseUrl = '';
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = parseTarget(req.url, baseUrl);
    if (!url) return writeResponse(res, doError(400, 'bad_request', 'The request target is not a valid URL.'));
    // Signed log archives carry their own credential in the URL, like DigitalOcean's: no Bearer.
    if (method === 'GET' && url.pathname.startsWith(SIGNED_LOG_PREFIX))
      return writeResponse(res, logs.serveArchive(url));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    requests.push(`${method} ${url.pathname}${url.search}`);
    requestTokens.push(tokenFingerprint(token));
    // The demo runs for days in the app: keep the newest requests, not every one since the start.
    if (requests.length > KEPT_REQUESTS * 2) {
      requests.splice(0, KEPT_REQUESTS);
      requestTokens.splice(0, KEPT_REQUESTS);
    }
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));

    if (isThirdPartyPath(url.pathname)) {
      // Supabase's writes carry a JSON body (a migration) and headers (Idempotency-Key); GitHub
      // reads Accept and If-None-Match.
      const body = method === 'GET' ? undefined : await readBody(req);
      if (body === Symbol.for('invalid-json'))
        return writeResponse(res, { status: 400, body: { message: 'Request body is not valid JSON.' } });
      return writeResponse(
        res,
        answerThirdParty(state, method, url.pathname, token, url.searchParams, { headers: req.headers, body }),
      );
    }
    const grant = token ? state.tokens.get(token) : undefined;
    if (!token || !grant || (grant.api ?? 'digitalocean') !== 'digitalocean') {
      writeResponse(res, doError(401, 'unauthorized', 'Unable to authenticate you.'));
      return;
    }
    const limit = limiter.take(token);
    const answer = await answerFor(method, url, req, token, grant.scopes, limit.allowed);
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    writeResponse(res, { ...answer, headers: { ...limit.headers, ...answer.headers } });
  }

  async function answerFor(
    method: string,
    url: URL,
    req: IncomingMessage,
    token: string,
    scopes: 'read-write' | 'read-only',
    allowed: boolean,
  ): Promise<SandboxResponse | 'drop'> {
    if (!allowed) return doError(429, 'too_many_requests', 'API rate limit exceeded.');
    const fault = faults.take(method, url.pathname);
    if (fault?.kind === 'drop') return 'drop';
    if (fault && fault.kind !== 'drop_after_handling') {
      const answer =
        fault.body !== undefined
          ? { status: fault.status ?? 500, body: fault.body }
          : doError(
              fault.status ?? 500,
              fault.status === 429 ? 'too_many_requests' : 'server_error',
              fault.status === 429 ? 'API rate limit exceeded.' : 'Unexpected server-side error',
            );
      return fault.retryAfterSeconds !== undefined
        ? { ...answer, headers: { 'retry-after': String(fault.retryAfterSeconds) } }
        : answer;
    }
    const found = router.match(method, url.pathname);
    if (!found) return doError(404, 'not_found', 'The resource you requested could not be found.');
    // A read-only token holds every :read scope and nothing else; a custom-scoped one may lack some.
    const scope = scopeFor(method, url.pathname);
    const writes = scope ? !scope.endsWith(':read') : method !== 'GET';
    if ((writes && scopes === 'read-only') || (scope && lacksScope(state, token, scope))) {
      return doError(403, 'forbidden', 'You are not authorized to perform this operation');
    }
    const body = await readBody(req);
    if (body === Symbol.for('invalid-json')) return doError(400, 'bad_request', 'Request body is not valid JSON.');
    const request: SandboxRequest = { method, url, params: found.params, headers: req.headers, body, token };
    // Deployments move on with the clock; every answer sees them where they are now.
    advanceAll(state);
    const answer = await found.route.handler(request);
    return fault?.kind === 'drop_after_handling' ? 'drop' : answer;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    state,
    faults,
    logs,
    requests,
    requestTokens,
    dns,
    watchRequestTimes: (listener) => {
      timingWatchers.add(listener);
      return () => void timingWatchers.delete(listener);
    },
    close: () =>
      Promise.all([
        dns.close(),
        new Promise<void>((resolve) => {
          logs.close();
          server.closeAllConnections();
          server.close(() => resolve());
        }),
      ]).then(() => undefined),
  };
}

/**
 * Which token made a request, for e2e stories that check an action went out with the right
 * account's token: the first 12 hex digits of its SHA-256, which say nothing of the token itself.
 */
export function tokenFingerprint(token: string | undefined): string {
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 12) : '';
}
