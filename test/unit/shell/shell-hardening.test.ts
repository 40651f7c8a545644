// The Electron shell's hardening, on the code as written with Electron replaced by a recorder: the
// page a shipped app loads cannot be swapped by an environment variable, links to unknown hosts
// ask first, redirects cannot move the window, DevTools are absent from a packaged build's menu,
// and a window that reloads many times keeps exactly one set of listeners and subscriptions.
import { describe, expect, it, vi } from 'vitest';
import type { ContractDispatcher } from '../../../src-main/bridge/dispatcher';
import { devRendererUrl, externalLinkDecision } from '../../../src-main/shell/windowOptions';

const recorded = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  listeners: new Map<string, (event: { preventDefault: () => void }, url?: string) => void>(),
  windowOpenHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
  opened: [] as string[],
  dialogAnswer: 0,
  dialogs: [] as string[],
  menu: [] as unknown[],
  isPackaged: true,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: typeof recorded.windowOpenHandler) => (recorded.windowOpenHandler = h),
      on: (event: string, listener: (e: { preventDefault: () => void }, url?: string) => void) =>
        recorded.listeners.set(event, listener),
      getURL: () => 'file:///app/out/renderer/index.html',
    };
    once() {}
    loadFile = async () => {};
  }
  return {
    app: {
      get isPackaged() {
        return recorded.isPackaged;
      },
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown[]) => template,
      setApplicationMenu: (menu: unknown[]) => (recorded.menu = menu),
    },
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
    dialog: {
      showMessageBoxSync: (_window: unknown, options: { message: string; detail?: string }) => {
        recorded.dialogs.push(`${options.message} ${options.detail ?? ''}`);
        return recorded.dialogAnswer;
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        recorded.handlers.set(channel, handler),
      on: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        recorded.handlers.set(channel, handler),
    },
  };
});

describe('the page a window loads', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app and anything but a loopback dev server', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeUndefined();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173');
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false)).toBe('http://127.0.0.1:5173/');
    for (const hostile of ['https://evil.example/', 'http://evil.example:5173', 'file:///tmp/x.html', 'not a url']) {
      expect(devRendererUrl({ ELECTRON_RENDERER_URL: hostile }, false), hostile).toBeUndefined();
    }
  });

  it('loads the packaged file even when the variable is set', async () => {
    recorded.isPackaged = true;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:5173');
    const { rendererLocation } = await import('../../../src-main/shell/window');
    const location = rendererLocation();
    expect(location.devOrigin).toBeUndefined();
    expect(location.fileUrl).toMatch(/^file:.*renderer\/index\.html$/);
    vi.unstubAllEnvs();
  });
});

