// What one fleet watch sends: the whole fleet once, then only what changed. At 2,000 apps the
// fleet is 1.3 MB; sending it every tick made the window parse it and re-render every row for a
// fleet that had, most ticks, not changed at all.
import type { FleetApp, FleetSnapshot, FleetUpdate } from '../../../src-preload/contract';

/**
 * Per watch: remembers what it last sent (each app as its JSON, which toFleetApp builds in a fixed
 * key order) and turns the next snapshot into an update. `baseline` names where the window's fleet
 * came from besides this watch (the service and its last user read): when it moves, the window
 * holds a fleet this watch did not send, so the next update is whole again.
 */
export class FleetChangeTracker {
  private sent: Map<string, string> | undefined;
  private sentAt: string | undefined;
  private baseline: unknown;

  next(snapshot: FleetSnapshot, baseline: unknown): FleetUpdate {
    const encoded = new Map(snapshot.apps.map((app) => [app.id, JSON.stringify(app)]));
    const previous = this.sent;
    const since = this.sentAt;
    const whole = !previous || since === undefined || baseline !== this.baseline;
    this.sent = encoded;
    this.sentAt = snapshot.fetchedAt;
    this.baseline = baseline;
    if (whole) return snapshot;

    const changed: FleetApp[] = snapshot.apps.filter((app) => previous.get(app.id) !== encoded.get(app.id));
    const removed = [...previous.keys()].filter((id) => !encoded.has(id));
    return {
      fetchedAt: snapshot.fetchedAt,
      monthlyCost: snapshot.monthlyCost,
      ...(snapshot.rateLimit ? { rateLimit: snapshot.rateLimit } : {}),
      since,
      ...(changed.length ? { changed } : {}),
      ...(removed.length ? { removed } : {}),
    };
  }
}

/** Whether an update says nothing about the apps (an unchanged tick). */
export function isUnchanged(update: FleetUpdate): boolean {
  return !update.apps && !update.changed?.length && !update.removed?.length;
}
