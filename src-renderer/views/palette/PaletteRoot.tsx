// Mounted once beside the views: the global keys (Ctrl/Cmd+K for the palette, ? for the
// shortcuts) and whichever of the two is open.
import { useEffect } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { usePaletteStore } from '../../stores/paletteStore';
import { Palette } from './Palette';
import { ShortcutsOverlay } from './ShortcutsOverlay';

/** A question mark typed into a field is text, not a request for help. */
const TEXT_FIELD =
  'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="range"]), textarea, select, [contenteditable="true"]';
const typing = (target: EventTarget | null) => target instanceof HTMLElement && !!target.closest(TEXT_FIELD);

export function onGlobalKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey) return;
  const palette = usePaletteStore.getState();
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') {
    event.preventDefault();
    palette.toggle();
    return;
  }
  // An open dialog keeps its keys to itself (it stops them); this is for the page.
  if (event.key === '?' && !event.ctrlKey && !event.metaKey && !typing(event.target)) {
    event.preventDefault();
    palette.showShortcuts();
  }
}

export function PaletteRoot() {
  const open = usePaletteStore((s) => s.open);
  const shortcutsOpen = usePaletteStore((s) => s.shortcutsOpen);
  useEffect(() => {
    document.addEventListener('keydown', onGlobalKey);
    return () => document.removeEventListener('keydown', onGlobalKey);
  }, []);
  // A fault in the palette says so in place of it; the view behind keeps working.
  return (
    <ErrorBoundary>
      {open ? <Palette /> : null}
      {shortcutsOpen ? <ShortcutsOverlay /> : null}
    </ErrorBoundary>
  );
}
