// The harness starting over (POST /sandbox-controls/reset), which gives each e2e story file the
// pristine demo: what a story made in the sandbox cloud and the data folder is gone, a page still
// open hears its connection closed, and the same URL and token serve a fresh runtime.
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { HARNESS_SOCKET_PATH } from '../../../src-preload/harnessProtocol';
import { startResettableRuntime, type ResettableRuntime } from '../../../src-main/harness/resettableRuntime';
import { sandboxControls } from '../../../src-main/harness/sandboxControls';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime } from '../../../src-main/runtime';

let runtime: ResettableRuntime | undefined;
let harness: RunningHarness | undefined;
afterEach(async () => {
  await harness?.close();
  await runtime?.dispose();
  harness = runtime = undefined;
});

async function started() {
  const rendererDir = mkdtempSync(join(tmpdir(), 'fleetdeck-reset-'));
  writeFileSync(join(rendererDir, 'harness.html'), '<!doctype html><title>Fleetdeck</title>');
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-reset-data-'));
  runtime = await startResettableRuntime(() => startRuntime({ logger: silentLogger, dataDir }), dataDir);
  harness = await startHarness({
    dispatcher: runtime.current().dispatcher,
    rendererDir,
    controls: sandboxControls(runtime.current, runtime.reset),
  });
  runtime.serveOn(harness);
  const { origin, token } = harness;
  const control = async (name: string, body?: unknown) => {
    const response = await fetch(`${origin}/sandbox-controls/${name}?token=${token}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const openPage = async () => {
    const page = new WebSocket(`${origin.replace('http', 'ws')}${HARNESS_SOCKET_PATH}?token=${token}`, { origin });
    await once(page, 'open');
    return page;
  };
  const listFleet = async (page: WebSocket) => {
    page.send(JSON.stringify({ type: 'call', id: 1, method: 'listFleet', request: undefined }));
    const [data] = (await once(page, 'message')) as [Buffer];
    return data.toString();
  };
  return { dataDir, control, openPage, listFleet };
}

describe('the harness starting over', () => {
  it('forgets what a story made, closes open pages and serves a fresh runtime at the same URL', async () => {
    const { dataDir, control, openPage, listFleet } = await started();
    const before = runtime!.current();
    const made = await control('supabase-api', {
      method: 'POST',
      path: '/v1/projects',
      body: {
        name: 'left-behind',
        organization_slug: 'insightpulse',
        db_pass: 'dashboard-made-password-0123',
        region_selection: { type: 'specific', code: 'us-east-1' },
      },
    });
    expect(made.status).toBe(201);
    expect((await control('inventory')).json.supabaseProjects).toContain('left-behind');
    writeFileSync(join(dataDir, 'left-behind.txt'), 'a story wrote this');
    const page = await openPage();
    const closed = once(page, 'close');

    expect(await control('reset', {})).toEqual({ status: 200, json: { reset: true } });

    const [code] = (await closed) as [number];
    expect(code).toBe(1012);
    expect(runtime!.current()).not.toBe(before);
    expect(runtime!.current().sandbox.url).not.toBe(before.sandbox.url);
    expect((await control('inventory')).json.supabaseProjects).not.toContain('left-behind');
    expect(existsSync(join(dataDir, 'left-behind.txt'))).toBe(false);
    const again = await openPage();
    const fleet = await listFleet(again);
    expect(fleet).toContain('"ok":true');
    expect(fleet).toContain('taskifai-bibbi');
    again.close();
  });
});
