// What one fleet watch sends: only what changed since what the window holds, or the whole fleet
// when nothing says what that is. At 2,000 apps the fleet is 1.3 MB; sending it every tick made
// the window parse it and re-render every row for a fleet that had, most ticks, not changed at all.
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
 * key order) and turns the next snapshot into an update. Until it has sent one, and whenever
 * `baseline` moves, the window holds a fleet this watch did not send: the update is told against
 * that read (`since` its time), which the window checks against what it holds — a window that holds
 * something else asks again with `firstWhole` and gets the whole fleet. Whole after every Refresh,
 * and as a watch's first event, 2,000 apps made that tick parse and compare 2.6 MB in the window
 * (a 54–76 ms long task).
 */
export class FleetChangeTracker {
  /** The last update's fleet (each app as its JSON) and its time. */
  private sent: Encoded | undefined;
  private baseline: FleetBaseline | undefined;

  constructor(
    /** firstWhole, or holding (the read the window holds) other than the baseline's: whole first. */
    private readonly options: { firstWhole?: boolean; holding?: string } = {},
  ) {}

  next(snapshot: FleetSnapshot, baseline: FleetBaseline): FleetUpdate {
    const encoded = encode(snapshot);
    // Told against this watch's last update while the window holds it; against the window's own
    // read when it has read since (or before this watch's first update), or (a context switch)
    // nothing this watch knows.
    const previous =
      this.sent && baseline === this.baseline
        ? this.sent
        : !this.sent && !this.windowHoldsRead(baseline)
          ? undefined
          : baseline.read && encode(baseline.read);
    this.sent = encoded;
    this.baseline = baseline;
    if (!previous) return snapshot;

    const changed: FleetApp[] = snapshot.apps.filter((app) => previous.apps.get(app.id) !== encoded.apps.get(app.id));
    const removed = [...previous.apps.keys()].filter((id) => !encoded.apps.has(id));
    return {
      fetchedAt: snapshot.fetchedAt,
      monthlyCost: snapshot.monthlyCost,
      ...(snapshot.rateLimit ? { rateLimit: snapshot.rateLimit } : {}),
      since: previous.fetchedAt,
      ...(changed.length ? { changed } : {}),
      ...(removed.length ? { removed } : {}),
    };
  }

  /** Before the first update: whether the window can take one told against the baseline's read. */
  private windowHoldsRead(baseline: FleetBaseline): boolean {
    if (this.options.firstWhole) return false;
    return this.options.holding === undefined || this.options.holding === baseline.read?.fetchedAt;
  }
}

interface Encoded {
  fetchedAt: string;
  apps: Map<string, string>;
}

function encode(snapshot: FleetSnapshot): Encoded {
  return { fetchedAt: snapshot.fetchedAt, apps: new Map(snapshot.apps.map((app) => [app.id, JSON.stringify(app)])) };
}

/** Whether an update says nothing about the apps (an unchanged tick). */
export function isUnchanged(update: FleetUpdate): boolean {
  return !update.apps && !update.changed?.length && !update.removed?.length;
}
