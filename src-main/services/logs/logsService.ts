// The logs domain's service: one SourceTailer per subscription, its lines batched for the
// window, and the apps' active deployments read once for all of an app's sources (a redeploy
// makes every one of them ask at the same moment).
import type { FleetError, LogStreamEvent, TailLogsRequest } from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';
import type { DigitalOceanClient } from '../../clients/digitalocean/client';
import { ApiError } from '../../clients/http/apiError';
import { redact } from '../../logging/redact';
import { fetchArchive } from './archive';
import { LineBatcher } from './lineBatcher';
import { openLiveSocket, type OpenLiveSocket } from './liveSocket';
import { SourceTailer, type TailerDeps } from './sourceTailer';

export interface LogsServiceOptions {
  /** Turns an API failure into words for the window (the dispatcher's mapper). */
  toError?: (operation: string, error: unknown) => FleetError;
  openSocket?: OpenLiveSocket;
  fetchText?: TailerDeps['fetchText'];
  backoffMs?: TailerDeps['backoffMs'];
  /** How long a live stream may say nothing before it is checked (opened afresh). */
  silenceMs?: number;
  checkEveryMs?: TailerDeps['checkEveryMs'];
  batchIntervalMs?: number;
}

type LogsClient = Pick<DigitalOceanClient, 'getApp' | 'getDeployment' | 'getLogs'>;

export class LogsService {
  private readonly active = new Map<string, { at: number; id: Promise<string | undefined> }>();
  private readonly tails = new Set<SourceTailer>();

  constructor(
    private readonly client: LogsClient,
    private readonly options: LogsServiceOptions = {},
  ) {}

  /** Subscriptions running now (each holds at most one socket). */
  get openTails(): number {
    return this.tails.size;
  }

  tail(request: TailLogsRequest, listener: (event: LogStreamEvent) => void): Disposable {
    // Once disposed, nothing more reaches the listener: a socket's close or a batch timer already
    // queued when the view closed (seen on a loaded machine) must not speak for a closed view.
    let open = true;
    const emit = (event: LogStreamEvent) => {
      if (open) listener(event);
    };
    const batcher = new LineBatcher((lines) => emit({ kind: 'lines', lines }), {
      intervalMs: this.options.batchIntervalMs ?? 80,
    });
    const tailer = new SourceTailer(request, this.deps(), {
      lines: (lines) => batcher.push(lines),
      state: (event) => {
        // Lines read before a state change are shown before it.
        batcher.flush();
        emit(event);
      },
    });
    this.tails.add(tailer);
    tailer.start();
    return {
      dispose: () => {
        open = false;
        this.tails.delete(tailer);
        tailer.dispose();
        batcher.dispose();
      },
    };
  }

  /** Ends every tail (the session is going away): sockets closed, nothing more emitted. */
  dispose(): void {
    for (const tailer of this.tails) tailer.dispose();
    this.tails.clear();
  }

  private deps(): TailerDeps {
    const o = this.options;
    return {
      getLogs: (appId, deploymentId, q) => this.client.getLogs(appId, deploymentId, q),
      getDeployment: (appId, deploymentId) => this.client.getDeployment(appId, deploymentId),
      activeDeployment: (appId, freshAfter) => this.activeDeployment(appId, freshAfter),
      openSocket: o.openSocket ?? openLiveSocket,
      fetchText: o.fetchText ?? fetchArchive,
      toError: (error) => this.toError(error),
      ...(o.backoffMs ? { backoffMs: o.backoffMs } : {}),
      ...(o.silenceMs ? { silenceMs: o.silenceMs } : {}),
      ...(o.checkEveryMs ? { checkEveryMs: o.checkEveryMs } : {}),
    };
  }

  private activeDeployment(appId: string, freshAfter: number): Promise<string | undefined> {
    const cached = this.active.get(appId);
    if (cached && cached.at >= freshAfter) return cached.id;
    const id = this.client.getApp(appId).then((app) => app.active_deployment?.id);
    this.active.set(appId, { at: Date.now(), id });
    id.catch(() => this.active.delete(appId));
    return id;
  }

  private toError(error: unknown): FleetError {
    if (this.options.toError && (error instanceof ApiError || !(error instanceof Error)))
      return this.options.toError('tailLogs', error);
    if (error instanceof ApiError) return { ...error.toFleetError(), message: redact(error.message) };
    if (!(error instanceof Error)) return { code: 'internal', message: 'The logs could not be read.' };
    // Socket and archive failures are worded here and carry no URL; redact all the same.
    return { code: 'network', message: redact(error.message) };
  }
}
