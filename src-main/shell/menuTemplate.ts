// Fleetdeck's own menu items, as data: which command each sends and its accelerator. Kept free of
// runtime Electron imports so a test can check the shortcuts without an Electron binary.
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_VIEWS, type MenuCommand, type MenuView } from '../../src-preload/contract/shell';

export const VIEW_LABELS: Record<MenuView, string> = {
  overview: 'Fleet',
  tenants: 'Tenants',
  specs: 'Specs',
  dns: 'DNS',
  logs: 'Logs',
  activity: 'Activity',
  costs: 'Costs',
  settings: 'Settings',
};

export interface MenuEntry {
  label: string;
  accelerator: string;
  command: MenuCommand;
  /**
   * The page already answers this key (the palette's Cmd/Ctrl+K opens and closes it): the menu
   * shows the shortcut but does not take the key, or one press would toggle the palette twice.
   */
  pageHandlesKey?: true;
}

/** Go menu: Cmd/Ctrl+1 … 8, in the order the views are listed. */
export const VIEW_ENTRIES: MenuEntry[] = MENU_VIEWS.map((view, index) => ({
  label: VIEW_LABELS[view],
  accelerator: `CmdOrCtrl+${index + 1}`,
  command: { kind: 'view', view },
}));

/** View menu actions. Cmd/Ctrl+R refreshes the view's data; reloading the page moves to Shift. */
export const ACTION_ENTRIES: MenuEntry[] = [
  { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', command: { kind: 'palette' }, pageHandlesKey: true },
  { label: 'Refresh', accelerator: 'CmdOrCtrl+R', command: { kind: 'refresh' } },
  { label: 'Toggle Theme', accelerator: 'CmdOrCtrl+Shift+L', command: { kind: 'toggleTheme' } },
];

export function menuItems(entries: MenuEntry[], send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  return entries.map((entry) => ({
    label: entry.label,
    accelerator: entry.accelerator,
    ...(entry.pageHandlesKey ? { registerAccelerator: false } : {}),
    click: () => send(entry.command),
  }));
}
