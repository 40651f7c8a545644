import { formatAbsoluteTime, formatRelativeTime } from '../format';
import { useClockStore } from '../stores/clockStore';

/** "3d ago", with the full timestamp on hover; ages with the shared clock. */
export function RelativeTime({ iso, prefix }: { iso?: string; prefix?: string }) {
  const nowMs = useClockStore((s) => s.nowMs);
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={formatAbsoluteTime(iso)} className="reltime">
      {prefix}
      {formatRelativeTime(iso, nowMs)}
    </time>
  );
}
