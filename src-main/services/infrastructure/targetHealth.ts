// A load balancer's targets' health from the Monitoring metric
// (GET /v2/monitoring/metrics/load_balancer/droplets_health_checks). The spec documents the
// endpoint but not its series' labels or values, so this reads only what is unambiguous: a series
// labelled with the droplet's id whose last value is 1 (passing) or 0 (failing). Anything else —
// no series for a target, other labels, other values — is "unknown", never a guess.
import type { TargetHealth } from '../../../src-preload/contract/infrastructure';
import type { MetricsSeries } from '../../clients/digitalocean/types';

export function targetHealthOf(series: readonly MetricsSeries[], dropletId: number): TargetHealth {
  const mine = series.filter((s) => s.metric?.droplet_id === String(dropletId));
  if (mine.length !== 1) return 'unknown';
  const last = mine[0]!.values?.at(-1);
  const value = Array.isArray(last) ? Number(last[1]) : NaN;
  if (value === 1) return 'healthy';
  if (value === 0) return 'unhealthy';
  return 'unknown';
}
