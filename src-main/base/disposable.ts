// What a subscription, a watch or a session hands back: something to end. A store ends many at
// once (VS Code's DisposableStore), and ending twice is harmless.
export interface Disposable {
  dispose(): void;
}

export class DisposableStore implements Disposable {
  private readonly items = new Set<Disposable>();
  private disposed = false;

  /** Adds `item`; a store already disposed ends it at once. */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.add(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const item of this.items) item.dispose();
    this.items.clear();
  }
}

export const toDisposable = (dispose: () => void): Disposable => ({ dispose });
