import { describe, expect, it } from 'vitest';
import {
  autoscaleCeiling,
  blockedReason,
  costDeltaTone,
  describeError,
  draftFrom,
  draftProblem,
  elapsedNow,
  failureHeadline,
  formatCostDelta,
  formatInstances,
  formatParameters,
  isNoChange,
  orderSelected,
  scaleChangeOf,
  secondsBetween,
  shortId,
  summarizeRolling,
} from '../../../src-renderer/actionFormat';

describe('errors in words', () => {
  it('tells a read-only token apart from other refusals', () => {
    expect(describeError({ code: 'forbidden', message: 'You are not authorized' }).title).toMatch(/read-only/);
    expect(describeError({ code: 'forbidden', message: 'You are not authorized' }).detail).toBe(
      'You are not authorized',
    );
  });

  it('says a stale spec sent nothing', () => {
    expect(describeError({ code: 'stale', message: 'spec changed' }).title).toMatch(/nothing was sent/);
  });

  it('keeps the message of an unknown outcome and does not call it a failure', () => {
    const words = describeError({ code: 'unknown_outcome', message: 'The answer to POST was lost' });
    expect(words.title).toMatch(/could not tell/);
    expect(words.detail).toBe('The answer to POST was lost');
    expect(failureHeadline('deploy', { code: 'unknown_outcome' })).toBe('Deploy: outcome unknown.');
    expect(failureHeadline('deploy', { code: 'conflict' })).toBe('Deploy did not go through.');
  });

  it('mentions when to retry after a rate limit', () => {
    expect(describeError({ code: 'rate_limited', message: '', retryAfterSeconds: 12 }).title).toMatch(/12 s/);
  });

  it('falls back to the API message for other codes', () => {
    expect(describeError({ code: 'unprocessable', message: 'Spec is invalid' })).toEqual({ title: 'Spec is invalid' });
  });
});

describe('deployments', () => {
  it('shortens ids like commit hashes', () => {
    expect(shortId('3f2a9c1e-77aa-4e0b')).toBe('3f2a9c1');
    expect(shortId(undefined)).toBe('');
  });

  it('keeps the clock moving between events and stops it at the end', () => {
    expect(elapsedNow({ elapsedSeconds: 10, terminal: false }, 1_000, 4_500)).toBe(13.5);
    expect(elapsedNow({ elapsedSeconds: 10, terminal: true }, 1_000, 90_000)).toBe(10);
    expect(elapsedNow({ elapsedSeconds: 10, terminal: false }, 5_000, 4_000)).toBe(10);
  });
});

describe('scale drafts', () => {
  const fixed = draftFrom({ instanceSizeSlug: 'apps-s-1vcpu-1gb', instanceCount: 2 });
  const auto = draftFrom({ instanceSizeSlug: 'apps-d-1vcpu-1gb', autoscaling: { min: 1, max: 10 } });

  it('start from the component as it is', () => {
    expect(fixed).toMatchObject({ size: 'apps-s-1vcpu-1gb', count: 2, autoscale: false });
    expect(auto).toMatchObject({ size: 'apps-d-1vcpu-1gb', autoscale: true, min: 1, max: 10 });
  });

  it('send only what changed', () => {
    expect(isNoChange(scaleChangeOf('a', 'api', fixed, fixed))).toBe(true);
    expect(scaleChangeOf('a', 'api', fixed, { ...fixed, count: 3 })).toEqual({
      appId: 'a',
      component: 'api',
      instanceCount: 3,
    });
    expect(scaleChangeOf('a', 'api', fixed, { ...fixed, size: 'apps-s-1vcpu-2gb' })).toEqual({
      appId: 'a',
      component: 'api',
      instanceSizeSlug: 'apps-s-1vcpu-2gb',
    });
  });

  it('turn autoscaling off with null and a count, and on with bounds', () => {
    expect(scaleChangeOf('a', 'api', auto, { ...auto, autoscale: false, count: 2 })).toEqual({
      appId: 'a',
      component: 'api',
      autoscaling: null,
      instanceCount: 2,
    });
    expect(
      scaleChangeOf('a', 'api', fixed, { ...fixed, size: 'apps-d-1vcpu-1gb', autoscale: true, min: 2, max: 4 }),
    ).toEqual({
      appId: 'a',
      component: 'api',
      instanceSizeSlug: 'apps-d-1vcpu-1gb',
      autoscaling: { min: 2, max: 4 },
    });
  });

  it('refuse impossible numbers before asking the API', () => {
    expect(draftProblem({ ...fixed, count: 0 }, true)).toMatch(/whole number/);
    expect(draftProblem({ ...fixed, count: 1.5 }, true)).toMatch(/whole number/);
    expect(draftProblem({ ...auto, min: 5, max: 2 }, true)).toMatch(/minimum/);
    expect(draftProblem(auto, false)).toMatch(/does not autoscale/);
    expect(draftProblem(fixed, false)).toBeUndefined();
  });

  it('price an autoscaled component at its maximum on top of the API price at the minimum', () => {
    const after = { autoscaling: { min: 2, max: 6 }, componentMonthlyCost: { min: 58, max: 174 } };
    expect(autoscaleCeiling(113, after)).toBe(229);
    expect(autoscaleCeiling(113, { componentMonthlyCost: { min: 58, max: 58 } })).toBeUndefined();
  });

  it('read instances and cost deltas for people', () => {
    expect(formatInstances({ instanceCount: 2 })).toBe('×2');
    expect(formatInstances({ autoscaling: { min: 1, max: 10 } })).toBe('1–10 autoscaling');
    expect(formatCostDelta(24, 48)).toBe('+$24.00/mo');
    expect(formatCostDelta(48, 24)).toBe('−$24.00/mo');
    expect(formatCostDelta(24, 24.001)).toBe('no change');
    expect(costDeltaTone(24, 48)).toBe('warning');
    expect(costDeltaTone(48, 24)).toBe('success');
  });
});

