// Notices for deployments the user started: the Electron shell turns them into desktop
// notifications, the window into toasts (only where the shell does not, so none shows twice).
// A short history lets a window that reconnects or opens late ask for what it missed.
import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';

/** How many past notices a late subscriber can still be given. */
export const NOTICE_HISTORY = 100;

export class NoticeHub {
  private readonly listeners = new Set<(notice: Notice) => void>();
  private readonly history: Notice[] = [];

  publish(notice: Omit<Notice, 'id' | 'at'>): void {
    const full: Notice = { id: randomUUID(), at: new Date().toISOString(), ...notice };
    this.history.push(full);
    if (this.history.length > NOTICE_HISTORY) this.history.shift();
    for (const listener of this.listeners) listener(full);
  }

  /** New notices as they come; with `since`, first the kept ones published after it, oldest first. */
  subscribe(listener: (notice: Notice) => void, since?: string): Disposable {
    const after = since === undefined ? undefined : Date.parse(since);
    if (after !== undefined && !Number.isNaN(after)) {
      for (const notice of this.history.filter((n) => Date.parse(n.at) > after)) listener(notice);
    }
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }
}
