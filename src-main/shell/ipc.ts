// Registers the contract on Electron's ipc: one handler per method and stream, each checking the
// sender before the dispatcher validates arguments. Subscriptions die with their window.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, METHOD_NAMES, STREAM_NAMES, type Result } from '../../src-preload/contract';
import type { ContractDispatcher, Disposable } from '../bridge/dispatcher';
import { isTrustedSender, type TrustedRenderer } from '../bridge/senderPolicy';

const untrusted: Result<never> = {
  ok: false,
  error: { code: 'untrusted_sender', message: 'Request refused: it did not come from the Fleetdeck window.' },
};

export function registerContract(dispatcher: ContractDispatcher, trusted: TrustedRenderer): void {
  const subscriptions = new Map<WebContents, Map<string, Disposable>>();
  const watched = new WeakSet<WebContents>();
  const disposeAll = (sender: WebContents) => {
    const owned = subscriptions.get(sender);
    subscriptions.delete(sender);
    for (const disposable of owned?.values() ?? []) disposable.dispose();
  };
  const trustedSender = (event: { senderFrame: IpcMainInvokeEvent['senderFrame'] }) =>
    isTrustedSender(event.senderFrame?.url, trusted);

  for (const method of METHOD_NAMES) {
    ipcMain.handle(channels.call(method), (event, request: unknown) =>
      trustedSender(event) ? dispatcher.call(method, request) : untrusted,
    );
  }

  for (const stream of STREAM_NAMES) {
    ipcMain.handle(channels.subscribe(stream), (event, message: { id?: unknown; request?: unknown }) => {
      if (!trustedSender(event)) return untrusted;
      const id = typeof message?.id === 'string' ? message.id : undefined;
      if (!id) return { ok: false, error: { code: 'invalid_argument', message: 'A subscription needs an id.' } };
      const sender = event.sender;
      const result = dispatcher.subscribe(stream, message.request, (payload) => {
        if (!sender.isDestroyed()) sender.send(channels.event, { id, event: payload });
      });
      if (!result.ok) return result;
      if (!watched.has(sender)) {
        watched.add(sender);
        // Once per window, for its whole life: each disposes whatever that page holds at the time.
        sender.once('destroyed', () => disposeAll(sender));
        // A reload commits a new document whose subscriptions start afresh: the old page's go.
        sender.on('did-navigate', () => disposeAll(sender));
      }
      let owned = subscriptions.get(sender);
      if (!owned) {
        owned = new Map();
        subscriptions.set(sender, owned);
      }
      owned.get(id)?.dispose();
      owned.set(id, result.value);
      return { ok: true, value: null };
    });
  }

  ipcMain.on(channels.unsubscribe, (event, id: unknown) => {
    if (!trustedSender(event) || typeof id !== 'string') return;
    const owned = subscriptions.get(event.sender);
    owned?.get(id)?.dispose();
    owned?.delete(id);
  });
}
