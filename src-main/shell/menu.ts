// The native menu: the platform's standard roles plus Fleetdeck's own commands, which reach the
// window as typed menu commands on the contract (watchMenuCommands), never as a channel of their own.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-preload/contract/shell';
import { ACTION_ENTRIES, menuItems, VIEW_ENTRIES } from './menuTemplate';

export function installMenu(send: (command: MenuCommand) => void): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...menuItems(ACTION_ENTRIES, send),
        { type: 'separator' },
        { role: 'reload', accelerator: 'CmdOrCtrl+Shift+R' },
        // DevTools would hand anyone at the keyboard the whole contract: development builds only.
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Go', submenu: menuItems(VIEW_ENTRIES, send) },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `Fleetdeck ${app.getVersion()}`, enabled: false }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
