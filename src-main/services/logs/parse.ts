// Turns App Platform log text into LogLines: `<component> <RFC3339 time> <message>` per line,
// the time made sortable as text, the level read from the message (JSON fields, Python/Celery/
// gunicorn/Odoo/redis conventions), and stack-trace lines kept with the error they belong to.
import type { LogLevel, LogLine } from '../../../src-preload/contract';

const PREFIX = /^(\S+) (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))(?: (.*))?$/s;

/**
 * RFC 3339 (any fraction, any offset) to UTC with nine fractional digits, or undefined. Whole
 * milliseconds go through Date; the digits below them are kept as written.
 */
export function normalizeTimestamp(raw: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/.exec(raw);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').padEnd(9, '0').slice(0, 9);
  const offset = m[3]!.length === 5 ? `${m[3]!.slice(0, 3)}:${m[3]!.slice(3)}` : m[3];
  const ms = Date.parse(`${m[1]}.${fraction.slice(0, 3)}${offset}`);
  if (Number.isNaN(ms)) return undefined;
  return `${new Date(ms).toISOString().slice(0, 23)}${fraction.slice(3)}Z`;
}

/** A line in nanosecond form for a time Fleetdeck itself stamps (markers). */
export const timestampOf = (ms: number): string => `${new Date(ms).toISOString().slice(0, 23)}000000Z`;

const PINO_LEVELS: Array<[number, LogLevel]> = [
  [50, 'error'],
  [40, 'warn'],
  [30, 'info'],
  [0, 'debug'],
];

function levelWord(word: string): LogLevel | undefined {
  const w = word.toLowerCase();
  if (
    w.startsWith('err') ||
    w === 'critical' ||
    w === 'crit' ||
    w === 'fatal' ||
    w === 'panic' ||
    w === 'alert' ||
    w === 'emerg'
  )
    return 'error';
  if (w.startsWith('warn')) return 'warn';
  if (w === 'info' || w === 'notice' || w === 'information') return 'info';
  if (w === 'debug' || w === 'trace' || w === 'verbose') return 'debug';
  return undefined;
}

function jsonLevel(record: Record<string, unknown>): LogLevel | undefined {
  for (const key of ['level', 'severity', 'lvl', 'levelname', 'log.level']) {
    const value = record[key];
    if (typeof value === 'number') return PINO_LEVELS.find(([floor]) => value >= floor)?.[1];
    if (typeof value === 'string') return levelWord(value);
  }
  return undefined;
}

// The first level-looking word near the start wins ("INFO: … 500" is an access line, not an error).
const LEVEL_WORD =
  /(?:^|[\s[(:/|"'=-])(ERROR|ERR|CRITICAL|FATAL|PANIC|WARNING|WARN|INFO|NOTICE|DEBUG|TRACE)(?=$|[\s\]):/|,"'-])/i;
const PYTHON_TRACE = /^(Traceback \(most recent call last\)|\w+(\.\w+)*(Error|Exception|Exit|Interrupt)\b:?)/;
const REDIS_LINE = /^\d+:[MCSX] \d{2} \w{3} \d{4} [\d:.]+ ([.\-*#]) /;
/** Next.js's ⨯ and App Platform's builder/deployer ✘ mark a failure. */
const MARKED_ERROR = /(^|\s)[⨯✘] /;

/** The level a message states, when it states one. */
export function detectLevel(message: string): LogLevel | undefined {
  if (PYTHON_TRACE.test(message) || MARKED_ERROR.test(message)) return 'error';
  const redis = REDIS_LINE.exec(message);
  if (redis) return redis[1] === '#' ? 'warn' : redis[1] === '.' || redis[1] === '-' ? 'debug' : 'info';
  const word = LEVEL_WORD.exec(message.slice(0, 160));
  return word?.[1] ? levelWord(word[1]) : undefined;
}

/** A line that continues the previous one: an indented stack frame, a "During handling" note. */
const CONTINUATION = /^(\s+\S|During handling of the above exception|The above exception was the direct cause)/;

/**
 * Parses the lines of one stream in order. It remembers the level of the last line so the frames
 * of a stack trace are shown as part of the error, not as unlabelled text.
 */
export class LogLineParser {
  private lastLevel: LogLevel | undefined;

  constructor(private readonly fallbackComponent: string) {}

  parse(raw: string, nowMs: () => number = Date.now): LogLine | undefined {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.length === 0) return undefined;
    const m = PREFIX.exec(text);
    const ts = m?.[2] ? normalizeTimestamp(m[2]) : undefined;
    const component = m && ts ? m[1]! : this.fallbackComponent;
    const message = m && ts ? (m[3] ?? '') : text;
    const line: LogLine = { component, ts: ts ?? timestampOf(nowMs()), message };

    let level: LogLevel | undefined;
    if (message.startsWith('{') && message.endsWith('}')) {
      try {
        const record = JSON.parse(message) as unknown;
        if (record && typeof record === 'object' && !Array.isArray(record)) {
          line.json = true;
          level = jsonLevel(record as Record<string, unknown>);
        }
      } catch {
        // Not JSON after all: read it as text.
      }
    }
    if (!line.json) {
      level = detectLevel(message);
      if (!level && this.lastLevel === 'error' && CONTINUATION.test(message)) level = 'error';
    }
    this.lastLevel = level;
    if (level) line.level = level;
    return line;
  }
}

/** Splits a frame's `data` into lines; a trailing newline ends the last line, it does not add one. */
export function splitFrame(data: string): string[] {
  const lines = data.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
