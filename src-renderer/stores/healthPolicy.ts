// When the overview asks main for fleet health. Asking costs no API call: main answers from what
// it knows and re-reads apps on its own request budget, oldest first. So the window may ask
// often; what it must not do is stop asking while the overview is open, because main refreshes
// only while someone asks. The bench drives the same policy to count requests honestly.

import type { AppHealthSummary } from '../../src-preload/contract';

/** Ask at least this often while the overview is open (main's refresh lasts 2 min past a question). */
export const HEALTH_ASK_EVERY_MS = 15_000;
/**
 * While no app has been read yet, ask sooner so the first readings show soon after they land.
 * Not for as long as any app is unread: on a fleet of thousands that lasts an hour, and each
 * answer carries every app.
 */
export const HEALTH_ASK_PENDING_MS = 3_000;
/** How often the overview checks whether an ask is due. */
export const HEALTH_CHECK_TICK_MS = 3_000;

export interface HealthAskState {
  /** Epoch ms of the last answer, and which apps it covered (sorted ids, comma-joined). */
  loadedAt?: number;
  loadedKey?: string;
  /** Apps the last answer had never read, of how many it covered. */
  pendingCount?: number;
  appCount?: number;
  failed?: boolean;
}

export const healthKeyOf = (appIds: readonly string[]) => [...appIds].sort().join(',');

export function healthAskDue(state: HealthAskState, appIds: readonly string[], nowMs: number): boolean {
  if (state.loadedAt === undefined || state.failed || state.loadedKey !== healthKeyOf(appIds)) return true;
  const nothingRead = (state.pendingCount ?? 0) > 0 && state.pendingCount === state.appCount;
  const every = nothingRead ? HEALTH_ASK_PENDING_MS : HEALTH_ASK_EVERY_MS;
  return nowMs - state.loadedAt >= every;
}

/** The oldest reading among these apps (ISO), for "health as of …"; undefined if none was read. */
export function oldestCheckedAt(
  health: Record<string, AppHealthSummary>,
  appIds: readonly string[],
): string | undefined {
  let oldest: string | undefined;
  for (const id of appIds) {
    const at = health[id]?.checkedAt;
    if (at && (!oldest || Date.parse(at) < Date.parse(oldest))) oldest = at;
  }
  return oldest;
}
