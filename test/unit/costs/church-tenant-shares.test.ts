// Presence360's churches are tenants without an app: each has a database (tenant_<slug>) in the
// shared production cluster presence360-pg. On the Costs page, by tenant, the founder sees each
// church with its share of the cluster — a bar, a CSV line and a part of the group's total, said
// to be a share and an estimate — and the cluster is still counted once.
import { describe, expect, it } from 'vitest';
import { InstanceSizeCache } from '../../../src-main/services/apps/instanceSizeCache';
import { createCostsDomain } from '../../../src-main/services/costs';
import { costBars, costTableRows, tenantSharesByCluster } from '../../../src-renderer/views/costs/costModel';
import { infrastructureFor, sandboxWithClient } from '../../support/sandbox';

async function demoCosts() {
  const setup = await sandboxWithClient();
  const infrastructure = await infrastructureFor(setup);
  const costs = createCostsDomain(setup.client, new InstanceSizeCache(setup.client), undefined, undefined, (fleet) =>
    infrastructure.readForCosts(fleet),
  );
  return costs.fleet.getFleetCosts();
}

const CHURCHES = ['bethel', 'calvary', 'grace', 'hope', 'zion'];

describe('the Costs page by tenant, with Presence360’s church tenants', () => {
  it('shows each church as a bar of its share of presence360-pg, marked a share and an estimate', async () => {
    const costs = await demoCosts();
    const bars = costBars(costs, 'tenant');
    const churches = bars.filter((b) => b.shareNote);
    expect(churches.map((b) => [b.label, b.group, b.database, b.total.min, b.estimated])).toEqual(
      CHURCHES.map((t) => [`${t} · share of presence360-pg`, 'Presence360', 10, 10, true]),
    );
    expect(churches[2]!.shareNote).toBe(
      'grace’s database (tenant_grace): an even share of shared cluster presence360-pg, estimated from DigitalOcean’s published prices.',
    );
    // The apps that name the cluster carry only control_plane's share now, $5 each.
    const tenantPlane = bars.find((b) => b.label === 'presence360-tenant')!;
    expect(tenantPlane.database).toBe(5);
    expect(tenantSharesByCluster(costs).get('presence360-pg')).toEqual(CHURCHES);
  });

  it('counts the cluster once: bars, CSV lines and group totals add up to the fleet’s total', async () => {
    const costs = await demoCosts();
    const bars = costBars(costs, 'tenant');
    const cents = (n: number) => Math.round(n * 100) / 100;
    expect(cents(bars.reduce((t, b) => t + b.total.min, 0))).toBe(costs.monthlyCost.min);
    expect(cents(costs.groups.reduce((t, g) => t + g.monthlyCost.min, 0))).toBe(costs.monthlyCost.min);
    const database = costs.groups.find((g) => g.group === 'Presence360')!.byCategory.database.min;
    // presence360-pg's $60 (control_plane's $10 with the apps, $50 with the churches) and Valkey's $15.
    expect(database).toBe(75);

    const rows = costTableRows(costs);
    const grace = rows.find((r) => r[2] === 'tenant_grace (presence360-pg)')!;
    expect(grace.slice(0, 4)).toEqual([
      'Presence360',
      'grace · share of presence360-pg',
      'tenant_grace (presence360-pg)',
      'Databases',
    ]);
    expect(grace.slice(7)).toEqual([
      '10.00',
      '10.00',
      expect.stringMatching(/^Tenant grace’s share of managed cluster presence360-pg/),
      'yes',
    ]);
    const lines = rows.slice(1, -1);
    expect(cents(lines.reduce((t, r) => t + Number(r[7]), 0))).toBe(costs.monthlyCost.min);
  });
});
