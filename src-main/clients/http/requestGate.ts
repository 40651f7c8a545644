// Who a request is for. A read the user asked for goes at once; a read the app makes on its own
// (health refresh, deployment polling, the fleet watch) is "background" and waits for the request
// budget. The mark travels with the async call chain, so a service only wraps the call it makes
// and the client underneath needs no extra parameter on every method.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Background work by urgency: a deployment someone watches beats the fleet list beats health. */
export type BackgroundKind = 'poll' | 'fleet' | 'other' | 'health';

const priority = new AsyncLocalStorage<BackgroundKind>();

/** Runs `task` with every request it makes marked as background work of this kind. */
export function inBackground<T>(kind: BackgroundKind, task: () => Promise<T>): Promise<T> {
  return priority.run(kind, task);
}

/** The background kind of the request being made now, or undefined for a user's request. */
export function backgroundKind(): BackgroundKind | undefined {
  return priority.getStore();
}

export interface RequestOutcome {
  /** Absent when no answer came (network failure, timeout). */
  status?: number;
  headers?: Record<string, unknown>;
}

/** Told about every HTTP attempt: may hold it back before it goes, and hears how it ended. */
export interface RequestGate {
  admit(): Promise<(outcome: RequestOutcome) => void>;
}
