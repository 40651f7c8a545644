// Where a droplet, balancer or cluster belongs (product, environment, tenant), how a shared
// cluster's price is split between its databases, and how a balancer's targets' health is read
// from a metric whose labels the spec does not document.
import { describe, expect, it } from 'vitest';
import {
  databaseShares,
  environmentFromTags,
  placementOf,
  productOf,
  tenantOfDatabase,
} from '../../../src-main/services/infrastructure/grouping';
import { targetHealthOf } from '../../../src-main/services/infrastructure/targetHealth';

describe('product, environment and tenant', () => {
  it('a project named after its environment is that product in that environment', () => {
    expect(productOf('Presence360 Staging')).toBe('Presence360');
    expect(productOf('presence360-prod')).toBe('presence360');
    expect(productOf('Presence360')).toBe('Presence360');
    // A one-word name that is an environment word stays a name.
    expect(productOf('Staging')).toBe('Staging');
  });

  it('an env: tag names the environment, over the project’s own field', () => {
    expect(environmentFromTags(['presence360', 'env:prod'])).toBe('production');
    expect(environmentFromTags(['Environment:Staging'])).toBe('staging');
    expect(environmentFromTags(['role:worker'])).toBeUndefined();
    const projects = new Map([['do:droplet:1', { name: 'Presence360 Staging', environment: 'Staging' as const }]]);
    expect(placementOf('do:droplet:1', [], projects, [])).toEqual({ group: 'Presence360', environment: 'staging' });
    expect(placementOf('do:droplet:1', ['env:production'], projects, [])).toEqual({
      group: 'Presence360',
      environment: 'production',
    });
  });

  it('outside any project, a tag naming a known product places it; else the first plain tag, else the account', () => {
    const none = new Map();
    expect(placementOf('do:droplet:9', ['web', 'multivio', 'env:dev'], none, ['Multivio'])).toEqual({
      group: 'Multivio',
      environment: 'development',
    });
    expect(placementOf('do:droplet:9', ['web'], none, ['Multivio'])).toEqual({ group: 'web' });
    expect(placementOf('do:droplet:9', [], none, [])).toEqual({ group: 'Account' });
  });

  it('tenant_<slug> is the tenant’s database; the cluster’s own and shared ones are nobody’s', () => {
    expect(tenantOfDatabase('tenant_grace')).toBe('grace');
    expect(tenantOfDatabase('tenant-bethel')).toBe('bethel');
    expect(tenantOfDatabase('control_plane')).toBeUndefined();
    expect(tenantOfDatabase('tenant_')).toBeUndefined();
  });

  it('splits a cluster evenly between its databases, defaultdb aside, the odd cent on the first', () => {
    const shares = databaseShares(60, [
      'defaultdb',
      'control_plane',
      'tenant_a',
      'tenant_b',
      'tenant_c',
      'tenant_d',
      'tenant_e',
      'tenant_f',
    ]);
    expect(shares.get('defaultdb')).toBeUndefined();
    expect(shares.get('tenant_a')).toBe(8.57);
    expect(shares.get('control_plane')).toBe(8.58);
    expect([...shares.values()].reduce((t, n) => t + n, 0)).toBeCloseTo(60, 10);
    expect(databaseShares(undefined, ['tenant_a']).size).toBe(0);
    expect(databaseShares(15, ['defaultdb']).size).toBe(0);
  });
});

describe('a balancer’s targets’ health from the Monitoring metric', () => {
  const series = (droplet: string, value: string) => ({
    metric: { droplet_id: droplet },
    values: [
      [1, '1'],
      [2, value],
    ] as Array<[number, string]>,
  });

  it('reads 1 as passing and 0 as failing, from the last point', () => {
    expect(targetHealthOf([series('11', '1'), series('12', '0')], 11)).toBe('healthy');
    expect(targetHealthOf([series('11', '1'), series('12', '0')], 12)).toBe('unhealthy');
  });

  it('calls anything else unknown rather than guess: no series, other labels, other values, two series', () => {
    expect(targetHealthOf([], 11)).toBe('unknown');
    expect(targetHealthOf([{ metric: { host_id: '11' }, values: [[1, '1']] }], 11)).toBe('unknown');
    expect(targetHealthOf([series('11', '0.5')], 11)).toBe('unknown');
    expect(targetHealthOf([series('11', '1'), series('11', '0')], 11)).toBe('unknown');
    expect(targetHealthOf([{ metric: { droplet_id: '11' }, values: [] }], 11)).toBe('unknown');
  });
});