describe('links from the window', () => {
  const fleet = new Set(['demo.taskifai.com', 'taskifai-demo-x7k2p.ondigitalocean.app']);

  it('opens providers and the fleet own hostnames, asks for other https hosts, refuses the rest', () => {
    expect(externalLinkDecision('https://cloud.digitalocean.com/apps/1', fleet)).toBe('open');
    expect(externalLinkDecision('https://supabase.com/dashboard/project/abc', fleet)).toBe('open');
    expect(externalLinkDecision('https://github.com/taskifai/app/commit/abc', fleet)).toBe('open');
    expect(externalLinkDecision('https://demo.taskifai.com/health', fleet)).toBe('open');
    expect(externalLinkDecision('https://evil.example/', fleet)).toBe('ask');
    expect(externalLinkDecision('https://github.com.evil.example/', fleet)).toBe('ask');
    expect(externalLinkDecision('https://user:pw@github.com/', fleet)).toBe('ask');
    expect(externalLinkDecision('http://demo.taskifai.com/', fleet)).toBe('refuse');
    expect(externalLinkDecision('file:///etc/passwd', fleet)).toBe('refuse');
  });

  it('opens an unknown host only after the user agrees', async () => {
    const { createMainWindow } = await import('../../../src-main/shell/window');
    await createMainWindow({ fileUrl: 'file:///app/out/renderer/index.html', load: async () => {} }, () => fleet);
    recorded.opened.length = 0;
    recorded.dialogAnswer = 0;
    recorded.windowOpenHandler?.({ url: 'https://evil.example/phish' });
    expect(recorded.opened).toEqual([]);
    expect(recorded.dialogs.at(-1)).toMatch(/Open this link in your browser\? https:\/\/evil\.example\/phish/);
    recorded.dialogAnswer = 1;
    recorded.windowOpenHandler?.({ url: 'https://evil.example/phish' });
    recorded.windowOpenHandler?.({ url: 'https://demo.taskifai.com/' });
    expect(recorded.opened).toEqual(['https://evil.example/phish', 'https://demo.taskifai.com/']);
  });

  it('a server redirect cannot take the window anywhere', async () => {
    const { createMainWindow } = await import('../../../src-main/shell/window');
    await createMainWindow({ fileUrl: 'file:///app/out/renderer/index.html', load: async () => {} });
    const redirect = recorded.listeners.get('will-redirect');
    expect(redirect).toBeDefined();
    const away = { preventDefault: vi.fn() };
    redirect!(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
  });
});

describe('the menu', () => {
  const roles = () => JSON.stringify(recorded.menu);

  it('has no DevTools in a packaged build, and has them in development', async () => {
    const { installMenu } = await import('../../../src-main/shell/menu');
    recorded.isPackaged = true;
    installMenu(() => undefined);
    expect(roles()).not.toMatch(/toggleDevTools/);
    recorded.isPackaged = false;
    installMenu(() => undefined);
    expect(roles()).toMatch(/toggleDevTools/);
  });

  it('Cmd/Ctrl+1…8 go to the main views and Cmd/Ctrl+K, R and Shift+L send the window their commands', async () => {
    const { installMenu } = await import('../../../src-main/shell/menu');
    const sent: unknown[] = [];
    installMenu((command) => sent.push(command));
    type Item = {
      label?: string;
      accelerator?: string;
      role?: string;
      registerAccelerator?: boolean;
      click?: () => void;
      submenu?: Item[];
    };
    const items = (recorded.menu as Item[]).flatMap((top) => top.submenu ?? []);
    const byKey = (accelerator: string) => items.find((item) => item.accelerator === accelerator);
    const views = ['Fleet', 'Tenants', 'Specs', 'DNS', 'Logs', 'Activity', 'Costs', 'Settings'];
    expect(views.map((_, i) => byKey(`CmdOrCtrl+${i + 1}`)?.label)).toEqual(views);
    byKey('CmdOrCtrl+3')?.click?.();
    byKey('CmdOrCtrl+K')?.click?.();
    byKey('CmdOrCtrl+R')?.click?.();
    byKey('CmdOrCtrl+Shift+L')?.click?.();
    expect(sent).toEqual([
      { kind: 'view', view: 'specs' },
      { kind: 'palette' },
      { kind: 'refresh' },
      { kind: 'toggleTheme' },
    ]);
    // The page opens and closes the palette with its own key handler; the menu only shows the key.
    expect(byKey('CmdOrCtrl+K')).toMatchObject({ registerAccelerator: false });
    expect(byKey('CmdOrCtrl+R')).not.toHaveProperty('registerAccelerator');
    // Reloading the page (dialogs and unsaved text gone) is still there, one key further away.
    expect(byKey('CmdOrCtrl+Shift+R')?.role).toBe('reload');
  });
});

describe('subscriptions of a window that reloads', () => {
  it('keeps one destroyed listener per window, and a reload disposes only the old page subscriptions', async () => {
    const { registerContract } = await import('../../../src-main/shell/ipc');
    const disposed: string[] = [];
    let next = 0;
    const subscribe = vi.fn(() => {
      const name = `sub-${++next}`;
      return { ok: true, value: { dispose: () => disposed.push(name) } };
    });
    registerContract({ call: vi.fn(), subscribe } as unknown as ContractDispatcher, {
      fileUrl: 'file:///app/index.html',
    });
    const senderListeners: Record<string, Array<() => void>> = {};
    const sender = {
      isDestroyed: () => false,
      send: vi.fn(),
      once: (event: string, listener: () => void) => (senderListeners[event] ??= []).push(listener),
      on: (event: string, listener: () => void) => (senderListeners[event] ??= []).push(listener),
    };
    const event = { senderFrame: { url: 'file:///app/index.html' }, sender };
    const watch = recorded.handlers.get('fleet:subscribe:watchFleet')!;

    await watch(event, { id: 'a', request: { intervalSeconds: 15 } }); // sub-1, first page
    for (const listener of senderListeners['did-navigate'] ?? []) listener(); // reload
    await watch(event, { id: 'a', request: { intervalSeconds: 15 } }); // sub-2, second page
    for (const listener of senderListeners['did-navigate'] ?? []) listener(); // reload
    await watch(event, { id: 'b', request: { intervalSeconds: 15 } }); // sub-3, third page

    expect(disposed).toEqual(['sub-1', 'sub-2']);
    expect(senderListeners['destroyed']).toHaveLength(1);
    expect(senderListeners['did-navigate']).toHaveLength(1);
    for (const listener of senderListeners['destroyed'] ?? []) listener();
    expect(disposed).toEqual(['sub-1', 'sub-2', 'sub-3']);
  });
});
