// The last fleet snapshot per account context, kept in the data folder so the next start paints
// the overview at once (marked with its age) instead of waiting for the API. A FleetApp holds
// names, sizes, costs, deployment phases and URLs — no env values, no tokens — and the rate-limit
// reading is left out because it is stale the moment it is read back. Writes are atomic and at most
// one per interval: a 15 s watch over 2,000 apps must not rewrite 1.3 MB every tick.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CachedFleet, FleetApp, FleetSnapshot } from '../../../src-preload/contract';
import { writeFileAtomic } from '../../base/atomicFile';
import { contextFolder } from '../specs/draftStore';

export const FLEET_CACHE_DIR = 'fleet-cache';
const FORMAT = 1;

export interface FleetCacheOptions {
  dataDir: string;
  context: string;
  /** The least time between two writes; the newest snapshot waits for the next slot. */
  minWriteIntervalMs?: number;
  now?: () => number;
}

interface CacheFile {
  format: number;
  context: string;
  snapshot: FleetSnapshot;
}

export class FleetCache {
  readonly file: string;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private lastWrite = Number.NEGATIVE_INFINITY;
  private pending: FleetSnapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The kept snapshot once read or written: a start's first ask is then answered from memory. */
  private known: Promise<CachedFleet | null> | undefined;

  constructor(private readonly options: FleetCacheOptions) {
    this.file = join(options.dataDir, FLEET_CACHE_DIR, `${contextFolder(options.context)}.json`);
    this.minIntervalMs = options.minWriteIntervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The snapshot last kept for this context, or null when there is none or it cannot be read. */
  read(): Promise<CachedFleet | null> {
    this.known ??= this.readFile();
    return this.known;
  }

  private async readFile(): Promise<CachedFleet | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = JSON.parse(text) as Partial<CacheFile>;
      // Another format, another context's file copied over, or a snapshot that is not one: no cache.
      if (parsed.format !== FORMAT || parsed.context !== this.options.context) return null;
      const snapshot = parsed.snapshot;
      if (!isSnapshot(snapshot)) return null;
      return { snapshot, cachedAt: snapshot.fetchedAt };
    } catch {
      return null;
    }
  }

  /** Keeps this snapshot: now if the last write is old enough, else at the next slot (newest wins). */
  offer(snapshot: FleetSnapshot): void {
    this.pending = snapshot;
    if (this.timer) return;
    const wait = this.lastWrite + this.minIntervalMs - this.now();
    if (wait <= 0) {
      void this.writePending();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writePending();
    }, wait);
    // A pending write never keeps the process alive on quit.
    this.timer.unref?.();
  }

  /** Writes what is pending now (quit), and waits for any write under way. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writePending();
  }

  private writePending(): Promise<void> {
    const snapshot = this.pending;
    if (!snapshot) return this.writing;
    this.pending = undefined;
    this.lastWrite = this.now();
    const { rateLimit: _stale, ...kept } = snapshot;
    const body: CacheFile = { format: FORMAT, context: this.options.context, snapshot: kept };
    // A write that fails leaves this session's copy newer than the disk's: still a fleet it read.
    this.known = Promise.resolve({ snapshot: kept, cachedAt: kept.fetchedAt });
    // One write at a time, in order: an older snapshot must never land after a newer one.
    this.writing = this.writing
      .then(() => writeFileAtomic(this.file, JSON.stringify(body)))
      // A full disk or a read-only folder costs the next start its head start, nothing more.
      .catch(() => undefined);
    return this.writing;
  }
}

function isSnapshot(value: unknown): value is FleetSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<FleetSnapshot>;
  return (
    typeof s.fetchedAt === 'string' &&
    !Number.isNaN(Date.parse(s.fetchedAt)) &&
    typeof s.monthlyCost === 'object' &&
    Array.isArray(s.apps) &&
    s.apps.every(isApp)
  );
}

function isApp(value: unknown): value is FleetApp {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<FleetApp>;
  return (
    typeof a.id === 'string' &&
    typeof a.name === 'string' &&
    typeof a.group === 'string' &&
    Array.isArray(a.components) &&
    typeof a.monthlyCost === 'object'
  );
}
