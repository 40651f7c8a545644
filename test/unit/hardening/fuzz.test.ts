// Nothing a socket or HTTP client sends may end the process. A broken or hostile client throws
// malformed WebSocket frames, request targets no URL parser accepts, garbage and oversized
// headers at every loopback server the app runs (the browser harness, the sandbox's API, its log
// hub, its HTTPS edge and DNS server), none of it needing the harness token. After each, the
// very next proper call to every one of them is still answered.
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';
import { HARNESS_SOCKET_PATH } from '../../../src-preload/harnessProtocol';
import { closeCodeAfter, frame, rawExchange, request, upgradedSocket } from './rawWire';

const MiB = 1024 * 1024;
let runtime: Runtime;
let harness: RunningHarness;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'fleetdeck-fuzz-'));
  writeFileSync(join(rendererDir, 'harness.html'), '<!doctype html><title>Fleetdeck</title>');
  runtime = await startRuntime({ logger: silentLogger });
  harness = await startHarness({ dispatcher: runtime.dispatcher, rendererDir });
});
afterAll(async () => {
  await harness?.close();
  await runtime?.dispose();
});

const portOf = (url: string) => Number(new URL(url).port);
const harnessPort = () => portOf(harness.origin);
const sandboxPort = () => portOf(runtime.sandbox.url);
const contractTarget = () => `${HARNESS_SOCKET_PATH}?token=${harness.token}`;
const bearer = () => ({ authorization: `Bearer ${runtime.sandboxToken}` });

/** A live log URL of the first app with an active deployment, as the log tailer would get it. */
async function liveLogTarget(): Promise<string> {
  const app = [...runtime.sandbox.state.apps.values()].find((r) => r.deployments.some((d) => d.phase === 'ACTIVE'))!;
  const answer = await fetch(`${runtime.sandbox.url}/v2/apps/${app.app.id}/logs?type=RUN&follow=true`, {
    headers: bearer(),
  });
  const { live_url } = (await answer.json()) as { live_url: string };
  const url = new URL(live_url);
  return `${url.pathname}${url.search}`;
}

/** A page's contract socket, as the browser bridge opens it. */
async function contractSocket(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${harnessPort()}${contractTarget()}`, { origin: harness.origin });
  await once(ws, 'open');
  return ws;
}

/** The answer to one call over a fresh contract socket. */
async function harnessCall(method: string): Promise<unknown> {
  const ws = await contractSocket();
  ws.send(JSON.stringify({ type: 'call', id: 1, method }));
  const [data] = (await once(ws, 'message')) as [Buffer];
  ws.close();
  return JSON.parse(String(data));
}

function edgeGet(hostname: string): Promise<number> {
  const { port } = runtime.sandbox.dns.connectTo('127.0.0.1');
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, servername: hostname, headers: { host: hostname }, rejectUnauthorized: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const appHost = () => new URL([...runtime.sandbox.state.apps.values()][0]!.app.default_ingress!).hostname;

/** Every server of the process answers its next proper call. */
async function expectStillServing(): Promise<void> {
  expect(await harnessCall('getEnvironment')).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
  expect((await fetch(`${harness.origin}/`)).status).toBe(200);
  expect((await fetch(`${runtime.sandbox.url}/v2/apps`, { headers: bearer() })).status).toBe(200);
  const logs = new WebSocket(`ws://127.0.0.1:${sandboxPort()}${await liveLogTarget()}`);
  await once(logs, 'open');
  logs.terminate();
  expect(await edgeGet(appHost())).toBe(200);
  const resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers(runtime.sandbox.dns.resolverServers);
  expect(await resolver.resolve4(appHost())).toEqual(['127.0.0.1']);
}

const BAD_FRAMES: Array<[string, Buffer, number]> = [
  ['a text frame that is not UTF-8', frame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28, 0xff]) }), 1007],
  ['RSV1 set with no extension agreed', frame({ opcode: 0x1, payload: Buffer.from('hi'), rsv1: true }), 1002],
  ['the reserved opcode 0x3', frame({ opcode: 0x3, payload: Buffer.from('hi') }), 1002],
  ['an unmasked client frame', frame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }), 1002],
  ['a length header claiming 200 MiB', frame({ opcode: 0x2, announcedLength: 200 * MiB }), 1009],
];

describe('malformed WebSocket frames close only the socket that sent them', () => {
  it.each(BAD_FRAMES)('the harness contract socket, on %s', async (_, bytes, code) => {
    const socket = await upgradedSocket(harnessPort(), contractTarget(), { Origin: harness.origin });
    expect(await closeCodeAfter(socket, bytes)).toBe(code);
    await expectStillServing();
  });

  it.each(BAD_FRAMES)('the sandbox’s live log socket, on %s', async (_, bytes, code) => {
    const socket = await upgradedSocket(sandboxPort(), await liveLogTarget());
    expect(await closeCodeAfter(socket, bytes)).toBe(code);
    await expectStillServing();
  });
});

const UPGRADE_HEADERS =
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
  'Sec-WebSocket-Version: 13\r\n';
