// Electron's security checklist, asserted on the exact window options and handlers the app
// installs. Electron itself is replaced by a recorder: the shell's code runs as written.
import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, mainWindowOptions } from '../../../src-main/shell/windowOptions';

const recorded = vi.hoisted(() => ({
  windowOpenHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
  listeners: new Map<string, (event: { preventDefault: () => void }, url?: string) => void>(),
  permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  opened: [] as string[],
  currentUrl: 'file:///app/out/renderer/index.html',
  dialogAnswer: 0,
  dialogs: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: typeof recorded.windowOpenHandler) => (recorded.windowOpenHandler = h),
      on: (event: string, listener: (e: { preventDefault: () => void }, url?: string) => void) =>
        recorded.listeners.set(event, listener),
      getURL: () => recorded.currentUrl,
    };
    once() {}
    loadFile = async () => {};
    loadURL = async () => {};
  }
  return {
    BrowserWindow,
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
    dialog: {
      showMessageBoxSync: (_window: unknown, options: { message: string }) => {
        recorded.dialogs.push(options.message);
        return recorded.dialogAnswer;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof recorded.permissionRequest) => (recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => (recorded.permissionCheck = h),
      },
    },
  };
});

describe("the window follows Electron's security checklist", () => {
  const { webPreferences } = mainWindowOptions('/app/out/preload/index.js');

  it('isolates the renderer: context isolation, sandbox, no Node anywhere', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
    });
  });

  it('has no remote module (removed from Electron, and never asked for)', () => {
    expect(webPreferences).not.toHaveProperty('enableRemoteModule');
    expect(JSON.stringify(webPreferences)).not.toMatch(/remote/i);
  });

  it('keeps web security on, refuses insecure content, experimental features and webviews', () => {
    expect(webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('denies new windows and sends only https links to the OS browser', async () => {
    const { createMainWindow } = await import('../../../src-main/shell/window');
    await createMainWindow({ fileUrl: recorded.currentUrl, load: async () => {} });
    expect(recorded.windowOpenHandler?.({ url: 'https://docs.digitalocean.com/' })).toEqual({ action: 'deny' });
    expect(recorded.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.windowOpenHandler?.({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(recorded.opened).toEqual(['https://docs.digitalocean.com/']);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('blocks navigation away from the app and refuses to attach webviews', async () => {
    const { createMainWindow } = await import('../../../src-main/shell/window');
    await createMainWindow({ fileUrl: recorded.currentUrl, load: async () => {} });
    const navigate = recorded.listeners.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const reload = { preventDefault: vi.fn() };
    navigate(reload, recorded.currentUrl);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    recorded.listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('asks before closing over unsaved spec edits, and stays unless told to close', async () => {
    const { createMainWindow } = await import('../../../src-main/shell/window');
    await createMainWindow({ fileUrl: recorded.currentUrl, load: async () => {} });
    const held = recorded.listeners.get('will-prevent-unload')!;
    recorded.dialogAnswer = 0;
    const stay = { preventDefault: vi.fn() };
    held(stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    recorded.dialogAnswer = 1;
    const close = { preventDefault: vi.fn() };
    held(close);
    // In will-prevent-unload, preventDefault means "ignore the page and close".
    expect(close.preventDefault).toHaveBeenCalled();
    expect(recorded.dialogs.at(-1)).toMatch(/not saved yet/);
  });

  it('denies every permission request and check', async () => {
    const { lockDownSession } = await import('../../../src-main/shell/window');
    lockDownSession();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      recorded.permissionRequest?.({}, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(recorded.permissionCheck?.()).toBe(false);
  });

  it('ships a Content-Security-Policy without unsafe-eval or remote scripts', async () => {
    const { readFileSync } = await import('node:fs');
    for (const page of ['src-renderer/index.html', 'src-renderer/harness.html']) {
      const csp =
        /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1] ?? '';
      expect(csp, page).toMatch(/default-src 'self'/);
      expect(csp, page).toMatch(/script-src 'self'(;|$)/);
      expect(csp, page).not.toMatch(/unsafe-eval/);
      expect(csp, page).toMatch(/object-src 'none'/);
    }
  });
});
