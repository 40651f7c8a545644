// Creates the one window and locks it down: no navigation away from the app, no new windows
// (https links go to the OS browser), no permission prompts.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrustedRenderer } from '../bridge/senderPolicy';
import { devRendererUrl, externalLinkDecision, mainWindowOptions } from './windowOptions';
import { rememberWindowState, restoredWindowState } from './windowStateFile';

export function rendererLocation(): TrustedRenderer & { load: (w: BrowserWindow) => Promise<void> } {
  const devUrl = devRendererUrl(process.env, app.isPackaged);
  if (devUrl) return { devOrigin: devUrl, load: (w) => w.loadURL(devUrl) };
  const file = join(__dirname, '../renderer/index.html');
  return { fileUrl: pathToFileURL(file).toString(), load: (w) => w.loadFile(file) };
}

export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export async function createMainWindow(
  location: ReturnType<typeof rendererLocation>,
  fleetHosts: () => ReadonlySet<string> = () => new Set(),
  /** Where the window's size and place are remembered; none (tests): it opens at its default size. */
  dataDir?: string,
): Promise<BrowserWindow> {
  const options = mainWindowOptions(join(__dirname, '../preload/index.js'));
  const restored = dataDir ? restoredWindowState(dataDir, options) : undefined;
  const { maximized, ...bounds } = restored ?? { maximized: false };
  const window = new BrowserWindow({ ...options, ...bounds });
  if (maximized) window.maximize();
  if (dataDir) rememberWindowState(window, dataDir);
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    const decision = externalLinkDecision(url, fleetHosts());
    if (decision === 'open' || (decision === 'ask' && confirmExternal(window, url))) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const stayOnPage = (event: { preventDefault: () => void }, url: string) => {
    if (url !== contents.getURL()) event.preventDefault();
  };
  contents.on('will-navigate', stayOnPage);
  // A server redirect is a navigation too; it must not take the window anywhere either.
  contents.on('will-redirect', stayOnPage);
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
      detail:
        'Fleetdeck is writing them to disk. Stay a moment and they will be kept; close now and the last edits may be lost.',
    });
    if (choice === 1) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  await location.load(window);
  return window;
}

/** A link to a host Fleetdeck does not know: the user sees where it goes before the browser opens. */
function confirmExternal(window: BrowserWindow, url: string): boolean {
  const choice = dialog.showMessageBoxSync(window, {
    type: 'question',
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    message: 'Open this link in your browser?',
    detail: url.length > 300 ? `${url.slice(0, 300)}…` : url,
  });
  return choice === 1;
}
