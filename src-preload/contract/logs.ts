// The logs domain of the contract: live and archived logs of components, one subscription per
// source. The main process holds the signed log URLs (short-lived credentials) and the sockets;
// the window only receives parsed lines, in batches, and status changes.
import type { FleetError, Result } from './common';

/** RUN: the running instances; RUN_RESTARTED: the instance before its last restart. */
export type LogType = 'RUN' | 'RUN_RESTARTED' | 'BUILD' | 'DEPLOY';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** One line as the window receives it. */
export interface LogLine {
  component: string;
  /** RFC 3339, UTC, nine fractional digits: sorts as text. */
  ts: string;
  message: string;
  level?: LogLevel;
  /** The message is a JSON object (pretty-printed on demand). */
  json?: boolean;
  /** A line Fleetdeck inserted: a gap after a reconnect, the switch to a new deployment. */
  marker?: 'gap' | 'redeploy' | 'notice';
}

export type LogTailState =
  | 'connecting'
  /** Following a live stream. */
  | 'live'
  /** The stream dropped; a fresh URL is being asked for after a backoff. */
  | 'reconnecting'
  /** Everything there is was read (archived logs, or a finished build). */
  | 'ended'
  /** Gave up; `error` says why. */
  | 'failed';

export type LogStreamEvent =
  | { kind: 'lines'; lines: LogLine[] }
  | {
      kind: 'state';
      state: LogTailState;
      /** The deployment whose logs are followed now. */
      deploymentId?: string;
      message?: string;
      error?: FleetError;
      retryInSeconds?: number;
    };

export interface TailLogsRequest {
  appId: string;
  /** Leave out for every component of the app in one stream. */
  component?: string;
  /** Leave out to follow the active deployment, through redeploys. */
  deploymentId?: string;
  type: LogType;
  /** Lines of history to start with. */
  tailLines?: number;
  /** Lines at or before this time (LogLine.ts) are already on screen: skip them. */
  after?: string;
}

export type LogsMethods = Record<never, never>;

export interface LogsStreams {
  /** Lines of one source until unsubscribed (or until an archive or a finished build is read). */
  tailLogs: { request: TailLogsRequest; event: Result<LogStreamEvent> };
}

export const LOGS_METHOD_NAMES = [] as const;
export const LOGS_STREAM_NAMES = ['tailLogs'] as const;
