// Fleet health, stale-while-revalidate. Health is one request per app, and 1,000 apps read every
// minute would be twelve times the API's hourly limit. So the answer is what is known, at once,
// with when each app was read; behind it one background refresh re-reads the apps asked about,
// the longest-unread first, as fast as the request budget lets it. It runs while someone keeps
// asking (the overview asks every few seconds) and stops soon after they stop.
import type { AppHealthSummary } from '../../../src-preload/contract';
import { ApiError } from '../../clients/http/apiError';
import { inBackground } from '../../clients/http/requestGate';
import { systemClock, type Clock } from '../budget/clock';

export interface FleetHealthOptions {
  clock?: Clock;
  /** An app read this recently is not read again (default 60 s). */
  minAgeMs?: number;
  /** The refresh stops this long after the last question (default 2 min). */
  leaseMs?: number;
  /** Reads in flight or waiting for the budget at once (default 3): the queue stays short, so oldest-first holds. */
  concurrency?: number;
}

interface Entry {
  summary?: AppHealthSummary;
  checkedAt?: number;
  /** When a read was last tried, whatever came of it: the refresh order. */
  triedAt?: number;
  reading?: boolean;
}

/** Why the refresh's wait is cut short: a plain value, as a DOMException per read costs a stack trace. */
const WAKE = 'wake';

/** After the token is refused, the refresh waits this long before trying again. */
const REFUSED_PAUSE_MS = 60_000;

export class FleetHealth {
  private readonly entries = new Map<string, Entry>();
  private wanted: readonly string[] = [];
  private wantedUntil = 0;
  private running = false;
  private refusedUntil = 0;
  private refusal: ApiError | undefined;
  private wake: AbortController | undefined;
  private readonly clock: Clock;
  private readonly minAgeMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly read: (appId: string) => Promise<AppHealthSummary>,
    options: FleetHealthOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.minAgeMs = options.minAgeMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.concurrency = options.concurrency ?? 3;
  }

  /**
   * What is known of these apps now, each with the time it was read (`pending` when it never
   * was), and a refresh behind it. Throws only when the token is refused and nothing is known.
   */
  answer(appIds: readonly string[]): Record<string, AppHealthSummary> {
    this.wanted = [...new Set(appIds)];
    this.wantedUntil = this.clock.now() + this.leaseMs;
    this.kick();
    const known = appIds.filter((id) => this.entries.get(id)?.summary);
    if (this.refusal && known.length === 0 && appIds.length > 0) throw this.refusal;
    return Object.fromEntries(appIds.map((id) => [id, this.view(id)]));
  }

  /** A health read made for the user (an app's detail) freshens the fleet's answer for free. */
  record(appId: string, summary: AppHealthSummary): void {
    const entry = this.entry(appId);
    const now = this.clock.now();
    Object.assign(entry, { summary, checkedAt: now, triedAt: now });
  }

  private view(appId: string): AppHealthSummary {
    const entry = this.entries.get(appId);
    if (!entry?.summary) return { state: 'unknown', components: {}, pending: true };
    return { ...entry.summary, checkedAt: new Date(entry.checkedAt!).toISOString() };
  }

  private entry(appId: string): Entry {
    let entry = this.entries.get(appId);
    if (!entry) this.entries.set(appId, (entry = {}));
    return entry;
  }

  private kick(): void {
    if (this.running) this.wake?.abort(WAKE);
    else void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    let reading = 0;
    try {
      while (this.clock.now() < this.wantedUntil) {
        const next = reading < this.concurrency ? this.nextDue() : undefined;
        if (next) {
          reading++;
          void this.refresh(next).finally(() => {
            reading--;
            this.wake?.abort(WAKE);
          });
          continue;
        }
        // A read that ends wakes the loop early; so does a new question.
        await this.pause(reading < this.concurrency ? this.nextWakeMs() : this.wantedUntil - this.clock.now());
      }
    } finally {
      this.running = false;
    }
  }

  /** The wanted app read longest ago (never read first) whose reading is due. */
  private nextDue(): string | undefined {
    const now = this.clock.now();
    if (now < this.refusedUntil) return undefined;
    let best: string | undefined;
    let bestTried = Infinity;
    for (const id of this.wanted) {
      const entry = this.entries.get(id);
      if (entry?.reading) continue;
      const tried = entry?.triedAt ?? -Infinity;
      if (now - tried < this.minAgeMs) continue;
      if (tried < bestTried) {
        best = id;
        bestTried = tried;
      }
    }
    return best;
  }

  /** Until the first wanted app falls due, a refusal's pause ends, or the lease does. */
  private nextWakeMs(): number {
    const now = this.clock.now();
    if (now < this.refusedUntil) return Math.min(this.refusedUntil, this.wantedUntil) - now;
    let at = this.wantedUntil;
    for (const id of this.wanted) {
      const entry = this.entries.get(id);
      if (!entry?.reading) at = Math.min(at, (entry?.triedAt ?? -Infinity) + this.minAgeMs);
    }
    return Math.max(1, at - now);
  }

  private async pause(ms: number): Promise<void> {
    const wake = new AbortController();
    this.wake = wake;
    await this.clock.sleep(ms, wake.signal).catch(() => {});
    if (this.wake === wake) this.wake = undefined;
  }

  private async refresh(appId: string): Promise<void> {
    const entry = this.entry(appId);
    entry.reading = true;
    try {
      const summary = await inBackground('health', () => this.read(appId));
      const now = this.clock.now();
      Object.assign(entry, { summary, checkedAt: now, triedAt: now });
      this.refusal = undefined;
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      // Rate limited: the budget has paused background reads; the app keeps its place in line.
      if (code === 'rate_limited') return;
      entry.triedAt = this.clock.now();
      if (code === 'unauthorized' || code === 'forbidden') {
        this.refusal = error as ApiError;
        this.refusedUntil = this.clock.now() + REFUSED_PAUSE_MS;
      } else if (code === 'not_found') {
        Object.assign(entry, { summary: { state: 'unknown', components: {} }, checkedAt: entry.triedAt });
      }
      // Anything else (a 5xx, a dropped connection): the last known health stays, aging.
    } finally {
      entry.reading = false;
    }
  }
}
