// Small HTTP toolkit for the sandbox cloud: a router, JSON answers in the APIs' own error shape,
// DigitalOcean-style pagination, and the rate-limit headers every answer carries. Also the guards
// every loopback server of the app (the sandbox, its HTTPS edge, the browser harness) puts
// between a malformed request and the process: nothing a client sends may end it.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';

export interface SandboxRequest {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** The bearer token the request carried, if any. */
  token?: string;
}

export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
  mutates: boolean;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `path` uses `:name` segments, e.g. `/v2/apps/:appId/deployments`. */
  add(method: string, path: string, handler: RouteHandler): this {
    const keys: string[] = [];
    const source = path.replace(/:([A-Za-z_]+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, handler, mutates: method !== 'GET' });
    return this;
  }

  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(found[i + 1] ?? '')));
      return { route, params };
    }
    return undefined;
  }
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse => ({
  status,
  body,
  headers,
});

let requestCounter = 0;
/** DigitalOcean's error body: `{id, message, request_id}`. */
export function doError(status: number, id: string, message: string): SandboxResponse {
  requestCounter += 1;
  const request_id = `sandbox-${Date.now().toString(16)}-${requestCounter.toString(16).padStart(6, '0')}`;
  return json(status, { id, message, request_id });
}

export const notFound = () => doError(404, 'not_found', 'The resource you requested could not be found.');

/** Pages a list the way DigitalOcean does: `links.pages` with absolute URLs and `meta.total`. */
export function paginate<T>(req: SandboxRequest, key: string, items: readonly T[]): SandboxResponse {
  const perPage = clampInt(req.url.searchParams.get('per_page'), 20, 1, 200);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page = clampInt(req.url.searchParams.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => {
    const url = new URL(req.url.toString());
    url.searchParams.set('page', String(p));
    url.searchParams.set('per_page', String(perPage));
    return url.toString();
  };
  const pages: Record<string, string> = {};
  if (page > 1) Object.assign(pages, { first: link(1), prev: link(Math.min(page - 1, lastPage)) });
  if (page < lastPage) Object.assign(pages, { next: link(page + 1), last: link(lastPage) });
  const body: Record<string, unknown> = { [key]: slice, meta: { total: items.length } };
  if (Object.keys(pages).length > 0) body.links = { pages };
  return json(200, body);
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  const n = raw === null ? NaN : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return Symbol.for('invalid-json');
    }
  }
  return text;
}

export function writeResponse(res: ServerResponse, answer: SandboxResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload = '';
  if (answer.body !== undefined) {
    payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}

/**
 * The request target as a URL, or undefined when it is none: `GET http://[` (an absolute-form
 * target `new URL` refuses) or `/%E0%A4%A` (an escape cut short, which every path decode after
 * this would throw on). Either way the answer is 400.
 */
export function parseTarget(target: string | undefined, base: string): URL | undefined {
  try {
    const url = new URL(target ?? '/', base);
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return undefined;
  }
}

/** A bare answer on a raw socket: refused upgrades, and requests Node's parser refused. */
export const rawAnswer = (status: string) => `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;

/**
 * Requests Node's parser refuses (garbage bytes, a header block past the limit, a timeout) get the
 * status Node itself would send, and the connection is closed. Mid-answer there is no clean way
 * to say it, so the connection is just dropped.
 */
export function answerClientErrors(server: Server | HttpsServer): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const answering = (socket as Duplex & { _httpMessage?: unknown })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering) return void socket.destroy();
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(rawAnswer(status));
  });
}

/**
 * An upgrade's socket belongs to no one until the WebSocket server takes it: a client that resets
 * it meanwhile (or while we refuse it) would raise an `error` nobody listens to.
 */
export function guardUpgradeSocket(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
}
