// Focus for the palette and the shortcuts overlay: remembered when they open, kept inside while
// they are open (Tab cycles, never escapes to the page behind), and given back when they close,
// unless what they started (a deploy confirmation) has taken it meanwhile.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'input:not(:disabled), button:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Each open one's opener, so the overlay opened from the palette returns focus past it. */
const openers = new WeakMap<Element, HTMLElement | null>();

function openerNow(): HTMLElement | null {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const closing = active
    ? [...document.querySelectorAll('[data-modal-root]')].find((m) => m.contains(active))
    : undefined;
  return closing && openers.has(closing) ? (openers.get(closing) ?? null) : active;
}

/** For a root marked data-modal-root; returns the Tab handler to call from its onKeyDown. */
export function useModalFocus(ref: RefObject<HTMLElement | null>): (event: KeyboardEvent) => void {
  // Read while rendering, before anything inside takes focus.
  const [opener] = useState(openerNow);

  useEffect(() => {
    const root = ref.current;
    if (root) openers.set(root, opener);
    return () => {
      const now = document.activeElement;
      const ours = !now || now === document.body || !!root?.contains(now);
      if (ours && opener?.isConnected) opener.focus();
    };
  }, [ref, opener]);

  return (event) => {
    if (event.key !== 'Tab' || !ref.current) return;
    event.preventDefault();
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = (at + (event.shiftKey ? -1 : 1) + items.length) % items.length;
    items[at < 0 ? 0 : next]?.focus();
  };
}

/** Keys as this platform prints them. */
export const MOD_KEY =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';
