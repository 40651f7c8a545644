// What "Monitor with DigitalOcean uptime checks" will create, shown before anything is: one HTTPS
// check per health path without one, the regions it runs from, and where its "down" alert goes.
// Paths that already have a check are left alone.
import type { TenantUptime } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/Dialog';
import { InlineWarning } from '../../components/ErrorState';
import { useTenantUptimeStore } from '../../stores/tenantUptimeStore';
import { regionWords } from './uptimeWords';

export function UptimePlanDialog({ uptime }: { uptime: TenantUptime }) {
  const creating = useTenantUptimeStore((s) => s.creating);
  const error = useTenantUptimeStore((s) => s.createError);
  const { createChecks, closePlan } = useTenantUptimeStore.getState();
  const { plan } = uptime;
  const existing = uptime.paths.length - plan.length;
  const email = plan.find((p) => p.alertEmail)?.alertEmail;
  return (
    <ConfirmDialog
      title={`Monitor ${uptime.appName} with DigitalOcean uptime checks?`}
      subtitle={`${plan.length} new check${plan.length === 1 ? '' : 's'}${existing > 0 ? ` · ${existing} path${existing === 1 ? '' : 's'} already watched` : ''}`}
      confirmLabel={creating ? 'Creating…' : `Create ${plan.length} check${plan.length === 1 ? '' : 's'}`}
      busy={creating}
      confirmDisabled={plan.length === 0}
      onConfirm={() => void createChecks()}
      onClose={closePlan}
      testId="uptime-plan-dialog"
    >
      <p className="dialog__lead">
        DigitalOcean keeps requesting each URL from two regions, with Fleetdeck closed too.
      </p>
      <ul className="uptime-plan" data-testid="uptime-plan">
        {plan.map((p) => (
          <li key={p.target} data-testid="planned-check">
            <span className="uptime-path">{p.target}</span>
            <span className="muted">
              HTTPS · {p.regions.map(regionWords).join(', ')}
              {p.alertEmail ? ` · alert when down → ${p.alertEmail}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {email ? null : (
        <p className="muted">The account’s email could not be read: the checks are created without alerts.</p>
      )}
      {error ? (
        <InlineWarning error={error}>
          Stopped. Checks made before the failure stay and are listed on the page.
        </InlineWarning>
      ) : null}
    </ConfirmDialog>
  );
}
