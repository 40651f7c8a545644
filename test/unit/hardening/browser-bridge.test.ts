// The browser harness's window.fleet, in a page whose WebSocket is a stand-in we open, feed and
// drop by hand: each subscription goes out once per connection, whenever the page made it, and a
// frame that is not a harness message is ignored rather than thrown.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, STREAM_NAMES, type FleetApi } from '../../../src-preload/contract';
import { HARNESS_SOCKET_PATH } from '../../../src-preload/harnessProtocol';

type Listener = (event: { data?: unknown }) => void;

/** Just enough of the browser's WebSocket: it throws on send before open, as a browser does. */
class PageSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static all: PageSocket[] = [];
  readyState = PageSocket.CONNECTING;
  readonly sent: Array<{ type: string; id: number }> = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    PageSocket.all.push(this);
  }

  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string) {
    if (this.readyState !== PageSocket.OPEN) throw new Error('InvalidStateError: still CONNECTING');
    this.sent.push(JSON.parse(data));
  }

  /** The harness accepts the connection. */
  open() {
    this.readyState = PageSocket.OPEN;
    this.emit('open', {});
  }

  /** A frame from the harness. */
  receive(data: unknown) {
    this.emit('message', { data });
  }

  /** The harness goes away. */
  drop() {
    this.readyState = PageSocket.CLOSED;
    this.emit('close', {});
  }

  subscribes = () => this.sent.filter((m) => m.type === 'subscribe').map((m) => m.id);

  private emit(type: string, event: { data?: unknown }) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const latest = () => PageSocket.all.at(-1)!;

/**
 * A fresh page: location with the run's token, then the bridge module as the harness page loads
 * it. With `inHead`, the page's head script runs first and `inHead` plays what happens on its
 * socket while the renderer's bundle loads.
 */
async function loadPage(inHead?: (socket: PageSocket) => void): Promise<FleetApi> {
  PageSocket.all = [];
  const page = {} as { fleet: FleetApi };
  vi.stubGlobal('window', page);
  vi.stubGlobal('location', { protocol: 'http:', host: '127.0.0.1:4173', search: '?token=run-token' });
  vi.stubGlobal('WebSocket', PageSocket);
  if (inHead) {
    runInThisContext(readFileSync(resolve('src-renderer/public/harness-boot.js'), 'utf8'));
    inHead(latest());
  }
  vi.resetModules();
  await import('../../../src-preload/browserBridge');
  return page.fleet;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the browser bridge’s subscriptions', () => {
  it('sends a subscription made before the socket opens exactly once, and once again after a reconnect', async () => {
    const fleet = await loadPage();
    const events: unknown[] = [];
    fleet.watchFleet({ intervalSeconds: 30 }, (event) => events.push(event));
    fleet.tailLogs({ appId: 'a1', type: 'RUN' } as never, () => undefined);
    expect(PageSocket.all).toHaveLength(1);
    expect(latest().url).toBe('ws://127.0.0.1:4173/bridge?token=run-token');

    latest().open();
    await settle();
    expect(latest().subscribes()).toEqual([1, 2]);

    latest().drop();
    expect(events).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'network' }) }),
    ]);
    vi.advanceTimersByTime(1000);
    expect(PageSocket.all).toHaveLength(2);
    latest().open();
    await settle();
    expect(latest().subscribes()).toEqual([1, 2]);
  });

  it('sends a subscription made on an open socket at once, once, and never one dropped before open', async () => {
    const fleet = await loadPage();
    const unsubscribe = fleet.watchNotices({}, () => undefined);
    unsubscribe();
    void fleet.getEnvironment();
    latest().open();
    await settle();
    expect(latest().sent.map((m) => m.type)).toEqual(['call']);

    fleet.watchFleet({ intervalSeconds: 30 }, () => undefined);
    await settle();
    expect(latest().subscribes()).toEqual([3]);
  });
});

