// Restores the window where the user left it and remembers where it goes. The file is tiny and
// read once before the window exists, so a synchronous read keeps the window from jumping.
import { screen, type BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../base/atomicFile';
import { clampWindowState, parseWindowState, WINDOW_STATE_FILE, type WindowState } from './windowState';

/** Moves and resizes are many a second while dragging: the file is written once they settle. */
const SAVE_AFTER_MS = 500;

export function restoredWindowState(
  dataDir: string,
  options: BrowserWindowConstructorOptions,
): WindowState | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return undefined; // first start
  }
  const saved = parseWindowState(text);
  if (!saved) return undefined;
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return clampWindowState(saved, workAreas, { width: options.minWidth ?? 0, height: options.minHeight ?? 0 });
}

export function rememberWindowState(window: BrowserWindow, dataDir: string): void {
  const file = join(dataDir, WINDOW_STATE_FILE);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    // The normal bounds, so a maximized window comes back maximized over the size it had before.
    const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    // A window that cannot remember its place still works: nothing to tell the user.
    void writeFileAtomic(file, JSON.stringify(state)).catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
