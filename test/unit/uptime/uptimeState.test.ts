// From the API's check state to what the matrix shows: a check is down when any region is, up when
// every region is, checking until each has a result; a tenant is down naming the paths that are.
import { describe, expect, it } from 'vitest';
import type { HealthPath, UptimeCheckView } from '../../../src-preload/contract';
import { checkView, summarize } from '../../../src-main/services/uptime/uptimeState';

const check = {
  id: 'c1',
  name: 'x',
  type: 'https' as const,
  target: 'https://a.example/health',
  regions: ['us_east' as const, 'eu_west' as const],
  enabled: true,
};

describe('uptime state mapping', () => {
  it('one region down makes the check down; the last outage and 30-day uptime come along', () => {
    const view = checkView(check, {
      readAt: Date.parse('2026-11-20T12:00:00Z'),
      state: {
        regions: {
          us_east: { status: 'UP', status_changed_at: '2026-11-01T00:00:00Z', thirty_day_uptime_percentage: 100 },
          eu_west: { status: 'DOWN', status_changed_at: '2026-11-20T11:58:00Z', thirty_day_uptime_percentage: 99.5 },
        },
        previous_outage: {
          region: 'eu_west',
          started_at: '2026-11-17T04:00:00Z',
          ended_at: '2026-11-17T04:04:00Z',
          duration_seconds: 240,
        },
      },
    });
    expect(view.status).toBe('down');
    expect(view.regions).toEqual([
      { region: 'us_east', status: 'UP', since: '2026-11-01T00:00:00Z', uptime30d: 100 },
      { region: 'eu_west', status: 'DOWN', since: '2026-11-20T11:58:00Z', uptime30d: 99.5 },
    ]);
    expect(view.previousOutage).toEqual({
      region: 'eu_west',
      startedAt: '2026-11-17T04:00:00Z',
      endedAt: '2026-11-17T04:04:00Z',
      durationSeconds: 240,
    });
    expect(view.stateReadAt).toBe('2026-11-20T12:00:00.000Z');
  });

  it('a region not reported yet is checking; a disabled check is disabled whatever it saw', () => {
    const partial = checkView(check, { state: { regions: { us_east: { status: 'UP' } } } });
    expect(partial.status).toBe('checking');
    expect(partial.regions[1]).toEqual({ region: 'eu_west', status: 'CHECKING' });
    expect(
      checkView({ ...check, enabled: false }, { state: { regions: { us_east: { status: 'DOWN' } } } }).status,
    ).toBe('disabled');
    expect(checkView(check, undefined).status).toBe('checking');
  });

  it('a tenant is down naming its down paths, up when every check is, none without checks', () => {
    const path = (p: string, status?: UptimeCheckView['status']): HealthPath => ({
      url: `https://a.example${p}`,
      host: 'a.example',
      path: p,
      source: 'user',
      ...(status ? { check: { ...checkView(check, undefined), status } } : {}),
    });
    expect(summarize('a1', [path('/health', 'up'), path('/health/celery', 'down'), path('/health/redis')])).toEqual({
      appId: 'a1',
      status: 'down',
      down: ['/health/celery'],
      paths: 3,
      checked: 2,
    });
    expect(summarize('a1', [path('/health', 'up'), path('/health/db', 'up')]).status).toBe('up');
    expect(summarize('a1', [path('/health', 'up'), path('/health/db', 'checking')]).status).toBe('checking');
    expect(summarize('a1', [path('/health')]).status).toBe('none');
  });
});
