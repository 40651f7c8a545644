// Presence360's seeded infrastructure holds together: every balancer target and trusted droplet
// exists, every volume's droplet exists, every project resource names something that exists, each
// account's resources carry its env: tag, and each tenant database has its own user, as guide 002
// asks. Production is the demo fleet's account; staging an account of its own.
import { describe, expect, it } from 'vitest';
import {
  buildDemoInfrastructure,
  buildStagingInfrastructure,
  PRESENCE360_TENANTS,
} from '../../../src-main/sandbox/seed/demoInfrastructure';
import { dropletSizeOf } from '../../../src-main/sandbox/infra/sizes';
import type { SandboxInfra } from '../../../src-main/sandbox/infra/model';

const NOW = Date.parse('2026-11-20T12:00:00Z');

describe.each([
  ['production', buildDemoInfrastructure(NOW)],
  ['staging', buildStagingInfrastructure(NOW)],
])('the demo’s Presence360 %s account', (env: string, world: SandboxInfra) => {
  it('holds only its own environment, in one project, every resource tagged env:' + env, () => {
    expect(world.projects.map((p) => p.name)).toEqual([env === 'production' ? 'Presence360' : 'Presence360 Staging']);
    const tags = [
      ...[...world.droplets.values()].map((d) => d.tags),
      ...[...world.clusters.values()].map((c) => c.cluster.tags ?? []),
      ...[...world.volumes.values()].map((v) => v.tags),
    ];
    for (const t of tags) expect(t).toContain(`env:${env}`);
  });

  it('points only at what exists', () => {
    const infra = world;
    for (const lb of infra.loadBalancers.values()) {
      for (const id of lb.droplet_ids ?? []) expect(infra.droplets.has(id), `${lb.name} → ${id}`).toBe(true);
    }
    for (const c of infra.clusters.values()) {
      for (const rule of c.rules.filter((r) => r.type === 'droplet'))
        expect(infra.droplets.has(Number(rule.value))).toBe(true);
      for (const pool of c.pools) {
        expect(c.dbs).toContain(pool.db);
        expect(c.users.map((u) => u.name)).toContain(pool.user);
      }
    }
    for (const v of infra.volumes.values()) {
      if (v.attachedTo !== undefined)
        expect(infra.droplets.has(v.attachedTo), `${v.name} → ${v.attachedTo}`).toBe(true);
    }
    const urns = new Set([
      ...[...infra.droplets.keys()].map((id) => `do:droplet:${id}`),
      ...[...infra.loadBalancers.keys()].map((id) => `do:loadbalancer:${id}`),
      ...[...infra.clusters.keys()].map((id) => `do:dbaas:${id}`),
      ...[...infra.volumes.keys()].map((id) => `do:volume:${id}`),
    ]);
    const held = infra.projects.flatMap((p) => p.resources);
    expect(new Set(held)).toEqual(urns);
    for (const d of infra.droplets.values()) expect(dropletSizeOf(d.sizeSlug)).toBeDefined();
  });
});

describe('the two accounts’ Presence360', () => {
  const infra = buildDemoInfrastructure(NOW);
  const staging = buildStagingInfrastructure(NOW);

  it('attaches the uploads volume to production’s worker, and leaves a staging one attached to nothing', () => {
    const worker = [...infra.droplets.values()].find((d) => d.name === 'p360-prod-worker-01')!;
    const volumes = [...infra.volumes.values(), ...staging.volumes.values()].map((v) => [
      v.name,
      v.sizeGib,
      v.attachedTo,
    ]);
    expect(volumes.sort()).toEqual([
      ['p360-prod-uploads', 100, worker.id],
      ['p360-stg-uploads', 50, undefined],
    ]);
  });

  it('gives each tenant its database and a user of its own in production’s cluster', () => {
    const pg = [...infra.clusters.values()].find((c) => c.cluster.name === 'presence360-pg')!;
    for (const tenant of PRESENCE360_TENANTS) {
      expect(pg.dbs).toContain(`tenant_${tenant}`);
      expect(pg.users.find((u) => u.name === `tenant_${tenant}`)?.role).toBe('normal');
    }
  });
});
