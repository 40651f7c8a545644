// Reading App Platform's log text: what the founder sees depends on getting the prefix, the
// time, JSON and the level right for every kind of component in the fleet.
import { describe, expect, it } from 'vitest';
import { detectLevel, LogLineParser, normalizeTimestamp, splitFrame } from '../../../src-main/services/logs/parse';

describe('a log line from App Platform', () => {
  it('is split into component, time and message, as doctl prints it', () => {
    const line = new LogLineParser('api').parse(
      'web 2024-05-29T20:14:14.996999111Z INFO:     10.0.0.1:5000 - "GET / HTTP/1.1" 200 OK',
    );
    expect(line).toEqual({
      component: 'web',
      ts: '2024-05-29T20:14:14.996999111Z',
      message: 'INFO:     10.0.0.1:5000 - "GET / HTTP/1.1" 200 OK',
      level: 'info',
    });
  });

  it('gets a time that sorts as text whatever precision or offset it was written with', () => {
    expect(normalizeTimestamp('2024-05-29T20:14:14Z')).toBe('2024-05-29T20:14:14.000000000Z');
    expect(normalizeTimestamp('2024-05-29T20:14:14.9Z')).toBe('2024-05-29T20:14:14.900000000Z');
    expect(normalizeTimestamp('2024-05-29T22:14:14.123456+02:00')).toBe('2024-05-29T20:14:14.123456000Z');
    expect(normalizeTimestamp('2024-05-29T22:14:14.5+0200')).toBe('2024-05-29T20:14:14.500000000Z');
    expect(normalizeTimestamp('yesterday')).toBeUndefined();
    const sorted = ['2024-05-29T20:14:14.9Z', '2024-05-29T20:14:14.123456789Z', '2024-05-29T20:14:14Z']
      .map((t) => normalizeTimestamp(t)!)
      .sort();
    expect(sorted).toEqual([
      '2024-05-29T20:14:14.000000000Z',
      '2024-05-29T20:14:14.123456789Z',
      '2024-05-29T20:14:14.900000000Z',
    ]);
  });

  it('without the prefix keeps the whole text and is stamped now, under the stream component', () => {
    const line = new LogLineParser('worker').parse('plain text', () => Date.parse('2026-11-20T12:00:00.250Z'));
    expect(line).toMatchObject({ component: 'worker', ts: '2026-11-20T12:00:00.250000000Z', message: 'plain text' });
  });

  it('that is a JSON object is marked as such and its level field is read (names and pino numbers)', () => {
    const parser = new LogLineParser('api');
    expect(parser.parse('api 2026-11-20T12:00:00Z {"level":"error","msg":"boom"}')).toMatchObject({
      json: true,
      level: 'error',
    });
    expect(parser.parse('web 2026-11-20T12:00:00Z {"level":40,"msg":"slow"}')).toMatchObject({
      json: true,
      level: 'warn',
    });
    expect(parser.parse('web 2026-11-20T12:00:00Z {"severity":"INFO"}')).toMatchObject({ json: true, level: 'info' });
    expect(parser.parse('web 2026-11-20T12:00:00Z {not json}')).not.toHaveProperty('json');
  });

  it('keeps the frames of a stack trace with the error they belong to', () => {
    const parser = new LogLineParser('api');
    const lines = [
      'ERROR:    Exception in ASGI application',
      'Traceback (most recent call last):',
      '  File "/workspace/app/api/v1/uploads.py", line 88, in create_upload',
      '    rows = await parser.parse(file)',
      "ValueError: Unknown column 'Umsatz' in sheet 'Sales'",
      'INFO:     10.0.0.1:5000 - "GET /api/health HTTP/1.1" 200 OK',
      '    an indented line after an access line',
    ].map((m) => parser.parse(`api 2026-11-20T12:00:00Z ${m}`)!.level);
    expect(lines).toEqual(['error', 'error', 'error', 'error', 'error', 'info', undefined]);
  });
});

describe('the level a message states', () => {
  it.each([
    ['[2026-11-20 12:00:01,123: ERROR/ForkPoolWorker-1] Task x raised unexpected', 'error'],
    ['[2026-11-20 12:00:01,123: WARNING/ForkPoolWorker-1] Task x retry', 'warn'],
    ['[2026-11-20 12:00:01,123: INFO/MainProcess] Task x received', 'info'],
    ['2026-11-20 12:00:01,234 7 WARNING postgres odoo.addons.mail: Mail delivery failed', 'warn'],
    ['2026-11-20 12:00:01,234:INFO:superset.views.core:Chart 3 data', 'info'],
    ['[2026-11-20 12:00:01 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:14)', 'error'],
    ['1:M 20 Nov 2026 12:00:01.234 # WARNING Memory overcommit must be enabled!', 'warn'],
    ['1:M 20 Nov 2026 12:00:01.234 * DB saved on disk', 'info'],
    [' ⨯ TypeError: fetch failed', 'error'],
    ['DEBUG app.cache: miss', 'debug'],
    ['INFO:     1.2.3.4:5 - "GET /api/errors HTTP/1.1" 500 Internal Server Error', 'info'],
    ['GET /api/errors 200', undefined],
  ])('%s → %s', (message, level) => {
    expect(detectLevel(message)).toBe(level);
  });
});

describe('a WebSocket frame', () => {
  it('carries its own trailing newline and may hold several lines', () => {
    expect(splitFrame('a 2026-11-20T12:00:00Z one\n')).toEqual(['a 2026-11-20T12:00:00Z one']);
    expect(splitFrame('one\ntwo\n')).toEqual(['one', 'two']);
    expect(splitFrame('no newline')).toEqual(['no newline']);
  });
});
