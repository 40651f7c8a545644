// The browser harness speaks the contract over one loopback WebSocket with these messages.
import type { MethodName, Result, StreamName } from './contract';

export type HarnessClientMessage =
  | { type: 'call'; id: number; method: MethodName; request?: unknown }
  | { type: 'subscribe'; id: number; stream: StreamName; request: unknown }
  | { type: 'unsubscribe'; id: number };

export type HarnessServerMessage =
  { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; id: number; event: unknown };

export const HARNESS_SOCKET_PATH = '/bridge';

/**
 * A message off the socket when it is JSON with a numeric id; anything else (garbage, a stray
 * binary frame, an id that is a string) is ignored by both ends rather than thrown.
 */
export function parseHarnessMessage<M extends { id: number }>(data: unknown): M | undefined {
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return undefined;
  }
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? (message as M) : undefined;
}
