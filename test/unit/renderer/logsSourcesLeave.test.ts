// @vitest-environment jsdom
// The founder narrows the Logs view to other sources: what they no longer picked leaves the tail,
// the chips and downloads; a quick pick with Shift adds instead of replacing; coming back to the
// view is live again; and scrolled up, they are told how many lines arrived below.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, LogLine, LogStreamEvent, Result, TailLogsRequest } from '../../../src-preload/contract';
import type { SourceOption } from '../../../src-renderer/stores/logs/logSources';
import { logModel, useLogsStore } from '../../../src-renderer/stores/logsStore';

interface FakeStream {
  request: TailLogsRequest;
  emit: (event: LogStreamEvent) => void;
  closed: boolean;
}
let streams: FakeStream[] = [];
const streamOf = (component: string) => streams.find((s) => !s.closed && s.request.component === component)!;

const source = (component: string, kind: SourceOption['kind'] = 'service'): SourceOption => ({
  key: `app-1:${component}`,
  appId: 'app-1',
  appName: 'taskifai-bibbi',
  group: 'TaskifAI',
  component,
  kind,
  label: `taskifai-bibbi/${component}`,
});
const api = source('bibbi-api');
const worker = source('bibbi-worker', 'worker');
let second = 0;
const at = () =>
  `2026-11-20T12:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second++ % 60).padStart(2, '0')}.000000000Z`;
const say = (component: string, ...messages: string[]) =>
  streamOf(component).emit({
    kind: 'lines',
    lines: messages.map((message): LogLine => ({ component, ts: at(), message })),
  });
/** Lets the store show what arrived (it applies batches at most every 80 ms). */
const shown = () => vi.advanceTimersByTime(100);
const store = () => useLogsStore.getState();
const sourcesOf = (lines: Array<{ source: string }>) => [...new Set(lines.map((l) => l.source))];

beforeEach(() => {
  vi.useFakeTimers();
  streams = [];
  window.fleet = {
    tailLogs: (request: TailLogsRequest, listener: (event: Result<LogStreamEvent>) => void) => {
      const emit = (value: LogStreamEvent) => listener({ ok: true, value });
      const stream = { request, emit, closed: false };
      streams.push(stream);
      return () => (stream.closed = true);
    },
  } as unknown as FleetApi;
  store().stop();
  store().setSelection([]);
  store().setFilter({ hiddenSources: [], text: '' });
  store().clear();
});

describe('sources taken out of the selection leave the Logs view', () => {
  it('picking only the worker drops the API’s lines from the tail, the chips and both downloads', () => {
    store().setSelection([api, worker]);
    say('bibbi-api', 'GET /api/health 200', 'POST /api/v1/uploads 201');
    say('bibbi-worker', 'Task process_upload succeeded');
    shown();
    expect(sourcesOf(logModel.rows())).toEqual(['taskifai-bibbi/bibbi-api', 'taskifai-bibbi/bibbi-worker']);

    store().setSelection([worker]);

    expect(logModel.rows().map((l) => l.message)).toEqual(['Task process_upload succeeded']);
    // The legend's chips are the sources the model has seen.
    expect([...logModel.lastTs.keys()]).toEqual(['taskifai-bibbi/bibbi-worker']);
    expect(sourcesOf(logModel.linesFor('filtered'))).toEqual(['taskifai-bibbi/bibbi-worker']);
    expect(sourcesOf(logModel.linesFor('all'))).toEqual(['taskifai-bibbi/bibbi-worker']);
    expect(store().size).toBe(1);
  });

  it('lines the API sent just before it was unpicked do not show up afterwards', () => {
    store().setSelection([api, worker]);
    say('bibbi-api', 'GET /api/health 200');
    store().setSelection([worker]);
    say('bibbi-worker', 'Task send_report_email succeeded');
    shown();
    expect(sourcesOf(logModel.rows())).toEqual(['taskifai-bibbi/bibbi-worker']);
  });

  it('a paused view lets go of an unpicked source’s lines too', () => {
    store().setSelection([api, worker]);
    say('bibbi-api', 'GET /api/health 200');
    say('bibbi-worker', 'Task process_upload succeeded');
    shown();
    store().togglePause();
    store().setSelection([worker]);
    expect(store().paused).toBe(true);
    expect(sourcesOf(logModel.rows())).toEqual(['taskifai-bibbi/bibbi-worker']);
  });

  it('a source hidden by its chip and then unpicked comes back shown when picked again', () => {
    store().setSelection([api, worker]);
    store().setFilter({ hiddenSources: [api.label] });
    store().setSelection([worker]);
    expect(store().filter.hiddenSources).toEqual([]);
    store().setSelection([worker, api]);
    say('bibbi-api', 'GET /api/health 200');
    shown();
    expect(sourcesOf(logModel.rows())).toContain('taskifai-bibbi/bibbi-api');
  });
});

describe('quick picks', () => {
  it('replace the selection on a click and add to it on a Shift+click', () => {
    store().pickSources([api], false);
    store().pickSources([worker, api], true);
    expect(store().selected.map((s) => s.component)).toEqual(['bibbi-api', 'bibbi-worker']);
    expect(streams.filter((s) => !s.closed)).toHaveLength(2);

    store().pickSources([worker], false);
    expect(store().selected.map((s) => s.component)).toEqual(['bibbi-worker']);
    expect(streams.filter((s) => !s.closed).map((s) => s.request.component)).toEqual(['bibbi-worker']);
  });
});

describe('coming back to the Logs view', () => {
  it('is live again after leaving it paused', () => {
    store().setSelection([worker]);
    store().togglePause();
    store().stop();
    store().start();
    expect(store().paused).toBe(false);
    say('bibbi-worker', 'Task refresh_sales_views succeeded');
    shown();
    expect(logModel.rows().map((l) => l.message)).toContain('Task refresh_sales_views succeeded');
  });
});

describe('scrolled up from the bottom', () => {
  it('counts the lines shown since the reader left the bottom, and none once they follow again', () => {
    store().setSelection([api, worker]);
    say('bibbi-worker', 'before they scrolled up');
    shown();
    store().setFilter({ hiddenSources: [api.label] });
    store().setFollowing(false);
    expect(store().newBelow).toBe(0);

    say('bibbi-worker', 'one', 'two');
    say('bibbi-api', 'hidden by its chip: not a new line for this reader');
    shown();
    expect(store().newBelow).toBe(2);

    store().setFollowing(true);
    expect(store().newBelow).toBe(0);
  });
});