const upgradeTo = (target: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${UPGRADE_HEADERS}\r\n`;

const BAD_REQUESTS: Array<[string, string, number]> = [
  ['a percent-escape cut short', request('GET /%E0%A4%A HTTP/1.1'), 400],
  ['an escape cut short in an API path', request('GET /v2/apps/%E0%A4%A HTTP/1.1'), 400],
  ['an absolute-form target that is no URL', request('GET http://[ HTTP/1.1'), 400],
  ['an upgrade to a target that is no URL', upgradeTo('http://['), 400],
  ['an upgrade to a percent-escape cut short', upgradeTo('/%E0%A4%A'), 400],
  ['garbage bytes', '\x00\xff\x13 garbage\r\n\r\n', 400],
  ['a header block past the limit', request('GET / HTTP/1.1', `X-Filler: ${'a'.repeat(20_000)}\r\n`), 431],
];

describe('malformed HTTP requests get a 4xx answer and the server goes on', () => {
  it.each(BAD_REQUESTS)('the harness, on %s', async (_, bytes, status) => {
    expect((await rawExchange(harnessPort(), bytes)).status).toBe(status);
    await expectStillServing();
  });

  it.each(BAD_REQUESTS)('the sandbox API and log hub, on %s', async (_, bytes, status) => {
    expect((await rawExchange(sandboxPort(), bytes)).status).toBe(status);
    await expectStillServing();
  });

  it.each([['{'], ['null'], ['[]'], ['"spec"'], ['{"spec": null}'], ['{"spec": []}']])(
    'the sandbox API, on the JSON body %s',
    async (body) => {
      const answer = await fetch(`${runtime.sandbox.url}/v2/apps`, {
        method: 'POST',
        headers: { ...bearer(), 'content-type': 'application/json' },
        body,
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      await expectStillServing();
    },
  );

  it.each([
    ['an absolute-form target that is no URL', request('GET http://[ HTTP/1.1'), 404],
    ['garbage bytes', '\x00\xff\x13 garbage\r\n\r\n', 400],
    ['a header block past the limit', request('GET / HTTP/1.1', `X-Filler: ${'a'.repeat(20_000)}\r\n`), 431],
  ])('the sandbox’s HTTPS edge, on %s', async (_, bytes, status) => {
    const { port } = runtime.sandbox.dns.connectTo('127.0.0.1');
    expect((await rawExchange(port, bytes, { servername: 'unknown.example' })).status).toBe(status);
    expect((await rawExchange(port, bytes)).status).toBeUndefined();
    await expectStillServing();
  });

  it('the sandbox’s DNS server, on datagrams that are no DNS query', async () => {
    const udp = createSocket('udp4');
    const [host, port] = runtime.sandbox.dns.resolverServers[0]!.split(':');
    for (const datagram of [Buffer.from([0xff]), Buffer.alloc(12, 0xff), Buffer.from('garbage, not a query')]) {
      await new Promise((resolve) => udp.send(datagram, Number(port), host, resolve));
    }
    udp.close();
    await expectStillServing();
  });
});

describe('the harness contract socket with messages that are not calls', () => {
  it('ignores what is not a call with a numeric id, answers unknown names with an error, and goes on', async () => {
    const ws = await contractSocket();
    const seen: Array<{ id: unknown; result?: { ok: boolean }; event?: { ok: boolean } }> = [];
    ws.on('message', (data) => seen.push(JSON.parse((data as Buffer).toString('utf8'))));
    for (const message of [
      'not json',
      'null',
      '[1, 2]',
      '{"type": "call", "id": "7", "method": "getEnvironment"}',
      '{"type": "call", "id": null, "method": "getEnvironment"}',
      '{"type": "unsubscribe", "id": "x"}',
      '{"type": "shout", "id": 5}',
      '{"type": "subscribe", "id": 8, "stream": "noSuchStream"}',
      '{"type": "call", "id": 9, "method": "noSuchMethod"}',
      '{"type": "call", "id": 10, "method": "getEnvironment"}',
    ])
      ws.send(message);
    await expect.poll(() => seen.some((m) => m.id === 10)).toBe(true);
    // Anything answered late to an ignored message would show up here.
    await new Promise((resolve) => setTimeout(resolve, 200));
    ws.close();
    expect(seen.map((m) => Number(m.id)).sort((a, b) => a - b)).toEqual([8, 9, 10]);
    expect(seen.find((m) => m.id === 8)?.event?.ok).toBe(false);
    expect(seen.find((m) => m.id === 9)?.result?.ok).toBe(false);
    expect(seen.find((m) => m.id === 10)?.result?.ok).toBe(true);
  });

  it('closes a socket that sends a 5 MiB message as too big (1009), and the next page is answered', async () => {
    const socket = await upgradedSocket(harnessPort(), contractTarget(), { Origin: harness.origin });
    const huge = frame({
      opcode: 0x1,
      payload: Buffer.from(JSON.stringify({ type: 'call', id: 1, junk: 'x'.repeat(5 * MiB) })),
    });
    expect(await closeCodeAfter(socket, huge)).toBe(1009);
    await expectStillServing();
  });
});
