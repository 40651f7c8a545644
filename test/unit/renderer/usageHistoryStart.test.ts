// The app page's CPU and memory charts start where the app's history does: a tenant created three
// days ago has no week to show, and the charts must say since when they show it.
import { describe, expect, it } from 'vitest';
import { formatSince, historyStart } from '../../../src-renderer/views/costs/UsageCharts';

const now = Date.parse('2026-12-03T12:00:00Z');
const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();

describe('where the usage charts start', () => {
  it('at the app’s creation when it is inside the range', () => {
    expect(historyStart(daysAgo(3), '7d', now)?.toISOString()).toBe(daysAgo(3));
    expect(historyStart(daysAgo(0.5), '24h', now)?.toISOString()).toBe(daysAgo(0.5));
  });

  it('at the range’s own start for an app older than the range, or of unknown age', () => {
    expect(historyStart(daysAgo(3), '24h', now)).toBeUndefined();
    expect(historyStart(daysAgo(30), '7d', now)).toBeUndefined();
    expect(historyStart(undefined, '7d', now)).toBeUndefined();
    expect(historyStart('not a date', '7d', now)).toBeUndefined();
  });

  it('names the day and the minute, on a 24-hour clock', () => {
    expect(formatSince(new Date(2026, 10, 27, 14, 5))).toBe('Nov 27, 14:05');
    expect(formatSince(new Date(2026, 10, 27, 0, 30))).toBe('Nov 27, 00:30');
  });
});
