// The main process's log: one line per event, every line redacted. Tests capture it to prove no
// secret is ever written.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (line: string) => void;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A log line never holds more than this much of a message: a request can be megabytes. */
export const MAX_LOGGED_MESSAGE = 4_000;

/**
 * One event, one line: line breaks and other control characters in a message (which may echo
 * what a user or an API sent) are escaped, so nothing can forge a line of its own.
 */
export function asOneLine(message: string): string {
  const clipped =
    message.length > MAX_LOGGED_MESSAGE
      ? `${message.slice(0, MAX_LOGGED_MESSAGE)}… (${message.length} characters)`
      : message;
  // eslint-disable-next-line no-control-regex
  return clipped.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function createLogger(sink: LogSink = (line) => process.stderr.write(line + '\n')): Logger {
  // Redacted before the final clip, so a cut can never leave half a token behind; the first cut
  // only spares redaction from scanning megabytes, and lies far past what is kept.
  const write = (level: LogLevel, message: string) =>
    sink(
      `${new Date().toISOString()} ${level.toUpperCase()} ${asOneLine(redact(message.slice(0, 16 * MAX_LOGGED_MESSAGE)))}`,
    );
  return {
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    // Only the error's name and message: stacks of library errors can embed request config.
    error: (m, e) => write('error', e instanceof Error ? `${m}: ${e.name}: ${e.message}` : m),
  };
}

/** Every line to stderr and to a log file (in the app's data folder), both redacted. */
export function createFileLogger(file: string): Logger {
  mkdirSync(dirname(file), { recursive: true });
  return createLogger((line) => {
    process.stderr.write(line + '\n');
    appendFileSync(file, line + '\n', { mode: 0o600 });
  });
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
