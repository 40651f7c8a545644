// The sandbox's log service: signs live and archive URLs, serves archives as plain text and live
// streams as WebSockets (`{"data": "<lines>\n"}` frames, no Bearer: the signed token is the
// credential), and lets tests drop sockets, stall them (a slow consumer), refuse handshakes and
// replace instances (see faults.ts).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LogType } from '../../clients/digitalocean/client';
import type { Deployment } from '../../clients/digitalocean/types';
import { isTerminalPhase } from '../../clients/digitalocean/types';
import type { SandboxResponse } from '../http';
import { doError, guardUpgradeSocket, parseTarget, rawAnswer } from '../http';
import type { SandboxState } from '../state';
import { LogFaults } from './faults';
import { archivedRunLines, RunProducer, runComponentsOf, Stamper } from './producers';
import { deploymentScript, type ScriptLine } from './scripts';
import { ARCHIVE_PATH, LIVE_PATH, LOG_URL_TTL_MS, LogUrlSigner, type LogGrant } from './tokens';
import { Rand } from '../seed/random';

const TICK_MS = 50;
const ARCHIVE_PART_LINES = 250;
/** A producer nobody has read for this long stops writing (and is forgotten). */
const PRODUCER_IDLE_MS = 60_000;
/** Past this much unsent data a reader is too slow, and is cut off like a real log proxy would. */
const SLOW_CONSUMER_BYTES = 8 * 1024 * 1024;

export interface SandboxLogOptions {
  /** Lines per second each running component writes (default 1). */
  linesPerSecond?: number;
}

interface LiveSocket {
  ws: WebSocket;
  grant: LogGrant;
  /** Script cursor for BUILD/DEPLOY streams. */
  sent: number;
  script?: ScriptLine[];
  scriptAt: number;
  stalledUntil?: number;
  closingByServer?: boolean;
  detach: Array<() => void>;
}

export interface LogSocketStats {
  opened: number;
  /** Closed by the reader (a close frame from the client, or its connection going away). */
  closedByClient: number;
  closedByServer: number;
  linesSent: number;
  /** Lines not sent to a stalled reader. */
  linesDropped: number;
}

