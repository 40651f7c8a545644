// Supabase's documented limit: 120 requests a minute, counted per user, per scope (the project or
// organization the call names; the user for calls that name neither) and per endpoint; applying a
// migration is allowed 120 per 3 minutes. Every answer says x-ratelimit-limit, -remaining and
// -reset (seconds until the window ends). The CLI's recorded answers show the window starting at
// the first request (reset 60, then 58, 54…). The docs name no Retry-After for the 429, so none is
// sent, and the 429's body is undocumented: `{message}` like every other error of this API.
import type { SandboxResponse } from '../http';
import type { SupabaseWorld } from './world';

type Windows = Map<string, { start: number; count: number }>;
const windows = new WeakMap<SupabaseWorld, Windows>();

/** The endpoint's window: the migrations POST counts over 3 minutes, everything else over one. */
const windowMsOf = (endpoint: string) =>
  endpoint === 'POST /v1/projects/{ref}/database/migrations' ? 180_000 : 60_000;

/**
 * Counts one request of the sandbox's one user against `endpoint` (method and path template) in
 * `scope`; a refused request is not counted.
 */
export function takeRequest(
  world: SupabaseWorld,
  now: number,
  endpoint: string,
  scope: string,
): { allowed: boolean; headers: Record<string, string> } {
  let buckets = windows.get(world);
  if (!buckets) windows.set(world, (buckets = new Map() as Windows));
  const key = `${endpoint} ${scope}`;
  const windowMs = windowMsOf(endpoint);
  let bucket = buckets.get(key);
  if (!bucket || now - bucket.start >= windowMs) buckets.set(key, (bucket = { start: now, count: 0 }));
  const limit = world.rateLimit.perMinute;
  const allowed = bucket.count < limit;
  if (allowed) bucket.count += 1;
  return {
    allowed,
    headers: {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - bucket.count)),
      'x-ratelimit-reset': String(Math.max(1, Math.ceil((bucket.start + windowMs - now) / 1000))),
    },
  };
}

export const tooManyRequests = (headers: Record<string, string>): SandboxResponse => ({
  status: 429,
  body: { message: 'Rate limit exceeded' },
  headers,
});
