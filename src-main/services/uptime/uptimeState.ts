// From the API's check and state to what the window shows: a check is down when any of its regions
// sees the target down (DigitalOcean's own "down" alert fires on the same rule, "down_global" only
// when every region does), up when every region sees it up, and checking until each has a result.
// A tenant is down when any of its health paths' checks is, naming those paths.
import type {
  HealthPath,
  TenantUptimeSummary,
  UptimeCheckView,
  UptimeRegionState,
  UptimeStatus,
} from '../../../src-preload/contract';
import type { UptimeCheck, UptimeCheckState } from '../../clients/digitalocean/uptime';

export interface ReadState {
  state?: UptimeCheckState;
  readAt?: number;
  error?: string;
}

export function regionStates(check: UptimeCheck, state: UptimeCheckState | undefined): UptimeRegionState[] {
  const reported = (state?.regions ?? {}) as Record<
    string,
    { status?: string; status_changed_at?: string; thirty_day_uptime_percentage?: number } | undefined
  >;
  const regions = check.regions?.length ? check.regions : Object.keys(reported);
  return regions.map((region) => {
    const r = reported[region];
    const status = r?.status === 'UP' || r?.status === 'DOWN' ? r.status : 'CHECKING';
    return {
      region,
      status,
      ...(r?.status_changed_at ? { since: r.status_changed_at } : {}),
      ...(typeof r?.thirty_day_uptime_percentage === 'number' ? { uptime30d: r.thirty_day_uptime_percentage } : {}),
    };
  });
}

export function statusOf(enabled: boolean, regions: readonly UptimeRegionState[]): UptimeStatus {
  if (!enabled) return 'disabled';
  if (regions.some((r) => r.status === 'DOWN')) return 'down';
  if (regions.length > 0 && regions.every((r) => r.status === 'UP')) return 'up';
  return 'checking';
}

export function checkView(check: UptimeCheck, read: ReadState | undefined): UptimeCheckView {
  const regions = regionStates(check, read?.state);
  const enabled = check.enabled ?? true;
  const outage = read?.state?.previous_outage;
  return {
    id: check.id ?? '',
    name: check.name ?? '',
    type: check.type ?? 'https',
    target: check.target ?? '',
    enabled,
    status: statusOf(enabled, regions),
    regions,
    ...(outage?.started_at && outage.region
      ? {
          previousOutage: {
            region: outage.region,
            startedAt: outage.started_at,
            ...(outage.ended_at ? { endedAt: outage.ended_at } : {}),
            ...(typeof outage.duration_seconds === 'number' ? { durationSeconds: outage.duration_seconds } : {}),
          },
        }
      : {}),
    ...(read?.readAt ? { stateReadAt: new Date(read.readAt).toISOString() } : {}),
    ...(read?.error ? { stateError: read.error } : {}),
  };
}

export function summarize(appId: string, paths: readonly HealthPath[]): TenantUptimeSummary {
  const checked = paths.filter((p) => p.check);
  const down = checked.filter((p) => p.check!.status === 'down').map((p) => p.path);
  const statuses = checked.map((p) => p.check!.status);
  const status: TenantUptimeSummary['status'] =
    checked.length === 0
      ? 'none'
      : down.length > 0
        ? 'down'
        : statuses.includes('checking')
          ? 'checking'
          : statuses.every((s) => s === 'disabled')
            ? 'disabled'
            : 'up';
  return { appId, status, down, paths: paths.length, checked: checked.length };
}
