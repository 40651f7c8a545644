// Every ipc handler checks its sender before the dispatcher sees the request.
import { describe, expect, it, vi } from 'vitest';
import type { ContractDispatcher } from '../../../src-main/bridge/dispatcher';

const handlers = vi.hoisted(() => new Map<string, (event: unknown, ...args: unknown[]) => unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
      handlers.set(channel, handler),
    on: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, handler),
  },
}));

const APP_PAGE = 'file:///opt/Fleetdeck/out/renderer/index.html';
const eventFrom = (url: string) => ({
  senderFrame: { url },
  sender: { isDestroyed: () => false, send: vi.fn(), once: vi.fn() },
});

describe('the Electron ipc registration', () => {
  it('answers our window, and refuses any other page before the dispatcher runs', async () => {
    const { registerContract } = await import('../../../src-main/shell/ipc');
    const call = vi.fn(async () => ({ ok: true, value: 'fleet' }));
    const subscribe = vi.fn(() => ({ ok: true, value: { dispose: () => {} } }));
    registerContract({ call, subscribe } as unknown as ContractDispatcher, { fileUrl: APP_PAGE });

    const listFleet = handlers.get('fleet:call:listFleet')!;
    expect(await listFleet(eventFrom(`${APP_PAGE}#/`), undefined)).toEqual({ ok: true, value: 'fleet' });
    expect(call).toHaveBeenCalledTimes(1);

    for (const url of ['https://evil.example/', 'file:///tmp/index.html', '']) {
      expect(await listFleet(eventFrom(url), undefined)).toMatchObject({
        ok: false,
        error: { code: 'untrusted_sender' },
      });
    }
    const watch = handlers.get('fleet:subscribe:watchFleet')!;
    expect(
      await watch(eventFrom('https://evil.example/'), { id: 'x', request: { intervalSeconds: 15 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    expect(call).toHaveBeenCalledTimes(1);
    expect(subscribe).not.toHaveBeenCalled();
  });
});
