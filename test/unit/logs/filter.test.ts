// Filtering hides lines, search only marks them; both take plain text or a regex, and a pattern
// that does not compile is reported instead of hiding everything.
import { describe, expect, it } from 'vitest';
import type { BufferedLine } from '../../../src-renderer/stores/logs/logBuffer';
import {
  compileFilter,
  compileMatcher,
  EMPTY_FILTER,
  findRow,
  lineAsText,
  matchRanges,
  prettyJson,
  startsError,
} from '../../../src-renderer/stores/logs/logFilter';
import { LogModel } from '../../../src-renderer/stores/logs/logModel';
import { colourOf, quickPicks, sourceOptions } from '../../../src-renderer/stores/logs/logSources';
import type { FleetSnapshot } from '../../../src-preload/contract';

let id = 0;
const l = (
  message: string,
  level?: BufferedLine['level'],
  source = 'bibbi/api',
  marker?: BufferedLine['marker'],
): BufferedLine => ({
  id: ++id,
  component: 'api',
  source,
  ts: '2026-11-20T12:00:00.000000000Z',
  message,
  ...(level ? { level } : {}),
  ...(marker ? { marker } : {}),
});
const lines = [
  l('GET /api/health 200', 'info'),
  l('Task process_upload raised unexpected: TimeoutError', 'error', 'bibbi/worker'),
  l('Rate limit exceeded for 203.0.113.7', 'warn'),
  l('celery beat starting'),
  l('Reconnected: lines may be missing', undefined, 'bibbi/api', 'gap'),
];
const shown = (spec: Partial<typeof EMPTY_FILTER>) =>
  lines.filter(compileFilter({ ...EMPTY_FILTER, ...spec }).value).map((x) => x.message);

describe('the filter', () => {
  it('keeps every line when empty', () => {
    expect(shown({})).toHaveLength(5);
  });

  it('keeps lines containing the text, ignoring case unless asked', () => {
    expect(shown({ text: 'TASK' })).toEqual([lines[1]!.message, lines[4]!.message]);
    expect(shown({ text: 'TASK', caseSensitive: true })).toEqual([lines[4]!.message]);
  });

  it('treats the text as a regular expression when asked, and as literal text otherwise', () => {
    expect(shown({ text: '\\d{3}\\.\\d+', regex: true })).toEqual([lines[2]!.message, lines[4]!.message]);
    expect(shown({ text: '203.0.113.7' })).toEqual([lines[2]!.message, lines[4]!.message]);
    expect(shown({ text: '2.3', regex: false })).toEqual([lines[4]!.message]);
  });

  it('hides the matching lines instead in exclude mode', () => {
    expect(shown({ text: 'health', exclude: true })).not.toContain(lines[0]!.message);
    expect(shown({ text: 'health', exclude: true })).toHaveLength(4);
  });

  it('filters by level, with "other" for lines that state none', () => {
    expect(shown({ levels: ['error', 'warn'] })).toEqual([lines[1]!.message, lines[2]!.message, lines[4]!.message]);
    expect(shown({ levels: ['none'] })).toEqual([lines[3]!.message, lines[4]!.message]);
  });

  it('hides whole sources, markers of a hidden source included, but never hides a gap otherwise', () => {
    expect(shown({ hiddenSources: ['bibbi/api'] })).toEqual([lines[1]!.message]);
    expect(shown({ text: 'nothing matches this', levels: [] })).toEqual([lines[4]!.message]);
  });

  it('reports an invalid regular expression and lets lines through rather than hiding them all', () => {
    const compiled = compileFilter({ ...EMPTY_FILTER, text: '(unclosed', regex: true });
    expect(compiled.error).toMatch(/Invalid regular expression|Unterminated group/);
    expect(lines.filter(compiled.value)).toHaveLength(5);
  });
});

