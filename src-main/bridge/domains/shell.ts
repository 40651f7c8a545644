// The shell domain's side of the contract: the native menu's commands reach whichever windows
// watch them. The hub is plain Node so the runtime (and the harness, which has no menu) can own
// one without Electron; only src-main/shell/menu.ts emits into it.
import type { MenuCommand, ShellMethods, ShellStreams } from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';
import type { DomainMethodHandlers, DomainStreamHandlers } from '../dispatcher';

export class MenuCommandHub {
  private readonly listeners = new Set<(command: MenuCommand) => void>();

  emit(command: MenuCommand): void {
    for (const listener of [...this.listeners]) listener(command);
  }

  subscribe(listener: (command: MenuCommand) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }
}

export function shellMethodHandlers(): DomainMethodHandlers<ShellMethods> {
  return {};
}

export function shellStreamHandlers(hub: MenuCommandHub): DomainStreamHandlers<ShellStreams> {
  return {
    watchMenuCommands: (_request, emit) => hub.subscribe((command) => emit({ ok: true, value: command })),
  };
}
