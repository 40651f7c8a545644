// The harness's sandbox controls, which the onboarding e2e stories use to fail a request and count
// what the cloud holds: absent unless the harness was started with them, refused without the
// page's token, and a fault they inject fails exactly the next matching request of the sandbox.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxControls } from '../../../src-main/harness/sandboxControls';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';

let runtime: Runtime | undefined;
let harness: RunningHarness | undefined;
afterEach(async () => {
  await harness?.close();
  await runtime?.dispose();
  harness = runtime = undefined;
});

async function started(withControls: boolean) {
  const rendererDir = mkdtempSync(join(tmpdir(), 'fleetdeck-controls-'));
  writeFileSync(join(rendererDir, 'harness.html'), '<!doctype html><title>Fleetdeck</title>');
  runtime = await startRuntime({ logger: silentLogger });
  harness = await startHarness({
    dispatcher: runtime.dispatcher,
    rendererDir,
    ...(withControls ? { controls: sandboxControls(() => runtime!) } : {}),
  });
  const control = (name: string, body?: unknown, token = harness!.token) =>
    fetch(`${harness!.origin}/sandbox-controls/${name}?token=${token}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  return { runtime, control };
}

describe('the harness sandbox controls', () => {
  it('are not there unless the harness was started with them', async () => {
    const { control } = await started(false);
    expect((await control('inventory')).status).toBe(404);
    expect((await control('faults', { api: 'digitalocean', pathPrefix: '/v2/apps' })).status).toBe(405);
  });

  it('refuse a request without the page token, and a fault they cannot read', async () => {
    const { control } = await started(true);
    expect((await control('inventory', undefined, 'not-the-token')).status).toBe(403);
    expect((await control('faults', { api: 'aws', pathPrefix: '/v2/apps' })).status).toBe(400);
    expect((await control('faults', { api: 'digitalocean', pathPrefix: '/v2/apps', status: 200 })).status).toBe(400);
  });

  it('fail the next matching request once, and list the names the cloud holds', async () => {
    const { runtime, control } = await started(true);
    const inventory = (await (await control('inventory')).json()) as { apps: string[]; supabaseProjects: string[] };
    expect(inventory.apps).toContain('taskifai-bibbi');
    expect(inventory.supabaseProjects).toContain('TaskifAI-Registry');
    expect(JSON.stringify(inventory)).not.toContain(runtime.sandboxToken);

    const injected = await control('faults', {
      api: 'digitalocean',
      method: 'GET',
      pathPrefix: '/v2/apps',
      status: 503,
    });
    expect(injected.status).toBe(200);
    const read = () =>
      fetch(`${runtime.sandbox.url}/v2/apps`, { headers: { authorization: `Bearer ${runtime.sandboxToken}` } });
    expect((await read()).status).toBe(503);
    expect((await read()).status).toBe(200);
  });
});
