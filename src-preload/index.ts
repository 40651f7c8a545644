// The Electron preload: exposes exactly the contract's named functions on window.fleet, and
// nothing else — no ipcRenderer, no Node, no environment.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, METHOD_NAMES, STREAM_NAMES } from './contract';
import { firstCallTakes } from './earlyAnswer';

type Listener = (event: unknown) => void;
const listeners = new Map<string, Listener>();
let nextSubscription = 0;

ipcRenderer.on(channels.event, (_event, message: { id: string; event: unknown }) => {
  listeners.get(message.id)?.(message.event);
});

const api: Record<string, unknown> = {};
for (const method of METHOD_NAMES) {
  api[method] = (request?: unknown) => ipcRenderer.invoke(channels.call(method), request);
}
const askKeptFleet = () => ipcRenderer.invoke(channels.call('getCachedFleet'));
api.getCachedFleet = firstCallTakes(askKeptFleet(), askKeptFleet);
for (const stream of STREAM_NAMES) {
  api[stream] = (request: unknown, listener: Listener) => {
    const id = `${stream}-${++nextSubscription}`;
    listeners.set(id, listener);
    void ipcRenderer
      .invoke(channels.subscribe(stream), { id, request })
      .then((result: { ok: boolean; error?: unknown }) => {
        // A refused subscription is reported to the listener like any failed event.
        if (!result.ok) listener(result);
      });
    return () => {
      listeners.delete(id);
      ipcRenderer.send(channels.unsubscribe, id);
    };
  };
}

contextBridge.exposeInMainWorld('fleet', api);
