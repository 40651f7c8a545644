// An e2e story on the demo's staging account (Presence360's staging, a sandbox world apart) can
// fail one of its requests and read back what it answered, through the harness's sandbox controls
// — and a story that asks before anyone switched to Demo staging is told to switch first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxControls } from '../../../src-main/harness/sandboxControls';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';
import { DEMO_STAGING_CONTEXT } from '../../../src-preload/contract/accounts';

let runtime: Runtime | undefined;
let harness: RunningHarness | undefined;
afterEach(async () => {
  await harness?.close();
  await runtime?.dispose();
  harness = runtime = undefined;
});

describe('the harness sandbox controls on the staging account', () => {
  it('fail a staging request and read back the staging world’s requests, once it has started', async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'fleetdeck-controls-'));
    writeFileSync(join(rendererDir, 'harness.html'), '<!doctype html><title>Fleetdeck</title>');
    runtime = await startRuntime({ logger: silentLogger });
    harness = await startHarness({
      dispatcher: runtime.dispatcher,
      rendererDir,
      controls: sandboxControls(() => runtime!),
    });
    const control = (name: string, body?: unknown) =>
      fetch(`${harness!.origin}/sandbox-controls/${name}?token=${harness!.token}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    const fault = { api: 'digitalocean', account: 'staging', pathPrefix: '/v2/droplets', status: 500, times: 1 };

    const early = await control('faults', fault);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { message: string }).message).toMatch(/first switch to Demo staging/);
    expect(await (await control('staging-requests')).json()).toEqual({ requests: [] });
    expect((await control('faults', { ...fault, api: 'supabase' })).status).toBe(400);

    await runtime.accounts.switchTo(DEMO_STAGING_CONTEXT);
    expect((await control('faults', fault)).status).toBe(200);
    const read = await runtime.dispatcher.call('getInfrastructure', undefined);
    // The client retries a read after a 5xx: the droplets still arrive.
    expect(read.ok && (read.value as { droplets: unknown[] }).droplets).toHaveLength(1);
    const { requests } = (await (await control('staging-requests')).json()) as { requests: { request: string }[] };
    expect(requests.filter((r) => r.request.startsWith('GET /v2/droplets')).length).toBeGreaterThanOrEqual(2);
    // The demo fleet's world saw none of it.
    const demo = (await (await control('requests')).json()) as { requests: { request: string }[] };
    expect(demo.requests.some((r) => r.request.startsWith('GET /v2/droplets'))).toBe(false);
  });
});
