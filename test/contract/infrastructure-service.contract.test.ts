// The infrastructure service through the real client against the sandbox: the inventory the view
// shows (placement, prices, target health, per-tenant databases, no credentials), and its actions
// followed to the end — a reboot, a resize run as power off → resize → power on, a refused size,
// tenant databases created and deleted, a pool resized — each in the Activity log.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfrastructureClient } from '../../src-main/clients/digitalocean/infrastructure';
import { AuditLog } from '../../src-main/services/deploys/auditLog';
import { createInfrastructureDomain } from '../../src-main/services/infrastructure';
import { sandboxWithClient } from '../support/sandbox';

async function service() {
  const setup = await sandboxWithClient();
  const { infra } = setup.sandbox.state;
  Object.assign(infra!.timings, { rebootMs: 40, powerCycleMs: 40, powerOffMs: 30, powerOnMs: 30, resizeMs: 50 });
  const audit = new AuditLog(mkdtempSync(join(tmpdir(), 'fleetdeck-infra-')));
  const domain = createInfrastructureDomain({
    client: new InfrastructureClient({ baseUrl: setup.sandbox.url, token: () => setup.token }),
    fleet: setup.client,
    context: 'Demo fleet',
    audit,
    pollMs: 20,
    now: () => setup.sandbox.state.clock.now(),
  });
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(done()).toBe(true);
  };
  return { ...setup, domain, audit, until };
}

