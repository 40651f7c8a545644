import type { HealthState } from '../../src-preload/contract';
import { healthTone } from '../format';
import { Badge } from './Badge';

interface HealthBadgeProps {
  state?: HealthState;
  /** Health is being read and nothing is known yet. */
  loading?: boolean;
  title?: string;
}

export function HealthBadge({ state, loading, title }: HealthBadgeProps) {
  if (!state) {
    return loading ? (
      <span className="health-pending" title="Reading health…" aria-label="Reading health">
        …
      </span>
    ) : (
      <Badge tone="muted" title={title ?? 'Health not available'}>
        unknown
      </Badge>
    );
  }
  return (
    <Badge tone={healthTone(state)} title={title}>
      {state}
    </Badge>
  );
}
