// Follows one log source until disposed, and does not give up quietly where doctl does (doctl
// #1614): when the stream drops it asks for a fresh URL after a backoff, re-reads which
// deployment is active (a redeploy replaces the instances), asks for some history again and
// skips what it already had, and marks in the stream where lines may be missing.
import type { FleetError, LogLine, LogStreamEvent, TailLogsRequest } from '../../../src-preload/contract';
import type { LogUrls } from '../../clients/digitalocean/client';
import type { Deployment } from '../../clients/digitalocean/types';
import { isTerminalPhase } from '../../clients/digitalocean/types';
import type { LiveSocket, OpenLiveSocket } from './liveSocket';
import { LogLineParser, splitFrame, timestampOf } from './parse';

export type StateEvent = Extract<LogStreamEvent, { kind: 'state' }>;

export interface TailerSink {
  lines(lines: LogLine[]): void;
  state(event: StateEvent): void;
}

export interface TailerDeps {
  getLogs(
    appId: string,
    deploymentId: string,
    o: { type: TailLogsRequest['type']; follow: boolean; tailLines?: number; component?: string },
  ): Promise<LogUrls>;
  /** The app's ACTIVE deployment id, as read at `freshAfter` (epoch ms) or later; shared by the app's sources. */
  activeDeployment(appId: string, freshAfter: number): Promise<string | undefined>;
  getDeployment(appId: string, deploymentId: string): Promise<Deployment>;
  openSocket: OpenLiveSocket;
  fetchText(url: string, signal: AbortSignal): Promise<string>;
  toError(error: unknown): FleetError;
  /** Wait before reconnect attempt n (1-based). */
  backoffMs?: (attempt: number) => number;
  /** A live stream silent this long is opened afresh (the cheap check that it is still alive). */
  silenceMs?: number;
  /** How often a followed stream re-checks its deployment (a running build, or a redeploy). */
  checkEveryMs?: { pinned: number; active: number };
}

export const DEFAULT_TAIL_LINES = 200;
/** Asked for again after a reconnect: the overlap shows whether anything was missed. */
export const RECONNECT_TAIL_LINES = 500;
const FATAL: ReadonlySet<FleetError['code']> = new Set(['unauthorized', 'forbidden', 'not_found', 'invalid_argument']);

export const defaultBackoff = (attempt: number): number =>
  Math.min(30_000, 500 * 2 ** Math.min(attempt - 1, 6)) * (0.8 + Math.random() * 0.4);

interface FollowOutcome {
  opened: boolean;
  clean: boolean;
  reason: string;
  /** Closed by us after a silence: opened again at once, and only a missed line earns a marker. */
  quiet?: boolean;
}

const QUIET_REASON = 'a quiet spell';

const short = (id: string) => id.slice(0, 8);

function describeClose(code: number, reason: string): string {
  if (code === 1001) return 'the instances were replaced';
  if (code === 1013) return 'the log server cut the stream off (the reader was too slow)';
  if (code === 1006 || code === 1005) return reason ? `the connection dropped (${reason})` : 'the connection dropped';
  return reason ? `the stream closed (${reason})` : `the stream closed (code ${code})`;
}

export class SourceTailer {
  private disposed = false;
  private socket: LiveSocket | undefined;
  private readonly abort = new AbortController();
  private wake: (() => void) | undefined;
  private deploymentId: string | undefined;
  /** Per component: the newest time seen, and the messages seen at exactly that time. */
  private seen = new Map<string, { ts: string; messages: Set<string> }>();
  private after: string | undefined;
  private pendingGap: { reason: string; overlapped: boolean; quiet?: boolean } | undefined;

  constructor(
    private readonly request: TailLogsRequest,
    private readonly deps: TailerDeps,
    private readonly sink: TailerSink,
  ) {
    this.after = request.after;
  }

  start(): void {
    void this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.socket?.close();
    this.socket = undefined;
    this.abort.abort();
    this.wake?.();
  }

  private get pinned(): boolean {
    return this.request.deploymentId !== undefined;
  }

