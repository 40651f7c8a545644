// The harness end of the contract: one WebSocket per page, messages handed to the same
// dispatcher Electron's ipc uses; the page's subscriptions are disposed when its socket closes.
import type { WebSocket } from 'ws';
import type { Result } from '../../src-preload/contract';
import {
  parseHarnessMessage,
  type HarnessClientMessage,
  type HarnessServerMessage,
} from '../../src-preload/harnessProtocol';
import type { ContractDispatcher, Disposable } from '../bridge/dispatcher';

/** The dispatcher turns every failure into an answer; this is for an answer that would not send. */
const UNSENDABLE: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Fleetdeck could not send its answer over the harness connection.' },
};

export function serveContract(socket: WebSocket, dispatcher: ContractDispatcher): void {
  const subscriptions = new Map<number, Disposable>();
  const send = (message: HarnessServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  // A malformed frame (bad UTF-8, a reserved bit or opcode, an unmasked or oversized frame): ws has
  // already answered with the close code and is closing the socket. Unheard, the error would end
  // the process.
  socket.on('error', () => undefined);

  socket.on('message', (data) => {
    const message = parseHarnessMessage<HarnessClientMessage>(data);
    if (!message) return;
    const { id } = message;
    if (message.type === 'call') {
      const answer = (result: Result<unknown>) => send({ type: 'result', id, result });
      dispatcher
        .call(message.method, message.request)
        .then(answer)
        .catch(() => answer(UNSENDABLE));
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
