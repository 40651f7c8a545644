// Faults of the log streams, for tests and demos: a dropped connection, a reader too slow to keep
// up, refused handshakes, and a redeploy that replaces an app's instances (its live run streams
// end and the client has to find the new ACTIVE deployment).
import { randomUUID } from 'node:crypto';
import type { Deployment } from '../../clients/digitalocean/types';
import type { SandboxState } from '../state';
import type { SandboxLogs } from './hub';
import type { LogGrant } from './tokens';

export interface LogSocketFilter {
  appId?: string;
  component?: string;
}

const matches = (f: LogSocketFilter) => (g: LogGrant) =>
  (!f.appId || g.appId === f.appId) && (!f.component || g.component === f.component);

export class LogFaults {
  constructor(
    private readonly state: SandboxState,
    private readonly logs: SandboxLogs,
  ) {}

  /** Cuts matching live sockets without a close frame, like a network drop. Returns how many. */
  dropSockets(filter: LogSocketFilter = {}): number {
    return this.logs.closeSockets(matches(filter), 'drop');
  }

  /** Matching readers stop receiving for `ms` (lines are lost), then are cut off with 1013. */
  slowConsumer(ms: number, filter: LogSocketFilter = {}): number {
    return this.logs.stall(matches(filter), ms);
  }

  /**
   * Matching sockets go silent without a close frame, as a connection that died half-open: the
   * reader hears nothing more unless it notices the silence itself.
   */
  halfOpen(filter: LogSocketFilter = {}): number {
    return this.logs.stall(matches(filter), 60 * 60_000);
  }

  /** The next `count` WebSocket handshakes fail with 503. */
  refuseHandshakes(count: number): void {
    this.logs.refuseHandshakes = count;
  }

  /**
   * A new deployment becomes ACTIVE and replaces the instances: the previous ACTIVE one is
   * SUPERSEDED, and its run streams end on the next tick.
   */
  redeploy(appId: string, cause = 'manual redeploy (instances replaced)'): Deployment {
    const record = this.state.apps.get(appId);
    const previous = record?.deployments.find((d) => d.phase === 'ACTIVE');
    if (!record || !previous) throw new Error(`sandbox: app ${appId} has no ACTIVE deployment to replace`);
    const now = new Date(this.state.clock.now()).toISOString();
    const next: Deployment = {
      ...structuredClone(previous),
      id: randomUUID(),
      cause,
      cause_details: { type: 'MANUAL', digitalocean_user_action: { user: { email: 'sandbox@fleetdeck.local' } } },
      phase: 'ACTIVE',
      created_at: now,
      updated_at: now,
      phase_last_updated_at: now,
      previous_deployment_id: previous.id,
    };
    delete next.cloned_from;
    previous.phase = 'SUPERSEDED';
    record.deployments.unshift(next);
    return next;
  }
}
