// DigitalOcean's limits per token: 5,000 requests in a rolling hour and 250 in a minute. Every
// answer carries ratelimit-limit/remaining/reset; a burst over the minute limit gets a 429 with
// Retry-After, as the real API does.
import type { SandboxClock } from './state';

export interface RateLimitOptions {
  perHour: number;
  perMinute: number;
}

export const DIGITALOCEAN_LIMITS: RateLimitOptions = { perHour: 5000, perMinute: 250 };

export class RateLimiter {
  private readonly history = new Map<string, number[]>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly options: RateLimitOptions = DIGITALOCEAN_LIMITS,
  ) {}

  /** Counts one request; says whether it is allowed and which headers to send. */
  take(token: string): { allowed: boolean; headers: Record<string, string> } {
    const now = this.clock.now();
    const times = (this.history.get(token) ?? []).filter((t) => now - t < 3_600_000);
    const lastMinute = times.filter((t) => now - t < 60_000);
    const allowed = times.length < this.options.perHour && lastMinute.length < this.options.perMinute;
    if (allowed) times.push(now);
    this.history.set(token, times);
    const oldest = times[0] ?? now;
    const headers: Record<string, string> = {
      'ratelimit-limit': String(this.options.perHour),
      'ratelimit-remaining': String(Math.max(0, this.options.perHour - times.length)),
      'ratelimit-reset': String(Math.ceil((oldest + 3_600_000) / 1000)),
    };
    if (!allowed) {
      const firstInMinute = lastMinute[0] ?? now;
      headers['retry-after'] = String(Math.max(1, Math.ceil((firstInMinute + 60_000 - now) / 1000)));
    }
    return { allowed, headers };
  }
}
