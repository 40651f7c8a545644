// The overview's alert marker learns every shown app's alerts without a request per row on each
// tick: main answers from what it knows and reads a few due apps in the background (at the
// request budget's lowest priority), each app at most once per REREAD_MS; what the app page read
// counts; a token refused for alerts stops the reads for a while.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/clients/http/apiError';
import { backgroundKind } from '../../../src-main/clients/http/requestGate';
import { FleetAlerts, REREAD_MS } from '../../../src-main/services/alerts/fleetAlerts';
import type { AppAlerts } from '../../../src-preload/contract';

const alertsOf = (appId: string): AppAlerts => ({ appId, alerts: [], failing: 0 });
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function fixture(fail?: (appId: string) => Error | undefined) {
  let now = 1_000_000;
  const reads: Array<{ appId: string; kind: string | undefined }> = [];
  const cache = new FleetAlerts(
    async (appId) => {
      reads.push({ appId, kind: backgroundKind() });
      const error = fail?.(appId);
      if (error) throw error;
      return alertsOf(appId);
    },
    () => now,
  );
  return { cache, reads, advance: (ms: number) => (now += ms) };
}

describe('every shown app’s alerts for the overview', () => {
  it('answers with what is known and reads two apps at a time, going on as each ends, as background health-priority work', async () => {
    const pending = new Map<string, () => void>();
    const kinds: Array<string | undefined> = [];
    const cache = new FleetAlerts(
      (appId) =>
        new Promise<AppAlerts>((resolve) => {
          kinds.push(backgroundKind());
          pending.set(appId, () => resolve(alertsOf(appId)));
        }),
    );
    expect(cache.known(['a', 'b', 'c'])).toEqual({});
    await settle();
    expect([...pending.keys()]).toEqual(['a', 'b']);
    expect(kinds).toEqual(['health', 'health']);
    pending.get('a')!();
    await settle();
    // One ended, the next due one of those asked about starts: never more than two at once.
    expect([...pending.keys()]).toEqual(['a', 'b', 'c']);
    expect(cache.known(['a', 'b', 'c'])).toEqual({ a: alertsOf('a') });
    pending.get('b')!();
    pending.get('c')!();
    await settle();
    expect(cache.known(['a', 'b', 'c'])).toEqual({ a: alertsOf('a'), b: alertsOf('b'), c: alertsOf('c') });
    // Asked again at once: nothing is due, nothing is read.
    await settle();
    expect(pending.size).toBe(3);
  });

  it('reads an app again only after REREAD_MS, and takes the app page’s read as its own', async () => {
    const { cache, reads, advance } = fixture();
    cache.remember({ ...alertsOf('a'), failing: 1 });
    expect(cache.known(['a'])).toEqual({ a: { ...alertsOf('a'), failing: 1 } });
    await settle();
    expect(reads).toHaveLength(0);
    advance(REREAD_MS);
    cache.known(['a']);
    await settle();
    expect(reads.map((r) => r.appId)).toEqual(['a']);
    // A change of its emails: read again at the next question.
    cache.forget('a');
    expect(cache.known(['a'])).toEqual({});
    await settle();
    expect(reads).toHaveLength(2);
  });

  it('stops reading for a while when the token may not read alerts', async () => {
    const { cache, reads, advance } = fixture(() => new ApiError({ code: 'forbidden', message: 'no' }));
    cache.known(['a', 'b', 'c']);
    await settle();
    expect(reads).toHaveLength(2);
    cache.known(['a', 'b', 'c']);
    await settle();
    expect(reads).toHaveLength(2);
    advance(REREAD_MS);
    cache.known(['c']);
    await settle();
    expect(reads.map((r) => r.appId)).toEqual(['a', 'b', 'c']);
  });
});
