// Under the app's header: a line when one of its DigitalOcean alerts failed to set up, since that
// alert tells no one and the founder would otherwise learn of it only from silence.
import { EMPTY_ALERTS_ENTRY, useAppAlertsStore } from '../../stores/appAlertsStore';
import { isAlarming } from '../../../src-preload/contract';
import '../../components/states.css';

export function AlertsMark({ appId }: { appId: string }) {
  const value = useAppAlertsStore((s) => (s.byId[appId] ?? EMPTY_ALERTS_ENTRY).value);
  const failing = value?.alerts.filter(isAlarming) ?? [];
  if (failing.length === 0) return null;
  const first = failing[0]!;
  return (
    <div className="inline-warning" role="status" data-testid="alerts-mark">
      <strong>{failing.length === 1 ? 'An alert is not set up' : `${failing.length} alerts are not set up`}:</strong> “
      {first.condition}” would notify no one{first.problem ? ` (${first.problem})` : ''}.{' '}
      <a
        href="#alerts"
        className="alerts-mark"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('alerts')?.scrollIntoView({ block: 'start' });
        }}
      >
        See alerts ↓
      </a>
    </div>
  );
}
