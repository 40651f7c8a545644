// The browser harness speaks the contract over one loopback WebSocket with these messages.
import type { MethodName, Result, StreamName } from './contract';

export type HarnessClientMessage =
  | { type: 'call'; id: number; method: MethodName; request?: unknown }
  | { type: 'subscribe'; id: number; stream: StreamName; request: unknown }
  | { type: 'unsubscribe'; id: number };

export type HarnessServerMessage =
  { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; id: number; event: unknown };

export const HARNESS_SOCKET_PATH = '/bridge';