describe('the search', () => {
  it('finds every match in a line for highlighting', () => {
    const pattern = compileMatcher({ text: 'a', regex: false, caseSensitive: false }).value;
    expect(matchRanges(pattern, 'Rate limit exceeded for A')).toEqual([
      [1, 2],
      [24, 25],
    ]);
    expect(matchRanges(compileMatcher({ text: 'x*', regex: true, caseSensitive: false }).value, 'abc')).toEqual([]);
  });

  it('counts matches as lines arrive and leave, and jumps between them, wrapping around', () => {
    const model = new LogModel(3);
    model.setSearch(compileMatcher({ text: 'error', regex: false, caseSensitive: false }).value);
    const at = (s: number, message: string) => ({ component: 'api', ts: `2026-11-20T12:00:0${s}.000000000Z`, message });
    model.add([{ label: 'a/api', appName: 'a', lines: [at(1, 'error one'), at(2, 'fine'), at(3, 'error two')] }]);
    expect(model.searchCount).toBe(2);
    model.add([{ label: 'a/api', appName: 'a', lines: [at(4, 'fine again')] }]);
    expect(model.searchCount).toBe(1);
    const rows = model.rows();
    const isMatch = (x: BufferedLine) => model.isMatch(x);
    expect(findRow(rows, -1, 1, isMatch)).toBe(1);
    expect(findRow(rows, 1, 1, isMatch)).toBe(1);
    expect(findRow(rows, -1, -1, isMatch)).toBe(1);
    expect(findRow(rows, 0, 1, () => false)).toBe(-1);
  });
});

describe('jumping to errors', () => {
  it('lands on the first line of each error, not on every frame of its stack trace', () => {
    const at = (ms: string, message: string, level?: BufferedLine['level'], source = 'bibbi/api') => ({
      ...l(message, level, source),
      ts: `2026-11-20T12:00:00.${ms}000000Z`,
    });
    const rows = [
      at('100', 'GET / 200', 'info'),
      at('200', 'ERROR:    Exception in ASGI application', 'error'),
      at('200', 'Traceback (most recent call last):', 'error'),
      at('200', 'ValueError: boom', 'error'),
      at('300', 'Task raised unexpected', 'error', 'bibbi/worker'),
      at('400', 'GET / 200', 'info'),
    ];
    const errors = [0, 1, 2, 3, 4, 5].filter((i) => startsError(rows, i));
    expect(errors).toEqual([1, 4]);
    expect(findRow(rows, 1, 1, (_row, i) => startsError(rows, i))).toBe(4);
    expect(findRow(rows, 4, 1, (_row, i) => startsError(rows, i))).toBe(1);
  });
});

describe('showing and saving lines', () => {
  it('pretty-prints JSON on demand and leaves other text alone', () => {
    expect(prettyJson('{"level":"info","status":201}')).toBe('{\n  "level": "info",\n  "status": 201\n}');
    expect(prettyJson('{oops')).toBe('{oops');
  });

  it('writes a line for the download as time, source and message', () => {
    expect(lineAsText(lines[0]!)).toBe('2026-11-20T12:00:00.000000000Z bibbi/api GET /api/health 200');
    expect(lineAsText(lines[4]!)).toMatch(/--- Reconnected: lines may be missing ---$/);
  });
});

describe('picking sources', () => {
  const snapshot = {
    fetchedAt: '2026-11-20T12:00:00Z',
    monthlyCost: { min: 0, max: 0 },
    apps: [
      {
        id: 'a1',
        name: 'taskifai-bibbi',
        group: 'TaskifAI',
        region: 'fra',
        monthlyCost: { min: 0, max: 0 },
        components: [
          { name: 'bibbi-frontend', kind: 'static_site', monthlyCost: { min: 0, max: 0 } },
          { name: 'bibbi-api', kind: 'service', monthlyCost: { min: 0, max: 0 } },
          { name: 'bibbi-worker', kind: 'worker', monthlyCost: { min: 0, max: 0 } },
        ],
      },
      {
        id: 'a2',
        name: 'superset-analytics',
        group: 'InsightPulse',
        region: 'sgp',
        monthlyCost: { min: 0, max: 0 },
        components: [{ name: 'superset-worker', kind: 'worker', monthlyCost: { min: 0, max: 0 } }],
      },
    ],
  } as FleetSnapshot;

  it('offers the components that run, and quick picks for a whole product and for every worker', () => {
    const options = sourceOptions(snapshot);
    expect(options.map((o) => o.label)).toEqual([
      'taskifai-bibbi/bibbi-api',
      'taskifai-bibbi/bibbi-worker',
      'superset-analytics/superset-worker',
    ]);
    expect(quickPicks(options).map((p) => [p.label, p.keys])).toEqual([
      ['All of TaskifAI', ['a1:bibbi-api', 'a1:bibbi-worker']],
      ['All of InsightPulse', ['a2:superset-worker']],
      ['All workers', ['a1:bibbi-worker', 'a2:superset-worker']],
    ]);
  });

  it('gives a source the same colour every time', () => {
    expect(colourOf('taskifai-bibbi/bibbi-api')).toBe(colourOf('taskifai-bibbi/bibbi-api'));
    expect(new Set(sourceOptions(snapshot).map((o) => colourOf(o.label))).size).toBeGreaterThan(1);
  });
});
