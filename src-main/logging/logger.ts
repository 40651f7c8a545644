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

export function createLogger(sink: LogSink = (line) => process.stderr.write(line + '\n')): Logger {
  const write = (level: LogLevel, message: string) =>
    sink(redact(`${new Date().toISOString()} ${level.toUpperCase()} ${message}`));
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
