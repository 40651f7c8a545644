// Typing in the spec editor that has not reached its draft yet, kept from being lost when the
// window closes (pagehide/beforeunload) or the account context changes (drafts are per context).
import { beforeContextSwitch } from './contextScope';

export interface UnsavedText {
  /** Apps whose editor text differs from what was last saved. */
  apps: () => string[];
  saveNow: (appId: string) => Promise<void>;
  /** The app's last save failed (a window asked to close again then may go). */
  failing: (appId: string) => boolean;
}

/** Before a switch every unsaved text is saved to the old context's draft, or the switch waits. */
export function saveBeforeContextSwitch(unsaved: UnsavedText): void {
  beforeContextSwitch(async () => {
    await Promise.all(unsaved.apps().map((id) => unsaved.saveNow(id)));
    const left = unsaved.apps().length;
    return left > 0
      ? `${left === 1 ? 'A spec draft has' : `${left} spec drafts have`} unsaved changes that could not be saved: save or discard ${left === 1 ? 'it' : 'them'} before switching.`
      : undefined;
  });
}

/**
 * While the window lives: on pagehide/beforeunload every unsaved text is sent at once, and the
 * page asks to stay while some is still on its way. Returns the function that stops it.
 */
export function guardUnload(unsaved: UnsavedText): () => void {
  const flush = () => {
    for (const id of unsaved.apps()) void unsaved.saveNow(id);
  };
  let heldBack = new Set<string>();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    const failing = new Set(unsaved.apps().filter(unsaved.failing));
    flush();
    const left = unsaved.apps();
    // Asked again while every one of those saves keeps failing: let the window go, or it could never close.
    const stuck = left.every((id) => heldBack.has(id) && failing.has(id));
    heldBack = new Set(left);
    if (left.length > 0 && !stuck) event.preventDefault();
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