  private async run(): Promise<void> {
    const { appId, type, component } = this.request;
    this.sink.state({ kind: 'state', state: 'connecting' });
    let attempt = 0;
    let followed = false;
    // What the app looked like a moment ago is good enough to start; after a drop it must be newer.
    let freshAfter = Date.now() - 10_000;
    while (!this.disposed) {
      let reason: string;
      let retryAfterMs = 0;
      try {
        const deploymentId = this.request.deploymentId ?? (await this.deps.activeDeployment(appId, freshAfter));
        if (this.disposed) return;
        if (!deploymentId) {
          reason = 'this app has no active deployment yet';
          retryAfterMs = 30_000;
        } else {
          this.switchTo(deploymentId);
          const tailLines = followed ? RECONNECT_TAIL_LINES : (this.request.tailLines ?? DEFAULT_TAIL_LINES);
          const urls = await this.deps.getLogs(appId, deploymentId, {
            type,
            follow: true,
            tailLines,
            ...(component ? { component } : {}),
          });
          if (this.disposed) return;
          if (urls.live_url) {
            const outcome = await this.follow(urls.live_url, deploymentId);
            freshAfter = Date.now();
            if (this.disposed) return;
            followed ||= outcome.opened;
            if (outcome.opened) attempt = 0;
            if (outcome.quiet) {
              // Reopened at once with some history: what a dead stream missed comes back in it, and
              // only a history with no overlap (more written than it holds) leaves a gap. An app
              // that has written nothing yet has nothing to miss.
              this.pendingGap =
                this.seen.size > 0 ? { reason: QUIET_REASON, overlapped: false, quiet: true } : undefined;
              continue;
            }
            if (outcome.clean && this.pinned && (await this.finished(deploymentId)))
              return this.end(`The ${type.toLowerCase()} log is complete.`);
            reason = outcome.reason;
            if (followed) this.pendingGap = { reason, overlapped: false };
          } else if (!this.pinned && type === 'RUN') {
            // Not running any more: a redeploy is under way, so look for the new instances.
            reason = 'the deployment is no longer running';
            freshAfter = Date.now();
          } else if (urls.historic_urls?.length) {
            await this.readArchives(urls.historic_urls);
            return this.end(this.seen.size > 0 ? 'Archived logs read to the end.' : 'The archived log is empty.');
          } else {
            return this.end(
              this.pinned
                ? 'There are no logs of this kind for this deployment.'
                : 'No logs were found for this component.',
            );
          }
        }
      } catch (error) {
        if (this.disposed) return;
        const fleetError = this.deps.toError(error);
        if (FATAL.has(fleetError.code)) {
          this.sink.state({ kind: 'state', state: 'failed', error: fleetError, message: fleetError.message });
          return;
        }
        reason = fleetError.message;
        retryAfterMs = (fleetError.retryAfterSeconds ?? 0) * 1000;
      }
      attempt++;
      const delay = Math.max(retryAfterMs, (this.deps.backoffMs ?? defaultBackoff)(attempt));
      this.sink.state({
        kind: 'state',
        state: 'reconnecting',
        ...(this.deploymentId ? { deploymentId: this.deploymentId } : {}),
        message: `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}; reconnecting (attempt ${attempt}).`,
        retryInSeconds: Math.round(delay / 100) / 10,
      });
      await this.sleep(delay);
    }
  }

  /** A different deployment: its instances are new, so nothing it writes is a duplicate. */
  private switchTo(deploymentId: string): void {
    const previous = this.deploymentId;
    this.deploymentId = deploymentId;
    if (!previous || previous === deploymentId) return;
    // Placed right after the last line of the old instances, where the switch happened.
    const ts = [...this.seen.values()].reduce((max, s) => (s.ts > max ? s.ts : max), this.after ?? '');
    this.seen.clear();
    this.after = undefined;
    this.pendingGap = undefined;
    this.sink.lines([
      {
        component: this.request.component ?? '',
        ts: ts || timestampOf(Date.now()),
        message: `Now following deployment ${short(deploymentId)}: a redeploy replaced the instances of ${short(previous)}. Lines written in between may be missing.`,
        marker: 'redeploy',
      },
    ]);
  }

