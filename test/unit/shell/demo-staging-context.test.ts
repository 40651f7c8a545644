// The founder runs Presence360's staging in a DigitalOcean account of its own (guide 002). The
// demo shows it that way: a second demo context, "Demo staging", backed by a sandbox world of its
// own (its own server, state and token). Switching to it shows only staging's droplet, balancer,
// clusters and leftover volume; the demo fleet's account keeps production; switching back finds
// the demo fleet where it was.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';
import { DEMO_CONTEXT, DEMO_STAGING_CONTEXT } from '../../../src-preload/contract/accounts';
import type { InfrastructureInventory } from '../../../src-preload/contract/infrastructure';

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.dispose();
  runtime = undefined;
});

async function inventory(app: Runtime): Promise<InfrastructureInventory> {
  const answer = await app.dispatcher.call('getInfrastructure', undefined);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as InfrastructureInventory;
}

const names = (inv: InfrastructureInventory) => ({
  droplets: inv.droplets.map((d) => d.name),
  balancers: inv.loadBalancers.map((l) => l.name),
  clusters: inv.clusters.map((c) => c.name),
  volumes: inv.volumes.map((v) => v.name),
});

describe('Presence360’s staging as a demo context of its own', () => {
  it('is listed beside the demo fleet as a sandbox context, and its world starts only when switched to', async () => {
    const app = (runtime = await startRuntime({ logger: silentLogger }));
    expect(app.accounts.overview().contexts.filter((c) => c.demo)).toEqual([
      { name: DEMO_CONTEXT, demo: true, providers: ['digitalocean'] },
      {
        name: DEMO_STAGING_CONTEXT,
        demo: true,
        providers: ['digitalocean'],
        description: 'Presence360 staging account',
      },
    ]);
    expect(app.stagingSandbox).toBeUndefined();
    await expect(
      app.accounts.add({ provider: 'digitalocean', context: DEMO_STAGING_CONTEXT, token: 'dop_v1_x' }),
    ).rejects.toThrow(/sandbox's own context; choose another name/);
  });

  it('shows only staging’s droplet, balancer, clusters and volume; the demo fleet keeps production', async () => {
    const app = (runtime = await startRuntime({ logger: silentLogger }));
    expect(names(await inventory(app))).toEqual({
      droplets: ['p360-prod-api-01', 'p360-prod-api-02', 'p360-prod-worker-01', 'p360-prod-cp-01'],
      balancers: ['presence360-prod-lb'],
      clusters: ['presence360-pg', 'presence360-valkey'],
      volumes: ['p360-prod-uploads'],
    });

    await app.accounts.switchTo(DEMO_STAGING_CONTEXT);
    expect(app.environment).toMatchObject({ mode: 'demo', contextName: DEMO_STAGING_CONTEXT });
    expect(app.environment.sandboxUrl).toBe(app.stagingSandbox!.url);
    expect(app.environment.sandboxUrl).not.toBe(app.sandbox.url);
    const staging = await inventory(app);
    expect(names(staging)).toEqual({
      droplets: ['p360-stg-app-01'],
      balancers: ['presence360-stg-lb'],
      clusters: ['presence360-pg-staging', 'presence360-valkey-staging'],
      volumes: ['p360-stg-uploads'],
    });
    expect(staging.droplets[0]).toMatchObject({ group: 'Presence360', environment: 'staging' });
    expect(staging.problems).toEqual([]);
    // An account of droplets: no App Platform apps, and no Supabase or GitHub connected.
    const fleet = await app.dispatcher.call('listFleet', undefined);
    expect(fleet.ok && (fleet.value as { apps: unknown[] }).apps).toEqual([]);
    const tenants = await app.dispatcher.call('listTenants', undefined);
    expect(
      tenants.ok && (tenants.value as { providers: { supabase: { state: string } } }).providers.supabase.state,
    ).toBe('not_connected');

    // Each world answered its own context's reads only, with its own token.
    const seen = new Set(app.stagingSandbox!.requestTokens);
    expect([...seen].some((t) => app.sandbox.requestTokens.includes(t))).toBe(false);

    await app.accounts.switchTo(DEMO_CONTEXT);
    expect(app.environment).toMatchObject({ mode: 'demo', contextName: DEMO_CONTEXT, sandboxUrl: app.sandbox.url });
    expect(names(await inventory(app)).droplets).toHaveLength(4);
  });
});