export class SandboxLogs {
  linesPerSecond: number;
  readonly stats: LogSocketStats = { opened: 0, closedByClient: 0, closedByServer: 0, linesSent: 0, linesDropped: 0 };
  /** Handshakes to refuse with this status, for tests of a failing stream (doctl #1525). */
  refuseHandshakes = 0;
  readonly faults: LogFaults;
  private readonly signer = new LogUrlSigner();
  private readonly sockets = new Set<LiveSocket>();
  private readonly producers = new Map<string, RunProducer>();
  /** Readers send nothing but control frames: anything bigger is not a log reader. */
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: SandboxState,
    private readonly baseUrl: () => string,
    options: SandboxLogOptions = {},
  ) {
    this.linesPerSecond = options.linesPerSecond ?? 1;
    this.faults = new LogFaults(state, this);
  }

  /** Live sockets now open, for tests. */
  get openSockets(): number {
    return this.sockets.size;
  }

  /** What GET …/logs answers: a live URL while there is something to follow, else archives. */
  urlsFor(
    deployment: Deployment,
    appId: string,
    q: { type: LogType; follow: boolean; component?: string; tailLines?: number },
  ): { live_url?: string; historic_urls?: string[] } {
    const now = this.state.clock.now();
    const base = { appId, deploymentId: deployment.id ?? '', type: q.type, expiresAt: now + LOG_URL_TTL_MS };
    const grant: Omit<LogGrant, 'kind'> = {
      ...base,
      ...(q.component ? { component: q.component } : {}),
      ...(q.tailLines !== undefined ? { tailLines: q.tailLines } : {}),
    };
    if (q.follow && this.isLive(deployment, q.type))
      return { live_url: this.url('ws', LIVE_PATH, { ...grant, kind: 'live' }) };
    const lines = this.archive({ ...grant, kind: 'archive', asOf: now });
    if (lines.length === 0) return {};
    const parts = Math.ceil(lines.length / ARCHIVE_PART_LINES);
    return {
      historic_urls: Array.from({ length: parts }, (_, part) =>
        this.url('http', ARCHIVE_PATH, { ...grant, kind: 'archive', part, asOf: now }),
      ),
    };
  }

  /** GET /sandbox-logs/archive?token=…: plain text, no Bearer, the token's grant only. */
  serveArchive(url: URL): SandboxResponse {
    const checked = this.signer.verify(url.searchParams.get('token'), this.state.clock.now());
    if ('refused' in checked || checked.grant.kind !== 'archive') return forbidden(checked);
    const { grant } = checked;
    const part = grant.part ?? 0;
    const lines = this.archive(grant).slice(part * ARCHIVE_PART_LINES, (part + 1) * ARCHIVE_PART_LINES);
    return {
      status: 200,
      body: lines.map((l) => `${l}\n`).join(''),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
  }

  /** Takes WebSocket upgrades of signed live URLs off the sandbox's HTTP server. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      guardUpgradeSocket(socket);
      try {
        this.upgrade(req, socket, head);
      } catch {
        // A bug while opening one reader's stream costs that reader its socket, not the process.
        socket.destroy();
      }
    });
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = parseTarget(req.url, this.baseUrl());
    if (!url) return void socket.end(rawAnswer('400 Bad Request'));
    const checked =
      url.pathname === LIVE_PATH
        ? this.signer.verify(url.searchParams.get('token'), this.state.clock.now())
        : undefined;
    if (this.refuseHandshakes > 0) {
      this.refuseHandshakes--;
      return void socket.end(rawAnswer('503 Service Unavailable'));
    }
    if (!checked || 'refused' in checked || checked.grant.kind !== 'live')
      return void socket.end(rawAnswer('403 Forbidden'));
    const { grant } = checked;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, grant));
  }

  /** Closes live sockets matching `filter`: abruptly (a dropped connection) or with a code. */
  closeSockets(filter: (grant: LogGrant) => boolean, how: 'drop' | { code: number; reason: string }): number {
    let n = 0;
    for (const s of this.sockets) {
      if (!filter(s.grant)) continue;
      n++;
      s.closingByServer = true;
      if (how === 'drop') s.ws.terminate();
      else s.ws.close(how.code, how.reason);
    }
    return n;
  }

  /** Stops sending to matching readers for `ms` (their lines are lost), then cuts them off. */
  stall(filter: (grant: LogGrant) => boolean, ms: number): number {
    let n = 0;
    for (const s of this.sockets) {
      if (!filter(s.grant)) continue;
      s.stalledUntil = this.state.clock.now() + ms;
      n++;
    }
    return n;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const s of this.sockets) {
      s.closingByServer = true;
      s.ws.terminate();
    }
    this.sockets.clear();
    this.wss.close();
  }

  private url(scheme: 'ws' | 'http', path: string, grant: LogGrant): string {
    const origin = this.baseUrl().replace(/^http/, scheme);
    return `${origin}${path}?token=${this.signer.sign(grant)}`;
  }

  private deployment(grant: Pick<LogGrant, 'appId' | 'deploymentId'>): Deployment | undefined {
    return this.state.apps.get(grant.appId)?.deployments.find((d) => d.id === grant.deploymentId);
  }

  private isLive(deployment: Deployment, type: LogType): boolean {
    if (type === 'RUN') return deployment.phase === 'ACTIVE';
    if (type === 'RUN_RESTARTED' || isTerminalPhase(deployment.phase)) return false;
    const part = type === 'BUILD' ? (n?: string) => n === 'build' : (n?: string) => n !== 'build';
    return (deployment.progress?.steps ?? []).some(
      (s) => part(s.name) && s.status !== 'SUCCESS' && s.status !== 'ERROR',
    );
  }

  private archive(grant: LogGrant): string[] {
    const deployment = this.deployment(grant);
    if (!deployment) return [];
    const until = grant.asOf ?? this.state.clock.now();
    if (grant.type === 'BUILD' || grant.type === 'DEPLOY') {
      const stamper = new Stamper(Rand.fromSeed(1));
      return deploymentScript(deployment, grant.type)
        .filter((l) => l.ms <= until && (!grant.component || l.component === grant.component))
        .map((l) => stamper.line(l.component, l.ms, l.text));
    }
    if (deployment.phase !== 'ACTIVE' && deployment.phase !== 'SUPERSEDED') return [];
    const components = runComponentsOf(deployment).filter((c) => !grant.component || c.name === grant.component);
    const end = deployment.phase === 'ACTIVE' ? until : Date.parse(deployment.updated_at ?? '') + 3_600_000 || until;
    const lines = components.flatMap((c) =>
      archivedRunLines(deployment, c, Math.min(end, until), grant.type === 'RUN_RESTARTED'),
    );
    return sortByTime(lines).slice(-(grant.tailLines ?? 1_000));
  }

  private open(ws: WebSocket, grant: LogGrant): void {
    const socket: LiveSocket = { ws, grant, sent: 0, scriptAt: 0, detach: [] };
    this.sockets.add(socket);
    this.stats.opened++;
    ws.on('close', () => {
      this.sockets.delete(socket);
      for (const detach of socket.detach) detach();
      if (socket.closingByServer) this.stats.closedByServer++;
      else this.stats.closedByClient++;
    });
    ws.on('error', () => undefined);
    const deployment = this.deployment(grant);
    if (!deployment) return void this.closeWith(socket, 1011, 'deployment not found');
    if (grant.type === 'RUN') {
      const tail: string[] = [];
      for (const producer of this.producersFor(deployment, grant.component)) {
        tail.push(...producer.tail(grant.tailLines ?? 0));
        const watcher = (lines: string[]) => this.send(socket, lines);
        producer.watchers.add(watcher);
        socket.detach.push(() => producer.watchers.delete(watcher));
      }
      const tailLines = sortByTime(tail).slice(-(grant.tailLines ?? 0) || tail.length);
      for (let i = 0; i < tailLines.length; i += 100) this.send(socket, tailLines.slice(i, i + 100));
    } else {
      this.pump(socket, deployment, true);
    }
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
  }

  private producersFor(deployment: Deployment, component: string | undefined): RunProducer[] {
    const now = this.state.clock.now();
    const started = (Date.parse(deployment.updated_at ?? deployment.created_at ?? '') || now) + 20_000;
    return runComponentsOf(deployment)
      .filter((c) => !component || c.name === component)
      .map((c) => {
        const key = `${deployment.id ?? ''}/${c.name ?? ''}`;
        let producer = this.producers.get(key);
        if (!producer)
          this.producers.set(key, (producer = new RunProducer(deployment.id ?? '', c, Math.min(started, now), now)));
        producer.lastWatchedMs = now;
        return producer;
      });
  }

  private tick(): void {
    const now = this.state.clock.now();
    for (const [key, producer] of this.producers) {
      if (producer.watchers.size > 0) producer.lastWatchedMs = now;
      else if (now - producer.lastWatchedMs > PRODUCER_IDLE_MS) {
        this.producers.delete(key);
        continue;
      }
      for (const group of producer.tick(now, this.linesPerSecond))
        for (const watcher of producer.watchers) watcher(group);
    }
    for (const socket of this.sockets) {
      const deployment = this.deployment(socket.grant);
      if (socket.stalledUntil !== undefined && socket.stalledUntil <= now)
        this.closeWith(socket, 1013, 'slow consumer: lines were dropped');
      else if (!deployment) this.closeWith(socket, 1011, 'deployment not found');
      else if (socket.grant.type === 'RUN' && deployment.phase !== 'ACTIVE')
        this.closeWith(socket, 1001, 'instances replaced');
      else if (socket.grant.type !== 'RUN') this.pump(socket, deployment, false);
    }
    if (this.sockets.size === 0 && this.producers.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Sends the build or deploy lines the clock has reached; ends the stream when the part is over. */
  private pump(socket: LiveSocket, deployment: Deployment, first: boolean): void {
    const now = this.state.clock.now();
    if (!socket.script || now - socket.scriptAt > 1_000) {
      socket.script = deploymentScript(deployment, socket.grant.type as 'BUILD' | 'DEPLOY').filter(
        (l) => !socket.grant.component || l.component === socket.grant.component,
      );
      socket.scriptAt = now;
    }
    const due = socket.script.filter((l) => l.ms <= now).length;
    if (first && socket.grant.tailLines) socket.sent = Math.max(0, due - socket.grant.tailLines);
    if (due > socket.sent) {
      const stamper = new Stamper(Rand.fromSeed(socket.sent + 1));
      this.send(
        socket,
        socket.script.slice(socket.sent, due).map((l) => stamper.line(l.component, l.ms, l.text)),
      );
      socket.sent = due;
    }
    if (due === socket.script.length && !this.isLive(deployment, socket.grant.type))
      this.closeWith(socket, 1000, 'end of log');
  }

  private send(socket: LiveSocket, lines: string[]): void {
    if (lines.length === 0 || socket.ws.readyState !== socket.ws.OPEN) return;
    if (socket.stalledUntil !== undefined) {
      this.stats.linesDropped += lines.length;
      return;
    }
    if (socket.ws.bufferedAmount > SLOW_CONSUMER_BYTES) {
      this.stats.linesDropped += lines.length;
      return this.closeWith(socket, 1013, 'slow consumer: lines were dropped');
    }
    this.stats.linesSent += lines.length;
    socket.ws.send(JSON.stringify({ data: lines.map((l) => `${l}\n`).join('') }));
  }

  private closeWith(socket: LiveSocket, code: number, reason: string): void {
    if (socket.closingByServer) return;
    socket.closingByServer = true;
    socket.ws.close(code, reason);
  }
}

function forbidden(checked: { refused: 'invalid' | 'expired' } | { grant: LogGrant }): SandboxResponse {
  const expired = 'refused' in checked && checked.refused === 'expired';
  return doError(
    403,
    'forbidden',
    expired ? 'This log URL has expired; ask for a new one.' : 'This log URL is not valid.',
  );
}

/** Lines start with `<component> <time>`: sorts a merge of several components by time. */
function sortByTime(lines: string[]): string[] {
  const timeOf = (l: string) => l.slice(l.indexOf(' ') + 1, l.indexOf(' ', l.indexOf(' ') + 1));
  return lines
    .map((l) => [timeOf(l), l] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, l]) => l);
}