describe('what blocks an action', () => {
  it('an action in flight blocks everything', () => {
    expect(blockedReason('rollback', { inFlight: 'deploy', deploying: false })).toMatch(
      /Deploy on this app is on its way/,
    );
  });

  it('a running deployment blocks new ones', () => {
    expect(blockedReason('deploy', { deploying: true })).toMatch(/in progress/);
  });

  it('a pin blocks deploy, scale and another rollback, not a restart', () => {
    const gate = { deploying: false, pinnedId: 'abcdef123456' };
    expect(blockedReason('deploy', gate)).toMatch(/Pinned to deployment abcdef1/);
    expect(blockedReason('scale', gate)).toMatch(/Pinned/);
    expect(blockedReason('rollback', gate)).toMatch(/Pinned/);
    expect(blockedReason('restart', gate)).toBeUndefined();
  });
});

describe('rolling deploys', () => {
  it('deploy the chosen apps in the fleet order (group, then name)', () => {
    const apps = [
      { id: '1', name: 'taskifai-demo', group: 'TaskifAI' },
      { id: '2', name: 'multivio-api', group: 'Multivio' },
      { id: '3', name: 'taskifai-bibbi', group: 'TaskifAI' },
    ];
    expect(orderSelected(apps, ['1', '3', '2']).map((a) => a.name)).toEqual([
      'multivio-api',
      'taskifai-bibbi',
      'taskifai-demo',
    ]);
  });

  it('sum up what was done, what failed and what was not started', () => {
    const summary = summarizeRolling({
      apps: [
        { appId: '1', appName: 'a', state: 'succeeded' },
        { appId: '2', appName: 'b', state: 'failed', message: 'Build failed' },
        { appId: '3', appName: 'c', state: 'not_started' },
      ],
    });
    expect(summary.succeeded).toEqual(['a']);
    expect(summary.failed).toEqual([{ name: 'b', message: 'Build failed' }]);
    expect(summary.notStarted).toEqual(['c']);
    expect(summary.headline).toBe('1 of 3 apps deployed · 1 failed · 1 not started');
  });
});

describe('activity', () => {
  it('lists parameters in words, leaving out those left as they were (null)', () => {
    expect(
      formatParameters({ force_build: true, components: 'api,worker', autoscaling: null, instance_count: 2 }),
    ).toBe('force_build: yes · components: api,worker · instance_count: 2');
    expect(formatParameters({ force_build: false })).toBe('force_build: no');
  });

  it('measures durations only when the action ended', () => {
    expect(secondsBetween('2025-01-01T00:00:00Z', '2025-01-01T00:00:14Z')).toBe(14);
    expect(secondsBetween('2025-01-01T00:00:00Z', undefined)).toBeUndefined();
    expect(secondsBetween('bad', '2025-01-01T00:00:14Z')).toBeUndefined();
  });
});
