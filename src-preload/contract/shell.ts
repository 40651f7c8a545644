// What the desktop shell tells the window: a native menu item or its accelerator was chosen. One
// closed list of commands, so the menu can only ask the window to do what the window already
// offers (go to a view, open the palette, refresh, toggle the theme), never carry anything else.
import type { Result } from './common';

/** The main views, in menu order: Cmd/Ctrl+1 … 8. */
export const MENU_VIEWS = ['overview', 'tenants', 'specs', 'dns', 'logs', 'activity', 'costs', 'settings'] as const;
export type MenuView = (typeof MENU_VIEWS)[number];

export type MenuCommand =
  | { kind: 'view'; view: MenuView }
  | { kind: 'palette' }
  /** Read the current view again (Cmd/Ctrl+R): the page is not reloaded. */
  | { kind: 'refresh' }
  | { kind: 'toggleTheme' };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the shell has no methods, only its stream
export interface ShellMethods {}

export interface ShellStreams {
  /** Menu commands as they are chosen; never fires where there is no native menu (the browser harness). */
  watchMenuCommands: { request: void; event: Result<MenuCommand> };
}

export const SHELL_METHOD_NAMES = [] as const;
export const SHELL_STREAM_NAMES = ['watchMenuCommands'] as const;
