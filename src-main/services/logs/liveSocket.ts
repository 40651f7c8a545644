// One live log stream: the signed live_url opened as a WebSocket with no headers (the token in
// the URL is the credential) and `{"data": "…"}` frames handed on as text. Nothing here depends on
// the server answering pings: App Platform documents no keepalive and doctl never pings. A
// connection that died without a close frame looks like a quiet app, so after `silenceMs` with no
// frame the owner is told and decides how to check (see SourceTailer). Messages never contain the
// URL: it is a credential.
import WebSocket from 'ws';

export interface LiveSocketEvents {
  onOpen(): void;
  onData(text: string): void;
  /** No frame for `silenceMs` (again after each further `silenceMs`): alive and quiet, or dead. */
  onSilence?(): void;
  /** Exactly once. `clean` is a 1000 close; anything else is a drop. */
  onClose(info: { code: number; reason: string; clean: boolean }): void;
}

export interface LiveSocketOptions {
  silenceMs?: number;
  handshakeTimeoutMs?: number;
}

export interface LiveSocket {
  /** Sends a 1000 close (the server sees the reader leave); the connection ends either way. */
  close(): void;
}

export type OpenLiveSocket = (url: string, events: LiveSocketEvents, options?: LiveSocketOptions) => LiveSocket;

/** doctl's rule: http becomes ws, anything else (https) becomes wss; ws/wss stay. */
export function toSocketUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  return parsed.toString();
}

export const openLiveSocket: OpenLiveSocket = (url, events, options = {}) => {
  const ws = new WebSocket(toSocketUrl(url), {
    handshakeTimeout: options.handshakeTimeoutMs ?? 15_000,
    perMessageDeflate: false,
  });
  let closed = false;
  let failure = '';
  let quiet: NodeJS.Timeout | undefined;
  const listen = () => {
    if (quiet) clearInterval(quiet);
    quiet = setInterval(() => events.onSilence?.(), options.silenceMs ?? 120_000);
  };

  const finish = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    if (quiet) clearInterval(quiet);
    events.onClose({ code, reason: reason || failure, clean: code === 1000 });
  };

  ws.on('open', () => {
    events.onOpen();
    listen();
  });
  ws.on('message', (data, isBinary) => {
    listen();
    const text = (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)).toString('utf8');
    void isBinary;
    try {
      const frame = JSON.parse(text) as { data?: unknown };
      if (typeof frame.data === 'string') events.onData(frame.data);
    } catch {
      // Not the documented frame: show it rather than lose it.
      events.onData(text.endsWith('\n') ? text : `${text}\n`);
    }
  });
  ws.on('unexpected-response', (_req, res) => {
    failure = `the log server refused the stream (HTTP ${res.statusCode ?? '?'})`;
    res.resume();
    ws.terminate();
  });
  ws.on('error', (error) => {
    // ws errors name the failing step, never the URL.
    failure ||= error.message;
  });
  ws.on('close', (code, reason) => finish(code, reason.toString()));

  return {
    close() {
      if (closed) return;
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else if (ws.readyState === WebSocket.OPEN) {
        ws.close(1000, 'reader left');
        // A server that never answers the close frame must not keep the connection alive.
        setTimeout(() => ws.terminate(), 2_000).unref();
      }
      finish(1000, 'closed by Fleetdeck');
    },
  };
};
