// The browser harness: the built renderer served on loopback, with window.fleet carried over a
// WebSocket to the real main-process services. Only a page that knows this run's token, from our
// own origin, may open the socket.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { HARNESS_SOCKET_PATH } from '../../src-preload/harnessProtocol';
import type { ContractDispatcher } from '../bridge/dispatcher';
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

export interface HarnessOptions {
  dispatcher: ContractDispatcher;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
}

export interface RunningHarness {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const token = randomBytes(18).toString('base64url');
  const root = normalize(options.rendererDir);
  let origin = '';

  const server: Server = createServer((req, res) => {
    void serveFile(req).then(({ status, body, type }) => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        // frame-ancestors only works as a header; the page's own meta CSP carries the rest.
        'content-security-policy': "frame-ancestors 'none'",
      });
      res.end(body);
    });
  });

  async function serveFile(req: IncomingMessage): Promise<{ status: number; body: Buffer | string; type: string }> {
    if (req.method !== 'GET') return { status: 405, body: 'Method not allowed', type: 'text/plain' };
    const pathname = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    const relative = pathname === '/' || pathname === '/index.html' ? 'harness.html' : pathname.slice(1);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep)) return { status: 404, body: 'Not found', type: 'text/plain' };
    try {
      return {
        status: 200,
        body: await readFile(file),
        type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      };
    } catch {
      return { status: 404, body: 'Not found', type: 'text/plain' };
    }
  }

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const trusted =
      url.pathname === HARNESS_SOCKET_PATH && url.searchParams.get('token') === token && req.headers.origin === origin;
    if (!trusted) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveContract(ws, options.dispatcher));
  });

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
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
