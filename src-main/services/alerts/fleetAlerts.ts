// Every app's DigitalOcean alerts for the overview's marker, stale-while-revalidate. The list is
// one request per app, so the overview is answered at once from what is known, and each question
// starts background reads of a few apps not read for a while, at the lowest priority of the
// request budget (beside health), going on through the apps last asked about as the budget lets
// it: a fleet of any size costs at most one read per app per REREAD_MS, and nothing new is read
// for apps no overview asked about.
import type { AppAlerts } from '../../../src-preload/contract';
import { ApiError } from '../../clients/http/apiError';
import { inBackground } from '../../clients/http/requestGate';

/** An app's alerts are set up once and rarely change: read again after this long. */
export const REREAD_MS = 15 * 60_000;
/** Reads in flight at once: the budget spreads them further. */
const CONCURRENCY = 2;

interface Entry {
  value?: AppAlerts;
  triedAt?: number;
  reading?: boolean;
}

export class FleetAlerts {
  private readonly entries = new Map<string, Entry>();
  private inFlight = 0;
  private refusedUntil = 0;
  /** The apps last asked about: a finished read moves on to the next due one of them. */
  private asked: readonly string[] = [];

  constructor(
    private readonly read: (appId: string) => Promise<AppAlerts>,
    private readonly now: () => number = Date.now,
  ) {}

  /** What is known of these apps now (those never read are left out), and reads of the due ones behind it. */
  known(appIds: readonly string[]): Record<string, AppAlerts> {
    const out: Record<string, AppAlerts> = {};
    for (const id of appIds) {
      const value = this.entries.get(id)?.value;
      if (value) out[id] = value;
    }
    this.asked = appIds;
    this.refreshDue(appIds);
    return out;
  }

  /** A read the user made (the app page): the overview learns it without a read of its own. */
  remember(value: AppAlerts): void {
    this.entries.set(value.appId, { ...this.entries.get(value.appId), value, triedAt: this.now() });
  }

  /** After a change (new emails), the app is read again at the next question. */
  forget(appId: string): void {
    this.entries.delete(appId);
  }

  private refreshDue(appIds: readonly string[]): void {
    const now = this.now();
    if (now < this.refusedUntil) return;
    // Never read first, then the longest unread.
    const due = appIds
      .filter((id) => {
        const e = this.entries.get(id);
        return !e?.reading && now - (e?.triedAt ?? -Infinity) >= REREAD_MS;
      })
      .sort((a, b) => (this.entries.get(a)?.triedAt ?? -Infinity) - (this.entries.get(b)?.triedAt ?? -Infinity));
    for (const id of due.slice(0, Math.max(0, CONCURRENCY - this.inFlight))) void this.refresh(id);
  }

  private async refresh(appId: string): Promise<void> {
    const entry = this.entries.get(appId) ?? {};
    this.entries.set(appId, entry);
    entry.reading = true;
    this.inFlight++;
    try {
      entry.value = await inBackground('health', () => this.read(appId));
      entry.triedAt = this.now();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      // Rate limited: the budget paused background reads; the app keeps its place.
      if (code === 'rate_limited') return;
      entry.triedAt = this.now();
      // A token that may not read alerts is refused for every app: stop asking for a while.
      if (code === 'unauthorized' || code === 'forbidden') this.refusedUntil = this.now() + REREAD_MS;
      if (code === 'not_found') this.entries.delete(appId);
    } finally {
      entry.reading = false;
      this.inFlight--;
    }
    // On to the next app due among those last asked about; the budget sets the pace.
    this.refreshDue(this.asked);
  }
}

const byClient = new WeakMap<object, FleetAlerts>();

/** One cache per account context's client: a context switch starts with nothing known. */
export function fleetAlertsFor(client: object, read: (appId: string) => Promise<AppAlerts>): FleetAlerts {
  let cache = byClient.get(client);
  if (!cache) {
    cache = new FleetAlerts(read);
    byClient.set(client, cache);
  }
  return cache;
}
