// Notices for deployments the user started: the shell turns them into desktop notifications,
// the browser harness into toasts. Subscribers are disposable.
import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../src-preload/contract';
import type { Disposable } from '../../bridge/dispatcher';

export class NoticeHub {
  private readonly listeners = new Set<(notice: Notice) => void>();

  publish(notice: Omit<Notice, 'id'>): void {
    const full = { id: randomUUID(), ...notice };
    for (const listener of this.listeners) listener(full);
  }

  subscribe(listener: (notice: Notice) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }
}
