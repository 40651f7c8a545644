// One request budget per account context, shared by every service through the client's gate.
// DigitalOcean allows 5,000 requests in a rolling hour and 250 in a minute per token; a 429
// refuses whatever comes next, the user's own clicks included. So reads the app makes on its own
// (background) are held to a share of both windows and spread out, while a user's request never
// waits here: it is only counted, and it pushes background work back.
import { parseRetryAfter } from '../../clients/http/retryPolicy';
import {
  backgroundKind,
  type BackgroundKind,
  type RequestGate,
  type RequestOutcome,
} from '../../clients/http/requestGate';
import { systemClock, type Clock } from './clock';

export interface BudgetOptions {
  clock?: Clock;
  /** Share of each window background reads may bring the total to (default 0.4). */
  share?: number;
  /** Hourly limit until the API's ratelimit-limit header says otherwise (default 5,000). */
  perHour?: number;
  /** Per-minute limit; by default 5% of the hourly one, as DigitalOcean documents it. */
  perMinute?: number;
  /** Background pauses when the API reports less than this share of the hour left (default 0.1). */
  reserve?: number;
  /** Background requests in flight at once (default 4). */
  maxInFlight?: number;
}

export interface BudgetUsage {
  lastMinute: number;
  lastHour: number;
  perMinute: number;
  perHour: number;
  /** Epoch ms until which background reads wait (a 429, or the API reporting little left). */
  pausedUntil?: number;
  waiting: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** How long to hold off when a 429 names no time, or the API says little is left: then look again. */
const PROBE_AFTER_MS = MINUTE;
const RANK: Record<BackgroundKind, number> = { poll: 0, fleet: 1, other: 2, health: 3 };

interface Waiter {
  rank: number;
  seq: number;
  admit: () => void;
}

export class RequestBudget implements RequestGate {
  private readonly clock: Clock;
  private readonly share: number;
  private readonly reserve: number;
  private readonly maxInFlight: number;
  private perHour: number;
  private perMinute: number;
  /** Send times of every request of the last hour, oldest first. */
  private sent: number[] = [];
  private inFlight = 0;
  private backgroundInFlight = 0;
  private queue: Waiter[] = [];
  private seq = 0;
  private pausedUntil = 0;
  /** Spreads background reads over the hour: refilled at the hourly share, holding a minute's share. */
  private tokens: number;
  private tokensAt: number;
  private timer: AbortController | undefined;

  constructor(private readonly options: BudgetOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.share = options.share ?? 0.4;
    this.reserve = options.reserve ?? 0.1;
    this.maxInFlight = options.maxInFlight ?? 4;
    this.perHour = options.perHour ?? 5000;
    this.perMinute = options.perMinute ?? Math.round(this.perHour * 0.05);
    this.tokens = this.burst();
    this.tokensAt = this.clock.now();
  }

  /** The gate: a user's request goes at once; background waits its turn, most urgent first. */
  async admit(): Promise<(outcome: RequestOutcome) => void> {
    const kind = backgroundKind();
    if (kind) {
      await new Promise<void>((resolve) => {
        const admit = () => {
          // Counted the moment it is let through, so the next one in the queue sees it.
          this.record(true);
          resolve();
        };
        this.queue.push({ rank: RANK[kind], seq: this.seq++, admit });
        this.queue.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
        this.pump();
      });
    } else {
      this.record(false);
    }
    let settled = false;
    return (outcome) => {
      if (settled) return;
      settled = true;
      this.inFlight--;
      if (kind) this.backgroundInFlight--;
      this.learn(outcome);
      this.pump();
    };
  }

  /** Requests in flight right now (user and background). */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  usage(): BudgetUsage {
    const now = this.clock.now();
    this.forget(now);
    return {
      lastMinute: this.countSince(now - MINUTE),
      lastHour: this.sent.length,
      perMinute: this.perMinute,
      perHour: this.perHour,
      ...(this.pausedUntil > now ? { pausedUntil: this.pausedUntil } : {}),
      waiting: this.queue.length,
    };
  }

  /** When background reads may go again, or undefined when they are not paused. */
  backgroundPausedUntil(): number | undefined {
    return this.pausedUntil > this.clock.now() ? this.pausedUntil : undefined;
  }

