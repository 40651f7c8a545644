// The sandbox's droplets, sizes, load balancers, database clusters and project resources must
// answer like DigitalOcean's: every answer here is checked against the official spec's schema for
// its operation, refusals included, and the Presence360 demo is what guide 002 describes.
import { describe, expect, it } from 'vitest';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient, stagingSandboxWithClient } from '../support/sandbox';

/** The demo fleet's account (Presence360 production), or the staging account's own world. */
async function api(account: 'demo' | 'staging' = 'demo') {
  const setup = account === 'staging' ? await stagingSandboxWithClient() : await sandboxWithClient();
  const call = async (method: string, path: string, body?: unknown, as = setup.token) => {
    const response = await fetch(setup.sandbox.url + path, {
      method,
      headers: { Authorization: `Bearer ${as}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const clusterId = async (name: string) =>
    (await call('GET', '/v2/databases')).body.databases.find((c: { name: string }) => c.name === name).id as string;
  return { ...setup, call, clusterId };
}

describe('droplets and sizes', () => {
  it('droplets_list pages like the apps list and filters by tag_name', async () => {
    const { call } = await api();
    const all = await call('GET', '/v2/droplets');
    expect(all.status).toBe(200);
    await expectMatchesSpec('droplets_list', 200, all.body);
    expect(all.body.droplets.map((d: { name: string }) => d.name)).toEqual([
      'p360-prod-api-01',
      'p360-prod-api-02',
      'p360-prod-worker-01',
      'p360-prod-cp-01',
    ]);
    const page = await call('GET', '/v2/droplets?tag_name=env:production&per_page=3');
    await expectMatchesSpec('droplets_list', 200, page.body);
    expect(page.body.meta.total).toBe(4);
    expect(page.body.droplets).toHaveLength(3);
    expect(page.body.links.pages.next).toContain('page=2');
    const rest = await call(
      'GET',
      new URL(page.body.links.pages.next).pathname + new URL(page.body.links.pages.next).search,
    );
    expect(rest.body.droplets.map((d: { name: string }) => d.name)).toEqual(['p360-prod-cp-01']);
    const api1 = all.body.droplets[0];
    expect(api1).toMatchObject({ size_slug: 's-2vcpu-4gb', status: 'active', region: { slug: 'lon1' } });
    expect(api1.tags).toEqual(['presence360', 'env:production', 'role:tenant-api']);
    expect(api1.networks.v4.map((n: { type: string }) => n.type)).toEqual(['private', 'public']);
  });

  it('the staging account is a world of its own: its one droplet, none of production’s, and not the other’s token', async () => {
    const staging = await api('staging');
    const listed = await staging.call('GET', '/v2/droplets');
    await expectMatchesSpec('droplets_list', 200, listed.body);
    expect(listed.body.droplets.map((d: { name: string; tags: string[] }) => [d.name, d.tags])).toEqual([
      ['p360-stg-app-01', ['presence360', 'env:staging', 'role:all-in-one']],
    ]);
    expect((await staging.call('GET', '/v2/droplets/486210311')).status).toBe(404);
    const demo = await api();
    const refused = await staging.call('GET', '/v2/droplets', undefined, demo.token);
    expect(refused.status).toBe(401);
    await expectMatchesSpec('droplets_list', 401, refused.body);
    const apps = await staging.call('GET', '/v2/apps');
    await expectMatchesSpec('apps_list', 200, apps.body);
    expect(apps.body.apps ?? []).toEqual([]);
  });

  it('droplets_get answers one droplet, and 404 in the API’s error shape for one that is not there', async () => {
    const { call } = await api();
    const one = await call('GET', '/v2/droplets/486210311');
    await expectMatchesSpec('droplets_get', 200, one.body);
    expect(one.body.droplet.name).toBe('p360-prod-api-01');
    const missing = await call('GET', '/v2/droplets/1');
    expect(missing.status).toBe(404);
    await expectMatchesSpec('droplets_get', 404, missing.body);
  });

  it('sizes_list prices every size and says where each is offered', async () => {
    const { call } = await api();
    const { status, body } = await call('GET', '/v2/sizes?per_page=200');
    expect(status).toBe(200);
    await expectMatchesSpec('sizes_list', 200, body);
    expect(body.sizes.find((s: { slug: string }) => s.slug === 's-2vcpu-4gb')).toMatchObject({ price_monthly: 24 });
    expect(body.sizes.find((s: { slug: string }) => s.slug === 'm-2vcpu-16gb').regions).not.toContain('lon1');
  });

  it('a reboot is in progress, then completed once its time has passed on the sandbox clock', async () => {
    const { call, sandbox } = await api();
    const started = await call('POST', '/v2/droplets/486210313/actions', { type: 'reboot' });
    expect(started.status).toBe(201);
    await expectMatchesSpec('dropletActions_post', 201, started.body);
    expect(started.body.action).toMatchObject({ type: 'reboot', status: 'in-progress', resource_id: 486210313 });
    expect((await call('GET', '/v2/droplets/486210313')).body.droplet.locked).toBe(true);
    // One action at a time, as the API allows.
    const second = await call('POST', '/v2/droplets/486210313/actions', { type: 'power_cycle' });
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({ id: 'unprocessable_entity', message: 'Droplet already has a pending event.' });
    await expectMatchesSpec('dropletActions_post', 422, second.body);

    sandbox.state.clock.advance(10_000);
    const done = await call('GET', `/v2/droplets/486210313/actions/${started.body.action.id}`);
    await expectMatchesSpec('dropletActions_get', 200, done.body);
    expect(done.body.action).toMatchObject({ status: 'completed', completed_at: expect.any(String) });
    const list = await call('GET', '/v2/droplets/486210313/actions');
    await expectMatchesSpec('dropletActions_list', 200, list.body);
    expect((await call('GET', '/v2/droplets/486210313')).body.droplet.locked).toBe(false);
  });

  it('a resize needs the droplet off, refuses a size its region lacks, then changes the size', async () => {
    const { call, sandbox } = await api();
    const path = '/v2/droplets/486210313/actions';
    const lacking = await call('POST', path, { type: 'resize', size: 'm-2vcpu-16gb' });
    expect(lacking.status).toBe(422);
    expect(lacking.body.message).toBe('Size is not available in this region.');
    const on = await call('POST', path, { type: 'resize', size: 's-4vcpu-8gb' });
    expect(on.body.message).toBe('Droplet is currently on. Please power it off to run this event.');
    const smaller = await call('POST', path, { type: 'resize', size: 's-1vcpu-2gb' });
    expect(smaller.body.message).toBe("Size can not decrease size of Droplet's disk image");

    expect((await call('POST', path, { type: 'power_off' })).status).toBe(201);
    sandbox.state.clock.advance(5_000);
    expect((await call('GET', '/v2/droplets/486210313')).body.droplet.status).toBe('off');
    expect((await call('POST', path, { type: 'resize', size: 's-4vcpu-8gb' })).status).toBe(201);
    sandbox.state.clock.advance(10_000);
    expect((await call('POST', path, { type: 'power_on' })).status).toBe(201);
    sandbox.state.clock.advance(5_000);
    const after = (await call('GET', '/v2/droplets/486210313')).body.droplet;
    expect(after).toMatchObject({ size_slug: 's-4vcpu-8gb', status: 'active', memory: 8192, vcpus: 4, disk: 80 });
  });
});

describe('block storage volumes', () => {
  it('volumes_list pages, filters by region and name, and lists a volume attached to nothing', async () => {
    const byName = (volumes: Array<{ name: string; droplet_ids: number[]; size_gigabytes: number }>) =>
      Object.fromEntries(volumes.map((v) => [v.name, [v.size_gigabytes, v.droplet_ids]]));
    // The production worker's uploads in the demo fleet's account…
    const { call, sandbox } = await api();
    const all = await call('GET', '/v2/volumes');
    expect(all.status).toBe(200);
    await expectMatchesSpec('volumes_list', 200, all.body);
    expect(byName(all.body.volumes)).toEqual({ 'p360-prod-uploads': [100, [486210313]] });
    expect(all.body.volumes[0]).toMatchObject({ region: { slug: 'lon1' }, filesystem_type: 'ext4' });
    // …and a staging leftover on no droplet (still billed) in the staging account's.
    const staging = await api('staging');
    const leftover = await staging.call('GET', '/v2/volumes?name=p360-stg-uploads&region=lon1');
    await expectMatchesSpec('volumes_list', 200, leftover.body);
    expect(byName(leftover.body.volumes)).toEqual({ 'p360-stg-uploads': [50, []] });

    // A second volume the founder made, so the list has pages.
    const uploads = [...sandbox.state.infra!.volumes.values()][0]!;
    sandbox.state.infra!.volumes.set('5a2b0c1e-0000-4000-8000-000000000001', {
      ...uploads,
      id: '5a2b0c1e-0000-4000-8000-000000000001',
      name: 'p360-prod-exports',
      attachedTo: undefined,
    });
    const page = await call('GET', '/v2/volumes?per_page=1');
    await expectMatchesSpec('volumes_list', 200, page.body);
    expect(page.body.volumes).toHaveLength(1);
    expect(page.body.links.pages.next).toContain('page=2');
    const next = new URL(page.body.links.pages.next);
    const rest = await call('GET', next.pathname + next.search);
    expect(rest.body.volumes).toHaveLength(1);
    expect(rest.body.volumes[0].name).not.toBe(page.body.volumes[0].name);

    const named = await call('GET', '/v2/volumes?name=p360-prod-exports&region=lon1');
    await expectMatchesSpec('volumes_list', 200, named.body);
    expect(named.body.volumes.map((v: { name: string }) => v.name)).toEqual(['p360-prod-exports']);
    const elsewhere = await call('GET', '/v2/volumes?region=nyc3');
    await expectMatchesSpec('volumes_list', 200, elsewhere.body);
    expect(elsewhere.body).toMatchObject({ volumes: [], meta: { total: 0 } });
  });

  it('GET /v2/volumes/{id} answers one volume, 404 for one not there; the droplet lists its volume_ids', async () => {
    const { call } = await api();
    const listed = (await call('GET', '/v2/volumes?name=p360-prod-uploads')).body.volumes[0];
    const one = await call('GET', `/v2/volumes/${listed.id}`);
    expect(one.status).toBe(200);
    // Not in the committed subset: the volume is checked as one item of the list's schema.
    await expectMatchesSpec('volumes_list', 200, { volumes: [one.body.volume], links: {}, meta: { total: 1 } });
    expect(one.body.volume).toEqual(listed);
    const missing = await call('GET', '/v2/volumes/506f78a4-e098-11e5-ad9f-000f53306ae1');
    expect(missing.status).toBe(404);
    expect(missing.body.id).toBe('not_found');
    const worker = await call('GET', '/v2/droplets/486210313');
    await expectMatchesSpec('droplets_get', 200, worker.body);
    expect(worker.body.droplet.volume_ids).toEqual([listed.id]);
    expect((await call('GET', '/v2/droplets/486210311')).body.droplet.volume_ids).toEqual([]);
  });
});

describe('load balancers and their targets’ health', () => {
  it('loadBalancers_list and _get give forwarding rules, the health check and the droplets behind it', async () => {
    const { call } = await api();
    const list = await call('GET', '/v2/load_balancers');
    expect(list.status).toBe(200);
    await expectMatchesSpec('loadBalancers_list', 200, list.body);
    const prod = list.body.load_balancers.find((lb: { name: string }) => lb.name === 'presence360-prod-lb');
    expect(prod.droplet_ids).toEqual([486210311, 486210312, 486210314]);
    expect(prod.health_check).toMatchObject({ protocol: 'http', port: 8000, path: '/healthz' });
    expect(prod.forwarding_rules.map((r: { entry_port: number }) => r.entry_port)).toEqual([443, 80]);
    const one = await call('GET', `/v2/load_balancers/${prod.id}`);
    await expectMatchesSpec('loadBalancers_get', 200, one.body);
  });

  it('answers the droplets’ health checks as Monitoring metrics: one series per target, 0 for the failing one', async () => {
    const { call } = await api();
    const prod = (await call('GET', '/v2/load_balancers')).body.load_balancers[0];
    const end = Math.floor(Date.parse('2026-11-20T12:00:00Z') / 1000);
    const { status, body } = await call(
      'GET',
      `/v2/monitoring/metrics/load_balancer/droplets_health_checks?lb_id=${prod.id}&start=${end - 3600}&end=${end}`,
    );
    expect(status).toBe(200);
    // The operation is not in the committed subset; its answer is the spec's `metrics` schema, the
    // one every metrics operation shares (the app CPU operation's 200 is exactly that schema).
    await expectMatchesSpec('monitoring_get_appCPUPercentageMetrics', 200, body);
    const last = (id: number) =>
      body.data.result
        .find((s: { metric: { droplet_id: string } }) => s.metric.droplet_id === String(id))
        .values.at(-1)[1];
    expect([last(486210311), last(486210312), last(486210314)]).toEqual(['1', '0', '1']);
    const bad = await call('GET', '/v2/monitoring/metrics/load_balancer/droplets_health_checks');
    expect(bad.status).toBe(400);
  });
});

describe('managed database clusters', () => {
  it('databases_get_cluster, _list, _list_users, _list_firewall_rules and _list_connectionPools', async () => {
    const { call, clusterId } = await api();
    const id = await clusterId('presence360-pg');
    const cluster = await call('GET', `/v2/databases/${id}`);
    await expectMatchesSpec('databases_get_cluster', 200, cluster.body);
    expect(cluster.body.database).toMatchObject({
      engine: 'pg',
      size: 'db-s-2vcpu-4gb',
      region: 'lon1',
      status: 'online',
    });
    const dbs = await call('GET', `/v2/databases/${id}/dbs`);
    await expectMatchesSpec('databases_list', 200, dbs.body);
    expect(dbs.body.dbs.map((d: { name: string }) => d.name)).toEqual([
      'defaultdb',
      'control_plane',
      'tenant_grace',
      'tenant_bethel',
      'tenant_zion',
      'tenant_calvary',
      'tenant_hope',
    ]);
    const users = await call('GET', `/v2/databases/${id}/users`);
    await expectMatchesSpec('databases_list_users', 200, users.body);
    expect(users.body.users.map((u: { name: string }) => u.name)).toContain('tenant_zion');
    const rules = await call('GET', `/v2/databases/${id}/firewall`);
    await expectMatchesSpec('databases_list_firewall_rules', 200, rules.body);
    expect(rules.body.rules.map((r: { type: string }) => r.type)).toEqual([
      'droplet',
      'droplet',
      'droplet',
      'droplet',
      'ip_addr',
    ]);
    const pools = await call('GET', `/v2/databases/${id}/pools`);
    await expectMatchesSpec('databases_list_connectionPools', 200, pools.body);
    expect(pools.body.pools.reduce((t: number, p: { size: number }) => t + p.size, 0)).toBe(75);
  });

  it('databases_add creates a tenant database; names Postgres refuses are 422 with the rule in words', async () => {
    const { call, clusterId } = await api();
    const id = await clusterId('presence360-pg');
    const added = await call('POST', `/v2/databases/${id}/dbs`, { name: 'tenant_emmanuel' });
    expect(added.status).toBe(201);
    await expectMatchesSpec('databases_add', 201, added.body);
    for (const [name, words] of [
      ['template1', 'database name "template1" is reserved'],
      ['tenant_grace', 'database "tenant_grace" already exists'],
      ['-tenant', 'may contain only letters, digits, underscores and dashes'],
      ['t'.repeat(64), 'is longer than 63 characters'],
    ]) {
      const refused = await call('POST', `/v2/databases/${id}/dbs`, { name });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain(words);
      await expectMatchesSpec('databases_add', 422, refused.body);
    }
    const one = await call('GET', `/v2/databases/${id}/dbs/tenant_emmanuel`);
    await expectMatchesSpec('databases_get', 200, one.body);
    expect((await call('DELETE', `/v2/databases/${id}/dbs/tenant_emmanuel`)).status).toBe(204);
    expect((await call('GET', `/v2/databases/${id}/dbs/tenant_emmanuel`)).status).toBe(404);
    // A database a pool uses is not deleted under it.
    const used = await call('DELETE', `/v2/databases/${id}/dbs/tenant_grace`);
    expect(used.status).toBe(422);
    expect(used.body.message).toMatch(/connection pool "tenant-grace"/);
  });

  it('pools are added and resized within the cluster’s connections', async () => {
    const { call, clusterId } = await api();
    const id = await clusterId('presence360-pg');
    const resized = await call('PUT', `/v2/databases/${id}/pools/tenant-zion`, {
      mode: 'transaction',
      size: 20,
      db: 'tenant_zion',
      user: 'tenant_zion',
    });
    expect(resized.status).toBe(204);
    const pool = await call('GET', `/v2/databases/${id}/pools/tenant-zion`);
    await expectMatchesSpec('databases_get_connectionPool', 200, pool.body);
    expect(pool.body.pool.size).toBe(20);
    const tooBig = await call('PUT', `/v2/databases/${id}/pools/tenant-zion`, {
      mode: 'transaction',
      size: 40,
      db: 'tenant_zion',
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.message).toBe(
      'The pools would use 105 connections; this cluster has 97 (32 left for this pool).',
    );
    const added = await call('POST', `/v2/databases/${id}/pools`, {
      name: 'reports',
      mode: 'session',
      size: 2,
      db: 'control_plane',
    });
    expect(added.status).toBe(201);
    await expectMatchesSpec('databases_add_connectionPool', 201, added.body);
  });

  it('databases_update_clusterSize resizes to a layout the options allow, through `resizing`', async () => {
    const { call, clusterId, sandbox } = await api();
    const options = await call('GET', '/v2/databases/options');
    await expectMatchesSpec('databases_list_options', 200, options.body);
    const id = await clusterId('presence360-valkey');
    const refused = await call('PUT', `/v2/databases/${id}/resize`, { size: 'db-s-1vcpu-1gb', num_nodes: 2 });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('db-s-1vcpu-1gb is not available for a valkey cluster of 2 nodes.');
    const accepted = await call('PUT', `/v2/databases/${id}/resize`, { size: 'db-s-1vcpu-2gb', num_nodes: 1 });
    expect(accepted.status).toBe(202);
    expect((await call('GET', `/v2/databases/${id}`)).body.database.status).toBe('resizing');
    sandbox.state.clock.advance(10_000);
    expect((await call('GET', `/v2/databases/${id}`)).body.database).toMatchObject({
      status: 'online',
      size: 'db-s-1vcpu-2gb',
    });
  });

  it('projects_list_resources lists what each project holds, staging in its own account', async () => {
    const other = await api('staging');
    const listed = await other.call('GET', '/v2/projects');
    await expectMatchesSpec('projects_list', 200, listed.body);
    expect(listed.body.projects.map((p: { name: string }) => p.name)).toEqual(['Presence360 Staging']);
    const staging = listed.body.projects[0];
    expect(staging.environment).toBe('Staging');
    const { status, body } = await other.call('GET', `/v2/projects/${staging.id}/resources`);
    expect(status).toBe(200);
    await expectMatchesSpec('projects_list_resources', 200, body);
    expect(body.resources.map((r: { urn: string }) => r.urn.split(':')[1])).toEqual([
      'droplet',
      'loadbalancer',
      'dbaas',
      'dbaas',
      'volume',
    ]);
    const { call } = await api();
    const projects = (await call('GET', '/v2/projects')).body.projects;
    expect(projects.map((p: { name: string }) => p.name)).not.toContain('Presence360 Staging');
    const production = projects.find((p: { name: string }) => p.name === 'Presence360');
    const prod = (await call('GET', `/v2/projects/${production.id}/resources`)).body.resources;
    // Its two App Platform apps, four droplets, the balancer, two clusters and the uploads volume.
    expect(prod.map((r: { urn: string }) => r.urn.split(':')[1]).sort()).toEqual(
      ['app', 'app', 'dbaas', 'dbaas', 'droplet', 'droplet', 'droplet', 'droplet', 'loadbalancer', 'volume'].sort(),
    );
  });

  it('reads need database:read and changes database:update/create/delete; a read-only token is refused', async () => {
    const { call, clusterId, sandbox } = await api();
    const id = await clusterId('presence360-pg');
    const READ_ONLY = `dop_v1_${'c3'.repeat(32)}`;
    sandbox.state.tokens.set(READ_ONLY, { scopes: 'read-only' });
    expect((await call('GET', `/v2/databases/${id}/dbs`, undefined, READ_ONLY)).status).toBe(200);
    expect((await call('POST', `/v2/databases/${id}/dbs`, { name: 'x' }, READ_ONLY)).status).toBe(403);
    expect((await call('POST', '/v2/droplets/486210311/actions', { type: 'reboot' }, READ_ONLY)).status).toBe(403);
  });
});
