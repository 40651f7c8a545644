// A compact marker beside an app's name on the overview when something about it is alarming: one
// of DigitalOcean's own alerts on it failed to set up (it watches nothing and would tell no one),
// or its health went bad. The health is the overview's own beat; the alerts are what main knows
// (the app page's read, or its background reads within the request budget, asked for the shown
// rows together on a slow beat), so no row makes a request of its own. Each marker subscribes to
// its own app's words (strings, equal by value), so a tick or a beat re-renders only a marker
// whose words changed, never the memoized row around it.
import { useEffect } from 'react';
import { isAlarming, type AppAlerts, type AppHealthSummary } from '../../../src-preload/contract';
import { useAppAlertsStore } from '../../stores/appAlertsStore';
import { useHealthStore } from '../../stores/healthStore';
import './appAlertMarker.css';

/** The app's alerts whose set-up failed, in words; undefined when none (or not read yet). */
export function alarmingAlertsText(alerts: AppAlerts | undefined): string | undefined {
  const alarming = alerts?.alerts.filter(isAlarming) ?? [];
  if (alarming.length === 0) return undefined;
  return alarming
    .map((a) => {
      const on = a.componentName ? ` on ${a.componentName}` : '';
      const why = a.problem ? ` (${a.problem})` : '';
      return `Alert “${a.condition}”${on} failed to set up${why}: it would tell no one.`;
    })
    .join(' ');
}

/** Health gone bad, with the components that are not healthy; undefined while healthy or unknown. */
export function badHealthText(health: AppHealthSummary | undefined): string | undefined {
  if (!health || (health.state !== 'degraded' && health.state !== 'unhealthy')) return undefined;
  const parts = Object.entries(health.components)
    .filter(([, c]) => c.state === 'degraded' || c.state === 'unhealthy')
    .map(([name, c]) => {
      const ready = c.replicasDesired !== undefined ? `, ${c.replicasReady ?? 0}/${c.replicasDesired} ready` : '';
      return `${name} ${c.state}${ready}`;
    });
  return `Health ${health.state}${parts.length ? `: ${parts.join('; ')}` : ''}.`;
}

export function AppAlertMarker({ appId, appName }: { appId: string; appName: string }) {
  // Shown rows only: main is asked about them together, and reads them within the request budget.
  useEffect(() => useAppAlertsStore.getState().watch(appId), [appId]);
  const alerts = useAppAlertsStore((s) => alarmingAlertsText(s.byId[appId]?.value));
  const health = useHealthStore((s) => badHealthText(s.byAppId[appId]));
  if (!alerts && !health) return null;
  const words = [health, alerts].filter(Boolean).join(' ');
  return (
    <span
      className={
        alerts || health?.startsWith('Health unhealthy') ? 'alert-marker alert-marker--danger' : 'alert-marker'
      }
      role="img"
      aria-label={`${appName} needs attention: ${words}`}
      title={words}
      data-testid="alert-marker"
      data-kind={[health ? 'health' : '', alerts ? 'alert' : ''].filter(Boolean).join(' ')}
    >
      !
    </span>
  );
}
