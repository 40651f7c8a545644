import type { HealthState } from '../../src-preload/contract';
import { formatClockTime, formatRelativeTime, healthTone } from '../format';
import { Badge } from './Badge';
import './badge.css';

interface HealthBadgeProps {
  state?: HealthState;
  /** Health is being read and nothing is known yet. */
  loading?: boolean;
  /** Queued for its first background read (the fleet's health is read a few apps at a time). */
  pending?: boolean;
  /** When this health was read (ISO); shown as its age on hover. */
  checkedAt?: string;
  /** "Now" for the age, from the shared clock so every badge ages together. */
  nowMs?: number;
  title?: string;
}

const PENDING_TITLE =
  "Not read yet: Fleetdeck reads the fleet's health in the background, longest-unread first, within DigitalOcean's rate limits.";

export function HealthBadge({ state, loading, pending, checkedAt, nowMs, title }: HealthBadgeProps) {
  if (!state || pending) {
    return loading || pending ? (
      <span
        className="health-pending"
        title={title ?? (pending ? PENDING_TITLE : 'Reading health…')}
        aria-label={pending ? 'Health not read yet' : 'Reading health'}
        data-testid="health-pending"
      >
        …
      </span>
    ) : (
      <Badge tone="muted" title={title ?? 'Health not available'}>
        unknown
      </Badge>
    );
  }
  const age = checkedAt
    ? `Health as of ${formatRelativeTime(checkedAt, nowMs ?? Date.parse(checkedAt))} (${formatClockTime(checkedAt)})`
    : undefined;
  return (
    <Badge tone={healthTone(state)} title={[title, age].filter(Boolean).join(' · ') || undefined}>
      {state}
    </Badge>
  );
}
