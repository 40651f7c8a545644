// The tailer against the real sandbox cloud (HTTP, signed URLs, WebSockets): what happens to the
// founder's live tail when the stream drops, the reader is too slow, the app is redeployed, the
// view is closed, or the deployment is long finished.
import { describe, expect, it } from 'vitest';
import type { LogLine, LogStreamEvent, TailLogsRequest } from '../../../src-preload/contract';
import { leafSteps } from '../../../src-main/clients/digitalocean/types';
import { LogsService } from '../../../src-main/services/logs/logsService';
import { sandboxWithClient } from '../../support/sandbox';

type StateEvent = Extract<LogStreamEvent, { kind: 'state' }>;

async function until(what: string, condition: () => boolean, timeoutMs = 8_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A sandbox with the demo fleet writing `linesPerSecond` per component, and a LogsService on it. */
async function fleetWithLogs(linesPerSecond = 50) {
  const { sandbox, client } = await sandboxWithClient();
  sandbox.logs.linesPerSecond = linesPerSecond;
  const service = new LogsService(client, {
    backoffMs: () => 50,
    batchIntervalMs: 20,
    checkEveryMs: { pinned: 200, active: 400 },
  });
  const app = (name: string) => [...sandbox.state.apps.values()].find((r) => r.app.spec.name === name)!;
  const logCalls = () => sandbox.requests.filter((r) => /\/logs\?/.test(r)).length;
  return { sandbox, client, service, app, logCalls };
}

/** What a subscription has told the window so far. */
function watch(service: LogsService, request: TailLogsRequest) {
  const events: LogStreamEvent[] = [];
  const lines: LogLine[] = [];
  const subscription = service.tail(request, (event) => {
    events.push(event);
    if (event.kind === 'lines') lines.push(...event.lines);
  });
  const states = () => events.filter((e): e is StateEvent => e.kind === 'state');
  const reached = (state: StateEvent['state']) => states().some((s) => s.state === state);
  return { events, lines, states, reached, dispose: () => subscription.dispose() };
}

const appLines = (lines: LogLine[]) => lines.filter((l) => !l.marker);

describe('following a component live', { timeout: 20_000 }, () => {
  it('starts with the recent history, then gets new lines as the component writes them, in time order', async () => {
    const { sandbox, service, app } = await fleetWithLogs();
    const tail = watch(service, {
      appId: app('taskifai-bibbi').app.id!,
      component: 'bibbi-api',
      type: 'RUN',
      tailLines: 50,
    });
    await until('the stream is live', () => tail.reached('live'));
    await until('history and some new lines arrived', () => tail.lines.length > 60);
    expect(new Set(tail.lines.map((l) => l.component))).toEqual(new Set(['bibbi-api']));
    const times = tail.lines.map((l) => l.ts);
    expect(times).toEqual([...times].sort());
    expect(tail.lines.some((l) => l.level === 'info')).toBe(true);
    expect(sandbox.logs.stats.opened).toBe(1);
    tail.dispose();
  });

  it('reconnects with a fresh URL after the socket drops, and says no lines were missed when the history overlaps', async () => {
    const { sandbox, service, app, logCalls } = await fleetWithLogs(100);
    const tail = watch(service, {
      appId: app('taskifai-bibbi').app.id!,
      component: 'bibbi-worker',
      type: 'RUN',
      tailLines: 10,
    });
    await until('some lines arrived', () => tail.lines.length > 20);
    const callsBefore = logCalls();
    expect(sandbox.logs.faults.dropSockets()).toBe(1);

    await until('it reconnected', () => tail.states().filter((s) => s.state === 'live').length === 2);
    await until('the reconnect is marked', () => tail.lines.some((l) => l.marker));
    expect(tail.states().some((s) => s.state === 'reconnecting' && /connection dropped/.test(s.message ?? ''))).toBe(
      true,
    );
    expect(logCalls()).toBe(callsBefore + 1);
    expect(tail.lines.find((l) => l.marker)).toMatchObject({
      marker: 'notice',
      message: expect.stringMatching(/no lines were missed/),
    });
    const keys = appLines(tail.lines).map((l) => `${l.ts} ${l.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    tail.dispose();
  });

  it('marks the gap when the log server cut off a reader that fell too far behind', async () => {
    const { sandbox, service, app } = await fleetWithLogs(1_000);
    const tail = watch(service, {
      appId: app('taskifai-demo').app.id!,
      component: 'demo-api',
      type: 'RUN',
      tailLines: 0,
    });
    await until('some lines arrived', () => tail.lines.length > 50);
    sandbox.logs.faults.slowConsumer(1_000);
    await until('the gap is marked', () => tail.lines.some((l) => l.marker === 'gap'), 10_000);
    const gap = tail.lines.find((l) => l.marker === 'gap')!;
    expect(gap.message).toMatch(/too slow.*lines may be missing/);
    expect(sandbox.logs.stats.linesDropped).toBeGreaterThan(500);
    await until('lines flow again', () => tail.lines.indexOf(gap) < tail.lines.length - 20);
    tail.dispose();
  });

  it('follows the new instances after a redeploy instead of going quiet (doctl #1614)', async () => {
    const { sandbox, service, app } = await fleetWithLogs();
    const appId = app('mcp-coordinator').app.id!;
    const tail = watch(service, { appId, component: 'mcp-hub', type: 'RUN' });
    await until('the stream is live', () => tail.reached('live'));
    const first = tail.states().find((s) => s.state === 'live')!.deploymentId;
    const next = sandbox.logs.faults.redeploy(appId);
    expect(next.id).not.toBe(first);

    await until('it follows the new deployment', () =>
      tail.states().some((s) => s.state === 'live' && s.deploymentId === next.id),
    );
    await until('the new instance writes', () =>
      tail.lines.some((l) => /Application startup complete/.test(l.message)),
    );
    expect(
      tail.states().some((s) => s.state === 'reconnecting' && /instances were replaced/.test(s.message ?? '')),
    ).toBe(true);
    expect(tail.lines.find((l) => l.marker === 'redeploy')?.message).toMatch(
      `Now following deployment ${next.id!.slice(0, 8)}`,
    );
    tail.dispose();
  });

  it('keeps trying, and says why, when the stream cannot be opened', async () => {
    const { sandbox, service, app } = await fleetWithLogs();
    sandbox.logs.faults.refuseHandshakes(2);
    const tail = watch(service, { appId: app('multivio-api').app.id!, component: 'api', type: 'RUN' });
    await until('the stream is live', () => tail.reached('live'));
    const retries = tail.states().filter((s) => s.state === 'reconnecting');
    expect(retries).toHaveLength(2);
    expect(retries[0]!.message).toMatch(/refused the stream \(HTTP 503\)/);
    expect(JSON.stringify(tail.events)).not.toMatch(/token=/);
    tail.dispose();
  });

  it('fails in words, and stops, for an app that does not exist', async () => {
    const { service } = await fleetWithLogs();
    const tail = watch(service, { appId: '00000000-0000-4000-8000-000000000000', type: 'RUN' });
    await until('it failed', () => tail.reached('failed'));
    expect(tail.events.at(-1)).toMatchObject({ state: 'failed', error: { code: 'not_found' } });
  });

  it('skips what the window already shows when a source is added again', async () => {
    const { service, app } = await fleetWithLogs();
    const appId = app('taskifai-central').app.id!;
    const first = watch(service, { appId, component: 'central-api', type: 'RUN', tailLines: 30 });
    await until('history arrived', () => first.lines.length >= 30);
    first.dispose();
    const after = first.lines.at(-1)!.ts;
    const again = watch(service, { appId, component: 'central-api', type: 'RUN', tailLines: 100, after });
    await until('new lines arrived', () => again.lines.length > 0);
    expect(again.lines.every((l) => l.ts > after)).toBe(true);
    again.dispose();
  });
});

describe('closing the view', { timeout: 20_000 }, () => {
  it('closes the socket in the main process: the sandbox sees the reader leave', async () => {
    const { sandbox, service, app } = await fleetWithLogs();
    const tail = watch(service, { appId: app('superset-analytics').app.id!, type: 'RUN' });
    await until('every component of the app wrote', () => new Set(tail.lines.map((l) => l.component)).size === 4);
    expect(new Set(tail.lines.map((l) => l.component))).toEqual(
      new Set(['superset-web', 'redis', 'superset-worker', 'superset-beat']),
    );
    expect(sandbox.logs.openSockets).toBe(1);

    tail.dispose();
    await until('the sandbox saw the close', () => sandbox.logs.stats.closedByClient === 1);
    expect(sandbox.logs.openSockets).toBe(0);
    expect(service.openTails).toBe(0);
    const count = tail.events.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(tail.events.length).toBe(count);
  });
});

describe('build and deploy logs of a deployment', { timeout: 20_000 }, () => {
  it('reads the archived build log of a failed deployment to its end, with no socket', async () => {
    const { sandbox, service, app } = await fleetWithLogs();
    const demo = app('taskifai-demo');
    const failed = demo.deployments.find((d) =>
      d.progress?.steps?.some((s) => s.name === 'build' && s.status === 'ERROR'),
    )!;
    const tail = watch(service, { appId: demo.app.id!, deploymentId: failed.id!, type: 'BUILD' });
    await until('the archive was read', () => tail.reached('ended'));
    expect(tail.lines.map((l) => l.message)).toContain('│ ✘ build failed');
    expect(tail.lines.some((l) => l.level === 'error' && /No matching distribution/.test(l.message))).toBe(true);
    expect(sandbox.logs.stats.opened).toBe(0);
  });

  it('reads the deploy log of a deployment whose health checks failed', async () => {
    const { service, app } = await fleetWithLogs();
    const odoo = app('odoo-saas-platform');
    const failed = odoo.deployments.find((d) =>
      leafSteps(d.progress?.steps).some((s) => s.name === 'wait' && s.status === 'ERROR'),
    )!;
    const tail = watch(service, { appId: odoo.app.id!, deploymentId: failed.id!, type: 'DEPLOY' });
    await until('the archive was read', () => tail.reached('ended'));
    expect(tail.lines.some((l) => /readiness probe failed/.test(l.message))).toBe(true);
  });

  it('follows a build while it runs, and ends when the build is over', async () => {
    const { sandbox, service, app } = await fleetWithLogs();
    const bibbi = app('taskifai-bibbi');
    const building = bibbi.deployments.find((d) => d.phase === 'BUILDING')!;
    const tail = watch(service, { appId: bibbi.app.id!, deploymentId: building.id!, type: 'BUILD' });
    await until('the build log is live', () => tail.reached('live'));
    await until('the builder started writing', () => tail.lines.some((l) => /git repo clone/.test(l.message)));
    sandbox.state.clock.advance(60 * 60_000);
    await until('the build log ended', () => tail.reached('ended'), 10_000);
    expect(tail.lines.some((l) => /built and uploaded image/.test(l.message))).toBe(true);
    expect(tail.states().at(-1)?.message).toMatch(/build log is complete/);
  });
});
