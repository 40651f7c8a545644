// The browser harness: the built renderer served on loopback, with window.fleet carried over a
// WebSocket to the real main-process services. Only a page that knows this run's token, from our
// own origin, may open the socket.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { HARNESS_SOCKET_PATH } from '../../src-preload/harnessProtocol';
import type { ContractDispatcher } from '../bridge/dispatcher';
import { answerClientErrors, guardUpgradeSocket, parseTarget, rawAnswer, readBody } from '../sandbox/http';
import { serveContract } from './bridgeSocket';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The biggest message a page may send: a spec edit's YAML is tens of KiB. ws would accept 100 MiB
 * and hold it all in memory before we ever saw it.
 */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

type Answer = { status: number; body: Buffer | string; type: string };
const plain = (status: number, body: string): Answer => ({ status, body, type: 'text/plain' });

function writeAnswer(res: ServerResponse, { status, body, type }: Answer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // frame-ancestors only works as a header; the page's own meta CSP carries the rest.
    'content-security-policy': "frame-ancestors 'none'",
  });
  res.end(body);
}

export interface HarnessOptions {
  dispatcher: ContractDispatcher;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** e2e only (`--sandbox-controls`): answers /sandbox-controls/… for a request carrying the page's token. */
  controls?: (
    method: string,
    pathname: string,
    body: unknown,
  ) => { status: number; body: string } | Promise<{ status: number; body: string }>;
}

export interface RunningHarness {
  url: string;
  origin: string;
  token: string;
  /** Closes every open page's socket, as a restart would (e2e, before its runtime is replaced). */
  closePages(): void;
  /**
   * e2e: serves the pages that connect from now on with `next` (a fresh runtime's dispatcher),
   * after closing any still open; the URL and token stay the same.
   */
  replaceDispatcher(next: ContractDispatcher): void;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const token = randomBytes(18).toString('base64url');
  const root = normalize(options.rendererDir);
  let origin = '';
  let dispatcher = options.dispatcher;

  const server: Server = createServer((req, res) => {
    // Nothing a request does may reject unheard: that would end the process.
    serveFile(req)
      .catch(() => plain(500, 'Internal error'))
      .then((answer) => writeAnswer(res, answer))
      .catch(() => res.destroy());
  });

  answerClientErrors(server);

  async function serveFile(req: IncomingMessage): Promise<Answer> {
    const url = parseTarget(req.url, origin);
    if (url && options.controls && url.pathname.startsWith('/sandbox-controls/')) {
      if (url.searchParams.get('token') !== token) return plain(403, 'Forbidden');
      const body = req.method === 'GET' ? undefined : await readBody(req);
      return { ...(await options.controls(req.method ?? 'GET', url.pathname, body)), type: 'application/json' };
    }
    if (req.method !== 'GET') return plain(405, 'Method not allowed');
    if (!url) return plain(400, 'Bad request');
    const pathname = decodeURIComponent(url.pathname);
    const relative = pathname === '/' || pathname === '/index.html' ? 'harness.html' : pathname.slice(1);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep)) return plain(404, 'Not found');
    try {
      return {
        status: 200,
        body: await readFile(file),
        type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      };
    } catch {
      return plain(404, 'Not found');
    }
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    guardUpgradeSocket(socket);
    const url = parseTarget(req.url, origin);
    if (!url) return void socket.end(rawAnswer('400 Bad Request'));
    const trusted =
      url.pathname === HARNESS_SOCKET_PATH && url.searchParams.get('token') === token && req.headers.origin === origin;
    if (!trusted) return void socket.end(rawAnswer('403 Forbidden'));
    sockets.handleUpgrade(req, socket, head, (ws) => serveContract(ws, dispatcher));
  });

  // 1012 "service restart": the page hears its calls were lost and connects again, to whichever
  // runtime serves then.
  const closePages = () => {
    for (const client of sockets.clients) client.close(1012, 'Fleetdeck started over');
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    closePages,
    replaceDispatcher: (next) => {
      // A page of the old runtime must not go on calling it.
      closePages();
      dispatcher = next;
    },
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
