// window.fleet for the browser harness: the same named functions as the Electron preload, carried
// over a loopback WebSocket to the real main-process services. Loaded before the renderer.
import { METHOD_NAMES, STREAM_NAMES, type FleetApi, type Result } from './contract';
import { firstCallTakes } from './earlyAnswer';
import {
  HARNESS_SOCKET_PATH,
  parseHarnessMessage,
  type HarnessClientMessage,
  type HarnessServerMessage,
} from './harnessProtocol';

const token = new URLSearchParams(location.search).get('token') ?? '';
const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${HARNESS_SOCKET_PATH}?token=${encodeURIComponent(token)}`;

const lostConnection: Result<never> = {
  ok: false,
  error: {
    code: 'network',
    message: 'Lost the connection to the Fleetdeck harness. Reload the page when it is running again.',
  },
};

/** What public/harness-boot.js leaves: the socket it opened in the page's head and what came in. */
interface EarlySocket {
  socket: WebSocket;
  keptFleetCallId: number;
  received: unknown[] | null;
}

let socket: WebSocket | undefined;
let ready: Promise<WebSocket> | undefined;
// Ids above the boot script's (0), so its call's answer can wait among this bridge's own.
let nextId = 0;
const pendingCalls = new Map<number, (result: Result<unknown>) => void>();
const subscriptions = new Map<number, { listener: (event: unknown) => void; message: HarnessClientMessage }>();

/** The boot script's socket, once, unless it is already closing. */
function takeEarlySocket(): EarlySocket | undefined {
  const holder = window as unknown as { __fleetdeckHarnessSocket?: EarlySocket };
  const early = holder.__fleetdeckHarnessSocket;
  delete holder.__fleetdeckHarnessSocket;
  if (!early || early.socket.readyState > WebSocket.OPEN) return undefined;
  return early;
}

function onMessage(data: unknown): void {
  const message = parseHarnessMessage<HarnessServerMessage>(data);
  if (message?.type === 'result') {
    pendingCalls.get(message.id)?.(message.result);
    pendingCalls.delete(message.id);
  } else if (message?.type === 'event') {
    subscriptions.get(message.id)?.listener(message.event);
  }
}

function connect(early?: EarlySocket): Promise<WebSocket> {
  ready ??= new Promise((resolve) => {
    const ws = early?.socket ?? new WebSocket(socketUrl);
    socket = ws;
    const opened = () => {
      // The one place a subscription goes out on a new connection: those made before it opened,
      // and after a reconnect all live ones again. Each exactly once per connection.
      for (const { message } of subscriptions.values()) ws.send(JSON.stringify(message));
      resolve(ws);
    };
    if (ws.readyState === WebSocket.OPEN) opened();
    else ws.addEventListener('open', opened);
    ws.addEventListener('message', (event) => onMessage(event.data));
    // What came in before this bridge loaded, in order, ahead of anything that comes after.
    const received = early?.received ?? [];
    if (early) early.received = null;
    for (const data of received) onMessage(data);
    ws.addEventListener('close', () => {
      for (const settle of pendingCalls.values()) settle(lostConnection);
      pendingCalls.clear();
      for (const { listener } of subscriptions.values()) listener(lostConnection);
      ready = undefined;
      socket = undefined;
      if (subscriptions.size > 0) setTimeout(() => void connect(), 1000);
    });
  });
  return ready;
}

async function send(message: HarnessClientMessage): Promise<void> {
  (await connect()).send(JSON.stringify(message));
}

const api: Record<string, unknown> = {};
for (const method of METHOD_NAMES) {
  api[method] = (request?: unknown) =>
    new Promise<Result<unknown>>((resolve) => {
      const id = ++nextId;
      pendingCalls.set(id, resolve);
      void send({ type: 'call', id, method, request });
    });
}
for (const stream of STREAM_NAMES) {
  api[stream] = (request: unknown, listener: (event: unknown) => void) => {
    const id = ++nextId;
    const message: HarnessClientMessage = { type: 'subscribe', id, stream, request };
    subscriptions.set(id, { listener, message });
    // An open socket takes it now; a socket still opening sends it from its 'open' listener.
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else void connect();
    return () => {
      subscriptions.delete(id);
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'unsubscribe', id }));
    };
  };
}

// Take the socket the page's head opened, with the kept fleet already asked for on it; the
// renderer's first getCachedFleet takes that answer.
const early = takeEarlySocket();
if (early) {
  const keptFleet = new Promise<Result<unknown>>((resolve) => pendingCalls.set(early.keptFleetCallId, resolve));
  api.getCachedFleet = firstCallTakes(keptFleet, api.getCachedFleet as () => Promise<Result<unknown>>);
}

Object.defineProperty(window, 'fleet', { value: Object.freeze(api as FleetApi), writable: false });

// The head's socket, or one opened now, while the renderer's code loads and draws its frame,
// rather than at its first call.
void connect(early);