  private follow(url: string, deploymentId: string): Promise<FollowOutcome> {
    const parser = new LogLineParser(this.request.component ?? 'app');
    const every = this.deps.checkEveryMs ?? { pinned: 5_000, active: 60_000 };
    return new Promise((resolve) => {
      let opened = false;
      let quiet = false;
      let check: NodeJS.Timeout | undefined;
      let terminalSince: number | undefined;
      const recheck = async () => {
        try {
          if (this.pinned) {
            const d = await this.deps.getDeployment(this.request.appId, deploymentId);
            terminalSince = isTerminalPhase(d.phase) ? (terminalSince ?? Date.now()) : undefined;
            // A finished deployment whose stream stays open has nothing more to say.
            if (terminalSince !== undefined && Date.now() - terminalSince > 15_000) this.socket?.close();
          } else if (
            (await this.deps.activeDeployment(this.request.appId, Date.now() - every.active / 2)) !== deploymentId
          ) {
            this.socket?.close();
          }
        } catch {
          // The stream itself says when something is wrong; a failed check is tried again.
        }
      };
      this.socket = this.deps.openSocket(
        url,
        {
          onOpen: () => {
            opened = true;
            this.sink.state({ kind: 'state', state: 'live', deploymentId });
            check = setInterval(() => void recheck(), this.pinned ? every.pinned : every.active);
          },
          onData: (text) => this.take(splitFrame(text), parser),
          // A dead connection and a quiet app look alike: opening the stream again tells them apart.
          onSilence: () => {
            quiet = true;
            this.socket?.close();
          },
          onClose: ({ code, reason, clean }) => {
            if (check) clearInterval(check);
            this.socket = undefined;
            resolve({ opened, clean, reason: describeClose(code, reason), quiet });
          },
        },
        this.deps.silenceMs ? { silenceMs: this.deps.silenceMs } : {},
      );
    });
  }

  private async finished(deploymentId: string): Promise<boolean> {
    try {
      const d = await this.deps.getDeployment(this.request.appId, deploymentId);
      const steps = d.progress?.steps ?? [];
      const part = steps.filter((s) => (this.request.type === 'BUILD' ? s.name === 'build' : s.name !== 'build'));
      return (
        isTerminalPhase(d.phase) ||
        (part.length > 0 && part.every((s) => s.status === 'SUCCESS' || s.status === 'ERROR'))
      );
    } catch {
      return false;
    }
  }

  private async readArchives(urls: string[]): Promise<void> {
    const parser = new LogLineParser(this.request.component ?? 'app');
    for (const url of urls) {
      const text = await this.deps.fetchText(url, this.abort.signal);
      if (this.disposed) return;
      const lines = splitFrame(text);
      for (let i = 0; i < lines.length; i += 5_000) this.take(lines.slice(i, i + 5_000), parser);
    }
  }

  /** Parses, skips what was already shown, and puts the gap marker before the first new line. */
  private take(raw: string[], parser: LogLineParser): void {
    const out: LogLine[] = [];
    for (const text of raw) {
      const line = parser.parse(text);
      if (!line) continue;
      if (!this.accept(line)) {
        if (this.pendingGap) this.pendingGap.overlapped = true;
        continue;
      }
      if (this.pendingGap) {
        const { reason, overlapped, quiet } = this.pendingGap;
        this.pendingGap = undefined;
        // After a quiet spell the check found the stream alive: nothing worth saying.
        if (quiet && overlapped) {
          out.push(line);
          continue;
        }
        out.push(
          overlapped
            ? {
                component: line.component,
                ts: line.ts,
                message: `Reconnected after ${reason}; no lines were missed.`,
                marker: 'notice',
              }
            : {
                component: line.component,
                ts: line.ts,
                message: `Reconnected after ${reason}: lines may be missing here.`,
                marker: 'gap',
              },
        );
      }
      out.push(line);
    }
    if (out.length > 0) this.sink.lines(out);
  }

  private accept(line: LogLine): boolean {
    const seen = this.seen.get(line.component);
    const floor = seen?.ts ?? this.after;
    if (floor !== undefined && (line.ts < floor || (line.ts === floor && (!seen || seen.messages.has(line.message)))))
      return false;
    if (!seen || line.ts > seen.ts) this.seen.set(line.component, { ts: line.ts, messages: new Set([line.message]) });
    else seen.messages.add(line.message);
    return true;
  }

  private end(message: string): void {
    if (this.disposed) return;
    this.sink.state({
      kind: 'state',
      state: 'ended',
      message,
      ...(this.deploymentId ? { deploymentId: this.deploymentId } : {}),
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