describe('the infrastructure inventory', () => {
  it('places, prices and reads health; a tenant’s database carries its share; no password crosses', async () => {
    const { domain } = await service();
    const inventory = await domain.getInfrastructure();
    expect(inventory.problems).toEqual([]);
    expect(inventory.droplets.map((d) => [d.name, d.group, d.environment, d.monthlyPrice])).toEqual([
      ['p360-prod-api-01', 'Presence360', 'production', 24],
      ['p360-prod-api-02', 'Presence360', 'production', 24],
      ['p360-prod-worker-01', 'Presence360', 'production', 24],
      ['p360-prod-cp-01', 'Presence360', 'production', 12],
    ]);
    const lb = inventory.loadBalancers.find((l) => l.environment === 'production')!;
    expect(lb.targets.map((t) => [t.name, t.health])).toEqual([
      ['p360-prod-api-01', 'healthy'],
      ['p360-prod-api-02', 'unhealthy'],
      ['p360-prod-cp-01', 'healthy'],
    ]);
    const pg = inventory.clusters.find((c) => c.name === 'presence360-pg')!;
    expect(pg.billedWithApps).toEqual(['presence360-control-plane', 'presence360-tenant']);
    expect(pg.databases.find((d) => d.name === 'tenant_grace')).toEqual({
      name: 'tenant_grace',
      tenant: 'grace',
      monthlyShare: 10,
      pools: ['tenant-grace'],
    });
    expect(pg.connectionLimit).toBe(97);
    expect(pg.resizeOptions[0]).toEqual({ size: 'db-s-1vcpu-1gb', nodes: 1, monthlyPrice: 15 });
    expect(inventory.tenants.find((t) => t.tenant === 'grace')).toMatchObject({
      environment: 'production',
      databases: [{ cluster: 'presence360-pg', name: 'tenant_grace', monthlyShare: 10 }],
    });
    // Users and pools come from the API with passwords and connection strings: none reaches here.
    expect(JSON.stringify(inventory)).not.toMatch(/AVNS_|password|postgresql:\/\//);
    // Droplets $84, the volume $10, the balancer $12, Valkey (no app names it) $15.
    expect(inventory.monthlyCost).toBe(121);
    expect(inventory.volumes.map((v) => [v.name, v.group, v.environment, v.attachedTo?.name, v.monthlyPrice])).toEqual([
      ['p360-prod-uploads', 'Presence360', 'production', 'p360-prod-worker-01', 10],
    ]);
  });

  it('a token without load_balancer:read or monitoring:read still shows the rest, and says what is missing', async () => {
    const { domain, sandbox, token } = await service();
    sandbox.state.tokens.set(token, { scopes: 'read-write', lacks: ['monitoring:read'] });
    const partial = await domain.getInfrastructure();
    expect(partial.loadBalancers[0]!.healthProblem).toMatch(/may not read target health \(monitoring:read\)/);
    expect(partial.loadBalancers[0]!.targets.every((t) => t.health === 'unknown')).toBe(true);
    sandbox.state.tokens.set(token, { scopes: 'read-write', lacks: ['load_balancer:read'] });
    const none = await domain.getInfrastructure();
    expect(none.loadBalancers).toEqual([]);
    expect(none.problems).toEqual([
      'The token may not read load balancers (load_balancer:read), so they are not shown or priced.',
    ]);
    expect(none.droplets).toHaveLength(4);
  });
});

describe('actions on infrastructure', () => {
  it('a reboot is followed to the end and logged', async () => {
    const { domain, audit, until } = await service();
    const started = await domain.actions.startDropletAction(486_210_313, 'reboot');
    expect(started).toMatchObject({
      dropletName: 'p360-prod-worker-01',
      kind: 'reboot',
      state: 'running',
      step: 'Rebooting',
    });
    await until(() => domain.getActions()[0]?.state === 'succeeded');
    const [entry] = await audit.list({ action: 'droplet_action' });
    expect(entry).toMatchObject({ target: 'p360-prod-worker-01', result: 'succeeded', parameters: { kind: 'reboot' } });
  });

  it('a resize powers off, resizes and powers on, with the monthly price before and after in the log', async () => {
    const { domain, audit, until, sandbox } = await service();
    await domain.actions.resizeDroplet(486_210_314, 's-2vcpu-4gb');
    await until(() => domain.getActions()[0]?.state === 'succeeded');
    const droplet = sandbox.state.infra!.droplets.get(486_210_314)!;
    expect([droplet.sizeSlug, droplet.status]).toEqual(['s-2vcpu-4gb', 'active']);
    const [entry] = await audit.list({ action: 'droplet_action' });
    expect(entry!.parameters).toMatchObject({
      kind: 'resize',
      from: 's-1vcpu-2gb',
      size: 's-2vcpu-4gb',
      monthly_before: 12,
      monthly_after: 24,
    });
  });

  it('refuses before sending a size the region lacks or a smaller disk', async () => {
    const { domain, sandbox } = await service();
    const before = sandbox.requests.length;
    await expect(domain.actions.resizeDroplet(486_210_311, 'm-2vcpu-16gb')).rejects.toThrow(
      'm-2vcpu-16gb is not offered in lon1, where p360-prod-api-01 runs: pick a size available there.',
    );
    await expect(domain.actions.resizeDroplet(486_210_311, 's-1vcpu-2gb')).rejects.toThrow(/disk cannot shrink/);
    expect(sandbox.requests.slice(before).filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('creates and deletes a tenant database, refuses a bad name before sending and the API’s refusal in its words', async () => {
    const { domain, audit } = await service();
    const pg = (await domain.getInfrastructure()).clusters.find((c) => c.name === 'presence360-pg')!;
    await expect(domain.actions.createTenantDatabase(pg.id, 'tenant grace')).rejects.toThrow(/Letters, digits/);
    await expect(domain.actions.createTenantDatabase(pg.id, 'template0')).rejects.toThrow(
      'DigitalOcean: database name "template0" is reserved',
    );
    expect(await domain.actions.createTenantDatabase(pg.id, 'tenant_emmanuel')).toEqual({ name: 'tenant_emmanuel' });
    await expect(domain.actions.deleteTenantDatabase(pg.id, 'tenant_emmanuel', 'tenant_emmanue')).rejects.toThrow(
      /Type the database's name/,
    );
    await expect(domain.actions.deleteTenantDatabase(pg.id, 'tenant_grace', 'tenant_grace')).rejects.toThrow(
      'tenant_grace is used by connection pool tenant-grace: delete the pool first, then the database.',
    );
    await domain.actions.deleteTenantDatabase(pg.id, 'tenant_emmanuel', 'tenant_emmanuel');
    const entries = await audit.list({ action: 'tenant_database' });
    expect(entries.map((e) => [e.parameters.operation, e.parameters.database, e.result])).toEqual([
      ['delete', 'tenant_emmanuel', 'succeeded'],
      ['create', 'tenant_emmanuel', 'succeeded'],
      ['create', 'template0', 'failed'],
    ]);
  });

  it('resizes a pool within the connections and a cluster with the price change logged', async () => {
    const { domain, audit } = await service();
    const clusters = (await domain.getInfrastructure()).clusters;
    const pg = clusters.find((c) => c.name === 'presence360-pg')!;
    expect(await domain.actions.setPoolSize(pg.id, 'tenant-zion', 12)).toMatchObject({ name: 'tenant-zion', size: 12 });
    await expect(domain.actions.setPoolSize(pg.id, 'tenant-zion', 60)).rejects.toThrow(/this cluster has 97/);
    const valkey = clusters.find((c) => c.name === 'presence360-valkey')!;
    expect(await domain.actions.resizeDatabaseCluster(valkey.id, 'db-s-1vcpu-2gb', 1)).toEqual({ status: 'resizing' });
    const [entry] = await audit.list({ action: 'database_resize' });
    expect(entry!.parameters).toMatchObject({ monthly_before: 15, monthly_after: 30 });
  });
});
