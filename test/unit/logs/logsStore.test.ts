// @vitest-environment jsdom
// The Logs view's store: one subscription per source, so ticking and unticking sources opens and
// closes exactly those streams (and with them the sockets in the main process).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, FleetError, LogStreamEvent, Result, TailLogsRequest } from '../../../src-preload/contract';
import type { SourceOption } from '../../../src-renderer/stores/logs/logSources';
import { logModel, useLogsStore } from '../../../src-renderer/stores/logsStore';

interface FakeSubscription {
  request: TailLogsRequest;
  emit: (event: LogStreamEvent) => void;
  /** The bridge itself failing (a lost socket), as the transport reports it. */
  fail: (error: FleetError) => void;
  closed: boolean;
}
let subscriptions: FakeSubscription[] = [];
const open = () => subscriptions.filter((s) => !s.closed);

const source = (component: string): SourceOption => ({
  key: `app-1:${component}`,
  appId: 'app-1',
  appName: 'taskifai-bibbi',
  group: 'TaskifAI',
  component,
  kind: 'service',
  label: `taskifai-bibbi/${component}`,
});
const api = source('bibbi-api');
const worker = source('bibbi-worker');
const at = (s: number) => `2026-11-20T12:00:${String(s).padStart(2, '0')}.000000000Z`;

beforeEach(() => {
  vi.useFakeTimers();
  subscriptions = [];
  window.fleet = {
    tailLogs: (request: TailLogsRequest, listener: (event: Result<LogStreamEvent>) => void) => {
      const emit = (value: LogStreamEvent) => listener({ ok: true, value });
      const subscription = {
        request,
        emit,
        fail: (error: FleetError) => listener({ ok: false, error }),
        closed: false,
      };
      subscriptions.push(subscription);
      return () => (subscription.closed = true);
    },
  } as unknown as FleetApi;
  useLogsStore.getState().stop();
  useLogsStore.getState().setSelection([]);
  useLogsStore.getState().clear();
});

describe('picking sources in the Logs view', () => {
  it('opens one stream per component, and closes only the one that is unticked', () => {
    useLogsStore.getState().setSelection([api, worker]);
    expect(open().map((s) => s.request)).toEqual([
      { appId: 'app-1', component: 'bibbi-api', type: 'RUN' },
      { appId: 'app-1', component: 'bibbi-worker', type: 'RUN' },
    ]);
    useLogsStore.getState().toggleSource(api);
    expect(open().map((s) => s.request.component)).toEqual(['bibbi-worker']);
    expect(subscriptions[0]!.closed).toBe(true);
  });

  it('shows lines in batches, and a source unticked and ticked again reads its recent history afresh', () => {
    useLogsStore.getState().setSelection([api]);
    open()[0]!.emit({
      kind: 'lines',
      lines: [
        { component: 'bibbi-api', ts: at(1), message: 'one' },
        { component: 'bibbi-api', ts: at(2), message: 'two' },
      ],
    });
    expect(logModel.rows()).toHaveLength(0);
    vi.advanceTimersByTime(100);
    expect(logModel.rows().map((l) => `${l.source} ${l.message}`)).toEqual([
      'taskifai-bibbi/bibbi-api one',
      'taskifai-bibbi/bibbi-api two',
    ]);
    expect(useLogsStore.getState().received).toBe(2);

    // Unticking a source takes its lines off the screen, so there is nothing to start after.
    useLogsStore.getState().toggleSource(api);
    expect(logModel.rows()).toHaveLength(0);
    useLogsStore.getState().toggleSource(api);
    expect(open()[0]!.request.after).toBeUndefined();
  });

  it('shows each stream’s state, and a failure of the bridge itself as a failed stream', () => {
    useLogsStore.getState().setSelection([api]);
    open()[0]!.emit({
      kind: 'state',
      state: 'reconnecting',
      message: 'The connection dropped; reconnecting (attempt 1).',
    });
    expect(useLogsStore.getState().subs[api.key]).toMatchObject({
      state: 'reconnecting',
      message: expect.stringMatching(/dropped/),
    });
    open()[0]!.fail({ code: 'network', message: 'Lost the connection to the Fleetdeck harness.' });
    expect(useLogsStore.getState().subs[api.key]).toMatchObject({ state: 'failed' });
  });

  it('ignores lines from a stream it already closed', () => {
    useLogsStore.getState().setSelection([api]);
    const old = open()[0]!;
    useLogsStore.getState().setSelection([]);
    old.emit({ kind: 'lines', lines: [{ component: 'bibbi-api', ts: at(1), message: 'late' }] });
    vi.advanceTimersByTime(100);
    expect(logModel.rows()).toHaveLength(0);
  });

  it('starts afresh for another kind of log, and closes everything when the view closes', () => {
    useLogsStore.getState().setSelection([api, worker]);
    useLogsStore.getState().setType('RUN_RESTARTED');
    expect(open().map((s) => s.request.type)).toEqual(['RUN_RESTARTED', 'RUN_RESTARTED']);
    expect(subscriptions.filter((s) => s.closed)).toHaveLength(2);
    useLogsStore.getState().stop();
    expect(open()).toHaveLength(0);
    useLogsStore.getState().setType('RUN');
  });

  it('opens one whole-app stream for a deployment’s build log, and goes back to the sources after', () => {
    useLogsStore.getState().setSelection([api]);
    useLogsStore
      .getState()
      .openDeployment({ appId: 'app-1', appName: 'taskifai-bibbi', deploymentId: 'dep-1', type: 'BUILD' });
    expect(open().map((s) => s.request)).toEqual([{ appId: 'app-1', deploymentId: 'dep-1', type: 'BUILD' }]);
    useLogsStore.getState().closeDeployment();
    expect(open().map((s) => s.request.component)).toEqual(['bibbi-api']);
  });
});
