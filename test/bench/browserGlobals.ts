// Lets the renderer's own bridge and stores run under Node for a benchmark: a `window`, a
// `location` pointing at the harness, and a WebSocket that sends our origin like a browser would.
import { WebSocket as NodeWebSocket } from 'ws';

export function installBrowserGlobals(harnessUrl: string): void {
  const url = new URL(harnessUrl);
  const origin = url.origin;
  class BrowserLikeWebSocket extends NodeWebSocket {
    constructor(address: string) {
      super(address, { origin });
    }
  }
  Object.assign(globalThis, {
    window: globalThis,
    location: { protocol: url.protocol, host: url.host, search: url.search },
    WebSocket: BrowserLikeWebSocket,
  });
}
