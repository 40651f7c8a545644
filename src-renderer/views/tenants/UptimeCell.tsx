// The matrix's Uptime cell: what DigitalOcean's Uptime checks on the tenant's health paths see —
// up, down naming the paths that are, or that nothing watches them. Each cell reads its own
// tenant's entry, which the store keeps unchanged across quiet beats, so a beat re-renders only
// the rows whose uptime changed.
import { Badge } from '../../components/Badge';
import { useUptimeStore } from '../../stores/uptimeStore';
import './uptime.css';

export function UptimeCell({ appId }: { appId: string }) {
  const summary = useUptimeStore((s) => s.byAppId[appId]);
  const read = useUptimeStore((s) => s.readAt !== undefined);
  const problem = useUptimeStore((s) => s.problem ?? s.error?.message);

  if (!summary) {
    if (!read && problem)
      return (
        <span
          className="tenant-na"
          title={`Uptime unavailable: ${problem}`}
          data-testid="uptime-cell"
          data-uptime="unavailable"
        >
          —<span className="visually-hidden"> Uptime unavailable: {problem}</span>
        </span>
      );
    return (
      <span className="muted" data-testid="uptime-cell" data-uptime={read ? 'no-paths' : 'pending'}>
        {read ? 'no health path' : '…'}
      </span>
    );
  }
  const { status, down, checked, paths } = summary;
  const unwatched = paths - checked;
  const note = unwatched > 0 && status !== 'none' ? `${unwatched} not watched` : '';
  if (status === 'none')
    return (
      <span
        className="muted"
        data-testid="uptime-cell"
        data-uptime="none"
        title={`${paths} health path${paths === 1 ? '' : 's'}, none watched`}
      >
        no checks
      </span>
    );
  if (status === 'down')
    return (
      <span className="uptime-cell" data-testid="uptime-cell" data-uptime="down" title={`Down: ${down.join(', ')}`}>
        <Badge tone="danger">Down</Badge>
        <span className="uptime-cell__paths">{down.join(', ')}</span>
      </span>
    );
  const tone = status === 'up' ? 'success' : status === 'checking' ? 'progress' : 'muted';
  const label = status === 'up' ? 'Up' : status === 'checking' ? 'Checking' : 'Off';
  return (
    <span
      className="uptime-cell"
      data-testid="uptime-cell"
      data-uptime={status}
      title={`${checked} of ${paths} health paths watched`}
    >
      <Badge tone={tone}>{label}</Badge>
      {note ? <span className="muted uptime-cell__note">{note}</span> : null}
    </span>
  );
}
