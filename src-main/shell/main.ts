// Electron entry: single instance, locked-down window, the contract on ipc, the runtime behind it.
import { app, BrowserWindow, Notification } from 'electron';
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
  app.on('before-quit', () => void runtime?.dispose());

  void app.whenReady().then(async () => {
    lockDownSession();
    installMenu();
    const secrets = await openSecretStore();
    runtime = await startRuntime({
      secrets,
      dataDir: app.getPath('userData'),
    });
    // Finished and failed deployments the user started reach the desktop even when the window is hidden.
    runtime.deploys.notices.subscribe((notice) => {
      if (Notification.isSupported()) new Notification({ title: notice.title, body: notice.body }).show();
    });
    const location = rendererLocation();
    registerContract(runtime.dispatcher, location);
    await createMainWindow(location);
  });
}
