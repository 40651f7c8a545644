// What one fleet watch sends: the whole fleet once, then only what changed. At 2,000 apps the
// fleet is 1.3 MB; sending it every tick made the window parse it and re-render every row for a
// fleet that had, most ticks, not changed at all.
import type { FleetApp, FleetSnapshot, FleetUpdate } from '../../../src-preload/contract';

/**
 * Where the window's fleet came from besides the watch: a new object on each read the window asks
 * for (Refresh, its first load), holding what that read answered; an empty one for a service that
 * has answered none (a context just switched to).
 */
export interface FleetBaseline {
  read?: FleetSnapshot;
}

/**
 * Per watch: remembers what it last sent (each app as its JSON, which toFleetApp builds in a fixed
 * key order) and turns the next snapshot into an update. When `baseline` moves, the window holds a
 * fleet this watch did not send: the next update is told against that read (`since` its time),
 * which the window checks against what it holds — a window that holds something else asks again
 * and gets the whole fleet. Whole after every Refresh, 2,000 apps made the next tick parse and
 * compare 2.6 MB in the window (a 63–71 ms long task).
 */
export class FleetChangeTracker {
  private sent: Map<string, string> | undefined;
  private sentAt: string | undefined;
  private baseline: FleetBaseline | undefined;

  next(snapshot: FleetSnapshot, baseline: FleetBaseline): FleetUpdate {
    const encoded = encode(snapshot);
    const moved = baseline !== this.baseline;
    const read = moved ? baseline.read : undefined;
    const previous = read ? encode(read) : this.sent;
    const since = read ? read.fetchedAt : this.sentAt;
    // The first update of a watch is whole: nothing says what its window holds yet.
    const whole = !this.sent || !previous || since === undefined || (moved && !read);
    this.sent = encoded;
    this.sentAt = snapshot.fetchedAt;
    this.baseline = baseline;
    if (whole || !previous) return snapshot;

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

function encode(snapshot: FleetSnapshot): Map<string, string> {
  return new Map(snapshot.apps.map((app) => [app.id, JSON.stringify(app)]));
}

/** Whether an update says nothing about the apps (an unchanged tick). */
export function isUnchanged(update: FleetUpdate): boolean {
  return !update.apps && !update.changed?.length && !update.removed?.length;
}
