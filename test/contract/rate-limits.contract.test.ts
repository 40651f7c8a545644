// The sandbox's rate limits behave like DigitalOcean's, as its API documentation describes them:
// 5,000 requests in a rolling hour and 250 in a minute per token; the minute's 429 carries
// Retry-After, the hour's does not, and each request counts for one hour from when it was made.
import { describe, expect, it } from 'vitest';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function limitedSandbox(rateLimits: { perHour: number; perMinute: number }) {
  const { sandbox, token } = await sandboxWithClient({ rateLimits });
  const get = () => fetch(`${sandbox.url}/v2/apps/regions`, { headers: { Authorization: `Bearer ${token}` } });
  return { sandbox, get };
}

describe('the sandbox enforces DigitalOcean’s rate limits', () => {
  it('answers the request over the hourly limit with 429 and no Retry-After, until the oldest request expires', async () => {
    const { sandbox, get } = await limitedSandbox({ perHour: 5, perMinute: 250 });
    const clock = sandbox.state.clock;
    // The sandbox clock also moves with real time, so the first request's own time is read from
    // its answer (the hour's reset is when it expires) rather than taken before it was sent.
    const first = await get();
    expect(first.status).toBe(200);
    const firstExpiresAt = Number(first.headers.get('ratelimit-reset')) * 1000;
    for (let i = 1; i < 5; i++) {
      clock.advance(60_000); // a minute apart: only the hourly limit can be what refuses
      expect((await get()).status).toBe(200);
    }
    clock.advance(60_000);

    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('ratelimit-limit')).toBe('5');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    // The oldest request's expiry, in epoch seconds.
    expect(Number(limited.headers.get('ratelimit-reset')) * 1000).toBe(firstExpiresAt);
    const body = await limited.json();
    expect(body).toMatchObject({ id: 'too_many_requests', message: 'API rate limit exceeded.' });
    await expectMatchesSpec('apps_list_regions', 429, body);

    // A refused request is not counted; once the first request is an hour old, one more fits.
    // Just past the first request's expiry (rounded up to the second) and well before the second's.
    clock.advance(firstExpiresAt + 1_000 - clock.now());
    const after = await get();
    expect(after.status).toBe(200);
    expect(after.headers.get('ratelimit-remaining')).toBe('0');
    expect((await get()).status).toBe(429);
  });

  it('answers a burst over the minute limit with 429, Retry-After and remaining 0, though the hour has room', async () => {
    const { sandbox, get } = await limitedSandbox({ perHour: 5000, perMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(60);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-limit')).toBe('5000');
    sandbox.state.clock.advance(60_000);
    const next = await get();
    expect(next.status).toBe(200);
    expect(next.headers.get('ratelimit-remaining')).toBe('4996');
  });
});
