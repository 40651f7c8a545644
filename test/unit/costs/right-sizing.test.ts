import { describe, expect, it } from 'vitest';
import type { MetricsSeries } from '../../../src-main/clients/digitalocean/types';
import { SANDBOX_INSTANCE_SIZES } from '../../../src-main/sandbox/catalog';
import { InstanceSizeCatalog } from '../../../src-main/services/apps/instanceSizes';
import {
  adviseComponent,
  evidenceOf,
  meanByTimestamp,
  percentile,
  restartsIn,
  sizingRule,
} from '../../../src-main/services/costs/rightSizing';

const catalog = new InstanceSizeCatalog(SANDBOX_INSTANCE_SIZES);
const HOUR = 3600;

/** A week of hourly samples following a working-day curve between `low` and `high`. */
function week(low: number, high: number, instance = 'i-1'): MetricsSeries {
  const values = Array.from({ length: 7 * 24 }, (_, h): [number, string] => {
    const day = (1 - Math.cos((((h % 24) - 3) / 24) * 2 * Math.PI)) / 2;
    return [1_700_000_000 + h * HOUR, (low + (high - low) * day).toFixed(2)];
  });
  return { metric: { app_component: 'api', app_component_instance: instance }, values };
}

function counter(restartsEvery: number | undefined): MetricsSeries {
  const values = Array.from({ length: 7 * 24 }, (_, h): [number, string] => [
    h * HOUR,
    String(restartsEvery ? Math.floor(h / restartsEvery) : 0),
  ]);
  return { metric: {}, values };
}

const component = (sizeSlug: string, instances = 1) => ({ name: 'api', sizeSlug, instances, autoscaled: false });

describe('right-sizing a component from a week of metrics', () => {
  it('reads the busiest hours (p95), not the average', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 95)).toBe(100);
    const e = evidenceOf([week(5, 60)], [week(20, 30)], [counter(undefined)]);
    expect(e.cpuP95).toBeGreaterThan(55);
    expect(e.cpuMean).toBeLessThan(40);
  });

  it('suggests one size down for an idle API, with the monthly saving from the size list', () => {
    const advice = adviseComponent(
      component('apps-s-1vcpu-2gb', 2),
      evidenceOf([week(2, 20)], [week(25, 35)], [counter(undefined)]),
      catalog,
    );
    expect(advice).toMatchObject({
      direction: 'down',
      currentSlug: 'apps-s-1vcpu-2gb',
      suggestedSlug: 'apps-s-1vcpu-1gb',
      monthlyDelta: -26,
    });
    expect(advice.reason).toMatch(/CPU stays under 30%/);
  });

  it('keeps an idle component that is already on the smallest size', () => {
    const advice = adviseComponent(
      component('basic-xxs'),
      evidenceOf([week(1, 5)], [week(10, 20)], [counter(undefined)]),
      catalog,
    );
    expect(advice.direction).toBe('keep');
    expect(advice.reason).toMatch(/already the smallest size/);
  });

  it('suggests a size with more vCPUs for an API that runs hot in the afternoon', () => {
    const advice = adviseComponent(
      component('apps-s-1vcpu-2gb'),
      evidenceOf([week(40, 97)], [week(40, 60)], [counter(undefined)]),
      catalog,
    );
    expect(advice).toMatchObject({ direction: 'up', suggestedSlug: 'apps-s-2vcpu-4gb', monthlyDelta: 25 });
  });

  it('suggests more memory for a component that keeps restarting, even when its graphs look calm', () => {
    const e = evidenceOf([week(5, 10)], [week(20, 30)], [counter(6), counter(12)]);
    expect(e.restarts).toBe(27 + 13);
    expect(sizingRule(e).direction).toBe('up');
    const advice = adviseComponent(component('apps-s-1vcpu-0.5gb'), e, catalog);
    expect(advice.suggestedSlug).toBe('apps-s-1vcpu-1gb-fixed');
  });

  it('goes up for memory above 90% at peak', () => {
    expect(sizingRule(evidenceOf([week(10, 20)], [week(85, 95)], [])).direction).toBe('up');
  });

  it('never suggests a single-instance size for a component running two instances', () => {
    const advice = adviseComponent(
      component('apps-s-1vcpu-1gb', 2),
      evidenceOf([week(1, 10)], [week(5, 20)], []),
      catalog,
    );
    expect(advice.direction).toBe('keep');
  });

  it('counts restarts from counters that reset', () => {
    expect(
      restartsIn([
        {
          metric: {},
          values: [
            [0, '3'],
            [1, '5'],
            [2, '1'],
            [3, '2'],
          ],
        },
      ]),
    ).toBe(2 + 1 + 1);
  });

  it('says so when there are no metrics rather than guessing', () => {
    expect(sizingRule(evidenceOf([], [], []))).toMatchObject({
      direction: 'keep',
      reason: expect.stringMatching(/No CPU or memory metrics/),
    });
  });
});

describe('the CPU and memory chart on an app’s page', () => {
  it('draws one line per metric, the mean of every instance at each moment', () => {
    const points = meanByTimestamp(
      [
        {
          metric: {},
          values: [
            [60, '10'],
            [120, '30'],
          ],
        },
        {
          metric: {},
          values: [
            [60, '20'],
            [120, 'NaN'],
          ],
        },
      ],
      [{ metric: {}, values: [[120, '55.55']] }],
    );
    expect(points).toEqual([
      { t: 60, cpu: 15 },
      { t: 120, cpu: 30, memory: 55.6 },
    ]);
  });
});
