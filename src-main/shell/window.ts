// Creates the one window and locks it down: no navigation away from the app, no new windows
// (https links go to the OS browser), no permission prompts.
import { BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrustedRenderer } from '../bridge/senderPolicy';
import { isSafeExternalUrl, mainWindowOptions } from './windowOptions';

export function rendererLocation(): TrustedRenderer & { load: (w: BrowserWindow) => Promise<void> } {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl) return { devOrigin: devUrl, load: (w) => w.loadURL(devUrl) };
  const file = join(__dirname, '../renderer/index.html');
  return { fileUrl: pathToFileURL(file).toString(), load: (w) => w.loadFile(file) };
}

export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export async function createMainWindow(location: ReturnType<typeof rendererLocation>): Promise<BrowserWindow> {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')));
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The spec editor holds the page while a draft's last keystrokes are still being written
  // (beforeunload). Electron would cancel the close without a word, so ask instead.
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Stay', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
      message: 'A spec draft has changes that are not saved yet.',
      detail: 'Fleetdeck is writing them to disk. Stay a moment and they will be kept; close now and the last edits may be lost.',
    });
    if (choice === 1) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  await location.load(window);
  return window;
}
