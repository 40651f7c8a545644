// A live tail whose connection died without a close frame looks exactly like a quiet app: no ping
// tells them apart (App Platform documents no keepalive, and doctl never pings). After a silence
// the tailer opens the stream afresh; what the dead stream missed comes back in the new one's
// history, with no false alarm for an app that simply had nothing to say. Archived logs follow a
// redirect only to https (or this machine), a few hops at most.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogLine, LogStreamEvent } from '../../../src-preload/contract';
import { fetchArchive } from '../../../src-main/services/logs/archive';
import { LogsService } from '../../../src-main/services/logs/logsService';
import { sandboxWithClient } from '../../support/sandbox';

async function until(what: string, condition: () => boolean, timeoutMs = 8_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function tailOf(linesPerSecond: number) {
  const { sandbox, client } = await sandboxWithClient();
  sandbox.logs.linesPerSecond = linesPerSecond;
  const service = new LogsService(client, { backoffMs: () => 50, batchIntervalMs: 20, silenceMs: 300 });
  const record = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-bibbi')!;
  const events: LogStreamEvent[] = [];
  const lines: LogLine[] = [];
  const subscription = service.tail(
    { appId: record.app.id!, component: 'bibbi-api', type: 'RUN', tailLines: 20 },
    (event) => {
      events.push(event);
      if (event.kind === 'lines') lines.push(...event.lines);
    },
  );
  const states = () => events.flatMap((e) => (e.kind === 'state' ? [e.state] : []));
  return { sandbox, lines, states, dispose: () => subscription.dispose() };
}

describe('a live tail that falls silent', { timeout: 20_000 }, () => {
  it('is opened afresh when its connection died half-open, and the lines it missed come back with no gap', async () => {
    const tail = await tailOf(50);
    await until('lines arrive', () => tail.lines.length > 30);
    expect(tail.sandbox.logs.faults.halfOpen()).toBe(1);
    const before = tail.lines.length;

    await until('a second stream was opened', () => tail.sandbox.logs.stats.opened >= 2);
    await until('new lines arrive again', () => tail.lines.length > before + 30);

    expect(tail.lines.filter((l) => l.marker)).toEqual([]);
    expect(tail.states()).not.toContain('reconnecting');
    const keys = tail.lines.map((l) => `${l.ts} ${l.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    const times = tail.lines.map((l) => l.ts);
    expect(times).toEqual([...times].sort());
    tail.dispose();
  });

  it('says nothing at all about an app that simply writes nothing', async () => {
    const tail = await tailOf(0);
    await until('the stream is live', () => tail.states().includes('live'));
    await until('the silence was checked twice', () => tail.sandbox.logs.stats.opened >= 3);
    expect(tail.lines.filter((l) => l.marker)).toEqual([]);
    expect(tail.states()).not.toContain('reconnecting');
    tail.dispose();
  });
});

describe('reading an archived log behind redirects', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  /** A loopback file server: /file answers the text, /hop/N redirects N more times, /away to `away`. */
  async function storage(away: string): Promise<string> {
    const server = createServer((req, res) => {
      const hop = /^\/hop\/(\d+)$/.exec(req.url ?? '');
      if (hop) {
        const left = Number(hop[1]);
        res.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/file' }).end();
      } else if (req.url === '/away') res.writeHead(302, { location: away }).end();
      else if (req.url === '/file')
        res.writeHead(200, { 'content-type': 'text/plain' }).end('api 2026-12-03T10:00:00Z started\n');
      else res.writeHead(404).end();
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('follows a few redirects to the file', async () => {
    const base = await storage('');
    await expect(fetchArchive(`${base}/hop/3`, new AbortController().signal)).resolves.toBe(
      'api 2026-12-03T10:00:00Z started\n',
    );
  });

  it('refuses a redirect to plain http elsewhere, a non-https start, and an endless chain', async () => {
    const base = await storage('http://logs.example.com/file');
    const signal = new AbortController().signal;
    await expect(fetchArchive(`${base}/away`, signal)).rejects.toThrow(/not on an https address/);
    await expect(fetchArchive('http://logs.example.com/file', signal)).rejects.toThrow(/not on an https address/);
    await expect(fetchArchive(`${base}/hop/9`, signal)).rejects.toThrow(/redirected more than 5 times/);
  });
});

describe('a session that goes away', () => {
  it('closes its live log sockets', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const service = new LogsService(client, { backoffMs: () => 50, batchIntervalMs: 20 });
    const record = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-bibbi')!;
    const states: string[] = [];
    service.tail({ appId: record.app.id!, component: 'bibbi-api', type: 'RUN', tailLines: 5 }, (e) => {
      if (e.kind === 'state') states.push(e.state);
    });
    await until('the stream is live', () => states.includes('live'));
    service.dispose();
    await until('the sandbox saw the reader leave', () => sandbox.logs.stats.closedByClient === 1);
    expect(service.openTails).toBe(0);
  });
});
