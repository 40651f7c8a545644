// Electron entry: single instance, locked-down window, the contract on ipc, the runtime behind it.
import { app, BrowserWindow, dialog, Notification } from 'electron';
import { apiOverridesFromEnv } from '../apiEndpoints';
import { startRuntime, type Runtime } from '../runtime';
import { openSecretStore } from '../secrets/openSecretStore';
import { registerContract } from './ipc';
import { installMenu } from './menu';
import { createMainWindow, lockDownSession, rendererLocation } from './window';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let runtime: Runtime | undefined;
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the runtime to finish its writes (drafts, the Activity log), then quits again.
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed || !runtime) return;
    event.preventDefault();
    disposed = true;
    void runtime
      .dispose()
      .catch(() => undefined)
      .finally(() => app.quit());
  });

  void app
    .whenReady()
    .then(async () => {
      lockDownSession();
      // Menu commands go to the runtime's hub once there is one; a key pressed before is dropped.
      installMenu((command) => runtime?.menuCommands.emit(command));
      const secrets = await openSecretStore();
      runtime = await startRuntime({
        secrets,
        dataDir: app.getPath('userData'),
        desktopNotices: Notification.isSupported(),
        apiUrls: apiOverridesFromEnv(process.env),
      });
      // Finished and failed deployments the user started reach the desktop even when the window is hidden.
      if (Notification.isSupported()) {
        runtime.deploys.notices.subscribe((notice) =>
          new Notification({ title: notice.title, body: notice.body }).show(),
        );
      }
      const location = rendererLocation();
      registerContract(runtime.dispatcher, location);
      await createMainWindow(location, () => runtime?.apps.knownHosts() ?? new Set(), runtime.dataDir);
    })
    .catch((error: unknown) => {
      // E.g. a FLEETDECK_*_API_URL that is not https: say so rather than vanish without a window.
      dialog.showErrorBox('Fleetdeck could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
