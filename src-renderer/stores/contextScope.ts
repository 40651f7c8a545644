// Everything a domain store holds came from one account context. When the context changes, each
// store that registered here puts itself back as it started (its own choice of what to keep, such
// as a sort order), then reloads what is on screen; a read that was in flight across the switch is
// dropped instead of landing in the new context. Stores register themselves, so a new domain
// cannot be forgotten in a hand-kept list.
import type { StoreApi } from 'zustand';
import type { FleetApi, Result } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';

export interface ContextScoped {
  /** Forget the old context's data (dialogs, selections, caches). Runs before any reload. */
  reset: () => void;
  /** Read again what the screen shows, once every store is reset. */
  reload?: () => void;
}

/** Steps that must finish before the switch is sent (e.g. unsaved spec text reaching its draft). */
export type BeforeSwitch = () => Promise<string | undefined>;

const scoped = new Set<ContextScoped>();
const beforeSwitch = new Set<BeforeSwitch>();
let epoch = 0;

export function onContextChange(entry: ContextScoped): () => void {
  scoped.add(entry);
  return () => scoped.delete(entry);
}

/**
 * A zustand store back to the state it was created with (its actions included), keeping the
 * named fields, which are the user's choices rather than the context's data.
 */
export function resetWithContext<S extends object>(
  store: StoreApi<S>,
  options: { keep?: readonly (keyof S)[]; reload?: () => void } = {},
): () => void {
  const initial = store.getState();
  return onContextChange({
    reset: () => {
      const current = store.getState();
      const kept: Partial<S> = {};
      for (const key of options.keep ?? []) kept[key] = current[key];
      store.setState({ ...initial, ...kept }, true);
    },
    ...(options.reload ? { reload: options.reload } : {}),
  });
}

/** The account context changed (a switch here, a removal, another window): reset, then reload. */
export function contextChanged(): void {
  epoch += 1;
  const entries = [...scoped];
  for (const entry of entries) entry.reset();
  for (const entry of entries) entry.reload?.();
}

/**
 * Call before a read; the function returned says whether its answer still belongs on screen
 * (false once the context has changed since).
 */
export function sameContext(): () => boolean {
  const started = epoch;
  return () => epoch === started;
}

export function beforeContextSwitch(step: BeforeSwitch): () => void {
  beforeSwitch.add(step);
  return () => beforeSwitch.delete(step);
}

/** Runs every registered step; the first reason a switch must wait, or undefined when it may go. */
export async function readyToSwitch(): Promise<string | undefined> {
  for (const step of [...beforeSwitch]) {
    const reason = await step();
    if (reason) return reason;
  }
  return undefined;
}

/** callFleet for a read: undefined when the context changed before the answer came, to drop it. */
export async function readFleet<T>(call: (api: FleetApi) => Promise<Result<T>>): Promise<Result<T> | undefined> {
  const current = sameContext();
  const result = await callFleet(call);
  return current() ? result : undefined;
}