describe('the head start (public/harness-boot.js)', () => {
  const keptFleet = { ok: true, value: { cachedAt: '2026-12-03T10:00:00Z', snapshot: { apps: [] } } };

  it('asks for the kept fleet before the renderer loads, and hands the answer to its first call', async () => {
    const fleet = await loadPage((socket) => {
      socket.open();
      expect(socket.sent).toEqual([{ type: 'call', id: 0, method: 'getCachedFleet' }]);
      socket.receive(JSON.stringify({ type: 'result', id: 0, result: keptFleet }));
    });
    // The bridge took the head's socket over: no second connection, nothing asked twice. The head
    // script spells the bridge's address itself (a plain script imports nothing): the same one.
    expect(PageSocket.all).toHaveLength(1);
    expect(latest().url).toBe(`ws://127.0.0.1:4173${HARNESS_SOCKET_PATH}?token=run-token`);
    await expect(fleet.getCachedFleet()).resolves.toEqual(keptFleet);
    expect(latest().sent).toHaveLength(1);

    // Later calls ask main again, on the same socket, and subscriptions go out at once.
    const again = fleet.getCachedFleet();
    fleet.watchFleet({ intervalSeconds: 30 }, () => undefined);
    await settle();
    expect(
      latest()
        .sent.map((m) => m.type)
        .sort(),
    ).toEqual(['call', 'call', 'subscribe']);
    const call = latest().sent.at(-1)!.type === 'call' ? latest().sent.at(-1) : latest().sent.at(-2);
    expect(call).toMatchObject({ type: 'call', method: 'getCachedFleet' });
    expect(call!.id).toBeGreaterThan(0);
    latest().receive(JSON.stringify({ type: 'result', id: call!.id, result: { ok: true, value: null } }));
    await expect(again).resolves.toEqual({ ok: true, value: null });
  });

  it('answers the first call when the kept fleet arrives only after the renderer loaded', async () => {
    const fleet = await loadPage(() => undefined);
    const first = fleet.getCachedFleet();
    fleet.watchNotices({}, () => undefined);
    latest().open();
    await settle();
    expect(latest().sent.map((m) => m.type)).toEqual(['call', 'subscribe']);
    latest().receive(JSON.stringify({ type: 'result', id: 0, result: keptFleet }));
    await expect(first).resolves.toEqual(keptFleet);
  });

  it('opens a socket of its own when the head’s was refused before the renderer loaded', async () => {
    const fleet = await loadPage((socket) => socket.drop());
    expect(PageSocket.all).toHaveLength(2);
    const first = fleet.getCachedFleet();
    latest().open();
    await settle();
    const [call] = latest().sent;
    expect(call).toMatchObject({ type: 'call', method: 'getCachedFleet' });
    latest().receive(JSON.stringify({ type: 'result', id: call!.id, result: keptFleet }));
    await expect(first).resolves.toEqual(keptFleet);
  });
});

describe('frames from the harness', () => {
  it('ignores what is not a harness message, and the next answer still reaches its caller', async () => {
    const fleet = await loadPage();
    const answer = fleet.getEnvironment();
    latest().open();
    await settle();
    const [call] = latest().sent;
    for (const junk of ['not json', 'null', '[]', '{"type": "result", "id": "1"}', new ArrayBuffer(4)])
      latest().receive(junk);
    latest().receive(JSON.stringify({ type: 'result', id: call!.id, result: { ok: true, value: { mode: 'demo' } } }));
    await expect(answer).resolves.toEqual({ ok: true, value: { mode: 'demo' } });
  });
});

describe('window.fleet', () => {
  it('has exactly the contract’s named functions', async () => {
    const fleet = await loadPage();
    expect(Object.keys(fleet).sort()).toEqual([...METHOD_NAMES, ...STREAM_NAMES].sort());
    expect(Object.isFrozen(fleet)).toBe(true);
  });
});
