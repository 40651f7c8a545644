// DigitalOcean's limits per token: 5,000 requests in a rolling hour (each request counts for one
// hour from when it was made) and 250 in a minute. Every answer carries ratelimit-limit (the
// hourly limit), ratelimit-remaining and ratelimit-reset (when the oldest counted request
// expires, epoch seconds). Over the minute limit, the 429 says Retry-After and remaining reads 0
// ("remaining reaching zero can also indicate that the burst limit was met"); over the hourly
// one, the 429 has no Retry-After, as the API's documentation describes. A refused request is
// not counted.
import type { SandboxClock } from './state';

export interface RateLimitOptions {
  perHour: number;
  perMinute: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

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
    const times = this.history.get(token) ?? [];
    let expired = 0;
    while (expired < times.length && now - times[expired]! >= HOUR) expired++;
    if (expired > 0) times.splice(0, expired);
    let inMinute = 0;
    for (let i = times.length - 1; i >= 0 && now - times[i]! < MINUTE; i--) inMinute++;
    const hourFull = times.length >= this.options.perHour;
    const minuteFull = inMinute >= this.options.perMinute;
    const allowed = !hourFull && !minuteFull;
    if (allowed) times.push(now);
    this.history.set(token, times);
    const oldest = times[0] ?? now;
    const headers: Record<string, string> = {
      'ratelimit-limit': String(this.options.perHour),
      'ratelimit-remaining': String(minuteFull ? 0 : Math.max(0, this.options.perHour - times.length)),
      'ratelimit-reset': String(Math.ceil((oldest + HOUR) / 1000)),
    };
    if (minuteFull && !hourFull) {
      const firstInMinute = times[times.length - inMinute] ?? now;
      headers['retry-after'] = String(Math.max(1, Math.ceil((firstInMinute + MINUTE - now) / 1000)));
    }
    return { allowed, headers };
  }
}
