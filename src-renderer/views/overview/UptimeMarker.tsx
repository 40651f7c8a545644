// A small marker beside an app's name on the overview when a DigitalOcean Uptime check on one of
// its health paths sees it down. It reads the uptime store's summary (main's last background read,
// no request of its own) as a string, so a beat re-renders a marker only when its words change and
// never the memoized row around it; it shows nothing while the app is up or unwatched.
import type { TenantUptimeSummary } from '../../../src-preload/contract';
import { useUptimeStore } from '../../stores/uptimeStore';
import './uptimeMarker.css';

export const uptimeDownText = (summary: TenantUptimeSummary | undefined): string | undefined =>
  summary?.status === 'down' ? `Uptime check down: ${summary.down.join(', ')}` : undefined;

export function UptimeMarker({ appId, appName }: { appId: string; appName: string }) {
  const words = useUptimeStore((s) => uptimeDownText(s.byAppId[appId]));
  if (!words) return null;
  return (
    <span
      className="uptime-marker"
      role="img"
      aria-label={`${appName}: ${words}`}
      title={words}
      data-testid="uptime-marker"
    >
      down
    </span>
  );
}
