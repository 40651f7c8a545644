// What GitHub last answered per URL, with its ETag, so the next read can ask "changed since?"
// and a 304 (which costs no rate limit) gives back the body we already have. Bounded: the least
// recently used entry goes first.
export interface CachedAnswer {
  etag: string;
  data: unknown;
}

export class EtagCache {
  private readonly entries = new Map<string, CachedAnswer>();

  constructor(private readonly capacity = 500) {}

  get(key: string): CachedAnswer | undefined {
    const found = this.entries.get(key);
    if (found) {
      // Map order is insertion order: re-inserting marks it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, answer: CachedAnswer): void {
    this.entries.delete(key);
    this.entries.set(key, answer);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
