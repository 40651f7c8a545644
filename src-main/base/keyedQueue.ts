// Work on one key runs one piece after another, in the order it was asked for; different keys run
// side by side. A failure ends only its own piece: the next one still runs.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(work);
    this.tails.set(key, next);
    void next
      .finally(() => {
        if (this.tails.get(key) === next) this.tails.delete(key);
      })
      .catch(() => {});
    return next;
  }

  /** Resolves once everything asked for `key` so far has ended, however it ended. */
  async settled(key: string): Promise<void> {
    await this.tails.get(key)?.catch(() => {});
  }

  /** Resolves once everything asked for so far, on every key, has ended. */
  async flush(): Promise<void> {
    await Promise.all([...this.tails.values()].map((tail) => tail.catch(() => {})));
  }
}
