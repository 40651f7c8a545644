// The harness end of the contract: one WebSocket per page, messages handed to the same
// dispatcher Electron's ipc uses; the page's subscriptions are disposed when its socket closes.
import type { WebSocket } from 'ws';
import type { HarnessClientMessage, HarnessServerMessage } from '../../src-preload/harnessProtocol';
import type { ContractDispatcher, Disposable } from '../bridge/dispatcher';

export function serveContract(socket: WebSocket, dispatcher: ContractDispatcher): void {
  const subscriptions = new Map<number, Disposable>();
  const send = (message: HarnessServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  socket.on('message', (data) => {
    let message: HarnessClientMessage;
    try {
      message = JSON.parse(String(data)) as HarnessClientMessage;
    } catch {
      return;
    }
    if (typeof message?.id !== 'number') return;
    const { id } = message;
    if (message.type === 'call') {
      void dispatcher.call(message.method, message.request).then((result) => send({ type: 'result', id, result }));
    } else if (message.type === 'subscribe') {
      subscriptions.get(id)?.dispose();
      const result = dispatcher.subscribe(message.stream, message.request, (event) =>
        send({ type: 'event', id, event }),
      );
      if (result.ok) subscriptions.set(id, result.value);
      else send({ type: 'event', id, event: result });
    } else if (message.type === 'unsubscribe') {
      subscriptions.get(id)?.dispose();
      subscriptions.delete(id);
    }
  });

  socket.on('close', () => {
    for (const subscription of subscriptions.values()) subscription.dispose();
    subscriptions.clear();
  });
}
