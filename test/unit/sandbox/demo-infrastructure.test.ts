// Presence360's seeded infrastructure holds together: every balancer target and trusted droplet
// exists, every volume's droplet exists, every project resource names something that exists, each environment's resources carry
// its env: tag, and each tenant database has its own user, as guide 002 asks.
import { describe, expect, it } from 'vitest';
import { buildDemoInfrastructure, PRESENCE360_TENANTS } from '../../../src-main/sandbox/seed/demoInfrastructure';
import { dropletSizeOf } from '../../../src-main/sandbox/infra/sizes';

describe('the demo’s Presence360 infrastructure', () => {
  const infra = buildDemoInfrastructure(Date.parse('2026-11-20T12:00:00Z'));

  it('points only at what exists', () => {
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

  it('keeps staging apart from production, by project and by tag', () => {
    const [production, staging] = infra.projects;
    expect([production!.name, staging!.name]).toEqual(['Presence360', 'Presence360 Staging']);
    for (const urn of staging!.resources) {
      const [, kind, id] = urn.split(':');
      const tags =
        kind === 'droplet'
          ? infra.droplets.get(Number(id))!.tags
          : kind === 'dbaas'
            ? (infra.clusters.get(id!)!.cluster.tags ?? [])
            : kind === 'volume'
              ? infra.volumes.get(id!)!.tags
              : ['env:staging'];
      expect(tags).toContain('env:staging');
    }
  });

  it('attaches the uploads volume to production’s worker, and leaves a staging one attached to nothing', () => {
    const worker = [...infra.droplets.values()].find((d) => d.name === 'p360-prod-worker-01')!;
    const volumes = [...infra.volumes.values()].map((v) => [v.name, v.sizeGib, v.attachedTo]);
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