  /** Background requests an hour may hold for this use, e.g. a quarter of the share for the fleet list. */
  backgroundPerHour(fraction = 1): number {
    return this.share * this.perHour * fraction;
  }

  private record(background: boolean): void {
    this.inFlight++;
    if (background) this.backgroundInFlight++;
    this.sent.push(this.clock.now());
  }

  private learn({ status, headers = {} }: RequestOutcome): void {
    const now = this.clock.now();
    const limit = Number(headers['ratelimit-limit']);
    const remaining = Number(headers['ratelimit-remaining']);
    const resetMs = Number(headers['ratelimit-reset']) * 1000;
    if (Number.isFinite(limit) && limit > 0 && limit !== this.perHour) {
      this.perHour = limit;
      this.perMinute = this.options.perMinute ?? Math.round(limit * 0.05);
    }
    const resetsSoon = Number.isFinite(resetMs) && resetMs > now && resetMs - now <= HOUR + MINUTE;
    if (status === 429) {
      // A burst 429 says how long (Retry-After); an hourly one does not, so wait for the oldest
      // request to expire, and at least a minute, rather than probing the API again at once.
      const retryAfter = parseRetryAfter(headers['retry-after'], now);
      const until =
        retryAfter !== undefined
          ? now + Math.max(1, retryAfter) * 1000
          : Math.max(now + PROBE_AFTER_MS, resetsSoon ? resetMs : 0);
      this.pausedUntil = Math.max(this.pausedUntil, until);
    } else if (Number.isFinite(remaining) && remaining < this.reserve * this.perHour) {
      // Another tool on the same token may be using it: what is left stays the user's.
      this.pausedUntil = Math.max(this.pausedUntil, now + PROBE_AFTER_MS);
    }
  }

  /** Admits waiting background requests while the budget allows, else wakes up when it will. */
  private pump(): void {
    while (this.queue.length > 0) {
      const wait = this.waitMs();
      if (wait === 0) {
        this.tokens -= 1;
        this.queue.shift()!.admit();
        continue;
      }
      if (Number.isFinite(wait)) this.wakeIn(wait);
      return;
    }
  }

  /** 0 when a background request may go now; else ms until it might; Infinity when a request must end first. */
  private waitMs(): number {
    const now = this.clock.now();
    this.forget(now);
    if (this.pausedUntil > now) return this.pausedUntil - now;
    if (this.backgroundInFlight >= this.maxInFlight) return Infinity;
    const minuteCap = Math.max(1, Math.floor(this.share * this.perMinute));
    const hourCap = Math.max(1, Math.floor(this.share * this.perHour));
    const inMinute = this.countSince(now - MINUTE);
    if (inMinute >= minuteCap) return this.expiryOf(inMinute - minuteCap, MINUTE, now);
    if (this.sent.length >= hourCap) return this.expiryOf(this.sent.length - hourCap, HOUR, now);
    this.refill(now);
    if (this.tokens < 1) return Math.ceil((1 - this.tokens) / this.ratePerMs());
    return 0;
  }

  /** When the request `index` places into the window (oldest first) leaves it. */
  private expiryOf(index: number, window: number, now: number): number {
    const start = this.sent.length - this.countSince(now - window);
    const at = this.sent[Math.min(this.sent.length - 1, start + Math.max(0, index))];
    return at === undefined ? 1 : Math.max(1, at + window - now);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst(), this.tokens + (now - this.tokensAt) * this.ratePerMs());
    this.tokensAt = now;
  }

  private ratePerMs(): number {
    return (this.share * this.perHour) / HOUR;
  }

  private burst(): number {
    return Math.max(1, Math.floor(this.share * this.perMinute));
  }

  private countSince(from: number): number {
    let count = 0;
    for (let i = this.sent.length - 1; i >= 0 && this.sent[i]! > from; i--) count++;
    return count;
  }

  private forget(now: number): void {
    let drop = 0;
    while (drop < this.sent.length && this.sent[drop]! <= now - HOUR) drop++;
    if (drop > 0) this.sent = this.sent.slice(drop);
  }

  private wakeIn(ms: number): void {
    this.timer?.abort('rescheduled');
    const timer = new AbortController();
    this.timer = timer;
    this.clock.sleep(ms, timer.signal).then(
      () => {
        if (this.timer === timer) this.timer = undefined;
        this.pump();
      },
      () => {},
    );
  }
}
