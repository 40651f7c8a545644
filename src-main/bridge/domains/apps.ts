// The apps domain's side of the contract: which service answers each method and stream.
import type { AppsMethods, AppsStreams, EnvironmentInfo } from '../../../src-preload/contract';
import type { AppsService } from '../../services/apps/appsService';
import { FleetChangeTracker } from '../../services/apps/fleetChanges';
import { watchFleet } from '../../services/apps/fleetWatcher';
import type { DomainMethodHandlers, DomainStreamHandlers, ErrorMapper } from '../dispatcher';

export function appsMethodHandlers(
  apps: () => AppsService,
  environment: () => EnvironmentInfo,
): DomainMethodHandlers<AppsMethods> {
  return {
    getEnvironment: async () => environment(),
    listFleet: () => apps().listFleet(),
    getCachedFleet: () => apps().getCachedFleet(),
    getFleetHealth: ({ appIds }) => apps().getFleetHealth(appIds),
    getAppDetail: ({ appId }) => apps().getAppDetail(appId),
  };
}

export function appsStreamHandlers(apps: () => AppsService, toError: ErrorMapper): DomainStreamHandlers<AppsStreams> {
  return {
    // The watch's reads are background work under the request budget (the window's own load and
    // Refresh are not); a large fleet is read less often than every interval. Each watch sends the
    // fleet's changes since the window's last read (or the whole fleet, when there is none).
    watchFleet: ({ intervalSeconds, whole, holding }, emit) => {
      const changes = new FleetChangeTracker({ firstWhole: whole === true, ...(holding ? { holding } : {}) });
      return watchFleet(
        async () => {
          const service = apps();
          const snapshot = await service.refreshFleet();
          // Read after the refresh: a Refresh or a context switch meanwhile makes this one whole.
          return changes.next(snapshot, service.fleetBaseline());
        },
        (e) => toError('watchFleet', e),
        intervalSeconds,
        emit,
        { gapMs: (ms) => apps().fleetWatchGapMs(ms), pausedUntil: () => apps().backgroundPausedUntil() },
      );
    },
  };
}
