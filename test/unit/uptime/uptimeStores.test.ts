// The window's side: a quiet overview beat keeps every tenant's summary (and the map) so no matrix
// row re-renders, and an alert policy draft out of range or with a malformed email is refused
// before anything is sent.
import { describe, expect, it } from 'vitest';
import type { AlertPolicyView, TenantUptimeSummary } from '../../../src-preload/contract';
import { healthPathProblem } from '../../../src-preload/contract/uptime';
import { draftProblem, splitEmails } from '../../../src-renderer/stores/alertPoliciesStore';
import { shareSummaries } from '../../../src-renderer/stores/uptimeStore';

const summary = (appId: string, status: TenantUptimeSummary['status']): TenantUptimeSummary => ({
  appId,
  status,
  down: status === 'down' ? ['/health/celery'] : [],
  paths: 4,
  checked: 4,
});

describe('uptime overview in the window', () => {
  it('a beat that learned nothing keeps the very map; a changed tenant gets a new entry, the rest keep theirs', () => {
    const current = { a: summary('a', 'up'), b: summary('b', 'up') };
    expect(shareSummaries(current, { a: summary('a', 'up'), b: summary('b', 'up') })).toBe(current);
    const next = shareSummaries(current, { a: summary('a', 'up'), b: summary('b', 'down') });
    expect(next).not.toBe(current);
    expect(next.a).toBe(current.a);
    expect(next.b).toEqual(summary('b', 'down'));
  });
});

describe('refused before sending', () => {
  const cpu: AlertPolicyView = {
    uuid: 'p1',
    type: 'v1/insights/droplet/cpu',
    resource: 'droplet',
    metric: 'CPU',
    unit: '%',
    description: 'CPU high',
    compare: 'GreaterThan',
    value: 80,
    window: '5m',
    enabled: true,
    emails: ['ops@example.com'],
    slackChannels: [],
    appliesTo: 'every droplet',
  };
  const draft = (value: string, emails = 'ops@example.com') => ({
    uuid: 'p1',
    compare: 'GreaterThan' as const,
    value,
    window: '5m' as const,
    enabled: true,
    emails,
  });

  it('a percentage threshold outside 0–100, an empty or non-numeric one, a malformed email', () => {
    expect(draftProblem(cpu, draft('140'))).toBe('A percentage threshold is between 0 and 100.');
    expect(draftProblem(cpu, draft('-1'))).toBe('The threshold is 0 or more.');
    expect(draftProblem(cpu, draft(''))).toBe('Enter a threshold.');
    expect(draftProblem(cpu, draft('eighty'))).toBe('The threshold is a number.');
    expect(draftProblem(cpu, draft('70', 'ops@example.com, not-an-email'))).toBe(
      '“not-an-email” is not an email address.',
    );
    expect(draftProblem(cpu, draft('70'))).toBeUndefined();
    // Load is not a percentage: 140 is a fair 5-minute load threshold.
    expect(draftProblem({ ...cpu, type: 'v1/insights/droplet/load_5', unit: '' }, draft('140'))).toBeUndefined();
    expect(splitEmails(' a@x.io, b@y.io;c@z.io ')).toEqual(['a@x.io', 'b@y.io', 'c@z.io']);
  });

  it('a health path must be a path', () => {
    expect(healthPathProblem('/health/database')).toBeUndefined();
    expect(healthPathProblem('health')).toMatch(/starts with/);
    expect(healthPathProblem('/health?full=1')).toMatch(/no query/);
    expect(healthPathProblem('/health/../admin')).toMatch(/segments/);
    expect(healthPathProblem('/health database')).toMatch(/letters, digits/);
    expect(healthPathProblem(`/${'a'.repeat(200)}`)).toMatch(/at most/);
  });
});
